/**
 * A local stand-in for Salesforce: a real HTTP server on 127.0.0.1 that the real jsforce client
 * talks to. It answers the OAuth token endpoint (username-password and JWT bearer grants), REST
 * query / queryAll with paging through nextRecordsUrl, query locators, sobject updates, sObject
 * Collections updates (PATCH composite/sobjects), Bulk API 2.0 query jobs (create, poll, CSV results
 * paged by Sforce-Locator) and /limits, with Salesforce's error shapes. It parses just the SOQL the
 * sync sends: a field list or COUNT(), one object, `SystemModstamp >`/`>=`, `Id IN (...)` and
 * semi-join `Id IN (SELECT f FROM T)` filters joined by AND, ORDER BY and LIMIT.
 *
 * It counts every API call against the org's daily limits (DailyApiRequests, and
 * DailyBulkV2QueryJobs per job) and refuses calls past them as Salesforce does. Tests inject
 * faults: sessions that expire after N requests, REQUEST_LIMIT_EXCEEDED N times, dropped
 * connections, validation rules that reject updates, locked rows. `npm start` runs it with SALESFORCE_STANDIN=true and the demo's records,
 * which is why it lives here and not under test/: production code never imports test/.
 */
import { createVerify, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SalesforceSettings } from './settings.js';
import {
  DEFAULT_ACCOUNT_FIELDS,
  DEFAULT_DEAL_REGISTRATION_FIELDS,
  DEFAULT_OPPORTUNITY_FIELDS,
  DEFAULT_WRITEBACK_FIELDS,
} from './settings.js';

export type StandinRecord = { Id: string; SystemModstamp: string; IsDeleted: boolean } & Record<string, unknown>;
type FaultKind = 'rate-limit' | 'drop' | 'expire-sessions';

const SYSTEM_FIELDS = ['Id', 'SystemModstamp', 'IsDeleted', 'CreatedDate'];
/** The fields each object has (besides the system ones); a query naming another field gets INVALID_FIELD. */
export const STANDIN_SCHEMA: Record<string, string[]> = {
  Account: ['Name', 'Industry', 'BillingCountry', 'CurrencyIsoCode', 'BEC_Account_Ref__c'],
  Opportunity: [
    'Name',
    'AccountId',
    'StageName',
    'IsClosed',
    'IsWon',
    'Amount',
    'CloseDate',
    'CurrencyIsoCode',
    'BEC_Request_Status__c',
    'BEC_Authorization_Number__c',
  ],
  Deal_Registration__c: [
    'Name',
    'End_Customer__c',
    'Distributor_Name__c',
    'Distributor__c',
    'Opportunity__c',
    'Status__c',
    'Product_Codes__c',
    'Expiration_Date__c',
    'BEC_Request_Status__c',
    'BEC_Authorization_Number__c',
  ],
};
const ID_PREFIX: Record<string, string> = { Account: '001', Opportunity: '006', Deal_Registration__c: 'a0D' };

export interface StandinOptions {
  clientId?: string;
  clientSecret?: string;
  username?: string;
  password?: string;
  /** PEM public key that verifies JWT bearer assertions (the connected app's certificate). */
  jwtPublicKey?: string;
  /** Records per query page (Salesforce's default is 2000). */
  pageSize?: number;
  /** Polls of a Bulk API 2.0 query job that answer InProgress before it is JobComplete. */
  bulkPollsBeforeComplete?: number;
}

/** An org limit as /limits shows it. */
export interface OrgLimit {
  Max: number;
  Remaining: number;
}

/** A rule that refuses an update the way a Salesforce validation rule does. */
export interface ValidationRule {
  object: string;
  /** Shown as the error message (Salesforce shows the rule's error message). */
  message: string;
  /** The field the error is displayed at, if any. */
  field?: string;
  /** True when the record, as it would be after the update, breaks the rule. */
  when: (record: StandinRecord) => boolean;
}

interface BulkJob {
  id: string;
  object: string;
  operation: string;
  fields: string[];
  records: StandinRecord[];
  polls: number;
}

interface Cursor {
  type: string;
  fields: string[];
  records: StandinRecord[];
  totalSize: number;
}

const sfError = (res: ServerResponse, status: number, errorCode: string, message: string) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify([{ message, errorCode }]));
};

export class SalesforceStandin {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
  jwtPublicKey: string | undefined;
  pageSize: number;
  url = '';
  /** Every sobject update received, in order: what write-back tests read. */
  readonly updates: { type: string; id: string; fields: Record<string, unknown> }[] = [];
  /** Every API request path received (token requests excluded). */
  readonly requests: string[] = [];
  /** The org's daily limits, spent by every API call (and every Bulk API 2.0 query job). */
  readonly limits: { DailyApiRequests: OrgLimit; DailyBulkV2QueryJobs: OrgLimit } = {
    DailyApiRequests: { Max: 1_000_000, Remaining: 1_000_000 },
    DailyBulkV2QueryJobs: { Max: 10_000, Remaining: 10_000 },
  };
  readonly validationRules: ValidationRule[] = [];
  /** The SOQL of every Bulk API 2.0 query job created, in order. */
  readonly bulkQueries: string[] = [];
  bulkPollsBeforeComplete: number;
  private lockedRowFaults = 0;
  private readonly bulkJobs = new Map<string, BulkJob>();
  readonly tokenGrants: string[] = [];
  private readonly store = new Map<string, Map<string, StandinRecord>>();
  private readonly tokens = new Set<string>();
  private readonly cursors = new Map<string, Cursor>();
  private readonly faults: { at: number; kind: FaultKind; remaining: number }[] = [];
  private apiRequestCount = 0;
  /** Milliseconds the stand-in spent answering API calls (so a benchmark can tell its time from the sync's). */
  busyMs = 0;
  private clock = Date.parse('2026-11-01T00:00:00.000Z');
  private idCounter = 0;
  private server: Server | undefined;

  constructor(options: StandinOptions = {}) {
    this.clientId = options.clientId ?? '3MVG9standin.bec.client';
    this.clientSecret = options.clientSecret ?? randomBytes(16).toString('hex');
    this.username = options.username ?? 'integration@voltaic.example';
    this.password = options.password ?? randomBytes(12).toString('hex');
    this.jwtPublicKey = options.jwtPublicKey;
    this.pageSize = options.pageSize ?? 2000;
    this.bulkPollsBeforeComplete = options.bulkPollsBeforeComplete ?? 1;
    for (const type of Object.keys(STANDIN_SCHEMA)) this.store.set(type, new Map());
  }

  static async start(options: StandinOptions = {}): Promise<SalesforceStandin> {
    const s = new SalesforceStandin(options);
    await s.listen();
    return s;
  }

  async listen(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      const started = performance.now();
      res.on('finish', () => (this.busyMs += performance.now() - started));
      void this.handle(req, res).catch((err: Error) => sfError(res, 500, 'UNKNOWN_EXCEPTION', err.message));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Settings for the sync that point at this stand-in with the password flow (fast retries for tests). */
  settings(overrides: Partial<SalesforceSettings> = {}): SalesforceSettings {
    return {
      loginUrl: this.url,
      apiVersion: '62.0',
      auth: {
        flow: 'password',
        clientId: this.clientId,
        clientSecret: this.clientSecret,
        username: this.username,
        password: this.password,
      },
      account: { fields: { ...DEFAULT_ACCOUNT_FIELDS, externalId: 'BEC_Account_Ref__c' } },
      opportunity: { fields: { ...DEFAULT_OPPORTUNITY_FIELDS } },
      dealRegistration: { object: 'Deal_Registration__c', fields: { ...DEFAULT_DEAL_REGISTRATION_FIELDS, distributor: 'Distributor__c' } },
      writeback: { ...DEFAULT_WRITEBACK_FIELDS },
      syncIntervalMinutes: 0,
      expireOnClosedLost: true,
      retry: { attempts: 4, baseDelayMs: 5 },
      bulk: { threshold: 10000, pageSize: 50000, pollIntervalMs: 5, pollTimeoutMs: 10_000 },
      limitReservePercent: 10,
      limitsReadEvery: 200,
      ...overrides,
    };
  }

  // ---- records -------------------------------------------------------------------------------

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace('Z', '+0000');
  }

  private derive(type: string, fields: Record<string, unknown>) {
    if (type === 'Opportunity' && typeof fields.StageName === 'string') {
      fields.IsClosed ??= fields.StageName.startsWith('Closed');
      fields.IsWon ??= fields.StageName === 'Closed Won';
    }
  }

  /** Creates a record (an Id is generated unless given) and returns it. */
  insert(type: string, fields: Record<string, unknown>): StandinRecord {
    const table = this.table(type);
    const Id = (fields.Id as string | undefined) ?? `${ID_PREFIX[type] ?? 'a0Z'}${String(++this.idCounter).padStart(12, '0')}AAA`;
    const copy = { ...fields };
    this.derive(type, copy);
    const stamp = this.tick();
    const record: StandinRecord = {
      ...Object.fromEntries(STANDIN_SCHEMA[type].map((f) => [f, null])),
      ...copy,
      Id,
      IsDeleted: false,
      SystemModstamp: stamp,
      CreatedDate: stamp,
    };
    if (type === 'Opportunity' || type === 'Account') record.CurrencyIsoCode ??= 'USD';
    if (type === 'Opportunity') record.IsClosed ??= false;
    if (type === 'Opportunity') record.IsWon ??= false;
    table.set(Id, record);
    return record;
  }

  /** Changes a record as a user would in Salesforce: SystemModstamp moves forward. */
  update(type: string, id: string, fields: Record<string, unknown>): StandinRecord {
    const record = this.table(type).get(id);
    if (!record || record.IsDeleted) throw new Error(`no ${type} ${id}`);
    const copy = { ...fields };
    if ('StageName' in copy) {
      delete record.IsClosed;
      delete record.IsWon;
    }
    Object.assign(record, copy);
    this.derive(type, record);
    record.SystemModstamp = this.tick();
    return record;
  }

  /** Moves a record to the recycle bin: only queryAll still returns it, with IsDeleted = true. */
  delete(type: string, id: string) {
    const record = this.table(type).get(id);
    if (!record) throw new Error(`no ${type} ${id}`);
    record.IsDeleted = true;
    record.SystemModstamp = this.tick();
  }

  get(type: string, id: string): StandinRecord | undefined {
    return this.table(type).get(id);
  }

  all(type: string): StandinRecord[] {
    return [...this.table(type).values()];
  }

  find(type: string, predicate: (r: StandinRecord) => boolean): StandinRecord {
    const r = this.all(type).find(predicate);
    if (!r) throw new Error(`no matching ${type}`);
    return r;
  }

  private table(type: string) {
    const t = this.store.get(type);
    if (!t) throw new Error(`the stand-in has no object ${type}`);
    return t;
  }

  // ---- faults --------------------------------------------------------------------------------

  /** Answers the next `times` API requests (after `after` good ones) with 403 REQUEST_LIMIT_EXCEEDED. */
  rateLimit(times: number, after = 0) {
    this.faults.push({ at: this.apiRequestCount + after, kind: 'rate-limit', remaining: times });
  }

  /** Drops the connection of the next `times` API requests (after `after` good ones) without answering. */
  dropConnections(times: number, after = 0) {
    this.faults.push({ at: this.apiRequestCount + after, kind: 'drop', remaining: times });
  }

  /** Sets the org's daily limits (what remains today); every API call spends DailyApiRequests. */
  setLimits(limits: Partial<Record<'DailyApiRequests' | 'DailyBulkV2QueryJobs', Partial<OrgLimit>>>) {
    for (const [k, v] of Object.entries(limits) as ['DailyApiRequests' | 'DailyBulkV2QueryJobs', Partial<OrgLimit>][]) {
      Object.assign(this.limits[k], v);
    }
  }

  /** API calls received (token requests excluded), the /limits calls among them. */
  get apiCalls() {
    return this.apiRequestCount;
  }
  get limitsCalls() {
    return this.requests.filter((r) => /\/limits\/?$/.test(r)).length;
  }

  /** Applies a validation rule to later updates: a record that breaks it is refused with FIELD_CUSTOM_VALIDATION_EXCEPTION. */
  addValidationRule(rule: ValidationRule) {
    this.validationRules.push(rule);
  }

  /** The next `times` record saves fail with UNABLE_TO_LOCK_ROW (a transient error). */
  lockRows(times: number) {
    this.lockedRowFaults += times;
  }

  /** Expires every session after `after` more API requests: the next one gets 401 INVALID_SESSION_ID. */
  expireSessions(after = 0) {
    this.faults.push({ at: this.apiRequestCount + after, kind: 'expire-sessions', remaining: 1 });
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    if (req.method === 'POST' && url.pathname === '/services/oauth2/token') return this.token(body, res);
    // Not Salesforce: a read-only look at the stand-in's records, so a demo can see what was written back.
    const peek = /^\/_standin\/records\/(\w+)$/.exec(url.pathname);
    if (req.method === 'GET' && peek && this.store.has(peek[1])) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify(this.all(peek[1]), null, 2));
    }

    const m = /^\/services\/data\/v(\d+\.\d)\/(.*)$/.exec(url.pathname);
    if (!m) return sfError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const position = this.apiRequestCount++;
    const daily = this.limits.DailyApiRequests;
    if (daily.Remaining <= 0) return sfError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    daily.Remaining--;
    res.setHeader('Sforce-Limit-Info', `api-usage=${daily.Max - daily.Remaining}/${daily.Max}`);
    const fault = this.faults.find((f) => f.at <= position && f.remaining > 0);
    if (fault) {
      fault.remaining--;
      if (fault.kind === 'drop') return req.socket.destroy();
      if (fault.kind === 'rate-limit') return sfError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
      this.tokens.clear();
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.has(token)) return sfError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');

    const rest = m[2];
    let q: RegExpExecArray | null;
    if (req.method === 'GET' && (q = /^(query|queryAll)\/?$/.exec(rest))) {
      return this.query(url.searchParams.get('q') ?? '', q[1] === 'queryAll', m[1], res);
    }
    if (req.method === 'GET' && (q = /^(?:query|queryAll)\/([\w-]+)$/.exec(rest))) return this.more(q[1], m[1], res);
    if (req.method === 'PATCH' && (q = /^sobjects\/(\w+)\/(\w+)$/.exec(rest))) return this.patch(q[1], q[2], body, res);
    if (req.method === 'GET' && (q = /^sobjects\/(\w+)\/describe\/?$/.exec(rest))) return this.describe(q[1], res);
    if (req.method === 'PATCH' && /^composite\/sobjects\/?$/.test(rest)) return this.collectionUpdate(body, res);
    if (req.method === 'GET' && /^limits\/?$/.test(rest)) return json(res, 200, this.limits);
    if (req.method === 'POST' && /^jobs\/query\/?$/.test(rest)) return this.createBulkJob(body, res);
    if ((q = /^jobs\/query\/(\w+)(\/results)?\/?$/.exec(rest))) {
      const job = this.bulkJobs.get(q[1]);
      if (!job) return sfError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
      if (req.method === 'DELETE' && !q[2]) {
        this.bulkJobs.delete(job.id);
        res.writeHead(204);
        return res.end();
      }
      if (req.method === 'GET' && !q[2]) return json(res, 200, this.jobInfo(job));
      if (req.method === 'GET') return this.bulkResults(job, url.searchParams, res);
    }
    return sfError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
  }

  private token(body: string, res: ServerResponse) {
    const p = new URLSearchParams(body);
    const deny = (description: string) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_grant', error_description: description }));
    };
    const grant = p.get('grant_type');
    if (grant === 'password') {
      if (p.get('client_id') !== this.clientId || p.get('client_secret') !== this.clientSecret) return deny('invalid client credentials');
      if (p.get('username') !== this.username || p.get('password') !== this.password) return deny('authentication failure');
    } else if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const problem = this.checkAssertion(p.get('assertion') ?? '');
      if (problem) return deny(problem);
    } else {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ error: 'unsupported_grant_type', error_description: 'grant type not supported' }));
    }
    this.tokenGrants.push(grant);
    const accessToken = `00D000000000001!${randomBytes(24).toString('base64url')}`;
    this.tokens.add(accessToken);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        access_token: accessToken,
        instance_url: this.url,
        id: `${this.url}/id/00D000000000001AAA/005000000000001AAA`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
        signature: randomBytes(32).toString('base64'),
      }),
    );
  }

  private checkAssertion(assertion: string): string | null {
    if (!this.jwtPublicKey) return 'JWT bearer flow is not enabled for this connected app';
    const [h, c, s] = assertion.split('.');
    if (!h || !c || !s) return 'invalid assertion';
    const ok = createVerify('RSA-SHA256').update(`${h}.${c}`).verify(this.jwtPublicKey, Buffer.from(s, 'base64url'));
    if (!ok) return 'invalid assertion signature';
    const claims = JSON.parse(Buffer.from(c, 'base64url').toString()) as { iss?: string; sub?: string; aud?: string; exp?: number };
    if (claims.iss !== this.clientId) return 'client identifier invalid';
    if (claims.sub !== this.username) return "user hasn't approved this consumer";
    if (claims.aud !== this.url) return 'audience is invalid';
    if (!claims.exp || claims.exp * 1000 < Date.now()) return 'expired authorization code';
    return null;
  }

  private query(soql: string, scanAll: boolean, version: string, res: ServerResponse) {
    const parsed = parseSoql(soql);
    if ('error' in parsed) return sfError(res, 400, 'MALFORMED_QUERY', parsed.error);
    const selected = this.select(parsed, scanAll);
    if ('error' in selected) return sfError(res, 400, selected.code, selected.error);
    if (parsed.count) return json(res, 200, { totalSize: selected.rows.length, done: true, records: [] });
    // A query result is a snapshot: later changes do not move records between its pages.
    const snapshot = selected.rows.map((r) => ({ ...r }));
    this.page({ type: parsed.type, fields: parsed.fields, records: snapshot, totalSize: snapshot.length }, version, res);
  }

  /** The records a parsed query selects (filtered, ordered, limited), or the error Salesforce would answer. */
  private select(parsed: ParsedSoql, scanAll: boolean): { rows: StandinRecord[] } | { code: string; error: string } {
    const schema = STANDIN_SCHEMA[parsed.type];
    if (!schema) return { code: 'INVALID_TYPE', error: `sObject type '${parsed.type}' is not supported.` };
    const known = new Set([...SYSTEM_FIELDS, ...schema]);
    const referenced = [...parsed.fields, ...parsed.orderBy.map((o) => o.field), ...parsed.where.map((w) => w.field)];
    const unknown = referenced.find((f) => !known.has(f));
    if (unknown) return { code: 'INVALID_FIELD', error: `No such column '${unknown}' on entity '${parsed.type}'.` };
    for (const w of parsed.where) {
      if (w.op !== 'semi') continue;
      const sub = STANDIN_SCHEMA[w.values[1]];
      if (!sub) return { code: 'INVALID_TYPE', error: `sObject type '${w.values[1]}' is not supported.` };
      if (![...SYSTEM_FIELDS, ...sub].includes(w.values[0])) {
        return { code: 'INVALID_FIELD', error: `No such column '${w.values[0]}' on entity '${w.values[1]}'.` };
      }
    }

    let rows = this.all(parsed.type).filter((r) => scanAll || !r.IsDeleted);
    for (const w of parsed.where) {
      if (w.op === 'in') {
        const wanted = new Set(w.values);
        rows = rows.filter((r) => wanted.has(String(r[w.field])));
      } else if (w.op === 'semi') {
        const [field, type] = w.values;
        const ids = new Set(this.all(type).flatMap((r) => (r.IsDeleted || r[field] == null ? [] : [String(r[field])])));
        rows = rows.filter((r) => ids.has(String(r[w.field])));
      } else {
        const bound = Date.parse(w.values[0]);
        rows = rows.filter((r) => {
          const v = Date.parse(String(r[w.field]).replace('+0000', 'Z'));
          return w.op === '>' ? v > bound : v >= bound;
        });
      }
    }
    rows.sort((a, b) => {
      for (const o of parsed.orderBy) {
        const x = String(a[o.field] ?? '');
        const y = String(b[o.field] ?? '');
        if (x !== y) return (x < y ? -1 : 1) * (o.desc ? -1 : 1);
      }
      return 0;
    });
    if (parsed.limit !== null) rows = rows.slice(0, parsed.limit);
    return { rows };
  }

  // ---- Bulk API 2.0 query jobs ---------------------------------------------------------------

  private createBulkJob(body: string, res: ServerResponse) {
    let input: { operation?: string; query?: string };
    try {
      input = JSON.parse(body) as typeof input;
    } catch {
      return sfError(res, 400, 'JSON_PARSER_ERROR', 'Unexpected character in the request body');
    }
    if (input.operation !== 'query' && input.operation !== 'queryAll') {
      return sfError(res, 400, 'INVALIDJOB', `InvalidJob : Invalid operation: ${String(input.operation)}`);
    }
    const parsed = parseSoql(input.query ?? '');
    if ('error' in parsed) return sfError(res, 400, 'MALFORMED_QUERY', parsed.error);
    if (parsed.count) return sfError(res, 400, 'INVALIDJOB', 'InvalidJob : Aggregate queries are not supported by Bulk API 2.0');
    const selected = this.select(parsed, input.operation === 'queryAll');
    if ('error' in selected) return sfError(res, 400, selected.code, selected.error);
    const jobs = this.limits.DailyBulkV2QueryJobs;
    if (jobs.Remaining <= 0) return sfError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'DailyBulkV2QueryJobs Limit exceeded.');
    jobs.Remaining--;
    this.bulkQueries.push(input.query ?? '');
    const job: BulkJob = {
      id: `750${String(++this.idCounter).padStart(12, '0')}AAA`,
      object: parsed.type,
      operation: input.operation,
      fields: parsed.fields,
      records: selected.rows.map((r) => ({ ...r })),
      polls: 0,
    };
    this.bulkJobs.set(job.id, job);
    json(res, 200, { ...this.jobInfo(job), state: 'UploadComplete', numberRecordsProcessed: 0 });
    job.polls = 0;
  }

  private jobInfo(job: BulkJob) {
    const complete = job.polls++ >= this.bulkPollsBeforeComplete;
    return {
      id: job.id,
      operation: job.operation,
      object: job.object,
      createdById: '005000000000001AAA',
      state: complete ? 'JobComplete' : 'InProgress',
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: 62.0,
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: complete ? job.records.length : 0,
    };
  }

  /** One page of a job's results as CSV; Sforce-Locator names the next page ('null' after the last). */
  private bulkResults(job: BulkJob, params: URLSearchParams, res: ServerResponse) {
    if (job.polls <= this.bulkPollsBeforeComplete) {
      return sfError(res, 400, 'INVALIDJOB', `InvalidJob : Job ${job.id} is not complete`);
    }
    const locator = params.get('locator');
    const start = locator ? Number(Buffer.from(locator, 'base64url').toString()) : 0;
    if (!Number.isInteger(start) || start < 0 || start > job.records.length) {
      return sfError(res, 400, 'INVALID_LOCATOR', 'the locator is not valid for this job');
    }
    const max = Number(params.get('maxRecords') ?? 100_000);
    const slice = job.records.slice(start, start + max);
    const end = start + slice.length;
    const cell = (v: unknown) => {
      if (v === null || v === undefined) return '';
      const text = String(v);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : `"${text}"`;
    };
    const lines = [job.fields.map((f) => `"${f}"`).join(','), ...slice.map((r) => job.fields.map((f) => cell(r[f])).join(','))];
    res.writeHead(200, {
      'Content-Type': 'text/csv',
      'Sforce-Locator': end < job.records.length ? Buffer.from(String(end)).toString('base64url') : 'null',
      'Sforce-NumberOfRecords': String(slice.length),
    });
    res.end(lines.join('\n') + '\n');
  }

  // ---- sObject Collections -------------------------------------------------------------------

  /** PATCH composite/sobjects: up to 200 records; with allOrNone=false each succeeds or fails on its own. */
  private collectionUpdate(body: string, res: ServerResponse) {
    let input: { allOrNone?: boolean; records?: ({ attributes?: { type?: string }; id?: string } & Record<string, unknown>)[] };
    try {
      input = JSON.parse(body) as typeof input;
    } catch {
      return sfError(res, 400, 'JSON_PARSER_ERROR', 'Unexpected character in the request body');
    }
    const records = input.records ?? [];
    if (records.length > 200) {
      return sfError(res, 400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
    }
    const fail = (id: string | undefined, statusCode: string, message: string, fields: string[] = []) => ({
      id: id ?? null,
      success: false,
      errors: [{ statusCode, message, fields }],
    });
    const results = records.map(({ attributes, id, ...fields }) => {
      const type = attributes?.type ?? '';
      const schema = STANDIN_SCHEMA[type];
      if (!schema) return fail(id, 'INVALID_TYPE', `sObject type '${type}' is not supported.`);
      const unknown = Object.keys(fields).find((f) => !schema.includes(f));
      if (unknown) return fail(id, 'INVALID_FIELD', `No such column '${unknown}' on sobject of type ${type}`, [unknown]);
      const record = id ? this.table(type).get(id) : undefined;
      if (!record || record.IsDeleted) return fail(id, 'ENTITY_IS_DELETED', 'entity is deleted');
      if (this.lockedRowFaults > 0) {
        this.lockedRowFaults--;
        return fail(id, 'UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record');
      }
      const broken = this.validationRules.find((v) => v.object === type && v.when({ ...record, ...fields }));
      if (broken) return fail(id, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', broken.message, broken.field ? [broken.field] : []);
      this.update(type, record.Id, fields);
      this.updates.push({ type, id: record.Id, fields });
      return { id: record.Id, success: true, errors: [] };
    });
    json(res, 200, results);
  }

  /** The object's describe: its fields, with the types the sync looks at. */
  private describe(type: string, res: ServerResponse) {
    const schema = STANDIN_SCHEMA[type];
    if (!schema) return sfError(res, 404, 'NOT_FOUND', `The requested resource does not exist`);
    const typeOf = (f: string) =>
      f === 'Id'
        ? 'id'
        : /^(AccountId|End_Customer__c|Distributor__c|Opportunity__c)$/.test(f)
          ? 'reference'
          : f.startsWith('Is')
            ? 'boolean'
            : 'string';
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ name: type, fields: [...SYSTEM_FIELDS, ...schema].map((name) => ({ name, type: typeOf(name) })) }));
  }

  private more(locator: string, version: string, res: ServerResponse) {
    const cursor = this.cursors.get(locator);
    if (!cursor) return sfError(res, 400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    this.cursors.delete(locator);
    this.page(cursor, version, res);
  }

  private page(cursor: Cursor, version: string, res: ServerResponse) {
    const records = cursor.records.slice(0, this.pageSize);
    const remaining = cursor.records.slice(this.pageSize);
    let nextRecordsUrl: string | undefined;
    if (remaining.length) {
      const locator = `01g${randomBytes(6).toString('hex')}-${cursor.totalSize - remaining.length}`;
      this.cursors.set(locator, { ...cursor, records: remaining });
      nextRecordsUrl = `/services/data/v${version}/query/${locator}`;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        totalSize: cursor.totalSize,
        done: !nextRecordsUrl,
        ...(nextRecordsUrl ? { nextRecordsUrl } : {}),
        records: records.map((r) => ({
          attributes: { type: cursor.type, url: `/services/data/v${version}/sobjects/${cursor.type}/${r.Id}` },
          ...Object.fromEntries(cursor.fields.map((f) => [f, r[f] ?? null])),
        })),
      }),
    );
  }

  private patch(type: string, id: string, body: string, res: ServerResponse) {
    const schema = STANDIN_SCHEMA[type];
    if (!schema) return sfError(res, 404, 'NOT_FOUND', `The requested resource does not exist`);
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return sfError(res, 400, 'JSON_PARSER_ERROR', 'Unexpected character in the request body');
    }
    const unknown = Object.keys(fields).find((f) => !schema.includes(f));
    if (unknown) return sfError(res, 400, 'INVALID_FIELD', `No such column '${unknown}' on sobject of type ${type}`);
    const record = this.table(type).get(id);
    if (!record || record.IsDeleted) return sfError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    this.update(type, id, fields);
    this.updates.push({ type, id, fields });
    res.writeHead(204);
    res.end();
  }
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface ParsedSoql {
  type: string;
  fields: string[];
  /** SELECT COUNT(): only totalSize is answered. */
  count: boolean;
  /** `semi`: values are [the sub-query's field, its object]. */
  where: { field: string; op: '>' | '>=' | 'in' | 'semi'; values: string[] }[];
  orderBy: { field: string; desc: boolean }[];
  limit: number | null;
}

export function parseSoql(soql: string): ParsedSoql | { error: string } {
  const m = /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+ORDER\s+BY\s+(.+?))?(?:\s+LIMIT\s+(\d+))?\s*$/is.exec(soql);
  if (!m) return { error: `unexpected token in query: ${soql.slice(0, 80)}` };
  const count = /^COUNT\(\s*\)$/i.test(m[1].trim());
  const fields = count ? [] : m[1].split(',').map((f) => f.trim());
  if (fields.some((f) => !/^\w+$/.test(f))) return { error: 'the stand-in only understands plain field lists' };
  const where: ParsedSoql['where'] = [];
  if (m[3]) {
    for (const cond of m[3].split(/\s+AND\s+/i)) {
      let c: RegExpExecArray | null;
      if ((c = /^(\w+)\s*(>=|>)\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?(?:Z|[+-]\d{2}:?\d{2}))$/.exec(cond.trim()))) {
        where.push({ field: c[1], op: c[2] as '>' | '>=', values: [c[3]] });
      } else if ((c = /^(\w+)\s+IN\s*\(\s*SELECT\s+(\w+)\s+FROM\s+(\w+)\s*\)$/i.exec(cond.trim()))) {
        where.push({ field: c[1], op: 'semi', values: [c[2], c[3]] });
      } else if ((c = /^(\w+)\s+IN\s*\(([^)]*)\)$/i.exec(cond.trim()))) {
        const values = c[2].split(',').map((v) => v.trim().replace(/^'(.*)'$/, '$1'));
        where.push({ field: c[1], op: 'in', values });
      } else {
        return { error: `unexpected condition near '${cond.trim().slice(0, 60)}'` };
      }
    }
  }
  const orderBy = (m[4] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      const [field, dir] = o.split(/\s+/);
      return { field, desc: /^desc$/i.test(dir ?? '') };
    });
  return { type: m[2], fields, count, where, orderBy, limit: m[5] ? Number(m[5]) : null };
}

/**
 * The CRM side of the demo world: the end customers of the seeded requests, their opportunities
 * and deal registrations. Meridian's LDO deal has no registration and its opportunity is lost.
 */
export function loadDemoCrm(s: SalesforceStandin) {
  const account = (Name: string, Industry: string, BillingCountry: string) => s.insert('Account', { Name, Industry, BillingCountry });
  const helios = account('Helios Medical Devices', 'Healthcare', 'US');
  const orion = account('Orion Automotive', 'Automotive', 'DE');
  const cascade = account('Cascade Robotics', 'Machinery', 'US');
  const meridian = account('Meridian Aerospace', 'Aerospace', 'SG');
  s.update('Account', orion.Id, { CurrencyIsoCode: 'EUR' });
  // The distributors, as partner Accounts: a deal registration names its distributor by a lookup.
  const partners = new Map(
    ['Arrowhead Components', 'Northbridge Electronics', 'Pacific Rim Supply'].map((n) => [n, account(n, 'Distribution', 'US')]),
  );

  const opp = (Name: string, a: StandinRecord, StageName: string, Amount: number, CloseDate: string) =>
    s.insert('Opportunity', { Name, AccountId: a.Id, StageName, Amount, CloseDate });
  const heliosOpp = opp('Helios infusion pump controller', helios, 'Closed Won', 64500, '2026-09-30');
  const orionPlatform = opp('Orion 2027 body-control platform', orion, 'Negotiation/Review', 185000, '2026-12-15');
  const orionBms = opp('Orion battery-management design win', orion, 'Qualification', 42000, '2027-02-28');
  for (const o of [orionPlatform, orionBms]) s.update('Opportunity', o.Id, { CurrencyIsoCode: 'EUR' });
  const cascadeOpp = opp('Cascade robot arm controller refresh', cascade, 'Proposal/Price Quote', 38800, '2026-12-20');
  opp('Meridian flight-computer power rails', meridian, 'Closed Lost', 10000, '2026-11-10');
  const meridianImu = opp('Meridian inertial navigation module', meridian, 'Closed Won', 15600, '2026-07-31');

  const reg = (
    Name: string,
    a: StandinRecord,
    distributor: string,
    o: StandinRecord | null,
    status: string,
    products: string,
    expires: string,
  ) =>
    s.insert('Deal_Registration__c', {
      Name,
      End_Customer__c: a.Id,
      Distributor_Name__c: distributor,
      Distributor__c: partners.get(distributor)?.Id ?? null,
      Opportunity__c: o?.Id ?? null,
      Status__c: status,
      Product_Codes__c: products,
      Expiration_Date__c: expires,
    });
  reg('DR-2026-0412', helios, 'Arrowhead Components', heliosOpp, 'Approved', 'VS-MCU-32F4;VS-PMIC-45A', '2027-03-31');
  reg('DR-2026-0419', orion, 'Northbridge Electronics', orionPlatform, 'Approved', 'VS-CAN-FD1;VS-GAN-650', '2027-06-30');
  reg('DR-2026-0433', orion, 'Northbridge Electronics', orionBms, 'Approved', 'VS-ADC-24S', '2027-06-30');
  reg('DR-2026-0440', cascade, 'Arrowhead Components', cascadeOpp, 'Submitted', 'VS-RF-BLE5;VS-SNS-TMP;VS-ETH-PHY', '2027-01-31');
  reg('DR-2026-0301', meridian, 'Pacific Rim Supply', meridianImu, 'Approved', 'VS-SNS-IMU6', '2027-01-31');
}
