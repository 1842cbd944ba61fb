// Three projects: the unit tests once (the plain-TypeScript core, and server functions that need no
// database), and the database-backed suites twice, on SQLite and on MariaDB, with the same test files.
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};
const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  // Sources import with ESM ".js" suffixes; jest resolves them to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
const dbSuites = [
  '<rootDir>/test/api/**/*.test.ts',
  '<rootDir>/test/db/**/*.test.ts',
  '<rootDir>/test/integrations/**/*.test.ts',
  '<rootDir>/test/jobs/**/*.test.ts',
];

export default {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/core/**/*.test.ts', '<rootDir>/test/server/**/*.test.ts'] },
    {
      ...common,
      displayName: 'sqlite',
      testMatch: dbSuites,
      setupFiles: ['<rootDir>/test/support/dialect-sqlite.cjs'],
    },
    {
      ...common,
      displayName: 'mariadb',
      testMatch: dbSuites,
      setupFiles: ['<rootDir>/test/support/dialect-mariadb.cjs'],
      globalSetup: '<rootDir>/test/support/mariadb-global-setup.cjs',
    },
  ],
};
