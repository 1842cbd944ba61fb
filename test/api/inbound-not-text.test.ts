/**
 * A workbook dropped in the inbound folder (EDI_INBOUND_DIR), a transport that does not pass the
 * HTTP door: its job reads the first bytes as the upload routes do and fails with the same
 * UNSUPPORTED_FILE and the same words, not with a column missing from a header it never had.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDb, startTestApp, type TestApp } from '../support/harness.js';
import { ARROWHEAD, arrowheadPartner } from '../support/edi.js';

describeDb('a file that is not text, by a transport', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bec-inbound-'));
    t = await startTestApp({ env: { EDI_INBOUND_DIR: dir, EDI_INBOUND_POLL_MS: '100' } });
    await arrowheadPartner(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails a workbook dropped in the inbound folder with UNSUPPORTED_FILE, saying to save it as CSV', async () => {
    const at = join(dir, String(ARROWHEAD));
    mkdirSync(at, { recursive: true });
    writeFileSync(join(at, '.book.xlsx.part'), readFileSync(join(__dirname, '..', 'fixtures', 'pos', 'workbook.xlsx')));
    renameSync(join(at, '.book.xlsx.part'), join(at, 'book.xlsx'));
    let result: { status: string; failure: { code: string; message: string } } | null = null;
    while (result === null) {
      const failed = join(at, 'failed');
      const hit = existsSync(failed) ? readdirSync(failed).find((f) => f.endsWith('-book.xlsx.result.json')) : undefined;
      if (hit) result = JSON.parse(readFileSync(join(failed, hit), 'utf8'));
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(result).toMatchObject({
      status: 'failed',
      failure: {
        code: 'UNSUPPORTED_FILE',
        message: 'this is an Excel workbook (.xlsx) or another zip file, not a CSV: save it as CSV (UTF-8)',
      },
    });
  });
});
