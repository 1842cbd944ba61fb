// One lint for the whole tree: TypeScript everywhere, Lit / accessibility / web-component rules on components.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import { builtinModules } from 'node:module';

// Layers hold by lint (docs: STYLE.md, "one thing in one place"). ESLint applies the last
// `no-restricted-imports` that matches a file, so each block below lists every pattern its files obey.
const noTest = {
  regex: '(^|/)test/',
  message: 'production code never imports test/: move what it needs to a production folder',
};
const noSequelize = {
  regex: '^sequelize(/|$)',
  message: 'only repositories (*.repository.ts) and models/ touch Sequelize: add a repository function',
};
const noModelValues = {
  regex: '(^|/)models/',
  allowTypeImports: true,
  message: 'only repositories (*.repository.ts) use the models: add a repository function',
};
const ourFoldersOutsideCore = {
  regex: '(^|/)(server|models|components|integrations|test|bench|scripts|demo)/',
  message: 'core imports nothing of ours outside core',
};
const platformOfCore = {
  regex: `^(node:.*|${builtinModules.join('|')}|express|sequelize|mysql2|sqlite3|umzug|jsforce|passport)(/.*)?$`,
  message: 'core is plain TypeScript that runs in the browser: no Node, Express or database import',
};
const serverOrModels = {
  regex: '(^|/)(server|models)/',
  message: 'components talk to the server over HTTP (components/shared/api.ts), never import server/ or models/',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'test-output/',
      'custom-elements.json',
      '**/*.cjs',
      // the built static resource (rollup.config.js writes it there for `sf project deploy`)
      'integrations/salesforce/sfdx/force-app/main/default/staticresources/bec.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['components/**/*.ts'],
    plugins: { lit, 'lit-a11y': litA11y, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      ...wc.configs.recommended.rules,
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ourFoldersOutsideCore, platformOfCore] }] },
  },
  {
    files: ['components/**/*.ts'],
    ignores: ['components/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverOrModels, noTest] }] },
  },
  {
    files: ['components/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverOrModels] }] },
  },
  {
    files: ['server/**/*.ts', 'integrations/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTest, noSequelize, noModelValues] }] },
  },
  {
    // Repositories are the code that touches Sequelize and the models. main.ts opens the database
    // (the composition root), as check-ledger.ts does for the operator's check; the demo seed writes
    // its data through the models, as scripts/ do.
    files: [
      'server/**/*.repository.ts',
      'integrations/**/*.repository.ts',
      'server/main.ts',
      'server/worker.ts',
      'server/seed/**/*.ts',
      'server/settlement/check-ledger.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTest] }] },
  },
  {
    files: ['models/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTest] }] },
  },
  {
    files: ['test/**/*.ts', 'components/**/*.test.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
