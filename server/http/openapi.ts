/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
 * Every router registers its paths on `registry`; `z` is exported already extended.
 */
import { parseIsoDate } from '../../core/claims/units.js';
import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { acceptFileBody, FILE_MEDIA_TYPES } from './body-limit.js';

extendZodWithOpenApi(z);
export { z };

export const registry = new OpenAPIRegistry();
registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
registry.registerComponent('securitySchemes', 'cookie', { type: 'apiKey', in: 'cookie', name: 'bec_session' });

export const Problem = registry.register(
  'Problem',
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      code: z.string().openapi({ description: 'stable machine-readable error code' }),
      detail: z.string(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    })
    .openapi({ description: 'RFC 9457 problem details' }),
);

/** Amounts, quantities and currencies on the wire: see ./money-schemas.ts. */
/** A calendar date as YYYY-MM-DD (2026-02-30 and 2026-13-01 are refused), checked by core's one date parser. */
export const DateString = z
  .string()
  .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && parseIsoDate(d) !== -1, 'a calendar date as YYYY-MM-DD')
  .openapi({ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-11-23' });
/** The largest id or count a path or query may name (INT columns). */
export const MAX_INT = 2_147_483_647;

/**
 * A whole number in a path or a query string: decimal digits only (no sign, space, `0x`, exponent
 * or fraction: `0x1F` and `%20%31` are refused, not read as 31 and 1), within [min, max] (a page
 * of 99999999999999999999 is a 400, not a 500).
 */
export const wholeNumber = (min = 0, max = MAX_INT) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
    z.number({ invalid_type_error: 'decimal digits' }).int().min(min).max(max),
  );

export const IdParam = z.object({ id: wholeNumber(1) });

type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';
interface RouteDoc {
  method: Method;
  path: string;
  summary: string;
  tags: string[];
  body?: z.ZodTypeAny;
  /**
   * The route takes a file body (streamed; one of FILE_MEDIA_TYPES), described here: it is
   * documented beside the JSON `body` if any, and a file sent to any other route is refused (415).
   */
  upload?: string;
  query?: z.AnyZodObject;
  params?: z.AnyZodObject;
  response?: z.ZodTypeAny;
  status?: number;
  /** Whether the route honours an Idempotency-Key header. */
  idempotent?: boolean;
  public?: boolean;
  /**
   * The 4xx answers this route gives besides the usual ones (401 unauthenticated, 400 for a bad
   * field), each with the problem codes it carries, e.g. `{ 409: 'CLAIM_ALREADY_EXISTS: ...' }`.
   * Documented means produced: test/api/claims-contract.test.ts provokes each one it lists.
   */
  errors?: Partial<Record<400 | 403 | 404 | 409 | 413 | 415 | 422, string>>;
}

/** Declares a route in the OpenAPI document; the router uses the same schemas to validate. */
export function describeRoute(doc: RouteDoc) {
  const status = doc.status ?? 200;
  if (doc.upload) acceptFileBody(doc.method, doc.path);
  const file = z.string().openapi({ format: 'binary', description: doc.upload });
  const content = {
    ...(doc.body ? { 'application/json': { schema: doc.body } } : {}),
    ...(doc.upload ? Object.fromEntries(FILE_MEDIA_TYPES.map((type) => [type, { schema: file }])) : {}),
  };
  registry.registerPath({
    method: doc.method,
    path: doc.path.replace(/:(\w+)/g, '{$1}'),
    summary: doc.summary,
    tags: doc.tags,
    security: doc.public ? [] : [{ bearer: [] }, { cookie: [] }],
    request: {
      ...(doc.params ? { params: doc.params } : {}),
      ...(doc.query ? { query: doc.query } : {}),
      ...(doc.idempotent
        ? {
            headers: z.object({
              'Idempotency-Key': z
                .string()
                .max(255)
                .optional()
                .openapi({ description: 'a retry with the same key returns the first response' }),
            }),
          }
        : {}),
      ...(Object.keys(content).length ? { body: { content } } : {}),
    },
    responses: {
      [status]: {
        description: 'success',
        ...(doc.response ? { content: { 'application/json': { schema: doc.response } } } : {}),
      },
      ...Object.fromEntries(
        Object.entries(doc.errors ?? {}).map(([code, description]) => [
          code,
          { description, content: { 'application/problem+json': { schema: Problem } } },
        ]),
      ),
      default: { description: 'an error', content: { 'application/problem+json': { schema: Problem } } },
    },
  });
}

export function openApiDocument() {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'BEC API',
      version: '0.1.0',
      description: 'Distributor back-end credits: programs, special-price requests, authorizations, claims, credit memos.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
  });
}
