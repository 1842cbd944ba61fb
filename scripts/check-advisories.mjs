#!/usr/bin/env node
/**
 * Checks the dependency tree against the advisories kept in security/advisories.json, offline:
 * the registry's bulk audit endpoint does not answer here (405), so `npm audit` cannot run.
 * Reads every package version the lockfile pins and every package.json installed under
 * node_modules (nested copies included), and fails when one falls in an advisory's vulnerable
 * range, or when an entry of the list is malformed. Usage: `npm run check:advisories` (also run by
 * scripts/test.sh); `--root DIR` checks another project's lockfile and node_modules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? process.argv[rootArg + 1] : here;
const { advisories } = JSON.parse(readFileSync(join(here, 'security/advisories.json'), 'utf8'));

// A list that cannot be read as meant would check nothing: refuse it.
const malformed = advisories.filter(
  (a) =>
    !a.package ||
    !a.id ||
    !semver.validRange(a.vulnerable) ||
    String(a.fixed)
      .split(',')
      .some((v) => !semver.valid(v.trim()) || semver.satisfies(v.trim(), a.vulnerable)),
);
if (malformed.length) {
  console.error(
    `security/advisories.json: entries without a package, an id, a valid range, or with a fixed version inside the range: ${malformed.map((a) => a.id ?? a.package).join(', ')}`,
  );
  process.exit(2);
}
const watched = new Set(advisories.map((a) => a.package));

/** `{ name, version, where }` for each copy of a watched package the lockfile pins. */
function fromLockfile() {
  if (!existsSync(join(root, 'package-lock.json'))) return [];
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages ?? {})
    .filter(([path]) => path.includes('node_modules/'))
    .map(([path, meta]) => ({
      name: meta.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
      version: meta.version,
      where: `package-lock.json: ${path}`,
    }))
    .filter((p) => watched.has(p.name));
}

/** The same for each copy installed under node_modules, walking nested node_modules folders. */
function fromInstalledTree() {
  const found = [];
  const walk = (modules) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const dirs = entry.name.startsWith('@')
        ? readdirSync(join(modules, entry.name), { withFileTypes: true })
            .filter((e) => e.isDirectory())
            .map((e) => [`${entry.name}/${e.name}`, join(modules, entry.name, e.name)])
        : [[entry.name, join(modules, entry.name)]];
      for (const [name, dir] of dirs) {
        if (watched.has(name) && existsSync(join(dir, 'package.json'))) {
          const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
          found.push({ name, version, where: relative(root, dir) });
        }
        walk(join(dir, 'node_modules'));
      }
    }
  };
  walk(join(root, 'node_modules'));
  return found;
}

const copies = [...fromLockfile(), ...fromInstalledTree()];
const hits = copies.flatMap((copy) =>
  advisories
    .filter((a) => a.package === copy.name && copy.version && semver.satisfies(copy.version, a.vulnerable))
    .map((a) => `${copy.name}@${copy.version} (${copy.where}): ${a.id} ${a.severity}, ${a.title}; fixed in ${a.fixed}`),
);
const checked = new Set(copies.map((c) => `${c.name}@${c.version}`));
if (hits.length) {
  console.error(`${hits.length} advisory finding(s):\n  ${hits.join('\n  ')}`);
  process.exit(1);
}
console.log(`advisories: ${advisories.length} checked against ${[...checked].sort().join(', ') || 'no watched package'}: none applies`);
