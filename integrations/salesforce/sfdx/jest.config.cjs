// The Lightning Web Components' tests (@salesforce/sfdx-lwc-jest 7.9.0, on jest 29.7). Run from this
// folder, which holds sfdx-project.json: `npm run test:lwc` at the repository root.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.js'],
};
