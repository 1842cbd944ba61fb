import type { AuthorizationView } from '../claim-upload/authorization-facts.js';
/**
 * The one typed API client. The base URL and the credentials (the session cookie with its CSRF
 * token, or a bearer token) are set once per page with `configureApi()`; every component with an
 * `api-base` attribute gets the client for that base from `apiFor()`.
 * Money stays a decimal string end to end.
 */
import type { components, operations } from './api-types.js';

/**
 * The shapes of the API, named for the components. Each is the OpenAPI document's schema (itself
 * generated from the zod schemas the server validates with) through ./api-types.ts, which
 * `npm run gen:api` writes and `npm run lint:api` checks: a change of the API changes these types.
 */
export type Schemas = components['schemas'];
/** The JSON body of an operation's success answer (200 unless said), e.g. `ApiAnswer<'getClaims'>`. */
export type ApiAnswer<Op extends keyof operations, Status extends number = 200> =
  operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer Body } }> ? Body : never;

export type SessionUser = Schemas['SessionUser'];
export type Program = Schemas['Program'];
export type Account = Schemas['Account'];
export type Product = Schemas['Product'];
export type SpecialPriceRequest = Schemas['SpecialPriceRequest'];
export type RequestLine = SpecialPriceRequest['lines'][number];
export type RequestInput = Schemas['SpecialPriceRequestInput'];
export type ClaimLine = Schemas['ClaimLine'];
export type Claim = Schemas['Claim'];
export type ClaimNote = Schemas['Note'];
/** A request's CRM context and price history (`GET /api/requests/:id/context`, the approval queue's items). */
export type ApprovalContext = Schemas['ApprovalContext'];
/** A page of a list (`GET /api/claims`, `GET /api/requests`): by number with its `total`, by cursor without. */
export interface Page<T> {
  items: T[];
  total?: number;
  page?: number;
  pageSize: number;
  /** the next page's `cursor`; null on the last page */
  nextCursor?: string | null;
}

/** The most rows a component reads of one list (`everyPage`): 50 pages of 200. */
export const LIST_MAX_ROWS = 10_000;

/**
 * Every row of a list, newest first, page after page: the first page by number, then each by the
 * cursor the one before named (a deep page costs the server what the first does, and only the first
 * counts). Stops at the last page or at `max` rows, and when `stale()` says the caller moved on.
 */
export async function everyPage<T>(
  read: (cursor: string | undefined) => Promise<Page<T>>,
  options: { max?: number; stale?: () => boolean } = {},
): Promise<T[]> {
  const max = options.max ?? LIST_MAX_ROWS;
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    if (options.stale?.()) break;
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < max);
  return rows.slice(0, max);
}
export type ClaimQuery = NonNullable<operations['getClaims']['parameters']['query']>;
/** Import progress as the upload reports it in its events (`becuploadprogress`): the component's own shape, not an API body. */
export interface ImportProgress {
  phase: string;
  processed: number;
  total?: number | null;
  accepted?: number;
  rejected?: number;
  errors?: { row: number; field?: string; message: string }[];
  done?: boolean;
}
/**
 * A POS import job (`POST /api/imports`, `GET /api/imports/:id[/events|/errors]`).
 * `POST /api/imports` answers 202 with the job `queued`; its event stream follows it to its end.
 */
export type PosImport = Schemas['PosImport'];
export type ImportRowError = ApiAnswer<'getImportsByIdErrors'>['items'][number];
/** Accruals (`GET /api/reports/accruals`): claim money per claim currency, never added across currencies. */
export type Accruals = Schemas['Accruals'];
/** Open liability, in review and paid of one claim currency (exact decimals, 4 places). */
export type CurrencyTotals = Accruals['byCurrency'][number];
/** The claims still to come per week and distributor, with its claim-through curve (`GET /api/reports/accruals/forecast`). */
export type AccrualForecast = Schemas['AccrualForecast'];
/** `GET /api/rebates/periods/to-close`: rebate periods over and not closed, with estimates. */
export type RebatePeriodsToClose = Schemas['RebatePeriodsToClose'];
/** A rebate program with its terms (`GET /api/rebates/programs/{id}`). */
export type RebateProgram = Schemas['RebateProgram'];
/** Claim figures (`GET /api/reports/claims?groupBy=week|distributor|programType[&currency=EUR]`). */
export type ClaimFigures = Schemas['ClaimFigures'];
/** One group of the claim figures in one currency. */
export type ClaimFigure = ClaimFigures['items'][number];

/** Master data (`/api/masterdata/*`, vendor admins; channel managers read). */
export type MasterProduct = Schemas['MasterProduct'];
export type MasterAccount = Schemas['MasterAccount'];
export type MasterDistributor = Schemas['MasterDistributor'];
export type BookCost = Schemas['BookCost'];
export type BulkLoadResult = Schemas['BulkLoadResult'];
/** What a bulk load reads: each kind's CSV columns are in core/masterdata/kinds.ts. */
export type BulkLoadKind = 'products' | 'book-costs' | 'part-numbers' | 'end-customers' | 'resellers' | 'distributors';
/** A bulk load refused (422): every row error, nothing loaded. */
export type BulkRowError = BulkLoadResult['errors'][number];

/** An application/problem+json answer: `{code, detail, errors:[{field,message}]}`. */
export class ApiError extends Error {
  /** Which credentials the call was made with (`BecApi.credentialsVersion`): a 401 with older ones is worth a retry. */
  credentialsVersion = 0;
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: { field: string; message: string }[] = [],
    /** the whole problem body (a bulk load's `rowErrors`, for one) */
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail || code);
  }
}

/** What `beccredentials` (on `credentialEvents`) carries: the client whose credentials changed. */
export interface CredentialsChange {
  baseUrl: string;
}
/**
 * Every client announces here when its credentials change (`setCredentials`, a sign-in, an embed
 * exchange, `configureApi` again): elements waiting for credentials then load.
 */
export const credentialEvents = new EventTarget();

export interface ApiOptions {
  /** The API origin and prefix, e.g. "https://bec.example.com" (the client appends /api/...). */
  baseUrl: string;
  /**
   * A bearer token (an embed exchange's `accessToken`, or an API token); when absent the session
   * cookie is sent (credentials: 'include').
   */
  token?: string | null;
  /** The session's CSRF token, echoed on cookie-authenticated writes. */
  csrfToken?: string | null;
  /** Injected fetch (tests, or a host that wraps fetch). */
  fetch?: typeof fetch;
}

/** Fields of a claim line the server sends beyond `ClaimLine` (finance's adjustment reason, the resubmission link). */
export interface ClaimLineDetail {
  shipDate?: string | null;
  resalePrice?: string | null;
  acceptedQuantity?: number;
  resubmissionOfLineId?: number | null;
  /** Finance's reason for the line's last manual adjustment. */
  adjustmentReason?: string | null;
}
/** A page of `GET /api/claims/{id}/lines`: `next` is the `after` of the next page, null at the end. */
export interface ClaimLinePage {
  items: (ClaimLine & ClaimLineDetail)[];
  total: number;
  next: number | null;
}
/** One entry of a disputed line's thread. */
export type DisputeEntry = Schemas['DisputeEntry'];
/** A disputed line with its thread (`GET /api/disputes/lines/{id}/thread`). */
export type DisputeThread = Schemas['DisputeThread'];
/** What the distributor sends to dispute a line: a comment and, optionally, the corrected figures. */
export type DisputeInput = Schemas['DisputeInput'];

const CSRF_KEY = 'bec.csrf:';

/** `GET /api/requests` narrowed for a list or queue: `requestedBy=others` leaves the caller's own out; a CRM record scopes it. */
export type RequestListQuery = NonNullable<operations['getRequests']['parameters']['query']>;
/** The distributor's saved POS column mapping (`GET /api/imports/mapping`): field -> header, and file options. */
export interface SavedPosMapping {
  mapping: Record<string, string>;
  options: { decimalMark?: 'auto' | '.' | ','; dateOrder?: 'auto' | 'MDY' | 'DMY'; delimiter?: ',' | ';' | '\t' | '|' };
  /** the distributor's currency: the server reads the amounts of its files in it */
  currency?: string;
}
/** What a claim run over an import built (`POST /api/imports/:id/claims?wait=true`). */
export interface ClaimRunResult {
  claims: { id: number; number: string; status: string; lineCount: number; rejectedLines: number }[];
  unmatchedCount?: number;
}

export class BecApi {
  baseUrl: string;
  token: string | null = null;
  csrfToken: string | null = null;
  /** Counts credential changes: a call refused (401) with older credentials is retried, not waited on. */
  credentialsVersion = 0;
  private fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init);
  private customFetch = false;

  constructor(options: ApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.takeOptions(options);
  }

  /** Takes new options (credentials, fetch) in place: elements holding this client keep it, and load if they waited. */
  configure(options: Omit<ApiOptions, 'baseUrl'>): this {
    this.takeOptions(options);
    this.setCredentials({});
    return this;
  }

  private takeOptions(options: Omit<ApiOptions, 'baseUrl'>) {
    this.customFetch = !!options.fetch;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.token = options.token ?? null;
    this.csrfToken = options.csrfToken ?? readStoredCsrf(this.baseUrl);
  }

  /**
   * Sets the credentials every element using this client sends from now on: a bearer `token`
   * (sent as `Authorization: Bearer`, no cookie), or a cookie session's `csrfToken`. Elements
   * waiting for credentials load at once.
   */
  setCredentials(credentials: { token?: string | null; csrfToken?: string | null }): void {
    if (credentials.token !== undefined) this.token = credentials.token;
    if (credentials.csrfToken !== undefined) this.csrfToken = credentials.csrfToken;
    this.credentialsVersion++;
    credentialEvents.dispatchEvent(new CustomEvent<CredentialsChange>('beccredentials', { detail: { baseUrl: this.baseUrl } }));
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const version = this.credentialsVersion;
    try {
      return await this.send<T>(method, path, body, headers);
    } catch (err) {
      if (err instanceof ApiError) err.credentialsVersion = version;
      throw err;
    }
  }

  private async send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const h: Record<string, string> = { Accept: 'application/json', ...headers };
    if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') h['Content-Type'] = 'application/json';
    if (this.token) h.Authorization = `Bearer ${this.token}`;
    else if (method !== 'GET' && this.csrfToken) h['X-CSRF-Token'] = this.csrfToken;
    const res = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method,
      headers: h,
      credentials: this.token ? 'omit' : 'include',
      body: body === undefined ? undefined : body instanceof Blob || typeof body === 'string' ? body : JSON.stringify(body),
    });
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!res.ok) {
      const p = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: { field: string; message: string }[] };
      throw new ApiError(
        res.status,
        p.code ?? `HTTP_${res.status}`,
        p.detail ?? p.title ?? res.statusText,
        p.errors ?? [],
        (data ?? {}) as Record<string, unknown>,
      );
    }
    return data as T;
  }

  async signIn(email: string, password: string): Promise<SessionUser> {
    const s = await this.request<Schemas['Session']>('POST', '/api/session', { email, password });
    this.rememberCsrf(s.csrfToken);
    this.setCredentials({ token: null, csrfToken: s.csrfToken });
    return s.user;
  }
  /**
   * Partner portal: exchanges a short-lived embed token (`POST /api/embed/tokens`, minted by the
   * portal's back end) for a bearer access token, which every call then sends in
   * `Authorization` (no third-party cookie needed). Elements waiting for credentials load.
   */
  async signInWithEmbedToken(token: string): Promise<SessionUser> {
    const s = await this.request<Schemas['EmbedSession']>('POST', '/api/embed/session', { token });
    if (s.accessToken) this.setCredentials({ token: s.accessToken });
    else {
      this.rememberCsrf(s.csrfToken);
      this.setCredentials({ csrfToken: s.csrfToken });
    }
    return s.user;
  }
  private rememberCsrf(csrfToken: string) {
    try {
      sessionStorage.setItem(CSRF_KEY + this.baseUrl, csrfToken);
    } catch {
      /* storage may be blocked in a third-party frame: the token stays in memory */
    }
  }
  signOut() {
    return this.request<void>('DELETE', '/api/session');
  }
  /** The signed-in user; a cookie session's CSRF token comes with it (how a page opened by SSO learns it). */
  async me(): Promise<SessionUser> {
    const { csrfToken, ...user } = await this.request<Schemas['CurrentSession']>('GET', '/api/session');
    if (csrfToken && !this.token) {
      // Kept for this client's changes (not announced as new credentials: the session is the same).
      this.csrfToken = csrfToken;
      this.rememberCsrf(csrfToken);
    }
    return user;
  }
  /** The caller's active authorizations (a distributor sees only its own). */
  authorizations() {
    return this.request<{ items: AuthorizationView[] }>('GET', '/api/authorizations?status=active&pageSize=200').then(itemsOf);
  }
  programs() {
    return this.request<ApiAnswer<'getPrograms'>>('GET', '/api/programs').then(itemsOf);
  }
  accounts(type?: Account['type'], q?: string) {
    return this.request<{ items: Account[] }>('GET', `/api/accounts${qs({ type, q })}`).then(itemsOf);
  }
  products(q?: string) {
    return this.request<{ items: Product[] }>('GET', `/api/products${qs({ q })}`).then(itemsOf);
  }
  requests(query: RequestListQuery = {}) {
    return this.request<Page<SpecialPriceRequest>>('GET', `/api/requests${qs(query)}`);
  }
  createRequest(input: RequestInput, idempotencyKey: string) {
    return this.request<SpecialPriceRequest>('POST', '/api/requests', input, { 'Idempotency-Key': idempotencyKey });
  }
  approveRequest(id: number, comment?: string) {
    return this.request<SpecialPriceRequest>('POST', `/api/requests/${id}/approve`, comment ? { comment } : {});
  }
  declineRequest(id: number, comment: string) {
    return this.request<SpecialPriceRequest>('POST', `/api/requests/${id}/decline`, { comment });
  }
  counterRequest(id: number, comment: string, lines: { lineId: number; counterCost: string; counterQuantity?: number }[]) {
    return this.request<SpecialPriceRequest>('POST', `/api/requests/${id}/counter`, { comment, lines });
  }
  claims(query: ClaimQuery = {}) {
    return this.request<Page<Claim>>('GET', `/api/claims${qs(query)}`);
  }
  claim(id: number) {
    return this.request<Claim>('GET', `/api/claims/${id}`);
  }
  createClaim(body: Schemas['ClaimInput'], idempotencyKey: string) {
    return this.request<Claim>('POST', '/api/claims', body, { 'Idempotency-Key': idempotencyKey });
  }
  adjustLine(claimId: number, lineId: number, approvedAmount: string, reason: string) {
    return this.request<Claim>('POST', `/api/claims/${claimId}/lines/${lineId}/adjust`, { approvedAmount, reason });
  }
  authorizeClaim(id: number) {
    return this.request<Claim>('POST', `/api/claims/${id}/authorize`, {});
  }
  payClaim(id: number, externalRef: string | null = null) {
    return this.request<Claim>('POST', `/api/claims/${id}/pay`, { externalRef });
  }
  notes(claimId: number) {
    return this.request<{ items: ClaimNote[] }>('GET', `/api/claims/${claimId}/notes`).then(itemsOf);
  }
  addNote(claimId: number, body: string) {
    return this.request<ClaimNote>('POST', `/api/claims/${claimId}/notes`, { body });
  }
  /**
   * Streams a POS CSV file to `POST /api/imports`, reporting bytes sent (XMLHttpRequest is the
   * one browser API with upload progress). With an injected fetch (tests) it uses that instead.
   */
  uploadPosCsv(file: Blob, fileName: string, onProgress: (sent: number, total: number) => void): Promise<PosImport> {
    const path = `/api/imports?fileName=${encodeURIComponent(fileName)}`;
    if (this.customFetch) {
      return this.request<PosImport>('POST', path, file, { 'Content-Type': 'text/csv' }).then((r) => {
        onProgress(file.size, file.size);
        return r;
      });
    }
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.baseUrl}${path}`);
      xhr.withCredentials = !this.token;
      xhr.setRequestHeader('Content-Type', 'text/csv');
      xhr.setRequestHeader('Accept', 'application/json');
      if (this.token) xhr.setRequestHeader('Authorization', `Bearer ${this.token}`);
      else if (this.csrfToken) xhr.setRequestHeader('X-CSRF-Token', this.csrfToken);
      xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'the upload could not reach the server'));
      xhr.onload = () => {
        let data: Record<string, unknown> = {};
        try {
          data = JSON.parse(xhr.responseText || '{}');
        } catch {
          /* not JSON */
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(data as unknown as PosImport);
        else
          reject(
            new ApiError(
              xhr.status,
              String(data.code ?? `HTTP_${xhr.status}`),
              String(data.detail ?? xhr.statusText),
              (data.errors as { field: string; message: string }[]) ?? [],
            ),
          );
      };
      xhr.send(file);
    });
  }
  posImport(id: number) {
    return this.request<PosImport>('GET', `/api/imports/${id}`);
  }
  importErrors(id: number) {
    return this.request<{ items: ImportRowError[] }>('GET', `/api/imports/${id}/errors`).then(itemsOf);
  }
  /** Claims from an import, answered once the run (a background job) has built them (`?wait=true`). */
  claimImport(id: number, mode: 'implicit' | 'automatic' | 'both' = 'both') {
    return this.request<ApiAnswer<'postImportsByIdClaims', 201>>('POST', `/api/imports/${id}/claims?wait=true`, { mode });
  }
  /** Any GET the components need for endpoints other engineers add (reports, CRM context). */
  get<T>(path: string) {
    return this.request<T>('GET', path);
  }
  /** Opens a server-sent event stream (cookie sessions only: EventSource sends no headers; bearer clients poll). */
  events(path: string): EventSource {
    return new EventSource(`${this.baseUrl}${path}`, { withCredentials: true });
  }
  /** The requesting side accepts the counter-offer: approved at the counter price. */
  masterProducts(query: { q?: string; active?: 'true' | 'false' } = {}) {
    return this.request<{ items: MasterProduct[] }>('GET', `/api/masterdata/products${qs(query)}`).then(itemsOf);
  }
  createProduct(input: Schemas['ProductInput']) {
    return this.request<MasterProduct>('POST', '/api/masterdata/products', input);
  }
  updateProduct(id: number, patch: Schemas['ProductPatch']) {
    return this.request<MasterProduct>('PATCH', `/api/masterdata/products/${id}`, patch);
  }
  setProductActive(id: number, active: boolean) {
    return this.request<MasterProduct>('POST', `/api/masterdata/products/${id}/${active ? 'reactivate' : 'deactivate'}`, {});
  }
  bookCosts(distributorId: number, productId: number) {
    return this.request<{ items: BookCost[] }>('GET', `/api/masterdata/book-costs${qs({ distributorId, productId })}`).then(itemsOf);
  }
  setBookCost(input: Schemas['BookCostInput']) {
    return this.request<BookCost>('POST', '/api/masterdata/book-costs', input);
  }
  masterAccounts(type: 'end_customer' | 'reseller', includeMerged = false) {
    return this.request<{ items: MasterAccount[] }>(
      'GET',
      `/api/masterdata/accounts${qs({ type, includeMerged: includeMerged || undefined })}`,
    ).then(itemsOf);
  }
  createAccount(input: Schemas['PartyInput']) {
    return this.request<MasterAccount>('POST', '/api/masterdata/accounts', input);
  }
  mergeAccount(id: number, intoId: number, reason?: string) {
    return this.request<Schemas['AccountMergeResult']>('POST', `/api/masterdata/accounts/${id}/merge`, {
      intoId,
      ...(reason ? { reason } : {}),
    });
  }
  masterDistributors() {
    return this.request<{ items: MasterAccount[] }>('GET', '/api/masterdata/distributors').then(itemsOf);
  }
  masterDistributor(id: number) {
    return this.request<MasterDistributor>('GET', `/api/masterdata/distributors/${id}`);
  }
  createDistributor(input: Schemas['DistributorInput']) {
    return this.request<MasterAccount>('POST', '/api/masterdata/distributors', input);
  }
  addDistributorContact(id: number, input: Schemas['DistributorContactInput']) {
    return this.request<Schemas['DistributorContact']>('POST', `/api/masterdata/distributors/${id}/contacts`, input);
  }
  removeDistributorContact(id: number, contactId: number) {
    return this.request<void>('DELETE', `/api/masterdata/distributors/${id}/contacts/${contactId}`);
  }
  /** A CSV load: `dryRun` previews; otherwise all rows or none (a 422 ApiError carries `body.rowErrors`). */
  bulkLoad(kind: BulkLoadKind, file: Blob | string, dryRun: boolean) {
    return this.request<BulkLoadResult>('POST', `/api/masterdata/${kind}/bulk${dryRun ? '?dryRun=true' : ''}`, file, {
      'Content-Type': 'text/csv',
    });
  }
  acceptCounter(id: number) {
    return this.request<SpecialPriceRequest>('POST', `/api/requests/${id}/accept-counter`);
  }
  /** The requesting side rejects the counter-offer: the request is withdrawn. */
  rejectCounter(id: number, comment?: string) {
    return this.request<SpecialPriceRequest>('POST', `/api/requests/${id}/reject-counter`, comment ? { comment } : {});
  }
  /** The caller's saved POS column mapping and file options (what the server's import applies). */
  importMapping() {
    return this.request<SavedPosMapping>('GET', '/api/imports/mapping');
  }
  /** The claim without its lines (page them with `claimLines`). */
  claimHeader(id: number) {
    return this.request<Claim>('GET', `/api/claims/${id}?lines=false`);
  }
  /** One page of a claim's lines in line order, after line number `after`. */
  claimLines(id: number, after = 0, limit = 1000) {
    return this.request<ClaimLinePage>('GET', `/api/claims/${id}/lines${qs({ after, limit })}`);
  }
  /** A disputed line's thread; null when the line was never disputed. */
  async disputeThread(lineId: number): Promise<DisputeThread | null> {
    try {
      return await this.request<DisputeThread>('GET', `/api/disputes/lines/${lineId}/thread`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }
  openDispute(input: DisputeInput) {
    return this.request<DisputeThread>('POST', '/api/disputes', input);
  }
  commentOnDispute(lineId: number, body: string) {
    return this.request<DisputeThread>('POST', `/api/disputes/lines/${lineId}/comments`, { body });
  }
  decideDispute(lineId: number, decision: 'accept' | 'reject', comment: string, approvedAmount?: string) {
    return this.request<DisputeThread>('POST', `/api/disputes/lines/${lineId}/decision`, { decision, comment, approvedAmount });
  }
}

function itemsOf<T>(r: { items: T[] }): T[] {
  return r.items;
}

function qs(params: object): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function readStoredCsrf(baseUrl: string): string | null {
  try {
    return sessionStorage.getItem(CSRF_KEY + baseUrl);
  } catch {
    return null;
  }
}

const clients = new Map<string, BecApi>();

/**
 * Sets the client for a base URL (credentials, injected fetch). Called again for the same base it
 * updates that client in place, so elements already on the page use the new credentials.
 */
export function configureApi(options: ApiOptions): BecApi {
  const key = options.baseUrl.replace(/\/+$/, '');
  const existing = clients.get(key);
  if (existing) return existing.configure(options);
  const api = new BecApi(options);
  clients.set(api.baseUrl, api);
  return api;
}

/** The page's client for `baseUrl` ("" = same origin), created with cookie credentials if none was configured. */
export function apiFor(baseUrl: string): BecApi {
  const key = baseUrl.replace(/\/+$/, '');
  let api = clients.get(key);
  if (!api) {
    api = new BecApi({ baseUrl: key });
    clients.set(key, api);
  }
  return api;
}

/** A random idempotency key for one logical submission. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
