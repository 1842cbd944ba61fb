/**
 * Fixtures for the component tests: the server's answers, typed by the API's generated types
 * (./api-types.ts through ./api.ts), so a change of the API fails the type check here.
 */
import type { Accruals, ApiAnswer, ApprovalContext, Claim, ClaimLine, SpecialPriceRequest } from './api.js';
import type { operations } from './api-types.js';

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

/**
 * A stubFetch answer checked against the document: `answer('getClaims', {...})` refuses (at the
 * type check) a body that is not what `GET /api/claims` answers.
 */
export function answer<Op extends keyof operations, Status extends number = 200>(
  _operation: Op,
  body: ApiAnswer<Op, Status>,
  status?: Status,
) {
  return { status: status ?? 200, body };
}

/** A fetch stand-in: the browser's boundary, answering from a route table. */
export function stubFetch(routes: Record<string, (body: unknown) => { status?: number; body: unknown }>) {
  const calls: { method: string; url: string; body: unknown; headers: Record<string, string> }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    calls.push({ method, url, body, headers: (init.headers ?? {}) as Record<string, string> });
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ');
      return m === method && (p === path || (p.endsWith('*') && path.startsWith(p.slice(0, -1))));
    });
    const r = key ? routes[key](body) : { status: 404, body: { code: 'ROUTE_NOT_FOUND', detail: `no stub for ${method} ${path}` } };
    const status = r.status ?? 200;
    return new Response(JSON.stringify(r.body), {
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
    createdAt: '2026-11-20T10:00:00Z',
    lines: [
      { id: id * 10 + 1, productId: 1, quantity: 8000, requestedCost: '1.9000', counterCost: null, counterQuantity: null },
      { id: id * 10 + 2, productId: 2, quantity: 8000, requestedCost: '0.6000', counterCost: null, counterQuantity: null },
    ],
    ...patch,
  };
}
