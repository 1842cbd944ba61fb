import { salesforceSettingsFrom } from '../../integrations/salesforce/settings.js';
import { loadConfig } from '../../server/config.js';

const base = {
  SALESFORCE_LOGIN_URL: 'https://login.salesforce.com',
  SALESFORCE_CLIENT_ID: 'client',
  SALESFORCE_CLIENT_SECRET: 'secret',
  SALESFORCE_USERNAME: 'integration@example.com',
  SALESFORCE_PASSWORD: 'pw',
};

describe('Salesforce settings from the environment', () => {
  it('is off when no login URL is configured', () => {
    expect(salesforceSettingsFrom(loadConfig({}))).toBeNull();
  });

  it('reads the password flow with an explicit API version and the default field maps', () => {
    const s = salesforceSettingsFrom(loadConfig(base))!;
    expect(s.apiVersion).toBe('62.0');
    expect(s.auth).toMatchObject({ flow: 'password', clientId: 'client', username: 'integration@example.com' });
    expect(s.dealRegistration).toMatchObject({ object: 'Deal_Registration__c', fields: { endCustomer: 'End_Customer__c' } });
    expect(s.writeback.opportunityStatus).toBe('BEC_Request_Status__c');
    expect(s.syncIntervalMinutes).toBe(0);
    // Closed-lost expiry is on by default (issue 18): it acts on explicit links only, from the close date on.
    expect(s.expireOnClosedLost).toBe(true);
  });

  it('overrides single mapped fields with JSON and refuses names that are not API names', () => {
    const s = salesforceSettingsFrom(
      loadConfig({ ...base, SALESFORCE_DEAL_REGISTRATION_FIELDS: '{"distributor":"Partner_Name__c"}', SALESFORCE_API_VERSION: '61.0' }),
    )!;
    expect(s.dealRegistration.fields).toMatchObject({ distributor: 'Partner_Name__c', status: 'Status__c' });
    expect(s.apiVersion).toBe('61.0');
    expect(() => salesforceSettingsFrom(loadConfig({ ...base, SALESFORCE_WRITEBACK_FIELDS: '{"opportunityStatus":"x; DROP"}' }))).toThrow(
      /not a Salesforce API name/,
    );
    expect(() => salesforceSettingsFrom(loadConfig({ ...base, SALESFORCE_WRITEBACK_FIELDS: '{"nope":"A__c"}' }))).toThrow(/unknown key/);
  });

  it('requires a private key for the JWT bearer flow', () => {
    expect(() => salesforceSettingsFrom(loadConfig({ ...base, SALESFORCE_AUTH_FLOW: 'jwt' }))).toThrow(/SALESFORCE_PRIVATE_KEY/);
    const s = salesforceSettingsFrom(
      loadConfig({
        ...base,
        SALESFORCE_AUTH_FLOW: 'jwt',
        SALESFORCE_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----',
      }),
    )!;
    expect(s.auth.flow).toBe('jwt');
  });
});
