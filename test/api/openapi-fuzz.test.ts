/**
 * A bounded fuzz of the whole API: every operation of /api/openapi.json, as each role (no
 * credentials, a distributor user, a channel manager, finance, a vendor admin, a read-only API
 * token), with inputs built from the operation's own schemas and broken on purpose: wrong types,
 * ids and numbers as `0x1F`, `%20%31` or twenty digits, strings with NUL characters, astral
 * characters or 5,000 characters, required fields missing, unknown fields, arrays for objects,
 * invalid JSON, other media types. No request may answer 5xx: a malformed request is the caller's
 * error (4xx), and a server error on one is a bug at the edge.
 *
 * Bounded and reproducible: a fixed seed per operation, FUZZ_RUNS inputs per operation and role
 * (12 by default: about 4,500 requests, near a minute per database on 2 cores); a third of the
 * inputs are plausible (the schema's patterns, bounds and required fields kept) so the services
 * are reached too, not only the validation. `FUZZ_RUNS=100 FUZZ_SEED=7` for a longer hunt; a
 * failure prints each request that answered 5xx.
 */
import fc from 'fast-check';
import request from 'supertest';
import type { Test } from 'supertest';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The part of an OpenAPI 3.1 schema object the generator reads. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  example?: unknown;
  default?: unknown;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Doc {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One request the fuzzer sends; printed as it is when the answer is a 5xx. */
interface FuzzRequest {
  method: Method;
  url: string;
  contentType?: string;
  /** A Content-Encoding the body does not have (it is sent as it is). */
  contentEncoding?: string;
  body?: string;
  idempotencyKey?: string;
  /** Credentials that are not: sent only by the caller without any (an anonymous request). */
  forged?: { header: 'Authorization' | 'Cookie'; value: string };
}

// ---- values that break inputs -------------------------------------------------------------

const HUGE_DIGITS = '99999999999999999999';
/** Path and query values that are not plain decimal digits within range, already URL-encoded. */
const BAD_NUMBER_TEXT = ['0x1F', '%20%31', HUGE_DIGITS, '-1', '0', '1.5', '1e3', '+1', '%00', '%ZZ', 'null', '%F0%9F%92%A5', '1%2F2', ''];
const LONG = 'x'.repeat(5000);
/** Stands for the JSON number 1e400 (Infinity once parsed), which JSON.stringify cannot write. */
const OVERFLOW = '\u0001overflow\u0001';
/** JSON that parses but nests 50,000 levels deep (anything recursive over it overflows the stack). */
const DEEP_ARRAYS = '['.repeat(50_000) + ']'.repeat(50_000);
const DEEP_OBJECTS = '{"a":'.repeat(50_000) + 'null' + '}'.repeat(50_000);
/** Values of the wrong kind for any JSON field. */
const WRONG_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  1e21,
  Number.MAX_SAFE_INTEGER + 2,
  HUGE_DIGITS,
  '',
  ' ',
  LONG,
  'a\u0000b',
  '\u{1D518}\u{1D52B}\u{1F4A5}\u202E',
  '0x1F',
  '2026-02-30',
  OVERFLOW,
  '-0.0001',
  '1e400',
  [],
  {},
  [1, 'a', null],
  { nested: { deeper: [{}] } },
];
const wrongValue = fc.constantFrom(...WRONG_VALUES);
/** A string with the troublemakers mixed in: NUL, astral characters, right-to-left marks, quotes. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.fullUnicodeString({ maxLength: 20 }),
  fc.constantFrom('a\u0000b', '\u0000', LONG, "'; DROP TABLE claims; --", '=1+1', '%s%n', '../../etc/passwd', '\uFEFF\uD800'),
);

/** Malformed, truncated, foreign or forged credentials. */
const FORGED_CREDENTIALS = fc.oneof(
  fc
    .constantFrom(
      'Bearer',
      'Bearer ',
      'Bearer x',
      'bearer bec_%00',
      `Bearer ${'a'.repeat(5000)}`,
      'Basic Zm9vOmJhcg==',
      'Token abc',
      'Bearer a b',
    )
    .map((value) => ({ header: 'Authorization' as const, value })),
  fc
    .constantFrom(
      'bec_session=%ZZ',
      `bec_session=${'a'.repeat(5000)}`,
      'bec_session=s%3Aabc.def',
      'bec_session=',
      'bec_session=1; bec_session=2',
    )
    .map((value) => ({ header: 'Cookie' as const, value })),
);

/** Percent-encoded for a URL; a lone surrogate (which encodeURIComponent refuses) becomes U+FFFD. */
const encode = (text: string) =>
  encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

const decimalText = fc.constantFrom('0', '1', '12.50', '0.0001', '99999999999999.9999', '100000000000000', '1.23456', '-1', '1e3', '1,5');

// ---- arbitraries from the document's schemas ----------------------------------------------

function generator(doc: Doc) {
  const resolve = (s: Schema): Schema => {
    let at = s;
    for (let hops = 0; at.$ref && hops < 10; hops++) at = doc.components?.schemas?.[at.$ref.replace('#/components/schemas/', '')] ?? {};
    return at;
  };

  /**
   * A value of the schema's shape. `noisy`: each node is now and then replaced by one of the wrong
   * kind, required fields go missing, unknown ones appear. Not noisy: values that may well pass
   * validation (patterns, bounds, required fields kept), so the fuzzer also reaches the services.
   */
  const value = (schema: Schema, noisy: boolean, depth = 0): fc.Arbitrary<unknown> => {
    const right = wellShaped(resolve(schema), noisy, depth);
    return !noisy || depth > 4 ? right : fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: wrongValue, weight: 1 });
  };

  const wellShaped = (s: Schema, noisy: boolean, depth: number): fc.Arbitrary<unknown> => {
    const choices = s.anyOf ?? s.oneOf;
    if (choices?.length) return fc.oneof(...choices.map((c) => value(c, noisy, depth + 1)));
    if (s.allOf?.length) return value(s.allOf[0]!, noisy, depth + 1);
    if (s.enum?.length)
      return noisy ? fc.oneof(fc.constantFrom(...s.enum), fc.constant(`${String(s.enum[0])}x`)) : fc.constantFrom(...s.enum);
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    const type = types.find((x) => x !== 'null') ?? (s.properties ? 'object' : undefined);
    const examples = [s.example, s.default].filter((x) => x !== undefined).map((x) => fc.constant(x));
    switch (type) {
      case 'integer':
      case 'number': {
        // Small values first: they name the seeded rows (ids) and fit the quantities.
        const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -(2 ** 31));
        const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 2 ** 31 - 1);
        const inRange = fc.oneof(
          fc.integer({ min: Math.max(min, 1), max: Math.max(Math.min(max, 8), Math.max(min, 1)) }),
          fc.integer({ min, max }),
        );
        return noisy
          ? fc.oneof(inRange, fc.integer(), fc.constantFrom(-1, 0, 2_147_483_648, 1e21, 0.5), ...examples)
          : fc.oneof(inRange, ...examples);
      }
      case 'boolean':
        return noisy ? fc.oneof(fc.boolean(), fc.constantFrom('true', 1)) : fc.boolean();
      case 'string': {
        if (s.format === 'date')
          return noisy
            ? fc.constantFrom('2026-11-23', '2026-02-30', '2026-13-01', '1900-01-01', '9999-12-31', '23/11/2026')
            : fc.constantFrom('2026-10-01', '2026-11-23', '2027-03-31');
        if (s.format === 'date-time') return fc.constantFrom('2026-11-23T10:00:00Z', '2026-11-23T25:00:00Z', 'yesterday');
        if (s.format === 'email')
          return noisy
            ? fc.constantFrom(USERS.arrowhead, 'nobody@example.com', 'not-an-email', 'a\u0000@b.c')
            : fc.constantFrom(USERS.arrowhead, USERS.pacific);
        const fitting: fc.Arbitrary<unknown>[] = [...examples];
        if (s.pattern) {
          try {
            fitting.push(fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 200)));
          } catch {
            // A pattern JavaScript cannot read: the other values only.
          }
        } else {
          const minLength = Math.min(s.minLength ?? 0, 1000);
          fitting.push(fc.string({ minLength, maxLength: Math.max(minLength, Math.min(s.maxLength ?? 40, 40)) }));
        }
        const known = ['USD', 'SD-2026', 'VS-ADC-24S', '12.50'].filter((x) => !s.pattern || new RegExp(s.pattern).test(x));
        if (known.length) fitting.push(fc.constantFrom(...known));
        return noisy ? fc.oneof(nastyString, decimalText, ...fitting) : fc.oneof(...fitting);
      }
      case 'array': {
        const minLength = noisy ? 0 : (s.minItems ?? 0);
        return fc.array(s.items ? value(s.items, noisy, depth + 1) : wrongValue, {
          minLength,
          maxLength: Math.max(minLength, depth > 2 ? 2 : 4),
        });
      }
      case 'object':
        return object(s, noisy, depth);
      default:
        return noisy ? fc.oneof(nastyString, wrongValue) : fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ min: 1, max: 5 }));
    }
  };

  /** An object with some of its fields (required ones missing at times) and, at times, unknown ones. */
  const object = (s: Schema, noisy: boolean, depth: number): fc.Arbitrary<unknown> => {
    const props = Object.entries(s.properties ?? {});
    const required = (s.required ?? []).filter((k) => k in (s.properties ?? {}));
    const fields = Object.fromEntries(props.map(([k, v]) => [k, value(v, noisy, depth + 1)]));
    const complete = fc.record(fields, { requiredKeys: required });
    if (!noisy) return complete;
    const extra = fc.dictionary(
      fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'id', 'k\u0000')),
      wrongValue,
      {
        maxKeys: 2,
      },
    );
    return fc.oneof(
      { arbitrary: complete, weight: 4 },
      { arbitrary: fc.tuple(complete, extra).map(([a, b]) => ({ ...b, ...a })), weight: 1 },
      { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 2 },
    );
  };

  /** A path or query value: a plausible one (often an id of the seeded data) or, when noisy, at times a malformed one. */
  const paramText = (p: Parameter, noisy: boolean): fc.Arbitrary<string> => {
    const s = resolve(p.schema ?? {});
    const plausible = s.enum?.length
      ? fc.constantFrom(...s.enum.map(String))
      : s.type === 'integer' || s.type === 'number'
        ? fc.constantFrom('1', '2', '3', '7', '50', '1000')
        : s.format === 'date'
          ? fc.constantFrom('2026-01-01', '2026-12-31')
          : fc.constantFrom('a', 'arrow', 'USD', 'true');
    if (!noisy) return plausible;
    return fc.oneof(
      { arbitrary: plausible, weight: 3 },
      { arbitrary: fc.constantFrom(...BAD_NUMBER_TEXT), weight: 2 },
      { arbitrary: fc.oneof(nastyString, fc.string({ maxLength: 8 })).map(encode), weight: 1 },
    );
  };

  /** A query string: some of the operation's parameters and, when noisy, unknown ones and one given twice (read as an array). */
  const queryFor = (queryParams: Parameter[], noisy: boolean): fc.Arbitrary<string> => {
    const known = fc
      .subarray(queryParams)
      .chain((chosen) => fc.tuple(...chosen.map((p) => paramText(p, noisy).map((v) => [p.name, v] as const))));
    const unknown = noisy
      ? fc.array(fc.tuple(fc.constantFrom('zz', 'page[x]', '__proto__', 'id'), fc.constantFrom(...BAD_NUMBER_TEXT)), { maxLength: 1 })
      : fc.constant([]);
    const twice =
      noisy && queryParams.length
        ? fc.option(
            fc.constantFrom(...queryParams.map((p) => p.name)).map((name) => [[name, '1'] as const, [name, '2'] as const]),
            { nil: [] },
          )
        : fc.constant([]);
    return fc.tuple(known, unknown, twice).map(([a, b, c]) => {
      const pairs = [...a, ...b, ...c];
      return pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${v}`).join('&')}` : '';
    });
  };

  /** Bodies: when noisy, none, invalid JSON, other media types, JSON of the wrong shape; else JSON of the schema's shape. */
  const bodiesFor = (op: Operation, noisy: boolean): fc.Arbitrary<Pick<FuzzRequest, 'contentType' | 'contentEncoding' | 'body'>> => {
    const content = op.requestBody?.content ?? {};
    const json = content['application/json']?.schema;
    const takesFile = Object.keys(content).some((type) => type !== 'application/json');
    const asJson = (v: unknown) => ({
      contentType: 'application/json',
      body: (JSON.stringify(v) ?? 'null').replaceAll(JSON.stringify(OVERFLOW), '1e400'),
    });
    const file = fc
      .tuple(
        fc.constantFrom('text/csv', 'text/tab-separated-values', 'application/octet-stream'),
        fc.array(noisy ? nastyString : fc.constantFrom('INV-1', '1', '2026-11-12', 'VS-MCU-32F4', '12.50'), { maxLength: 5 }),
      )
      .map(([contentType, cells]) => ({
        contentType,
        body: `Invoice No,Line,Invoice Date,Mfr Part,Qty\r\n${cells.join(',')}${noisy ? '\n"unclosed,\u0000' : '\n'}`,
      }));
    if (!noisy) {
      const shaped = json ? value(json, false).map(asJson) : fc.constant({});
      return takesFile ? fc.oneof(shaped, file) : shaped;
    }
    const bodies: fc.WeightedArbitrary<Pick<FuzzRequest, 'contentType' | 'body'>>[] = [
      { arbitrary: fc.constant({}), weight: 1 },
      {
        arbitrary: fc
          .constantFrom('{"a":', '{,}', 'nul', '[', '"\\ud800"', '{"a":1}{"b":2}', ' ', DEEP_ARRAYS, DEEP_OBJECTS)
          .map((body) => ({ contentType: 'application/json', body })),
        weight: 1,
      },
      {
        arbitrary: fc
          .constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
            'application/xml',
          )
          .map((contentType) => ({ contentType, body: 'a=1&b=%00' })),
        weight: 1,
      },
      { arbitrary: (json ? value(json, true) : fc.oneof(wrongValue, fc.object({ maxDepth: 2 }))).map(asJson), weight: 5 },
      { arbitrary: fc.oneof(wrongValue, fc.array(fc.object({ maxDepth: 1 }), { maxLength: 2 })).map(asJson), weight: 1 },
    ];
    if (takesFile) bodies.push({ arbitrary: file, weight: 1 });
    return fc
      .tuple(
        fc.oneof(...bodies),
        fc.option(fc.constantFrom('gzip', 'deflate', 'br', 'x-gzip', 'compress', 'gzip, gzip'), { nil: undefined, freq: 8 }),
      )
      .map(([body, contentEncoding]) => (contentEncoding && body.body !== undefined ? { ...body, contentEncoding } : body));
  };

  /** One request for an operation: malformed (two times in three) or plausible, so that both the edge and the services are reached. */
  return (method: Method, path: string, op: Operation): fc.Arbitrary<FuzzRequest> => {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const build = (noisy: boolean) =>
      fc
        .record({
          path: fc
            .tuple(...pathParams.map((p) => paramText(p, noisy)))
            .map((values) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]!), path)),
          query: queryFor(queryParams, noisy),
          body: method === 'get' ? fc.constant({}) : bodiesFor(op, noisy),
          forged: fc.option(FORGED_CREDENTIALS, { nil: undefined, freq: 3 }),
          idempotencyKey: fc.option(fc.oneof(fc.constantFrom('k1', 'x'.repeat(300)), fc.string({ maxLength: 20 }).map(encode)), {
            nil: undefined,
            freq: 4,
          }),
        })
        .map(({ path: p, query, body, idempotencyKey, forged }) => ({ method, url: p + query, ...body, idempotencyKey, forged }));
    return fc.oneof({ arbitrary: build(true), weight: 2 }, { arbitrary: build(false), weight: 1 });
  };
}

/** A 31-bit hash of a text (FNV-1a), to derive one seed per operation. */
const hash = (text: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 1;
};

// ---- the test -----------------------------------------------------------------------------

/** Who the fuzzer speaks as: a bearer token (re-minted when a fuzzed request revoked it) or nobody. */
interface Caller {
  name: string;
  email?: string;
  scopes?: string[];
  token?: string;
}

describeDb('OpenAPI fuzz: malformed input on every operation, as each role, never a 5xx', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    // Limits far above what the fuzzer sends, so it meets the routes, not only 429s.
    t = await startTestApp({
      env: {
        API_RATE_LIMIT_PER_MINUTE: '1000000',
        SIGNIN_RATE_LIMIT: '1000000',
        SIGNIN_ADDRESS_RATE_LIMIT: '1000000',
        INVALID_TOKEN_RATE_LIMIT_PER_MINUTE: '1000000',
      },
    });
    doc = (await t.http.get('/api/openapi.json')).body as Doc;
  });
  afterAll(() => t.close());

  const mint = async (caller: Caller) => {
    if (!caller.email) return;
    const agent = request.agent(t.app);
    const s = await agent.post('/api/session').send({ email: caller.email, password: DEMO_PASSWORD });
    expect(s.status).toBe(200);
    const made = await agent
      .post('/api/tokens')
      .set('X-CSRF-Token', s.body.csrfToken)
      .send({ name: `fuzz ${caller.name}`, scopes: caller.scopes ?? ['read', 'write', 'admin'] });
    expect(made.status).toBe(201);
    caller.token = made.body.token as string;
  };
  /** After a request that may have revoked the caller's token (DELETE /api/tokens/{id}, sign-out), a fresh one. */
  const stillSignedIn = async (caller: Caller) => {
    if (!caller.token) return;
    if ((await t.http.get('/api/session').set('Authorization', `Bearer ${caller.token}`)).status === 401) await mint(caller);
  };

  const send = (caller: Caller, r: FuzzRequest): Test => {
    let req = (t.http[r.method] as unknown as (url: string) => Test)(r.url);
    if (caller.token) req = req.set('Authorization', `Bearer ${caller.token}`);
    if (r.idempotencyKey !== undefined) req = req.set('Idempotency-Key', r.idempotencyKey);
    if (!caller.token && r.forged) req = req.set(r.forged.header, r.forged.value);
    if (r.contentType) req = req.set('Content-Type', r.contentType);
    if (r.contentEncoding) req = req.set('Content-Encoding', r.contentEncoding);
    return r.body === undefined ? req : req.send(r.body);
  };

  const callers: Caller[] = [
    { name: 'anonymous' },
    { name: 'distributor user', email: USERS.arrowhead },
    { name: 'channel manager', email: USERS.cm },
    { name: 'finance', email: USERS.finance },
    { name: 'vendor admin', email: USERS.admin },
    { name: 'read-only token', email: USERS.finance2, scopes: ['read'] },
  ];

  // What the fuzzer found, pinned: each was a 500.
  describe('regressions', () => {
    it('answers 400 MALFORMED_PATH to a path parameter that is not valid percent-encoding', async () => {
      const cm = { name: 'channel manager', email: USERS.cm };
      await mint(cm);
      for (const path of ['/api/requests/%ZZ/accept-counter', '/api/claims/%E0%A4%A', '/api/tokens/%']) {
        const res = await send(cm, {
          method: path.startsWith('/api/tokens') ? 'delete' : 'post',
          url: path,
          contentType: 'application/json',
          body: '{}',
        });
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: 'MALFORMED_PATH' });
      }
    });

    it('answers 400 BODY_NOT_DECODABLE to a body that does not decode as its Content-Encoding', async () => {
      const cm = { name: 'channel manager', email: USERS.cm };
      await mint(cm);
      for (const contentEncoding of ['gzip', 'deflate', 'br']) {
        const res = await send(cm, {
          method: 'post',
          url: '/api/requests',
          contentType: 'application/json',
          contentEncoding,
          body: '{"a":1}',
        });
        expect({ contentEncoding, status: res.status, code: res.body.code }).toEqual({
          contentEncoding,
          status: 400,
          code: 'BODY_NOT_DECODABLE',
        });
      }
      // An encoding the JSON reader does not know stays a 415.
      const res = await send(cm, {
        method: 'post',
        url: '/api/requests',
        contentType: 'application/json',
        contentEncoding: 'compress',
        body: '{}',
      });
      expect(res.status).toBe(415);
    });

    it('answers 400 JSON_TOO_DEEP to a JSON body nested 200,000 levels deep, with an Idempotency-Key or without', async () => {
      const cm = { name: 'channel manager', email: USERS.cm };
      await mint(cm);
      const arrays = '['.repeat(200_000) + ']'.repeat(200_000);
      const objects = `{"programId":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
      for (const [url, body, idempotencyKey] of [
        ['/api/requests', arrays, undefined],
        ['/api/requests', objects, undefined],
        ['/api/claims', arrays, 'deep-1'],
      ] as const) {
        const res = await send(cm, { method: 'post', url, contentType: 'application/json', body, idempotencyKey });
        expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 400, code: 'JSON_TOO_DEEP' });
      }
      // 32 levels are still read (and refused by the schema, naming the field).
      const res = await send(cm, {
        method: 'post',
        url: '/api/requests',
        contentType: 'application/json',
        body: `{"x":${'['.repeat(31)}${']'.repeat(31)}}`,
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  it.each(callers.map((c) => [c.name, c]))(
    'answers no 5xx to malformed input on any operation, as %s',
    async (_name, caller) => {
      await mint(caller);
      const requestFor = generator(doc);
      const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
        (Object.entries(item) as [Method, Operation][]).map(([method, op]) => ({ method, path, op })),
      );
      expect(operations.length).toBeGreaterThan(40);
      const serverErrors: string[] = [];
      const tally = new Map<number, number>();
      for (const { method, path, op } of operations) {
        await fc.assert(
          fc.asyncProperty(requestFor(method, path, op), async (r) => {
            const res = await send(caller, r);
            tally.set(res.status, (tally.get(res.status) ?? 0) + 1);
            if (res.status >= 500)
              serverErrors.push(
                `${res.status} as ${caller.name}: ${r.method.toUpperCase()} ${r.url}` +
                  (r.contentType
                    ? ` (${r.contentType}${r.contentEncoding ? `, ${r.contentEncoding}` : ''}) ${JSON.stringify(r.body?.slice(0, 400))}`
                    : '') +
                  (r.idempotencyKey !== undefined ? ` Idempotency-Key: ${r.idempotencyKey.slice(0, 40)}` : '') +
                  (!caller.token && r.forged ? ` ${r.forged.header}: ${r.forged.value.slice(0, 40)}` : '') +
                  ` -> ${JSON.stringify(res.body).slice(0, 300)}`,
              );
            if (method === 'delete' || res.status === 401) await stillSignedIn(caller);
          }),
          // One seed per operation, from its name: its inputs stay the same when another is added.
          { seed: SEED ^ hash(`${method} ${path}`), numRuns: RUNS, endOnFailure: true },
        );
      }
      if (process.env.FUZZ_VERBOSE) console.log(caller.name, Object.fromEntries([...tally].sort(([a], [b]) => a - b)));
      expect(serverErrors).toEqual([]);
      // Not only refusals: some inputs get through validation to the routes' work.
      if (caller.token) expect([...tally].filter(([status]) => status < 300).length).toBeGreaterThan(0);
    },
    // About 60 operations x FUZZ_RUNS requests.
    Math.max(120_000, RUNS * 60 * 500),
  );
});
