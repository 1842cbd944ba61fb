/**
 * `npm run edi` (scripts/edi.ts), run as a script is: a separate process on the same database,
 * sending a file through the same door and job as the API, fetching what was written back.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readResponses } from '../../core/edi/index.js';
import { approvedAuthorization, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { arrowheadPartner } from '../support/edi.js';
import { PARTNER, body867, claim844, interchange } from '../core/edi/x12.js';

describeDb('npm run edi', () => {
  let t: TestApp;
  let arrow: Client;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'bec-edi-cli-'));
    arrow = await t.as(USERS.arrowhead);
    await arrowheadPartner(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the command as `npm run edi -- ...` does (tsx), on the test's database. */
  const edi = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'scripts/edi.ts', ...args],
        {
          cwd: process.cwd(),
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            DATABASE_URL: t.url,
            UPLOAD_DIR: join(dir, 'uploads'),
            SEED_DEMO: 'false',
            LOG_REQUESTS: 'false',
          },
        },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  let posImportId: number;
  it('sends an 867 as the API would: an import job of the same POS lines', async () => {
    const run = await edi(
      'send',
      file('pos.x12', interchange({ control: '000000601', transactions: [{ type: '867', control: '0001', body: body867() }] })),
      '--as',
      USERS.arrowhead,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(out).toMatchObject({
      purpose: 'pos',
      format: 'x12',
      import: { status: 'completed', rowsRead: 3, rowsAccepted: 3 },
      failure: null,
    });
    posImportId = out.importId;
    // The API sees the import and its lines: the same job, the same tenant.
    expect((await arrow.get(`/api/imports/${posImportId}`)).body).toMatchObject({ format: 'x12', fileName: 'pos.x12' });
    expect((await arrow.get(`/api/imports/${posImportId}/lines`)).body.items).toHaveLength(3);
  });

  it('fetches the 997 of that import', async () => {
    const run = await edi('fetch', '997', '--import', String(posImportId), '--as', USERS.arrowhead);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('AK1*PT*101~');
    expect(run.stdout).toContain('AK9*A*1*1*1~');
  });

  it('sends an 844 as a claim file (told by its transaction) and fetches its 849', async () => {
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '2.0000' });
    const x12 = claim844({
      control: '000000602',
      debitMemo: 'DM-CLI-1',
      authorization: auth.number,
      part: auth.part,
      customer: auth.customer,
      quantity: 40,
      invoice: 'CLI-INV-1',
    });
    const run = await edi('send', file('claim.844', x12), '--as', USERS.arrowhead);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(out).toMatchObject({ purpose: 'claim', result: { claim: { debitMemoNumber: 'DM-CLI-1' }, lines: { accepted: 1 } } });
    const claimId = out.result.claim.id as number;
    const outFile = join(dir, 'claim.849');
    const fetched = await edi('fetch', '849', '--claim', String(claimId), '--as', USERS.arrowhead, '--out', outFile);
    expect(fetched.code).toBe(0);
    const { documents } = readResponses(readFileSync(outFile, 'utf8'), PARTNER);
    expect(documents).toEqual([expect.objectContaining({ type: '849', claimNumber: out.result.claim.number })]);
  });

  it('fetches an 845 of the distributor’s authorizations', async () => {
    const run = await edi('fetch', '845', '--as', USERS.arrowhead);
    expect(run.code).toBe(0);
    const { documents } = readResponses(run.stdout, PARTNER);
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.every((d) => d.type === '845')).toBe(true);
  });

  it('refuses an unknown user, and a bad file ends with its problem and exit 1', async () => {
    const unknown = await edi('send', file('x.csv', 'a,b\n1,2\n'), '--as', 'nobody@example.com');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('UNKNOWN_SENDER');
    const other = await edi('fetch', '849', '--claim', '999999', '--as', USERS.northbridge);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('NOT_FOUND');
    const empty = await edi('send', file('empty.csv', ''), '--as', USERS.arrowhead);
    expect(empty.code).toBe(1);
    expect(JSON.parse(empty.stdout.trim()).failure).toMatchObject({ code: 'EMPTY_FILE' });
  });
});
