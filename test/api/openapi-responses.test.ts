/**
 * The document tells the truth about responses: every GET operation of /api/openapi.json, and the
 * main writes of the lifecycle, called on the demo data as each role (a distributor user, a
 * channel manager, finance, an admin); each real body is validated against the schema the
 * document gives for its status (compiled with ajv as JSON Schema 2020-12, objects closed: a field
 * the server sends but the document does not name fails too, since the client types come from
 * the document). Every 4xx an operation answers is one it documents, naming the problem's code.
 * And the 4xx every route gives by its kind (401 without credentials, 429 past the rate limit) are
 * provoked on every operation that documents them.
 */
import { interchange } from '../core/edi/x12.js';
import { randomBytes } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import request from 'supertest';
import { CSV_SEPARATORS } from '../../core/pos/csv.js';
import { databaseRateLimitStore } from '../../server/http/rate-limit-store.js';
import { TestIdp } from '../support/test-idp.js';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface JsonSchema {
  [key: string]: unknown;
}
interface Operation {
  operationId: string;
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { description: string; content?: Record<string, { schema?: JsonSchema }> }>;
}
interface Doc {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: { schemas: Record<string, JsonSchema> };
}

const DOC_ID = 'https://bec.dev/openapi.json';

/**
 * Closes every object schema that does not say otherwise, so an undocumented field is an error;
 * an `allOf` (a schema extending another) is closed as a whole, not member by member.
 */
function closeObjects(schema: unknown, inAllOf = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => closeObjects(s, inAllOf));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closeObjects(s)]));
    else if (k === 'allOf') out[k] = (v as unknown[]).map((s) => closeObjects(s, true));
    else out[k] = closeObjects(v);
  }
  if (inAllOf) return out;
  if (out.allOf && out.unevaluatedProperties === undefined) out.unevaluatedProperties = false;
  else if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** The documented schemas, compiled once: `validate(operation, status)` checks a body against the one for that status. */
function validatorFor(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
  // ajv-formats is CommonJS: its plugin is the module and its `default` alike.
  formats.default(ajv);
  const rebased = JSON.parse(JSON.stringify(doc).replaceAll('"#/components/schemas/', `"${DOC_ID}#/components/schemas/`)) as Doc;
  ajv.addSchema({ $id: DOC_ID, components: { schemas: closeObjects(rebased.components.schemas) } });
  const compiled = new Map<string, ValidateFunction>();
  return (op: Operation, status: number, body: unknown): string[] => {
    const key = `${op.operationId} ${status}`;
    let validate = compiled.get(key);
    if (!validate) {
      const response = rebasedOp(rebased, op.operationId).responses[String(status)];
      if (!response) return [`status ${status} is not documented for ${op.operationId}`];
      const schema = Object.values(response.content ?? {})[0]?.schema;
      if (!schema)
        return body === undefined || body === '' || (typeof body === 'object' && body !== null && !Object.keys(body).length)
          ? []
          : [`${key}: a body the document does not describe`];
      validate = ajv.compile(closeObjects(schema) as object);
      compiled.set(key, validate);
    }
    const v = validate;
    return v(body)
      ? []
      : (v.errors ?? [])
          .slice(0, 5)
          .map(
            (e) =>
              `${key}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}, was ${JSON.stringify(e.data)?.slice(0, 120)}`,
          );
  };
}

function rebasedOp(doc: Doc, operationId: string): Operation {
  for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops)) if (op!.operationId === operationId) return op!;
  throw new Error(`no operation ${operationId}`);
}

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method as Method, op: op! })),
  );

const ROLES = { distributor: USERS.arrowhead, 'channel manager': USERS.cm, finance: USERS.finance, admin: USERS.admin } as const;

/** What a path parameter is filled with: the first item the role sees in the collection above it. */
async function fillPath(c: Client, path: string, made: Record<string, number>): Promise<string | null> {
  // an object's documents are listed by naming the object
  if (path === '/api/documents') return `/api/documents?ownerType=claim&ownerId=${made.claimId}`;
  let url = path;
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    const before = url.slice(0, url.indexOf(`{${name}}`)).replace(/\/$/, '');
    let value: string | number | undefined;
    if (name === 'runId') value = made.runId;
    else if (before === '/api/disputes/lines') value = made.claimLineId;
    else if (before === '/api/imports' && made.importId) value = made.importId;
    else if (before === '/api/documents') value = made.documentId;
    else if (before === '/api/edi/partners')
      value = 2; // Arrowhead's, set up below
    else if (before === '/api/edi/claims') value = made.claim844Id;
    else if (before === '/api/finance/periods') value = (await c.get(before)).body?.items?.[0]?.month;
    else {
      const list = await c.get(before);
      const first = (list.body?.items ?? list.body)?.[0] as { id?: number; name?: string } | undefined;
      value = first?.id ?? first?.name;
    }
    if (value === undefined) return null;
    url = url.replace(`{${name}}`, encodeURIComponent(String(value)));
  }
  return url;
}

describeDb('the OpenAPI document describes the real responses', () => {
  let t: TestApp;
  let doc: Doc;
  let check: ReturnType<typeof validatorFor>;
  /** Ids made by the writes below, for the GETs that need them. */
  const made: Record<string, number> = {};
  const problems: string[] = [];
  const seen = new Set<string>();

  /** Validates one answer; a 2xx or 4xx is checked against the schema of its status. */
  const record = (op: Operation, who: string, res: { status: number; body: unknown; type?: string }) => {
    seen.add(`${op.operationId} ${res.status}`);
    if (res.status >= 500) problems.push(`${op.operationId} as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    else if (res.status < 300 && op.responses[String(res.status)]?.content?.['application/octet-stream']) {
      // a download: bytes of the type they were found to be (a document), not JSON
      if (res.type === 'application/json') problems.push(`${op.operationId} as ${who}: a download answered JSON`);
    } else if (res.type === 'text/csv' || res.type === 'text/event-stream') {
      const documented = Object.keys(Object.values(op.responses).find((r) => r.content)?.content ?? {});
      if (!documented.includes(res.type)) problems.push(`${op.operationId} as ${who}: ${res.type} is not documented`);
    } else {
      problems.push(...check(op, res.status, res.body).map((p) => `${p} (as ${who})`));
      if (res.status >= 400 && res.status < 500) {
        const code = (res.body as { code?: string }).code ?? '';
        const description = op.responses[String(res.status)]?.description ?? '';
        if (!description.includes(code))
          problems.push(`${op.operationId} as ${who}: ${res.status} ${code} is not named in "${description}"`);
      }
    }
  };
  const opOf = (method: Method, path: string) => doc.paths[path]![method]!;

  // Each test reports what it found itself.
  beforeEach(() => {
    problems.length = 0;
  });
  beforeAll(async () => {
    // a webhook endpoint on this machine (registered below, for its GETs; nothing listens there)
    t = await startTestApp({ env: { WEBHOOK_PRIVATE_ALLOWLIST: '127.0.0.1' } });
    doc = (await t.http.get('/api/openapi.json')).body as Doc;
    check = validatorFor(doc);
  });
  afterAll(() => t.close());

  it('gives every operation an operationId, a summary and its 4xx answers', () => {
    const ids = operations(doc).map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, op } of operations(doc)) {
      expect({ path, method, summary: !!op.summary, has4xx: Object.keys(op.responses).some((s) => /^4\d\d$/.test(s)) }).toEqual({
        path,
        method,
        summary: true,
        has4xx: true,
      });
    }
  });

  it('lets a nullable enum take null without touching the constant it was made from', () => {
    // PosImport.settings.delimiter is z.enum(CSV_SEPARATORS).nullable(); the mapping's is not nullable.
    expect(doc.components.schemas.PosImport!.properties).toMatchObject({
      settings: { properties: { delimiter: { enum: [...CSV_SEPARATORS, null] } } },
    });
    expect(doc.components.schemas.PosColumnMapping!.properties).toMatchObject({
      options: { properties: { delimiter: { enum: [...CSV_SEPARATORS] } } },
    });
    expect(CSV_SEPARATORS).toEqual([',', ';', '\t', '|']);
  });

  it('answers the main writes of the lifecycle as documented', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const cm = await t.as(USERS.cm);
    const finance = await t.as(USERS.finance);
    const programs = (await arrow.get('/api/programs')).body.items as { id: number; code: string }[];
    const programId = programs.find((p) => p.code === 'SD-2026')!.id;
    const endCustomerId = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0].id as number;
    const productId = ((await arrow.get('/api/products')).body.items as { id: number; vendorPartNumber: string }[]).find(
      (p) => p.vendorPartNumber === 'VS-ADC-24S',
    )!.id;
    const requestBody = {
      programId,
      endCustomerId,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: [{ productId, quantity: 50, requestedCost: '5.5000' }],
    };

    const created = await arrow.post('/api/requests', requestBody);
    record(opOf('post', '/api/requests'), 'distributor', created);
    const lineId = created.body.lines[0].id as number;
    const countered = await cm.post(`/api/requests/${created.body.id}/counter`, {
      comment: 'meet me here',
      lines: [{ lineId, counterCost: '5.7000' }],
    });
    record(opOf('post', '/api/requests/{id}/counter'), 'channel manager', countered);
    const accepted = await arrow.post(`/api/requests/${created.body.id}/accept-counter`);
    record(opOf('post', '/api/requests/{id}/accept-counter'), 'distributor', accepted);
    const declined = await arrow.post('/api/requests', requestBody);
    record(
      opOf('post', '/api/requests/{id}/decline'),
      'channel manager',
      await cm.post(`/api/requests/${declined.body.id}/decline`, { comment: 'no' }),
    );
    const own = await cm.post('/api/requests', { ...requestBody, distributorId: created.body.distributorId });
    // A channel manager never decides its own request: a documented 403.
    record(opOf('post', '/api/requests/{id}/approve'), 'channel manager', await cm.post(`/api/requests/${own.body.id}/approve`, {}));

    const auth = await approvedAuthorization(t, { quantity: 100, cost: '5.2900' });
    const claim = await arrow.post('/api/claims', {
      debitMemoNumber: `OAR-${Date.now()}`,
      submit: true,
      lines: [
        {
          authorizationNumber: auth.number,
          vendorPartNumber: 'VS-ADC-24S',
          endCustomerName: auth.customer,
          invoiceNumber: `OAR-INV-${Date.now()}`,
          invoiceLine: '1',
          invoiceDate: '2026-11-10',
          quantity: 10,
          bookCost: '6.0270',
          authorizedCost: '5.2900',
        },
      ],
    });
    record(opOf('post', '/api/claims'), 'distributor', claim);
    made.claimLineId = claim.body.lines[0].id;
    const claimId = claim.body.id as number;
    record(
      opOf('post', '/api/claims/{id}/lines/{lineId}/adjust'),
      'finance',
      await finance.post(`/api/claims/${claimId}/lines/${made.claimLineId}/adjust`, {
        approvedAmount: '7.0000',
        reason: 'a short shipment',
      }),
    );
    record(opOf('post', '/api/claims/{id}/notes'), 'finance', await finance.post(`/api/claims/${claimId}/notes`, { body: 'checked' }));
    // finance adjusted: another finance user authorizes (the requester of an adjustment never approves it).
    const finance2 = await t.as(USERS.finance2);
    record(opOf('post', '/api/claims/{id}/authorize'), 'finance', await finance.post(`/api/claims/${claimId}/authorize`));
    record(opOf('post', '/api/claims/{id}/authorize'), 'finance', await finance2.post(`/api/claims/${claimId}/authorize`));
    record(opOf('post', '/api/claims/{id}/pay'), 'finance', await finance2.post(`/api/claims/${claimId}/pay`, { externalRef: 'ERP-1' }));
    // A document on the claim (an invoice copy), for the document GETs.
    const document = await t.http
      .post(`/api/documents?ownerType=claim&ownerId=${claimId}&fileName=invoice.pdf`)
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'application/pdf')
      .send(Buffer.from('%PDF-1.7\n%%EOF\n'));
    record(opOf('post', '/api/documents'), 'distributor', document);
    made.claimId = claimId;
    made.documentId = document.body.id;

    const imported = await t.http
      .post('/api/imports?fileName=pos.csv&wait=true')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'text/csv')
      .send(
        'invoice_number,invoice_line,invoice_date,vendor_part_number,quantity,book_cost,authorized_cost,authorization_number,end_customer_name\n' +
          `OAR-POS-1,1,2026-11-12,VS-ADC-24S,3,6.0270,5.2900,${auth.number},${auth.customer}\n`,
      );
    record(opOf('post', '/api/imports'), 'distributor', imported);
    made.importId = imported.body.id;
    const run = await arrow.post(`/api/imports/${made.importId}/claims?wait=true`, { mode: 'implicit' });
    record(opOf('post', '/api/imports/{id}/claims'), 'distributor', run);
    // Without ?wait: 202 and the run, whose GET is then called.
    const queued = await arrow.post(`/api/imports/${made.importId}/claims`, { mode: 'implicit' });
    record(opOf('post', '/api/imports/{id}/claims'), 'distributor', queued);
    made.runId = queued.body.id;

    // A claim file: 202 and the import job, or with ?wait=true 201 and the claim it made.
    const claimFile = (wait: string, invoice: string) =>
      t.http
        .post(`/api/claims/file${wait}`)
        .set('Authorization', bearerOf(arrow))
        .set('Content-Type', 'text/csv')
        .send(
          'authorization_number,vendor_part_number,end_customer_name,invoice_number,invoice_line,invoice_date,quantity,book_cost,authorized_cost\n' +
            `${auth.number},VS-ADC-24S,${auth.customer},${invoice},1,2026-11-14,2,6.0270,5.2900\n`,
        );
    const waited = await claimFile('?wait=true', 'OAR-CF-1');
    const queuedFile = await claimFile('', 'OAR-CF-2');
    expect([waited.status, queuedFile.status]).toEqual([201, 202]);
    record(opOf('post', '/api/claims/file'), 'distributor', waited);
    record(opOf('post', '/api/claims/file'), 'distributor', queuedFile);

    const admin = await t.as(USERS.admin);
    const idp = await t.http
      .put('/api/sso/identity-providers/partner')
      .set('Authorization', bearerOf(admin))
      .send({ metadataXml: new TestIdp(undefined, 'https://idp.partner.example').metadataXml() });
    record(opOf('put', '/api/sso/identity-providers/{name}'), 'admin', idp);

    // The distributor disputes the line finance adjusted down: its thread is there to read.
    const dispute = await arrow.post('/api/disputes', { lineId: made.claimLineId, comment: 'the shipment was complete' });
    expect(dispute.status).toBe(201);
    record(opOf('post', '/api/disputes'), 'distributor', dispute);
    // An admin registers a webhook endpoint (for an event nothing below raises).
    const hook = await admin.post('/api/webhooks', { url: 'http://127.0.0.1:9/bec', events: ['credit_memo.issued'] });
    expect(hook.status).toBe(201);
    record(opOf('post', '/api/webhooks'), 'admin', hook);
    // An admin sets Arrowhead's EDI partner settings.
    const partner = await t.http
      .put('/api/edi/partners/2')
      .set('Authorization', bearerOf(admin))
      .send({ isaQualifier: 'ZZ', isaId: 'ARROWDIST', ourIsaQualifier: 'ZZ', ourIsaId: 'VOLTAIC' });
    record(opOf('put', '/api/edi/partners/{distributorId}'), 'admin', partner);
    // Arrowhead sends an (empty) 867: its 997 is there to list and download.
    const x12 = await t.http
      .post('/api/imports?fileName=pos.x12&wait=true')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'application/edi-x12')
      .send(
        interchange({
          sender: 'ARROWDIST',
          transactions: [
            {
              type: '867',
              control: '0001',
              body: [
                ['BPT', '00', 'R1', '20260105', '01'],
                ['CTT', '0'],
              ],
            },
          ],
        }),
      );
    expect(x12.status).toBe(201);
    // ...and an 844 (its one line of an unknown authorization): the claim its 849 answers.
    const claim844 = await t.http
      .post('/api/claims/file?wait=true&currency=USD&debitMemoNumber=DM-844')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'application/edi-x12')
      .send(
        interchange({
          sender: 'ARROWDIST',
          control: '000000102',
          functionalId: 'CF',
          transactions: [
            {
              type: '844',
              control: '0001',
              body: [
                ['BGN', '00', 'DM-844', '20261020'],
                ['CON', 'AH', 'SD-NOPE-0000'],
                ['LIN', '1', 'VP', 'VS-ADC-24S'],
                ['QTY', '39', '1', 'EA'],
                ['REF', 'IV', 'INV-844'],
                ['DTM', '003', '20261015'],
                ['AMT', '1', '1.00'],
                ['CTT', '1', '1'],
                ['AMT', 'TT', '1.00'],
              ],
            },
          ],
        }),
      );
    expect(claim844.status).toBe(201);
    made.claim844Id = claim844.body.claim.id;
    expect(problems).toEqual([]);
  });

  it.each(Object.entries(ROLES))('answers every GET as documented, as %s', async (role, email) => {
    const c = await t.as(email);
    for (const { path, op } of operations(doc).filter((o) => o.method === 'get')) {
      const url = await fillPath(c, path, made);
      if (url === null) continue;
      const res = await c.get(url).buffer(true);
      record(op, role, {
        status: res.status,
        body: res.type === 'application/json' || res.type === 'application/problem+json' ? res.body : res.text,
        type: res.type,
      });
    }
    expect(problems).toEqual([]);
  });

  it('called every GET with a 2xx answer as some role', () => {
    const gets = operations(doc).filter((o) => o.method === 'get');
    const answered = gets.filter(({ op }) => [...seen].some((s) => s.startsWith(`${op.operationId} 2`)));
    expect(gets.map(({ op }) => op.operationId).filter((id) => !answered.some((a) => a.op.operationId === id))).toEqual([]);
  });

  it('answers 401 to every private operation called without credentials', async () => {
    for (const { path, method, op } of operations(doc)) {
      if (!op.responses['401']) continue;
      const res = await t.http[method](path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'name' ? 'okta' : '1')));
      expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: 401 });
      record(op, 'nobody', res);
    }
    expect(problems).toEqual([]);
  });

  it('answers 404 to a GET of an id nobody has, and a documented 4xx to every change of one', async () => {
    const admin = await t.as(USERS.admin);
    for (const { path, method, op } of operations(doc)) {
      if (!/\{\w+\}/.test(path)) continue;
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'name' ? 'nobody' : '2000000000'));
      const res = method === 'get' ? await admin.get(url) : await t.http[method](url).set('Authorization', bearerOf(admin)).send({});
      if (method === 'get') expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: 404 });
      else
        expect({ op: op.operationId, clientError: res.status >= 400 && res.status < 500 }).toEqual({
          op: op.operationId,
          clientError: true,
        });
      record(op, 'admin, an unknown id', res);
    }
    expect(problems).toEqual([]);
  });

  it('answers 429 to every /api operation past the rate limit', async () => {
    // The same database, with counters of its own and a limit of one request a minute.
    const store = databaseRateLimitStore(`openapi-429-${process.pid}-${randomBytes(4).toString('hex')}:`);
    const limited = request(t.appWith({ API_RATE_LIMIT_PER_MINUTE: '1' }, { rateLimitStore: store }));
    // (t.close() closes the store.)
    await limited.get('/api/session');
    for (const { path, method, op } of operations(doc)) {
      if (!path.startsWith('/api/')) continue;
      const res = await limited[method](path.replace(/\{(\w+)\}/g, '1'));
      expect({ op: op.operationId, status: res.status, documented: !!op.responses['429'] }).toEqual({
        op: op.operationId,
        status: 429,
        documented: true,
      });
      record(op, 'nobody, too often', res);
    }
    expect(problems).toEqual([]);
  });
});
