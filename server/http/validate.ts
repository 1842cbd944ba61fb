import type { ZodIssue, ZodTypeAny, z } from 'zod';
import { AppError, type FieldError } from '../errors.js';

/** One field error per issue; an unknown key (a strict schema) names the key itself, e.g. `lines.0.endCustomerNo`. */
function fieldErrors(issue: ZodIssue, where: string): FieldError[] {
  const at = (path: (string | number)[]) => (path.length ? path.join('.') : where);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: at([...issue.path, key]), message: 'unknown field: this API does not take it' }));
  }
  return [{ field: at(issue.path), message: issue.message }];
}

/** Parses a request part with its zod schema; a failure is a 400 naming each bad field. */
export function parse<S extends ZodTypeAny>(schema: S, value: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((i) => fieldErrors(i, where));
  throw new AppError('VALIDATION_FAILED', `invalid ${where}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, 400, {
    errors,
  });
}
