/**
 * Files that are not what the parser reads, checked in the browser as the server reads them: a
 * workbook or a compressed file is refused with the server's own sentence (its 415
 * UNSUPPORTED_FILE), shown where a missing column would be; a Mac CSV (CR line ends) and UTF-16
 * without a byte-order mark read like any other CSV.
 */
import { expect, fixture, html } from '@open-wc/testing';
import './claim-upload.js';
import { preflightPosFile, type BecClaimUpload } from './claim-upload.js';

const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const fixtureFile = async (path: string, type = 'text/csv') =>
  new File([await (await fetch(`/test/fixtures/pos/${path}`)).blob()], path, { type });

describe('preflight of files that are not plain CSV', () => {
  it('refuses an Excel workbook with the words the server answers, and counts no row', async () => {
    const r = await preflightPosFile(
      await fixtureFile('workbook.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    );
    expect(r.fileProblem).to.equal('this is an Excel workbook (.xlsx) or another zip file, not a CSV: save it as CSV (UTF-8)');
    expect(r).to.include({ rows: 0, valid: 0, ready: 0 });
    expect(r.missingColumns).to.deep.equal([]);
    const xls = await preflightPosFile(await fixtureFile('workbook.xls', 'application/vnd.ms-excel'));
    expect(xls.fileProblem).to.equal('this is an Excel workbook (.xls), not a CSV: save it as CSV (UTF-8)');
    const gz = await preflightPosFile(await fixtureFile('report.csv.gz', 'application/gzip'));
    expect(gz.fileProblem).to.equal('this is a compressed file (gzip), not a CSV: save it as CSV (UTF-8), uncompressed');
    const fr = await preflightPosFile(await fixtureFile('workbook.xlsx'), {}, null, { locale: 'fr' });
    expect(fr.fileProblem).to.match(/^Ce fichier n’est pas un CSV/);
  });

  it('shows the refusal where a missing column would be, and sends nothing', async () => {
    const el = await fixture<BecClaimUpload>(html`<bec-claim-upload></bec-claim-upload>`);
    await el.check(await fixtureFile('workbook.xlsx'));
    await el.updateComplete;
    expect($(el, '[part="preflight"] [role="alert"]').textContent).to.contain('save it as CSV (UTF-8)');
    expect($(el, '[part="preflight"] [role="alert"]').textContent).not.to.contain('Columns missing');
    expect($<HTMLButtonElement>(el, '.actions button').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reads a Mac CSV (CR line ends) and UTF-16 without a byte-order mark', async () => {
    const mac = await preflightPosFile(await fixtureFile('cr-line-ends.csv'));
    expect(mac).to.include({ rows: 4, valid: 3, fileProblem: null });
    const le = await preflightPosFile(await fixtureFile('utf16le-no-bom.tsv'));
    expect(le).to.include({ rows: 2, valid: 2, fileProblem: null });
    const be = await preflightPosFile(await fixtureFile('utf16be-no-bom.csv'));
    expect(be).to.include({ rows: 2, valid: 2, fileProblem: null });
  });
});
