import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configureApi, type PosImport } from '../shared/api.js';
import { makePosImport, problem, stubFetch } from '../shared/test-data.js';
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
    expect(byRow.get(2)).to.contain('Partly accepted (60 units)');
    expect(byRow.get(3)).to.contain('Would be rejected');
    // each rejection is blamed on the field its rule reads, not on the authorization number
    const fieldByRow = new Map(r.errors.map((e) => [e.row, e.field]));
    expect(fieldByRow.get(2)).to.equal('quantity');
    expect(fieldByRow.get(3)).to.equal('invoiceDate');
    expect(r.ready).to.equal(0);
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload .authorizations=${FACTS}></bec-claim-upload>`);
    await el.check(file(CSV));
    await el.updateComplete;
    expect($(el, '[part="errors"]').textContent).to.contain('outside the authorization');
    expect($(el, '[part="errors"] td[data-field="quantity"]').textContent).to.equal('Quantity');
    expect($(el, '[part="errors"] td[data-field="invoiceDate"]').textContent).to.equal('Invoice Date');
    await expect(el).to.be.accessible();
  });

  it('words each verdict in plain sentences: no reason code, money in the currency, grouped quantities, dates of the locale; French too', async () => {
    const facts = [...FACTS, { ...fact(3, 4, 'VS-RF-BLE5', '1.2000', 5000, '2027-03-31'), consumedQuantity: 5000 }];
    const csv = [
      CSV.split('\r\n')[0],
      'INV-7;1;2026-11-02;VS-MCU-32F4;10;5,2890;3,5000;SD-1;Helios', // a debit cost below the authorized 4.10
      'INV-7;2;2026-11-02;VS-PMIC-45A;50;2,6322;2,0500;SD-1;Helios', // after the authorization's end
      'INV-7;3;2026-11-02;VS-RF-BLE5;6000;2,0000;1,2000;SD-1;Helios', // nothing left of 5,000
      'INV-7;3;2026-11-02;VS-RF-BLE5;1;2,0000;1,2000;SD-1;Helios', // the same invoice line again
      'INV-8;1;31.02.2026;VS-RF-BLE5;1;2,0000;1,2000;SD-1;Helios', // no such day
    ].join('\r\n');
    const r = await preflightPosCsv(csv, {}, facts, { locale: 'en-US', currency: 'USD' });
    const messages = r.errors.map((e) => e.message);
    expect(messages[0]).to.equal('Would be rejected: You claimed $3.50 a unit; the authorized cost is $4.10.');
    expect(messages[1]).to.equal(
      "Would be rejected: The invoice date Nov 2, 2026 is outside the authorization's validity (Sep 1, 2026 to Oct 31, 2026).",
    );
    expect(messages[2]).to.contain('6,000 units').and.contain('5,000 approved');
    for (const m of messages.slice(0, 4)) expect(m).not.to.match(/[A-Z]+_[A-Z_]+|\d{4}-\d\d-\d\d|\d\.\d{4}/);

    const el = await fixture<BecClaimUpload>(
      html`<bec-claim-upload locale="fr-FR" currency="EUR" .authorizations=${facts}></bec-claim-upload>`,
    );
    await el.check(file(csv));
    await el.updateComplete;
    const shown = [...el.shadowRoot!.querySelectorAll('[part="errors"] tbody td:last-child')].map((td) =>
      td.textContent!.replace(/\s/g, ' '),
    );
    expect(shown[0]).to.equal("Serait rejetée : Vous avez réclamé 3,50 € l'unité ; le coût autorisé est de 4,10 €.");
    expect(shown[1]).to.contain('2 nov. 2026').and.contain('du 1 sept. 2026 au 31 oct. 2026');
    expect(shown[2]).to.contain('6 000 unités');
    expect(shown[3]).to.equal('Doublon de la ligne 4 du fichier (facture INV-7, ligne 3).');
    expect(shown[4]).to.equal('« 31.02.2026 » n’est pas une date lisible.');
  });

  it('preflights in the browser: bad dates and duplicate invoice lines are flagged with their row', async () => {
    const r = await preflightPosCsv(CSV);
    expect(r.rows).to.equal(4);
    expect(r.valid).to.equal(2);
    expect(r.errors.map((e) => e.row)).to.deep.equal([4, 5]);
    expect(r.errors[1].message).to.equal('Duplicate of row 2 (invoice INV-1 line 1).');
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
    expect($(el, '[part="errors"]').textContent).to.contain('Duplicate of row 2');
    // No api-base: nothing can be sent.
    expect($<HTMLButtonElement>(el, '.actions button').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('uploads, shows progress and the server row errors', async () => {
    const job = makePosImport(12, {
      rowsRejected: 2,
      settings: { delimiter: ';', decimalMark: ',', dateOrder: 'DMY', decimalMarkFrom: 'file', dateOrderFrom: 'chosen' },
    });
    const stub = stubFetch({
      'POST /api/imports?fileName=pos.csv': () => ({ status: 201, body: job }),
      'GET /api/imports/12/errors': () => ({
        body: { items: [{ rowNumber: 4, column: 'invoiceDate', code: 'INVALID_DATE', message: 'not a date', raw: '31.02.2026' }] },
      }),
      'POST /api/imports/12/claims?wait=true': () => ({
        status: 201,
        body: {
          claims: [
            {
              id: 31,
              number: 'CL-2026-0031',
              type: 'implicit',
              debitMemoNumber: null,
              currency: 'USD',
              status: 'submitted',
              lineCount: 2,
              rejectedLines: 0,
              claimedTotal: '237.8000',
              approvedTotal: '237.8000',
            },
          ],
          unmatched: [],
          unmatchedCount: 0,
          lines: { claimed: 2, accepted: 2, partial: 0, rejected: 0 },
        },
      }),
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
    expect($(el, '[data-live]').textContent).to.contain('2 lines imported');
    // how the server read the file
    expect($(el, '[part="settings"]').textContent).to.equal(
      'Read with decimal mark "," (inferred from the file), dates day first (as chosen).',
    );
    const post = stub.calls.find((c) => c.method === 'POST')!;
    expect(post.headers['Content-Type']).to.equal('text/csv');
    const created = oneEvent(el, 'becclaimscreated');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Create claims'))!.click();
    expect((await created).detail).to.deep.equal({ claims: [{ id: 31, number: 'CL-2026-0031' }], importId: 12 });
    await el.updateComplete;
    expect($(el, '[part="claims"]').textContent).to.contain('1 claim created');
    const link = $<HTMLAnchorElement>(el, '[part="claims"] a');
    expect(link.textContent).to.equal('CL-2026-0031');
    expect(link.getAttribute('href')).to.equal('#claim-31');
    expect($(el, '[data-live]').textContent).to.contain('1 claim created');
    await expect(el).to.be.accessible();
  });

  it('with a bearer token, follows a queued import by asking for it (an EventSource cannot send the token)', async () => {
    const job = (status: PosImport['status']) =>
      makePosImport(13, {
        status,
        processedBytes: status === 'completed' ? 400 : 0,
        rowsRead: status === 'completed' ? 4 : 0,
        rowsAccepted: status === 'completed' ? 2 : 0,
        progress: status === 'completed' ? 1 : 0,
        finishedAt: status === 'completed' ? '2026-11-02T10:00:01Z' : null,
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
      'POST /api/imports?fileName=pos.csv': () => problem(403, 'FORBIDDEN', 'only a distributor user may submit POS'),
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

  it('reads amounts in the currency the server reads the distributor in (GET /api/imports/mapping), not the element default', async () => {
    const text =
      'Invoice Number;Invoice Line;Invoice Date;Vendor Part Number;Quantity;Book Cost\nR-1;1;02.11.2026;VS-MCU-32F4;5;€2,63\nR-1;2;02.11.2026;VS-MCU-32F4;5;$2,63\n';
    const stub = stubFetch({
      'GET /api/imports/mapping': () => ({ body: { mapping: {}, options: {}, updatedAt: null, currency: 'EUR' } }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:21', fetch: stub.fetch, csrfToken: 'c' });
    // The element's own currency is left at its default (USD): the distributor's (EUR) decides.
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload api-base="http://127.0.0.1:21"></bec-claim-upload>`);
    const r = await el.check(file(text));
    expect(r.rows).to.equal(2);
    expect(r.valid).to.equal(1);
    expect(r.errors.map((e) => [e.row, e.field])).to.deep.equal([[3, 'bookCost']]);
    expect(r.errors[0]!.message).to.contain('EUR');
  });

  it('reads the file with the saved column mapping the server applies (GET /api/imports/mapping)', async () => {
    const text = 'Rechnung,Pos,Datum,Teil,Menge\nR-1,1,02.11.2026,VS-MCU-32F4,"1.200"\n';
    // Without the mapping the invoice-number column is not found.
    expect((await preflightPosCsv(text)).missingColumns.length).to.be.greaterThan(0);
    const stub = stubFetch({
      'GET /api/imports/mapping': () => ({
        body: {
          mapping: { invoiceNumber: 'Rechnung', invoiceLine: 'Pos', invoiceDate: 'Datum', vendorPartNumber: 'Teil', quantity: 'Menge' },
          options: { decimalMark: ',', dateOrder: 'DMY' },
          updatedAt: '2026-11-01T09:00:00Z',
          currency: 'USD',
        },
      }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:21', fetch: stub.fetch, csrfToken: 'c' });
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload api-base="http://127.0.0.1:21"></bec-claim-upload>`);
    const r = await el.check(file(text));
    expect(r.missingColumns).to.deep.equal([]);
    expect(r).to.include({ rows: 1, valid: 1, ready: 1 });
    expect(stub.calls.filter((c) => c.url.endsWith('/api/imports/mapping')).length).to.equal(1);
  });

  it('speaks French with locale="fr": the drop zone, the counts, the button and the announcement', async () => {
    const el = await fixture<BecClaimUpload>(
      html`<bec-claim-upload api-base="http://127.0.0.1:22" locale="fr" .authorizations=${FACTS}></bec-claim-upload>`,
    );
    expect($(el, 'h2').textContent).to.equal('Importer des lignes de ventes (POS)');
    expect($(el, '[part="dropzone"] label').textContent).to.equal('Choisir un fichier');
    expect($(el, '[part="empty"]').textContent).to.equal('Aucun fichier choisi.');
    await el.check(file(CSV));
    await el.updateComplete;
    const labels = [...el.shadowRoot!.querySelectorAll('.stat .muted')].map((s) => s.textContent);
    expect(labels).to.deep.equal([
      'lignes dans le fichier',
      'prêtes',
      'que les règles rejetteraient ou réduiraient',
      'avec des problèmes (non importées)',
    ]);
    expect($(el, '.actions button').textContent!.trim()).to.equal('Envoyer le fichier (4 lignes)');
    expect($(el, '[data-explains="upload"]').textContent!.replace(/\s+/g, ' ')).to.contain(
      'il importe les 2 lignes lisibles, signale les 2 lignes avec des problèmes',
    );
    expect($(el, '[data-live]').textContent).to.contain('pos.csv vérifié : 4 lignes, 0 prêtes, 2 que les règles');
    expect([...$(el, '[part="errors"] thead').querySelectorAll('th')].map((th) => th.textContent)).to.deep.equal([
      'Ligne',
      'Colonne',
      'Problème',
    ]);
    await expect(el).to.be.accessible();
  });

  it('counts, announces and uploads the same thing: the button sends the whole file it counted', async () => {
    const job = makePosImport(40, { totalBytes: 1, processedBytes: 1, rowsDuplicate: 1 });
    const stub = stubFetch({
      'POST /api/imports?fileName=pos.csv': () => ({
        status: 201,
        body: job,
      }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:22', fetch: stub.fetch, csrfToken: 'c' });
    const el = await fixture<BecClaimUpload>(
      html`<bec-claim-upload api-base="http://127.0.0.1:22" .authorizations=${FACTS}></bec-claim-upload>`,
    );
    const sent = file(CSV);
    await el.check(sent);
    await el.updateComplete;
    const stats = [...el.shadowRoot!.querySelectorAll('.stat strong')].map((s) => s.textContent);
    expect(stats).to.deep.equal(['4', '0', '2', '2']); // rows, ready, the rules would reject or cut, with problems
    const live = $(el, '[data-live]');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.textContent).to.contain('4 rows, 0 ready, 2 the rules would reject or cut, 2 with problems');
    const button = $<HTMLButtonElement>(el, '.actions button');
    expect(button.textContent!.trim()).to.equal('Upload the file (4 rows)');
    expect($(el, '[data-explains="upload"]').textContent!.replace(/\s+/g, ' ')).to.contain(
      'imports the 2 readable rows, reports the 2 with problems',
    );
    button.click();
    await oneEvent(el, 'becuploadcomplete');
    const post = stub.calls.find((c) => c.method === 'POST')!;
    expect(post.body).to.equal(sent); // the file as counted, not a subset
  });

  it('reaches the error table by keyboard', async () => {
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload></bec-claim-upload>`);
    await el.check(file(CSV));
    await el.updateComplete;
    $<HTMLInputElement>(el, 'input[type="file"]').focus();
    await sendKeys({ press: 'Tab' });
    const region = el.shadowRoot!.activeElement as HTMLElement;
    expect(region.getAttribute('part')).to.equal('errors');
    expect(region.getAttribute('aria-label')).to.equal('Problems found before sending');
  });

  it('shows a server error with its detail and Retry, distinct from being offline', async () => {
    let fail: 'server' | 'network' | 'none' = 'server';
    const stub = stubFetch({
      'POST /api/imports?fileName=pos.csv': () =>
        fail === 'server'
          ? problem(503, 'UNAVAILABLE', 'the import queue is paused for maintenance')
          : { status: 201, body: makePosImport(50) },
    });
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (fail === 'network') throw new TypeError('Failed to fetch');
      return stub.fetch(input, init);
    }) as typeof fetch;
    configureApi({ baseUrl: 'http://127.0.0.1:23', fetch: flaky, csrfToken: 'c' });
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload api-base="http://127.0.0.1:23"></bec-claim-upload>`);
    await el.check(file(CSV));
    await el.upload();
    await el.updateComplete;
    expect($(el, '[part="error"]').textContent).to.contain('the import queue is paused for maintenance');
    expect(el.shadowRoot!.querySelector('[part="offline"]')).to.equal(null);
    fail = 'network';
    $<HTMLButtonElement>(el, '[part="error"] button').click();
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect($(el, '[part="offline"]').textContent).to.contain('You are offline');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    fail = 'none';
    const done = oneEvent(el, 'becuploadcomplete');
    $<HTMLButtonElement>(el, '[part="offline"] button').click();
    expect((await done).detail).to.include({ importId: 50, accepted: 2 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="offline"], [part="error"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
