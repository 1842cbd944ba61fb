import type { ZodTypeAny, z } from 'zod';
import { AppError } from '../errors.js';

/** Parses a request part with its zod schema; a failure is a 400 naming each bad field. */
export function parse<S extends ZodTypeAny>(schema: S, value: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({
    field: i.path.length ? i.path.join('.') : where,
    message: i.message,
  }));
  throw new AppError('VALIDATION_FAILED', `invalid ${where}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, 400, {
    errors,
  });
}
