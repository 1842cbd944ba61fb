import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { configureApi } from '../shared/api.js';
import { problem, stubFetch, type StubRoutes } from '../shared/test-data.js';
import './admin-bulk-load.js';
import type { BecAdminBulkLoad } from './admin-bulk-load.js';

const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const settle = async (el: { updateComplete: Promise<boolean> }) => {
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};

let base = 0;
function api<K extends string>(routes: StubRoutes<K>) {
  const stub = stubFetch(routes);
  const baseUrl = `http://127.0.0.1:${9500 + base++}`;
  configureApi({ baseUrl, fetch: stub.fetch, token: 't' });
  return { ...stub, baseUrl };
}

describe('bec-admin-bulk-load', () => {
  it('previews a file, then lists every row error of a refused load with its line', async () => {
    const { baseUrl, calls } = api({
      'POST /api/masterdata/book-costs/bulk?dryRun=true': () => ({
        body: { dryRun: true, rows: 2, created: 1, updated: 1, unchanged: 0, errors: [], preview: [] },
      }),
      'POST /api/masterdata/book-costs/bulk': () => {
        const refused = problem(422, 'BULK_LOAD_REJECTED', '1 row error(s): nothing was loaded', [
          { field: 'row 3.distributor', message: 'no distributor is named "Nobody"' },
        ]);
        // The problem's extension member: every row error with its line.
        const rowErrors = [{ row: 3, line: 3, field: 'distributor', message: 'no distributor is named "Nobody"' }];
        return { ...refused, body: { ...refused.body, rowErrors } };
      },
    });
    const el = await fixture<BecAdminBulkLoad>(html`<bec-admin-bulk-load kind="book-costs" api-base=${baseUrl}></bec-admin-bulk-load>`);
    expect($(el, '.columns').textContent).to.contain('Distributor, Vendor Part Number, Book Cost, Effective From');
    const input = $<HTMLInputElement>(el, '#file');
    const data = new DataTransfer();
    data.items.add(new File(['Distributor,Part Number,Book Cost,Effective From\n'], 'costs.csv', { type: 'text/csv' }));
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="preview"]').click();
    await settle(el);
    expect($(el, '[part="summary"]').textContent).to.contain('2 rows: 1 to create, 1 to update');
    expect(calls[0]!.headers['Content-Type']).to.equal('text/csv');

    const failed = oneEvent(el, 'becerror');
    $<HTMLButtonElement>(el, '[part="load"]').click();
    expect((await failed).detail.code).to.equal('BULK_LOAD_REJECTED');
    await settle(el);
    expect($(el, '[part="errors"]').textContent).to.contain('1 row errors: nothing was loaded');
    const cells = [...el.shadowRoot!.querySelectorAll('[part="errors"] tbody td')].map((td) => td.textContent);
    expect(cells).to.deep.equal(['3', 'distributor', 'no distributor is named "Nobody"']);
    await expect(el).to.be.accessible();
  });
});
