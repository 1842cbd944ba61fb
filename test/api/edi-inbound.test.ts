/**
 * The inbound folder (EDI_INBOUND_DIR): files dropped in it go through the same job as an upload,
 * then to processed/ or failed/ with a result file; the watcher stops with the app.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approvedAuthorization, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { ARROWHEAD, arrowheadPartner } from '../support/edi.js';
import { body867, interchange } from '../core/edi/x12.js';
const CSV = [
  'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Resale Price,End Customer Name',
  'INB-1,1,2026-10-02,VS-ADC-24S,12,9.50,Cascade Robotics',
  'INB-1,2,2026-13-40,VS-ADC-24S,3,9.50,Cascade Robotics',
].join('\n');

describeDb('the inbound EDI folder', () => {
  let t: TestApp;
  let arrow: Client;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bec-inbound-'));
    t = await startTestApp({ env: { EDI_INBOUND_DIR: dir, EDI_INBOUND_POLL_MS: '100' } });
    arrow = await t.as(USERS.arrowhead);
    await arrowheadPartner(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Drops a file as a gateway does: written under a dot name, then renamed in. */
  const drop = (folder: string, name: string, content: string) => {
    const at = join(dir, folder);
    mkdirSync(at, { recursive: true });
    writeFileSync(join(at, `.${name}.part`), content);
    renameSync(join(at, `.${name}.part`), join(at, name));
  };
  /** Waits until the file's result is written (processed/ or failed/), and reads it. */
  const resultOf = async (folder: string, name: string) => {
    for (;;) {
      for (const where of ['processed', 'failed']) {
        const at = join(dir, folder, where);
        const hit = existsSync(at) ? readdirSync(at).find((f) => f.endsWith(`-${name}.result.json`)) : undefined;
        if (hit) return { where, result: JSON.parse(readFileSync(join(at, hit), 'utf8')), kept: readdirSync(at) };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it("imports a CSV from a distributor's folder as an upload would: its lines, its row errors, processed/", async () => {
    drop(String(ARROWHEAD), 'december.csv', CSV);
    const { where, result, kept } = await resultOf(String(ARROWHEAD), 'december.csv');
    expect(where).toBe('processed');
    expect(result).toMatchObject({
      file: 'december.csv',
      distributorId: ARROWHEAD,
      purpose: 'pos',
      format: 'csv',
      status: 'completed',
      rows: { read: 2, accepted: 1, rejected: 1 },
      failure: null,
      errorCount: 1,
    });
    expect(result.errors[0]).toMatchObject({ rowNumber: 3, column: 'invoiceDate' });
    expect(kept.some((f) => f.endsWith('-december.csv'))).toBe(true);
    expect(existsSync(join(dir, String(ARROWHEAD), 'december.csv'))).toBe(false);
    const lines = (await arrow.get(`/api/imports/${result.importId}/lines`)).body.items as { invoiceNumber: string }[];
    expect(lines.map((l) => l.invoiceNumber)).toEqual(['INB-1']);
    // Audited, as the distributor's.
    const audit = (await (await t.as(USERS.admin)).get('/api/audit?action=edi_inbound.received')).body.items as { entityId: string }[];
    expect(audit.some((a) => a.entityId === String(result.importId))).toBe(true);
  });

  it('imports an 867 at the top of the folder for the partner its ISA names, with its 997', async () => {
    drop('', 'pos.x12', interchange({ control: '000000701', transactions: [{ type: '867', control: '0001', body: body867() }] }));
    const { where, result } = await resultOf('', 'pos.x12');
    expect(where).toBe('processed');
    expect(result).toMatchObject({ distributorId: ARROWHEAD, format: 'x12', purpose: 'pos', rows: { read: 3, accepted: 3 } });
    const docs = (await arrow.get(`/api/edi/documents?importId=${result.importId}`)).body.items as { kind: string }[];
    expect(docs.map((d) => d.kind)).toEqual(['997']);
  });

  it('puts a file no partner sends, and a CSV with no distributor folder, in failed/ with the reason', async () => {
    drop('', 'stranger.x12', interchange({ sender: 'STRANGER', transactions: [{ type: '867', control: '0001', body: body867() }] }));
    const stranger = await resultOf('', 'stranger.x12');
    expect(stranger.where).toBe('failed');
    expect(stranger.result.failure).toMatchObject({ code: 'UNKNOWN_PARTNER' });
    expect(stranger.result.failure.message).toContain('STRANGER');
    drop('', 'loose.csv', CSV);
    const loose = await resultOf('', 'loose.csv');
    expect(loose.where).toBe('failed');
    expect(loose.result.failure.code).toBe('UNKNOWN_PARTNER');
  });

  it('puts a file whose job failed in failed/ with its problem', async () => {
    drop(String(ARROWHEAD), 'empty.csv', '');
    const { where, result } = await resultOf(String(ARROWHEAD), 'empty.csv');
    expect(where).toBe('failed');
    expect(result).toMatchObject({ status: 'failed', failure: { code: 'EMPTY_FILE' } });
  });

  it("makes a claim of a CSV in a distributor's claims/ folder, its debit memo number the file's name", async () => {
    const auth = await approvedAuthorization(t, { quantity: 30, cost: '2.0000' });
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,S&D Number,Book Cost,Authorized Cost,End Customer Name',
      `INB-CLM-1,1,2026-11-12,${auth.part},3,${auth.number},3.00,2.00,${auth.customer}`,
    ].join('\n');
    drop(`${ARROWHEAD}/claims`, 'DM-INB-1.csv', csv);
    const { where, result } = await resultOf(`${ARROWHEAD}/claims`, 'DM-INB-1.csv');
    expect(where).toBe('processed');
    expect(result).toMatchObject({
      purpose: 'claim',
      format: 'csv',
      status: 'completed',
      claim: { debitMemoNumber: 'DM-INB-1', status: 'submitted' },
      lines: { accepted: 1, rejected: 0 },
    });
    const claim = (await arrow.get(`/api/claims/${result.claim.id}`)).body as { lines: { invoiceNumber: string }[] };
    expect(claim.lines.map((l) => l.invoiceNumber)).toEqual(['INB-CLM-1']);
  });
});
