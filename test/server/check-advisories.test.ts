/**
 * The offline advisory check (scripts/check-advisories.mjs): it finds a vulnerable copy of a
 * package wherever it sits, in the lockfile or nested in node_modules, and passes a fixed one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(__dirname, '../../scripts/check-advisories.mjs');

/** A project folder holding these installed packages (`path` under the root → version) and a lockfile of them. */
function project(installed: Record<string, string>, locked: Record<string, string> = installed) {
  const root = mkdtempSync(join(tmpdir(), 'bec_advisories_'));
  for (const [path, version] of Object.entries(installed)) {
    mkdirSync(join(root, path), { recursive: true });
    writeFileSync(join(root, path, 'package.json'), JSON.stringify({ name: path.split('node_modules/').pop(), version }));
  }
  const packages = Object.fromEntries(Object.entries(locked).map(([path, version]) => [path, { version }]));
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } }));
  return root;
}
const check = (root: string) => {
  const run = spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });
  rmSync(root, { recursive: true, force: true });
  return { status: run.status, out: run.stdout + run.stderr };
};

describe('the offline advisory check', () => {
  it('fails on a vulnerable tar nested under another package, naming the copy and the advisory', () => {
    const res = check(project({ 'node_modules/tar': '7.5.23', 'node_modules/sqlite3/node_modules/tar': '6.2.1' }));
    expect(res.status).toBe(1);
    expect(res.out).toContain('tar@6.2.1 (node_modules/sqlite3/node_modules/tar)');
    expect(res.out).toContain('GHSA-8qq5-rm4j-mr97');
    expect(res.out).not.toContain('tar@7.5.23');
  });

  it('fails on a vulnerable version the lockfile pins, even before it is installed', () => {
    const res = check(project({}, { 'node_modules/tar': '7.5.10' }));
    expect(res.status).toBe(1);
    expect(res.out).toContain('tar@7.5.10 (package-lock.json: node_modules/tar): GHSA-9ppj-qmqm-q256');
  });

  it('passes a tree whose copies are all fixed', () => {
    const res = check(
      project({ 'node_modules/tar': '7.5.23', 'node_modules/tar-fs': '2.1.5', 'node_modules/x/node_modules/tar-fs': '3.1.3' }),
    );
    expect(res).toEqual({ status: 0, out: expect.stringContaining('none applies') });
  });
});
