/**
 * Fixtures for the component tests: the server's answers, typed by the API's generated types
 * (./api-types.ts through ./api.ts), so a change of the API fails the type check here.
 */
import type {
  Accruals,
  AccrualForecast,
  ApprovalContext,
  Claim,
  ClaimLine,
  DisputeEntry,
  DisputeThread,
  MasterAccount,
  PosImport,
  Product,
  Program,
  SpecialPriceRequest,
} from './api.js';
import type { components, paths } from './api-types.js';

export function makeLines(n: number): ClaimLine[] {
  const lines: ClaimLine[] = [];
  const verdicts = ['accepted', 'partial', 'rejected', 'pending'] as const;
  for (let i = 1; i <= n; i++) {
    const v = verdicts[i % 4];
    lines.push({
      id: i,
      lineNumber: i,
      authorizationNumber: 'SD-2026-0001',
      authorizationLineId: 1,
      authorizationVersion: 1,
      productId: i % 2 ? 1 : 2,
      vendorPartNumber: i % 2 ? 'VS-MCU-32F4' : 'VS-PMIC-45A',
      distributorPartNumber: null,
      endCustomerId: null,
      endCustomerName: i === 3 ? '=HYPERLINK("http://evil")' : 'Helios Medical Devices',
      invoiceNumber: `INV-${String(i).padStart(6, '0')}`,
      invoiceLine: '1',
      invoiceDate: '2026-11-02',
      shipDate: null,
      quantity: 100 + (i % 50),
      bookCost: '5.2890',
      authorizedCost: '4.1000',
      resalePrice: null,
      claimedAmount: `${118 + (i % 7)}.${String(i % 100).padStart(2, '0')}00`,
      computedAmount: '118.9000',
      acceptedQuantity: v === 'rejected' ? 0 : 100 + (i % 50),
      approvedAmount: v === 'rejected' ? '0.0000' : '118.9000',
      verdict: v,
      reasonCodes: v === 'rejected' ? ['END_CUSTOMER_MISMATCH'] : v === 'partial' ? ['AMOUNT_OVER_CLAIMED'] : [],
      rule: v === 'rejected' ? 'end-customer' : 'credit',
      verdictInputs: { authorizedCost: '4.1000', bookCost: '5.2890', quantity: 100 + (i % 50) },
      extra: null,
      resubmissionOfLineId: null,
      adjustedByUserId: null,
    });
  }
  return lines;
}

export function makeClaim(n = 5): Claim {
  return {
    id: 7,
    number: 'CL-2026-0007',
    distributorId: 2,
    programId: 1,
    programType: 'ship_and_debit',
    type: 'explicit',
    status: 'submitted',
    debitMemoNumber: 'ARW-DM-1',
    currency: 'USD',
    claimedTotal: '1000.0000',
    computedTotal: '1000.0000',
    approvedTotal: '900.0000',
    lineCount: n,
    submittedAt: '2026-11-02T10:00:00Z',
    authorizedAt: null,
    paidAt: null,
    createdAt: '2026-11-02T10:00:00Z',
    createdByUserId: 5,
    authorizedByUserId: null,
    posImportId: null,
    creditMemo: null,
    lines: makeLines(n),
  };
}

export function makeClaims(n: number): Claim[] {
  const statuses = ['submitted', 'authorized', 'paid', 'rejected', 'draft'] as const;
  const types = ['ship_and_debit', 'spa', 'dpa'];
  return Array.from({ length: n }, (_, i) => ({
    ...makeClaim(0),
    id: i + 1,
    number: `CL-${i + 1}`,
    distributorId: 2 + (i % 3),
    status: statuses[i % 5],
    programType: types[i % 3],
    lines: undefined,
  }));
}

/** Accruals as `GET /api/reports/accruals` answers them in two currencies: EUR and USD side by side, never added. */
export function makeAccruals(): Accruals {
  return {
    asOf: '2026-11-23',
    byCurrency: [
      { currency: 'EUR', openLiability: '3210.0000', inReview: '0.0000', paid: '250.5000' },
      { currency: 'USD', openLiability: '1184.6700', inReview: '5931.2500', paid: '1891.9600' },
    ],
    exposure: '20500.5000',
    exposureCurrency: 'USD',
    exposureByCurrency: [{ currency: 'USD', exposure: '20500.5000' }],
    byDistributor: [
      { distributorId: 2, distributorName: 'Arrowhead Components', openQuantity: 4200, exposure: '12000.0000', currency: 'USD' },
      { distributorId: 3, distributorName: 'Northbridge Electronics', openQuantity: 900, exposure: '8500.5000', currency: 'USD' },
    ],
    rebates: {
      items: [
        {
          programId: 7,
          code: 'REB-TIER-MCU-26',
          name: 'Microcontroller tiers',
          kind: 'tiered',
          distributorId: 2,
          distributorName: 'Arrowhead Components',
          currency: 'USD',
          period: { from: '2026-10-01', to: '2026-12-31' },
          measure: '2639',
          qualified: true,
          rebate: '316.68',
        },
      ],
      byCurrency: [{ currency: 'USD', accrued: '316.6800' }],
      unpaidPeriods: [
        {
          periodId: 4,
          programId: 5,
          code: 'REBATE-VOL-2026',
          name: 'Volume rebate 2026',
          distributorId: 3,
          distributorName: 'Northbridge Electronics',
          currency: 'EUR',
          period: { from: '2026-07-01', to: '2026-09-30' },
          status: 'authorized',
          amount: '239.5600',
        },
      ],
      unpaidByCurrency: [{ currency: 'EUR', unpaid: '239.5600' }],
    },
  };
}

/** A forecast as `GET /api/reports/accruals/forecast` answers it: one distributor, three weeks. */
export function makeForecast(): AccrualForecast {
  return {
    asOf: '2026-11-23',
    firstWeek: '2026-11-30',
    weeks: 3,
    items: [
      {
        distributorId: 2,
        distributorName: 'Arrowhead Components',
        currency: 'USD',
        curve: { cumulative: [0.1, 0.35, 0.6, 0.8], support: [12, 11, 9, 7] },
        learnedFrom: 12,
        openQuantity: 4200,
        weeks: [
          { weekStart: '2026-11-30', quantity: 1050, amount: '3000.0000' },
          { weekStart: '2026-12-07', quantity: 700, amount: '2000.0000' },
          { weekStart: '2026-12-14', quantity: 350, amount: '1000.0000' },
        ],
        totalQuantity: 2100,
        totalAmount: '6000.0000',
      },
    ],
  };
}

/** A request's CRM context as `GET /api/requests/:id/context` answers it: an opportunity, a deal registration, one authorized price. */
export function makeApprovalContext(requestId = 1): ApprovalContext {
  return {
    request: {
      id: requestId,
      number: `REQ-2611-${requestId}`,
      status: 'pending',
      programId: 1,
      programCode: 'SD-2026',
      priceFloor: null,
      distributor: { id: 2, name: 'Arrowhead Components' },
      endCustomer: { id: 9, name: 'Cascade Robotics' },
      opportunityRef: '006A',
      dealRegistrationRef: null,
      authorizationId: null,
      authorizationNumber: null,
      authorizationClosedLostOn: null,
      validFrom: '2026-09-01',
      validTo: '2027-03-31',
      createdAt: '2026-11-20T10:00:00Z',
      lines: [
        {
          id: requestId * 10 + 1,
          productId: 1,
          vendorPartNumber: 'VS-RF-BLE5',
          quantity: 8000,
          requestedCost: '1.9000',
          counterCost: null,
          bookCost: null,
        },
      ],
    },
    crm: {
      linkedBy: 'request',
      confident: true,
      opportunity: {
        sfId: '006A',
        name: 'Cascade arm v2',
        accountSfId: '001A',
        accountName: 'Cascade Robotics',
        stageName: 'Negotiation',
        isClosed: false,
        isWon: false,
        amount: '250000.00',
        currency: 'USD',
        closeDate: '2027-01-15',
        systemModstamp: '2026-11-20T09:00:00.000Z',
        isDeleted: false,
      },
      dealRegistration: {
        sfId: 'a01',
        name: 'DR-0042',
        endCustomerSfId: '001A',
        endCustomerName: 'Cascade Robotics',
        distributorName: 'Arrowhead Components',
        opportunitySfId: '006A',
        status: 'Approved',
        productCodes: 'VS-RF-BLE5',
        expiresOn: '2027-06-30',
        systemModstamp: '2026-11-20T09:00:00.000Z',
        isDeleted: false,
      },
      alternatives: { opportunities: [], dealRegistrations: [] },
      designWins: [],
      lastSyncAt: '2026-11-20T09:00:00.000Z',
    },
    priceHistory: [
      {
        productId: 1,
        vendorPartNumber: 'VS-RF-BLE5',
        authorizations: [
          {
            authorizationNumber: 'SD-1',
            version: 1,
            status: 'active',
            distributorId: 2,
            authorizedCost: '2.1000',
            approvedQuantity: 5000,
            consumedQuantity: 1200,
            validFrom: '2026-03-01',
            validTo: '2026-09-30',
          },
        ],
        claimLines: [],
      },
    ],
    flags: [{ code: 'PRICE_BELOW_FLOOR', message: 'below the floor' }],
  };
}

/** Line `lineId` of claim 7 (`makeLines`) disputed by Arrowhead (2): its thread, `entries` as given. */
export function makeDisputeThread(lineId: number, entries: DisputeEntry[], state: DisputeThread['state'] = 'open'): DisputeThread {
  const line = makeLines(lineId)[lineId - 1];
  return {
    lineId,
    claimId: 7,
    distributorId: 2,
    state,
    line: {
      ...line,
      claimId: 7,
      claimNumber: 'CL-2026-0007',
      claimStatus: 'submitted',
      claimCurrency: 'USD',
      distributorId: 2,
      resubmittedAs: [],
      createdAt: '2026-11-02T10:00:00Z',
    },
    entries,
  };
}

/** POS import `id` of Arrowhead (2), `pos.csv`, as `POST /api/imports` and `GET /api/imports/{id}` answer it. */
export function makePosImport(id: number, patch: Partial<PosImport> = {}): PosImport {
  return {
    id,
    distributorId: 2,
    format: 'csv',
    purpose: 'pos',
    fileName: 'pos.csv',
    fileSha256: null,
    status: 'completed',
    totalBytes: 400,
    processedBytes: 400,
    rowsRead: 4,
    rowsAccepted: 2,
    rowsDuplicate: 0,
    rowsRejected: 0,
    progress: 1,
    failure: null,
    mapping: null,
    settings: null,
    createdByUserId: 6,
    startedAt: '2026-11-02T10:00:00Z',
    finishedAt: '2026-11-02T10:00:01Z',
    createdAt: '2026-11-02T10:00:00Z',
    voidedAt: null,
    voidedByUserId: null,
    voidReason: null,
    ...patch,
  };
}

// ---- The typed fetch stand-in ----------------------------------------------------------------
// A route is "METHOD /path", the path concrete (`/api/claims/7/notes`) or with the document's
// `{param}` segments, then either an exact query (`?status=submitted&pageSize=200`: the request's
// query must be that one) or `*` (any query). The path is matched, at the type check, to the
// document's operation, and the handler's answer must be one of that operation's documented
// answers: its status and, for that status, its body. A route that is no operation, a status the
// operation does not answer, or a body of the wrong shape fails `npm run typecheck`.

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Split<S extends string> = S extends `${infer H}/${infer T}` ? [H, ...Split<T>] : [S];
type SegmentMatches<C extends string, T extends string> = T extends `{${string}}`
  ? C extends ''
    ? false
    : true
  : C extends T
    ? true
    : false;
type SegmentsMatch<C extends string[], T extends string[]> = C extends [infer CH extends string, ...infer CT extends string[]]
  ? T extends [infer TH extends string, ...infer TT extends string[]]
    ? SegmentMatches<CH, TH> extends true
      ? SegmentsMatch<CT, TT>
      : false
    : false
  : T extends []
    ? true
    : false;
/** The document's path for a concrete one: itself when it is one, else the template(s) its segments fit. */
type TemplateOf<P extends string> = P extends keyof paths
  ? P
  : { [T in keyof paths & string]: SegmentsMatch<Split<P>, Split<T>> extends true ? T : never }[keyof paths & string];
type PathPart<R extends string> = R extends `${infer P}?${string}` ? P : R extends `${infer P}*` ? P : R;
/** The operation a route key names (never when it names none). */
export type OperationOf<K extends string> = K extends `${infer M extends Method} ${infer R}`
  ? TemplateOf<PathPart<R>> extends infer T extends keyof paths
    ? paths[T] extends Record<Lowercase<M>, infer Op>
      ? Op extends { responses: unknown }
        ? Op
        : never
      : never
    : never
  : never;
type BodyOf<Response> = Response extends { content: infer C } ? C[keyof C] : undefined;
/** Error statuses a stub may answer with the document's `default` answer (a problem). */
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504;
type Problem = components['schemas']['Problem'];
/** The answers an operation documents: `{status, body}` per status (status may be left out for 200). */
export type AnswerOf<Op> = Op extends { responses: infer R }
  ? | { [S in keyof R & number]: S extends 200 ? { status?: 200; body: BodyOf<R[S]> } : { status: S; body: BodyOf<R[S]> } }[keyof R &
        number]
    | ('default' extends keyof R ? { status: ErrorStatus; body: Problem } : never)
  : never;
type RequestBodyOf<Op> = Op extends { requestBody?: { content: infer C } } ? C[keyof C] : undefined;
/** A route's handler: the request's (parsed JSON) body and URL in, one of the operation's answers out. */
export type HandlerFor<K extends string> = [OperationOf<K>] extends [never]
  ? `"${K}" is no operation of the API document (METHOD /path[?query|*])`
  : (body: RequestBodyOf<OperationOf<K>>, url: URL) => AnswerOf<OperationOf<K>>;
/** A table of routes, each checked against the document. */
export type StubRoutes<K extends string> = { [P in K]: HandlerFor<P> };
type RawAnswer = { status?: number; body: unknown };
/** A route table already checked by `routes()`, to hand to a helper that builds a stub. */
export type RouteTable = { readonly [key: string]: (body: never, url: URL) => RawAnswer } & { readonly __checked: true };

/**
 * A problem answer (RFC 9457) as the server's error middleware writes it, for a stub to return:
 * `problem(503, 'UNAVAILABLE', 'the database is not answering')`.
 */
export function problem<S extends ErrorStatus>(status: S, code: string, detail: string, errors?: { field: string; message: string }[]) {
  const body: Problem = {
    type: `https://bec.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: 'Error',
    status,
    code,
    detail,
    instance: '/stub',
    ...(errors ? { errors } : {}),
  };
  return { status, body };
}

/** Checks a route table against the document (for helpers that take extra routes). */
export function routes<K extends string>(table: StubRoutes<K>): RouteTable {
  return table as unknown as RouteTable;
}

function routeMatches(key: string, method: string, url: URL) {
  const space = key.indexOf(' ');
  if (key.slice(0, space) !== method) return false;
  let route = key.slice(space + 1);
  let query: string | null = null;
  if (route.endsWith('*')) route = route.slice(0, -1);
  else if (route.includes('?')) [route, query] = [route.slice(0, route.indexOf('?')), route.slice(route.indexOf('?'))];
  else query = '';
  if (query !== null && url.search !== query) return false;
  const want = route.split('/');
  const got = url.pathname.split('/');
  return want.length === got.length && want.every((w, i) => (/^\{.+\}$/.test(w) ? got[i] !== '' : w === got[i]));
}

/**
 * A fetch stand-in: the browser's boundary, answering from a route table typed by the API
 * document (see above). `overrides` (from `routes()`) win over `table`; a request no route
 * matches gets `otherwise` (by default a 404 problem naming it).
 */
export function stubFetch<K extends string>(
  table: StubRoutes<K>,
  options: { overrides?: RouteTable; otherwise?: { status: ErrorStatus; body: Problem } } = {},
) {
  const calls: { method: string; url: string; body: unknown; headers: Record<string, string> }[] = [];
  const handlers = Object.entries({ ...(options.overrides ?? {}), ...table }) as [string, (body: unknown, url: URL) => RawAnswer][];
  // Object spread keeps the first insertion's position: order overrides first explicitly.
  const ordered = [
    ...handlers.filter(([k]) => options.overrides && k in options.overrides),
    ...handlers.filter(([k]) => !options.overrides || !(k in options.overrides)),
  ];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://stub.invalid');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    calls.push({ method, url: String(input), body, headers: (init.headers ?? {}) as Record<string, string> });
    const found = ordered.find(([k]) => routeMatches(k, method, url));
    const r: RawAnswer = found
      ? found[1](body, url)
      : (options.otherwise ?? problem(404, 'ROUTE_NOT_FOUND', `no stub for ${method} ${url.pathname}${url.search}`));
    const status = r.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(r.body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

/** A pending special-price request of Arrowhead (2) for Cascade Robotics (9), two lines unless `lines` says otherwise. */
export function makeRequest(id: number, patch: Partial<SpecialPriceRequest> = {}): SpecialPriceRequest {
  return {
    id,
    number: `SPR-${id}`,
    programId: 1,
    distributorId: 2,
    resellerId: null,
    endCustomerId: 9,
    requestedByUserId: 6,
    status: 'pending',
    validFrom: '2026-09-01',
    validTo: '2027-03-31',
    opportunityRef: '006XYZ',
    dealRegistrationRef: null,
    justification: 'Robot arm refresh',
    decisionComment: null,
    decidedByUserId: null,
    decidedAt: null,
    authorizationId: null,
    authorization: null,
    programVersion: 1,
    createdAt: '2026-11-20T10:00:00Z',
    routing: null,
    change: null,
    lines: [
      {
        id: id * 10 + 1,
        productId: 1,
        quantity: 8000,
        requestedCost: '1.9000',
        bookCost: null,
        flags: [],
        counterCost: null,
        counterQuantity: null,
        authorizationLineId: null,
      },
      {
        id: id * 10 + 2,
        productId: 2,
        quantity: 8000,
        requestedCost: '0.6000',
        bookCost: null,
        flags: [],
        counterCost: null,
        counterQuantity: null,
        authorizationLineId: null,
      },
    ],
    ...patch,
  };
}

/** The products (list prices) and accounts `makeRequest`'s requests name: the approval queue's lookups. */
export const queueLookups = {
  products: [
    { id: 1, vendorPartNumber: 'VS-RF-BLE5', description: 'BLE SoC', family: 'Wireless', listPrice: '2.8800' },
    { id: 2, vendorPartNumber: 'VS-SNS-TMP', description: 'Temp sensor', family: 'Sensors', listPrice: '0.9500' },
  ] satisfies Product[] as Product[],
  accounts: [
    { id: 2, type: 'distributor' as const, name: 'Arrowhead Components', country: 'US' },
    { id: 9, type: 'end_customer' as const, name: 'Cascade Robotics', country: 'US' },
  ],
};
/** An account as `GET /api/masterdata/accounts` and `/distributors` answer it (a distributor in USD). */
export function masterAccount(id: number, type: MasterAccount['type'], name: string, patch: Partial<MasterAccount> = {}): MasterAccount {
  return {
    id,
    type,
    name,
    country: 'US',
    region: type === 'distributor' ? 'North America' : null,
    currency: type === 'distributor' ? 'USD' : null,
    crmId: null,
    externalRef: null,
    mergedIntoId: null,
    mergedAt: null,
    ...patch,
  };
}

/** An active ship & debit program open to everyone (version 1, no limits) unless `patch` says otherwise. */
export function makeProgram(id: number, patch: Partial<Program> = {}): Program {
  return {
    id,
    code: `SD-${id}`,
    name: `Ship & Debit ${id}`,
    type: 'ship_and_debit',
    status: 'active',
    version: 1,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    productIds: [],
    productFamilies: [],
    distributorIds: [],
    endCustomerIds: [],
    endCustomerCountries: [],
    quantityCap: null,
    priceFloor: null,
    requiredClaimFields: [],
    claimFilingWindowDays: null,
    ...patch,
  };
}
