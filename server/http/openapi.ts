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
      instance: z.string().openapi({ description: 'the path of the request that failed' }),
      errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    })
    // RFC 9457 extension members: some problems carry more (e.g. claimId, needed, scopes).
    .catchall(z.unknown())
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
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** The document's tags, each described once; a route naming another tag fails at import. */
export const TAGS: Record<string, string> = {
  auth: 'Sign-in, sessions, API and embed tokens, single sign-on',
  catalog: 'Accounts (distributors, resellers, end customers) and products',
  programs: 'Programs: ship & debit, SPA, DPA, promotions, rebates',
  requests: 'Special-price requests and their decisions',
  authorizations: 'Authorizations (ship & debit numbers) made from approved requests',
  claims: 'Claims, their lines, review, adjustment, authorization and payment',
  disputes: 'Disputed lines and their resubmission',
  imports: 'POS reports: imports, mapping, errors, claims from POS lines',
  integrations: 'CRM (Salesforce) sync and the approval context it brings',
  reports: 'Accruals and claim figures',
  analytics:
    'Channel analytics: by distributor, program, program type, product and month; margin trends, program ROI, utilization; per currency and in the base currency; CSV',
  'fx-rates': 'Exchange rates into the base currency: dated, exact, loaded by API or CSV; the one source of every conversion',
  settlement: 'Debits owed to distributors',
  audit: 'The append-only audit trail',
  users: 'Users, roles and invitations (vendor admins); SCIM 2.0 for identity providers is under /scim/v2',
  notifications: "The caller's inbox and notification preferences",
  webhooks: 'Outbound webhooks: endpoints, deliveries, replay',
  enrichment: 'POS enrichment: end customers matched to the master, the review queue, aliases, unknown parts',
  documents: 'Documents attached to programs, requests, claims and claim lines',
  routing: 'Approval routing: rules by program, distributor, value, margin impact and discount; delegations while away',
  masterdata:
    'Master data (vendor admins; channel managers read): products and price book, part numbers, end customers, resellers, distributors, bulk CSV loads',
  edi: 'EDI X12 trading partners: interchange ids, qualifiers, control numbers',
  finance:
    'The finance hand-off: the journal (accruals, reversals, payments) and its export, credit memos with their ERP reference, account codes, month close',
  rebates: 'Rebate programs: terms, calculation over POS lines, what-if, progress, period close, authorization and payment',
};

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
  /** the media types the `upload` takes, when not FILE_MEDIA_TYPES (a document: PDF, images) */
  uploadTypes?: readonly string[];
  query?: z.AnyZodObject;
  params?: z.AnyZodObject;
  response?: z.ZodTypeAny;
  /** A success body that is not JSON (a CSV export, an event stream), described in words. */
  produces?: { mediaType: 'text/csv' | 'text/event-stream' | 'application/octet-stream' | 'application/edi-x12'; description: string };
  status?: number;
  /** A job (202 at once): with `?wait=true` it answers 201 once the job has ended, with this body (`response` when true). */
  waitable?: true | z.ZodTypeAny;
  /** Whether the route honours an Idempotency-Key header. */
  idempotent?: boolean;
  public?: boolean;
  /**
   * The 4xx answers this route gives besides the ones every route of its kind gives (see
   * `standardErrors`), each with the problem codes it carries, e.g. `{ 409: 'CLAIM_ALREADY_EXISTS: ...' }`.
   * Documented means produced: test/api/claims-contract.test.ts provokes each one it lists.
   */
  errors?: Partial<Record<Exclude<ErrorStatus, 401 | 429>, string>>;
}

/**
 * The 4xx answers a route gives by its kind, whatever its handler does, each as `[code, why]`:
 * the edge validates every input (400), every private route needs credentials (401), a change
 * the write scope and a cookie session's CSRF token (403), a path id may name nothing the caller
 * may see (404), an Idempotency-Key may be reused (422), and every /api call is rate limited
 * (429). test/api/openapi-responses.test.ts provokes them on every operation.
 */
function standardErrors(doc: RouteDoc): Partial<Record<ErrorStatus, [string, string][]>> {
  const writes = doc.method !== 'get';
  const out: Partial<Record<ErrorStatus, [string, string][]>> = {};
  if (doc.body || doc.query || doc.params || doc.idempotent)
    out[400] = [
      ['VALIDATION_FAILED', 'a missing, unknown or malformed field, errors[] naming each'],
      ...(doc.body ? ([['MALFORMED_JSON', 'the body is not JSON']] as [string, string][]) : []),
    ];
  if (!doc.public) {
    out[401] = [
      ['UNAUTHENTICATED', 'no session cookie and no bearer token'],
      ['INVALID_TOKEN', 'the bearer token is unknown, expired or revoked'],
    ];
  }
  // A read needs the `read` scope, which every credential has: a GET is refused (403) only by its own rules.
  if (!doc.public && writes) {
    out[403] = [
      ['INSUFFICIENT_SCOPE', 'the API token lacks the scope this needs (write; admin to manage users and integrations)'],
      ['FORBIDDEN', "the caller's role may not do this"],
      ['CSRF_TOKEN_INVALID', "a cookie session's change without its X-CSRF-Token"],
    ];
  }
  // A user with no role (`no_access`) is refused everywhere under /api but who-am-I (server/auth/actor.ts).
  if (!doc.public && doc.path.startsWith('/api/') && doc.path !== '/api/session')
    (out[403] ??= []).push([
      'NO_ROLE',
      'the account has no role (no_access): an admin, or the identity provider through a group, gives it one',
    ]);
  if (doc.params) out[404] = [['NOT_FOUND', 'nothing of that id the caller may see (a distributor sees only its own)']];
  if (doc.idempotent) out[422] = [['IDEMPOTENCY_KEY_REUSED', 'the Idempotency-Key was sent with another request']];
  if (doc.path.startsWith('/api/')) out[429] = [['RATE_LIMITED', 'too many requests from this caller; try again later']];
  return out;
}

/** The route's 4xx descriptions: its own first, then each standard code it does not already name. */
function errorResponses(doc: RouteDoc): Record<string, string> {
  const standard = standardErrors(doc);
  const statuses = [...new Set([...Object.keys(standard), ...Object.keys(doc.errors ?? {})].map(Number) as ErrorStatus[])].sort();
  return Object.fromEntries(
    statuses.map((status) => {
      const own = (doc.errors as Partial<Record<ErrorStatus, string>> | undefined)?.[status];
      const rest = (standard[status] ?? []).filter(([code]) => !own?.includes(code)).map(([code, why]) => `${code}: ${why}`);
      return [String(status), [own, ...rest].filter(Boolean).join('; ')];
    }),
  );
}

/**
 * The operation's id, derived from its method and path: `GET /api/claims/:id/lines` is
 * `getClaimsByIdLines`, `POST /api/requests/:id/accept-counter` is `postRequestsByIdAcceptCounter`.
 */
export function operationIdOf(method: Method, path: string): string {
  const words = path
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}
const operationIds = new Set<string>();

/** Declares a route in the OpenAPI document; the router uses the same schemas to validate. */
export function describeRoute(doc: RouteDoc) {
  const status = doc.status ?? 200;
  const operationId = operationIdOf(doc.method, doc.path);
  if (operationIds.has(operationId)) throw new Error(`two routes have the operationId ${operationId}`);
  operationIds.add(operationId);
  const unknownTag = doc.tags.find((tag) => !(tag in TAGS));
  if (unknownTag) throw new Error(`${doc.method} ${doc.path}: the tag ${unknownTag} is not in TAGS`);
  if (doc.upload) acceptFileBody(doc.method, doc.path, doc.uploadTypes);
  const file = z.string().openapi({ format: 'binary', description: doc.upload });
  const content = {
    ...(doc.body ? { 'application/json': { schema: doc.body } } : {}),
    ...(doc.upload ? Object.fromEntries((doc.uploadTypes ?? FILE_MEDIA_TYPES).map((type) => [type, { schema: file }])) : {}),
  };
  registry.registerPath({
    method: doc.method,
    path: doc.path.replace(/:(\w+)/g, '{$1}'),
    operationId,
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
        description: doc.produces?.description ?? 'success',
        // A JSON answer and a file answer (`?format=csv`) may both be documented: one content map, both types.
        ...(doc.response || doc.produces
          ? {
              content: {
                ...(doc.response ? { 'application/json': { schema: doc.response } } : {}),
                ...(doc.produces ? { [doc.produces.mediaType]: { schema: z.string() } } : {}),
              },
            }
          : {}),
      },
      ...(doc.waitable
        ? {
            201: {
              description: 'with ?wait=true: the job has ended',
              content: { 'application/json': { schema: doc.waitable === true ? (doc.response ?? z.unknown()) : doc.waitable } },
            },
          }
        : {}),
      ...Object.fromEntries(
        Object.entries(errorResponses(doc)).map(([code, description]) => [
          code,
          { description, content: { 'application/problem+json': { schema: Problem } } },
        ]),
      ),
      default: { description: 'an error', content: { 'application/problem+json': { schema: Problem } } },
    },
  });
}

/**
 * Two ways zod-to-openapi writes a nullable schema that refuse the null they mean to allow, mended
 * in place: `z.enum([...]).nullable()` as `{type: [..., 'null'], enum: [...]}` with no null in the
 * enum (a null `crm.linkedBy` failed its own schema), and a nullable named schema with a
 * description as `{allOf: [{$ref}], type: [..., 'null']}` (null fails the $ref), written here as
 * `{anyOf: [{$ref}, {type: 'null'}]}`.
 */
function allowNulls(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(allowNulls);
  if (node === null || typeof node !== 'object') return;
  const schema = node as { type?: unknown; enum?: unknown[]; allOf?: Record<string, unknown>[]; anyOf?: unknown[] };
  if (Array.isArray(schema.enum) && Array.isArray(schema.type) && schema.type.includes('null') && !schema.enum.includes(null))
    // A new array: the enum may be shared with other schemas, or be a constant of the code (`CSV_SEPARATORS`).
    schema.enum = [...schema.enum, null];
  const [ref, nullable, ...more] = schema.allOf ?? [];
  if (ref?.$ref && nullable && !more.length && Array.isArray(nullable.type) && nullable.type.includes('null')) {
    const { type: _type, ...rest } = nullable;
    delete schema.allOf;
    Object.assign(schema, rest, { anyOf: [ref, { type: 'null' }] });
  }
  Object.values(node).forEach(allowNulls);
}

export function openApiDocument() {
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'BEC API',
      version: '0.1.0',
      description: 'Distributor back-end credits: programs, special-price requests, authorizations, claims, credit memos.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      // The site the problem types (https://bec.dev/problems/...) already name.
      contact: { name: 'BEC maintainers', url: 'https://bec.dev' },
    },
    servers: [{ url: '/', description: 'the server that serves this document' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
  });
  allowNulls(document);
  return document;
}

/**
 * How a table file the vendor uploads (exchange rates, shipments) reads its numbers and dates
 * when the file does not show it: `?decimalMark=` and `?dateOrder=` (null: the file decides).
 */
export const TableFileQuery = z.object({
  decimalMark: z
    .enum(['.', ','])
    .optional()
    .openapi({ description: "the file's decimal mark when a number does not show it (1,000 vs 1.000; 0,925 vs 0.925)" }),
  dateOrder: z.enum(['MDY', 'DMY']).optional().openapi({ description: 'the order of dates such as 03/04/2026 (ISO dates need none)' }),
});
export const tableFileOptions = (q: z.infer<typeof TableFileQuery>) => ({
  decimalMark: q.decimalMark ?? null,
  dateOrder: q.dateOrder ?? null,
});
