// One ES module bundle and one entry per component (sharing chunks), all content-hashed:
// dist/bec.<hash>.js behind the stable dist/bec.js (a one-line re-export, the URL pages use),
// each precompressed (.br, .gz) for the server (server/http/dist.ts). The build fails when
// bec.js is over its budget (80 KB gzipped).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const sourcemap = process.env.NODE_ENV !== 'production';
const BUDGET_GZIP_BYTES = 80 * 1024;

/** Source imports say `./x.js` (NodeNext) while the file is `./x.ts`. */
const tsFromJs = {
  name: 'ts-from-js',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const candidate = new URL(source.replace(/\.js$/, '.ts'), `file://${importer}`).pathname;
    return existsSync(candidate) ? candidate : null;
  },
};

/**
 * Each hashed entry gets a stable name that re-exports it (`bec.js` -> `bec.<hash>.js`): the
 * URL a page writes never changes, the hashed file behind it can be cached for good. A page
 * that imports `bec.js` and one that loads it by script tag share one module instance.
 */
const stableEntries = (names, manifestName) => ({
  name: 'stable-entries',
  generateBundle(_options, bundle) {
    const manifest = {};
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
      const stable = names[chunk.name];
      if (!stable) continue;
      manifest[stable] = chunk.fileName;
      const hasDefault = chunk.exports.includes('default');
      const source = `export * from './${chunk.fileName}';\n${hasDefault ? `export { default } from './${chunk.fileName}';\n` : ''}`;
      this.emitFile({ type: 'asset', fileName: stable, source });
    }
    if (manifestName) this.emitFile({ type: 'asset', fileName: manifestName, source: `${JSON.stringify(manifest, null, 2)}\n` });
  },
});

/**
 * Writes `.br` and `.gz` beside every JavaScript file; reports (and caps) what a page that loads
 * bec.js downloads before anything runs: the entry and every chunk it imports statically, each
 * gzipped. Chunks loaded on demand (`import()`: the upload's and the claim form's preflight) are
 * reported beside it, not counted in the budget.
 */
const precompress = (budgetEntry) => ({
  name: 'precompress',
  writeBundle(options, bundle) {
    const gzipped = new Map();
    for (const [fileName, file] of Object.entries(bundle)) {
      if (!fileName.endsWith('.js')) continue;
      const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source);
      const gz = gzipSync(bytes, { level: 9 });
      gzipped.set(fileName, gz.length);
      writeFileSync(join(options.dir, `${fileName}.gz`), gz);
      writeFileSync(
        join(options.dir, `${fileName}.br`),
        brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      );
    }
    const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry && f.name === budgetEntry);
    if (!entry) return;
    const first = new Set();
    const lazy = new Set();
    const visit = (fileName) => {
      if (first.has(fileName)) return;
      first.add(fileName);
      for (const i of bundle[fileName].imports) visit(i);
      for (const d of bundle[fileName].dynamicImports) lazy.add(d);
    };
    visit(entry.fileName);
    const kb = (files) => ([...files].reduce((n, f) => n + (gzipped.get(f) ?? 0), 0) / 1024).toFixed(1);
    const onDemand = [...lazy].filter((f) => !first.has(f));
    console.log(
      `dist/bec.js loads ${first.size} files: ${kb(first)} KB gzipped, budget ${BUDGET_GZIP_BYTES / 1024} KB; ` +
        `on demand: ${onDemand.map((f) => `${f} ${kb([f])} KB`).join(', ') || 'nothing'}`,
    );
    if (Number(kb(first)) * 1024 > BUDGET_GZIP_BYTES)
      this.error(`dist/bec.js with what it imports is ${kb(first)} KB gzipped, over the ${BUDGET_GZIP_BYTES / 1024} KB budget`);
  },
});

const plugins = () => [
  tsFromJs,
  nodeResolve({ exportConditions: ['production', 'browser'], extensions: ['.ts', '.js'] }),
  // Lit's html`` and css`` templates without the indentation and comments (whitespace a browser ignores).
  minifyHTML({ include: ['components/**/*.ts'] }),
  esbuild({ target: 'es2022', minify: true, tsconfig: 'tsconfig.json' }),
];

const components = [
  'request-form',
  'request-list',
  'claim-grid',
  'claim-form',
  'approval-queue',
  'finance-queue',
  'accrual-dashboard',
  'claim-upload',
];
const hashed = { format: 'es', dir: 'dist', sourcemap, hashCharacters: 'hex' };

/**
 * The Salesforce static resource: the same components as one classic script (IIFE) that sets
 * `window.BEC` (apiFor, configureApi, ...) and defines every bec-* element of bec.js at once, because
 * lightning/platformResourceLoader's loadScript runs a script, not a module. No dynamic import
 * (the preflight parser is inlined), no eval, no source map. Written to dist/salesforce/bec.js
 * and into the SFDX project's staticresources (integrations/salesforce/sfdx, not committed).
 */
const salesforceResource = {
  // bec.js's exports, with the elements it defines on first use defined at once (components/salesforce.ts)
  input: 'components/salesforce.ts',
  output: [
    { format: 'iife', name: 'BEC', file: 'dist/salesforce/bec.js', inlineDynamicImports: true, sourcemap: false },
    {
      format: 'iife',
      name: 'BEC',
      file: 'integrations/salesforce/sfdx/force-app/main/default/staticresources/bec.js',
      inlineDynamicImports: true,
      sourcemap: false,
    },
  ],
  plugins: plugins(),
};

export default [
  {
    // bec.js, and bec-admin.js for the vendor's admin page (sharing bec.js's code, not counted in its budget)
    input: { bec: 'components/index.ts', 'bec-admin': 'components/admin.ts' },
    output: { ...hashed, entryFileNames: '[name].[hash:16].js', chunkFileNames: 'chunks/[name].[hash:16].js' },
    plugins: [...plugins(), stableEntries({ bec: 'bec.js', 'bec-admin': 'bec-admin.js' }, 'manifest.json'), precompress('bec')],
  },
  {
    input: Object.fromEntries(components.map((c) => [c, `components/${c}/${c}.ts`])),
    output: { ...hashed, entryFileNames: '[name].[hash:16].js', chunkFileNames: 'chunks/[name].[hash:16].js' },
    plugins: [...plugins(), stableEntries(Object.fromEntries(components.map((c) => [c, `${c}.js`]))), precompress()],
  },
  salesforceResource,
];
