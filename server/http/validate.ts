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

const NUL_MESSAGE = 'contains a NUL character (U+0000), which no field takes';
const MAX_NUL_ERRORS = 20;

/**
 * Every string (and object key) of a request part holding U+0000, by its path. No field takes
 * one: a zod string schema lets it through, and the databases refuse or cut it further down (a
 * 500 before). Walked without recursion: a JSON body may nest deeply.
 */
function nulFields(value: unknown, where: string): FieldError[] {
  // The usual case, no NUL anywhere, at the cost of one native serialization (JSON writes U+0000 as \u0000).
  const text: unknown = JSON.stringify(value);
  if (typeof text !== 'string' || !text.includes('\\u0000')) return [];
  const found: FieldError[] = [];
  const at = (path: (string | number)[]) => (path.length ? path.join('.') : where);
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length && found.length < MAX_NUL_ERRORS) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\0')) found.push({ field: at(path), message: NUL_MESSAGE });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    } else if (v !== null && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v).reverse()) {
        if (key.includes('\0')) found.push({ field: at([...path, key.replace(/\0/g, '\\0')]), message: NUL_MESSAGE });
        else stack.push({ value: inner, path: [...path, key] });
      }
    }
  }
  return found.slice(0, MAX_NUL_ERRORS);
}

const refuse = (errors: FieldError[], where: string) =>
  new AppError('VALIDATION_FAILED', `invalid ${where}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, 400, {
    errors,
  });

/**
 * Parses a request part with its zod schema; a failure is a 400 naming each bad field. Every API
 * input goes through here, so this is also where a NUL character anywhere in it is refused.
 */
export function parse<S extends ZodTypeAny>(schema: S, value: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<S> {
  const nul = nulFields(value, where);
  if (nul.length) throw refuse(nul, where);
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw refuse(
    result.error.issues.flatMap((i) => fieldErrors(i, where)),
    where,
  );
}
