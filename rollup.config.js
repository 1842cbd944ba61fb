// One ES module bundle (dist/bec.js) and one entry per component (dist/<name>.js, sharing chunks).
import { existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

/** Source imports say `./x.js` (NodeNext) while the file is `./x.ts`. */
const tsFromJs = {
  name: 'ts-from-js',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const candidate = new URL(source.replace(/\.js$/, '.ts'), `file://${importer}`).pathname;
    return existsSync(candidate) ? candidate : null;
  },
};

const plugins = () => [
  tsFromJs,
  nodeResolve({ exportConditions: ['production', 'browser'], extensions: ['.ts', '.js'] }),
  esbuild({ target: 'es2022', minify: true, tsconfig: 'tsconfig.json' }),
];

const components = ['request-form', 'claim-grid', 'approval-queue', 'accrual-dashboard', 'claim-upload'];

export default [
  {
    input: 'components/index.ts',
    output: { file: 'dist/bec.js', format: 'es', sourcemap: process.env.NODE_ENV !== 'production' },
    plugins: plugins(),
  },
  {
    input: Object.fromEntries(components.map((c) => [c, `components/${c}/${c}.ts`])),
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: process.env.NODE_ENV !== 'production',
    },
    plugins: plugins(),
  },
];
