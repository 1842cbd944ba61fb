/**
 * The ship & debit lifecycle through the HTTP API, as the README describes it:
 *   npx tsx scripts/walkthrough.ts [http://localhost:3000]
 * against a server started with `npm start` (demo data). Prints each step's status and amounts.
 */
const base = process.argv[2] ?? 'http://localhost:3000';
const PASSWORD = 'bec-demo-2026';

async function signIn(email: string) {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        'content-type': 'application/json',
        'idempotency-key': method === 'POST' ? crypto.randomUUID() : '',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = r.status === 204 ? null : await r.json();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
}

const distributor = await signIn('ops@arrowhead.example');
const approver = await signIn('cm@voltaic.example');
const finance = await signIn('finance@voltaic.example');
const finance2 = await signIn('finance2@voltaic.example');

const program = (await distributor('GET', '/api/programs')).items.find((p: { code: string }) => p.code === 'SD-2026');
const customer = (await distributor('GET', '/api/accounts?type=end_customer&q=Cascade')).items[0];
const product = (await distributor('GET', '/api/products?q=VS-ADC-24S')).items[0];
const request = await distributor('POST', '/api/requests', {
  programId: program.id,
  endCustomerId: customer.id,
  validFrom: '2026-10-01',
  validTo: '2027-03-31',
  lines: [{ productId: product.id, quantity: 1000, requestedCost: '5.4270' }],
});
console.log(`1. request ${request.number}: ${request.status}`);
const approved = await approver('POST', `/api/requests/${request.id}/approve`, { comment: 'Approved for the Cascade design win' });
const authorization = await distributor('GET', `/api/authorizations/${approved.authorizationId}`);
console.log(`2. approved: authorization ${authorization.number} v${authorization.version}, cost ${authorization.lines[0].authorizedCost}`);
const invoice = `WALK-${Date.now()}`;
const claim = await distributor('POST', '/api/claims', {
  debitMemoNumber: invoice,
  submit: true,
  lines: [
    {
      authorizationNumber: authorization.number,
      vendorPartNumber: 'VS-ADC-24S',
      endCustomerName: 'Cascade Robotics',
      invoiceNumber: invoice,
      invoiceLine: '1',
      invoiceDate: '2026-11-20',
      quantity: 300,
      bookCost: '6.0270',
      authorizedCost: '5.4270',
    },
  ],
});
console.log(`3. claim ${claim.number}: ${claim.status}, line ${claim.lines[0].verdict}, computed ${claim.computedTotal}`);
const adjusted = await finance('POST', `/api/claims/${claim.id}/lines/${claim.lines[0].id}/adjust`, {
  approvedAmount: '150.0000',
  reason: 'Half the units were returned',
});
console.log(`4. adjusted: approved ${adjusted.approvedTotal}`);
const authorized = await finance2('POST', `/api/claims/${claim.id}/authorize`);
console.log(`5. ${authorized.status} by another finance user`);
const paid = await finance('POST', `/api/claims/${claim.id}/pay`, { externalRef: null });
console.log(`6. ${paid.status}: credit memo ${paid.creditMemo.number} for ${paid.creditMemo.amount} ${paid.creditMemo.currency}`);
