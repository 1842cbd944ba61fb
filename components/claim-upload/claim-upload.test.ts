import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { configureApi } from '../shared/api.js';
import { stubFetch } from '../shared/test-data.js';
import './claim-upload.js';
import { preflightPosCsv, type BecClaimUpload } from './claim-upload.js';

const CSV = [
  '\uFEFFInvoice Number;Invoice Line;Invoice Date;Vendor Part Number;Quantity;Book Cost;Authorized Cost;Authorization Number;End Customer',
  'INV-1;1;2026-11-02;VS-MCU-32F4;100;5,2890;4,1000;SD-1;"Helios; Medical"',
  'INV-1;2;02.11.2026;VS-PMIC-45A;50;2,6322;2,0500;SD-1;Helios',
  'INV-2;1;not a date;VS-MCU-32F4;10;5,2890;4,1000;SD-1;Helios',
  'INV-1;1;2026-11-02;VS-MCU-32F4;100;5,2890;4,1000;SD-1;Helios',
].join('\r\n');
const file = (text: string, name = 'pos.csv') => new File([text], name, { type: 'text/csv' });
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;

// Arrowhead's authorization SD-1: 60 units of VS-MCU-32F4 until year end; VS-PMIC-45A only until October.
const fact = (id: number, productId: number, part: string, cost: string, approved: number, validTo: string) => ({
  authorizationId: 1,
  authorizationLineId: id,
  authorizationNumber: 'SD-1',
  authorizationVersion: 1,
  distributorId: 2,
  productId,
  vendorPartNumber: part,
  endCustomerId: null,
  endCustomerName: null,
  authorizedCost: cost,
  approvedQuantity: approved,
  consumedQuantity: 0,
  validFrom: '2026-09-01',
  validTo,
  programId: 1,
  programType: 'ship_and_debit' as const,
  requiredFields: [],
});
const FACTS = [fact(1, 1, 'VS-MCU-32F4', '4.1000', 60, '2026-12-31'), fact(2, 3, 'VS-PMIC-45A', '2.0500', 500, '2026-10-31')];

describe('bec-claim-upload', () => {
  it('runs the rules engine before sending: an expired authorization and a cut quantity are shown by row', async () => {
    const r = await preflightPosCsv(CSV, {}, FACTS);
    expect(r.rejectedByRules).to.equal(2);
    const byRow = new Map(r.errors.map((e) => [e.row, e.message]));
    expect(byRow.get(2)).to.contain('partly accepted (60 units)').and.to.contain('QTY_EXCEEDS_APPROVED');
    expect(byRow.get(3)).to.contain('would be rejected').and.to.contain('AUTH_EXPIRED');
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload .authorizations=${FACTS}></bec-claim-upload>`);
    await el.check(file(CSV));
    await el.updateComplete;
    expect($(el, '[part="errors"]').textContent).to.contain('AUTH_EXPIRED');
    await expect(el).to.be.accessible();
  });

  it('preflights in the browser: bad dates and duplicate invoice lines are flagged with their row', async () => {
    const r = await preflightPosCsv(CSV);
    expect(r.rows).to.equal(4);
    expect(r.valid).to.equal(2);
    expect(r.errors.map((e) => e.row)).to.deep.equal([4, 5]);
    expect(r.errors[1].message).to.contain('duplicate of row 2');
  });

  it('reports a missing required column', async () => {
    const r = await preflightPosCsv('Part,Qty\nVS-1,3\n');
    expect(r.missingColumns.join(' ')).to.match(/invoice/i);
    expect(r.valid).to.equal(0);
  });

  it('shows the preflight before sending anything, accessibly', async () => {
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload></bec-claim-upload>`);
    const checked = oneEvent(el, 'becpreflight');
    await el.check(file(CSV));
    expect((await checked).detail).to.include({ rows: 4, valid: 2 });
    await el.updateComplete;
    expect($(el, '[part="errors"]').textContent).to.contain('duplicate');
    // No api-base: nothing can be sent.
    expect($<HTMLButtonElement>(el, '.actions button').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('uploads, shows progress and the server row errors', async () => {
    const job = {
      id: 12,
      status: 'completed',
      fileName: 'pos.csv',
      totalBytes: 400,
      processedBytes: 400,
      rowsRead: 4,
      rowsAccepted: 2,
      rowsDuplicate: 0,
      rowsRejected: 2,
      progress: 1,
      failure: null,
      settings: { delimiter: ';', decimalMark: ',', dateOrder: 'DMY', decimalMarkFrom: 'file', dateOrderFrom: 'chosen' },
    };
    const stub = stubFetch({
      'POST /api/imports?fileName=pos.csv': () => ({ status: 201, body: job }),
      'GET /api/imports/12/errors': () => ({
        body: { items: [{ rowNumber: 4, column: 'invoiceDate', code: 'INVALID_DATE', message: 'not a date' }] },
      }),
      'POST /api/imports/12/claims?wait=true': () => ({ status: 201, body: { claims: [{ id: 1 }], unmatched: [] } }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:4', fetch: stub.fetch, csrfToken: 'c' });
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload api-base="http://127.0.0.1:4" create-claims></bec-claim-upload>`);
    await el.check(file(CSV));
    await el.updateComplete;
    const done = oneEvent(el, 'becuploadcomplete');
    $<HTMLButtonElement>(el, '.actions button').click();
    const ev = await done;
    expect(ev.detail).to.include({ importId: 12, accepted: 2, rejected: 2 });
    await el.updateComplete;
    expect($(el, '[role="progressbar"]').getAttribute('aria-valuenow')).to.equal('100');
    expect($(el, '[role="status"]').textContent).to.contain('2 lines imported');
    // how the server read the file
    expect($(el, '[part="settings"]').textContent).to.equal(
      'Read with decimal mark "," (inferred from the file), dates day first (as chosen).',
    );
    const post = stub.calls.find((c) => c.method === 'POST')!;
    expect(post.headers['Content-Type']).to.equal('text/csv');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Create claims'))!.click();
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('1 claim created');
    await expect(el).to.be.accessible();
  });

  it('with a bearer token, follows a queued import by asking for it (an EventSource cannot send the token)', async () => {
    const job = (status: string) => ({
      id: 13,
      status,
      fileName: 'pos.csv',
      totalBytes: 400,
      processedBytes: status === 'completed' ? 400 : 0,
      rowsRead: status === 'completed' ? 4 : 0,
      rowsAccepted: status === 'completed' ? 2 : 0,
      rowsDuplicate: 0,
      rowsRejected: 0,
      progress: status === 'completed' ? 1 : 0,
      failure: null,
    });
    let asked = 0;
    const stub = stubFetch({
      'POST /api/imports?fileName=pos.csv': () => ({ status: 202, body: job('queued') }),
      'GET /api/imports/13': () => ({ body: job(++asked < 2 ? 'running' : 'completed') }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:14', fetch: stub.fetch, token: 'bece_portal' });
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload api-base="http://127.0.0.1:14"></bec-claim-upload>`);
    await el.check(file(CSV));
    const done = oneEvent(el, 'becuploadcomplete');
    void el.upload();
    expect((await done).detail).to.include({ importId: 13, accepted: 2, phase: 'completed' });
    expect(asked).to.equal(2);
    expect(stub.calls.every((c) => c.headers.Authorization === 'Bearer bece_portal')).to.equal(true);
  });

  it('shows a refused upload', async () => {
    const stub = stubFetch({
      'POST /api/imports?fileName=pos.csv': () => ({
        status: 403,
        body: { code: 'FORBIDDEN', detail: 'only a distributor user may submit POS' },
      }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:3', fetch: stub.fetch });
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload api-base="http://127.0.0.1:3"></bec-claim-upload>`);
    await el.check(file(CSV));
    const failed = oneEvent(el, 'becerror');
    void el.upload();
    expect((await failed).detail.code).to.equal('FORBIDDEN');
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.contain('distributor user');
  });
});
