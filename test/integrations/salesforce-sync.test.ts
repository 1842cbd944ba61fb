import { generateKeyPairSync } from 'node:crypto';
import jsforce from 'jsforce';
import { CrmAccount, CrmOpportunity, CrmSyncLock } from '../../models/crm.js';
import { useSalesforceSettings } from '../../integrations/salesforce/settings.js';
import { checkMapping, scheduleEvery, syncIdle } from '../../server/integrations/salesforce.service.js';
import { describeDb, USERS, type Client, type TestApp } from '../support/harness.js';
import { SalesforceStandin } from '../../integrations/salesforce/standin.js';
import { startSalesforceWorld, type SalesforceWorld } from '../support/salesforce.js';

describeDb('Salesforce sync against the stand-in', () => {
  let t: TestApp;
  let sf: SalesforceStandin;
  let admin: Client;
  const sync = async () => {
    const res = await admin.post('/api/integrations/salesforce/sync');
    expect(res.status).toBe(200);
    return res.body as {
      id: number;
      status: string;
      counts: Record<string, Record<string, number>>;
      errors: { object: string | null; code: string; message: string }[];
    };
  };

  let world: SalesforceWorld;
  beforeAll(async () => {
    world = await startSalesforceWorld();
    ({ t, sf, admin } = world);
  });
  afterAll(() => world.close());

  it('runs a full sync of accounts, opportunities and deal registrations and records the run', async () => {
    const run = await sync();
    expect(run.errors).toEqual([]);
    expect(run.status).toBe('succeeded');
    // Only the Accounts the opportunities and deal registrations name (by each naming field: some twice).
    expect(run.counts.Account).toMatchObject({ created: 7 });
    expect(run.counts.Opportunity).toMatchObject({ fetched: 6, created: 6 });
    expect(run.counts.Deal_Registration__c).toMatchObject({ fetched: 5, created: 5 });
    expect(sf.requests.every((r) => r.includes('/services/data/v62.0/'))).toBe(true);
    // The mapping is checked against each object's describe before the first query.
    expect(sf.requests.slice(0, 3).map((r) => r.replace(/^GET \/services\/data\/v62\.0/, ''))).toEqual([
      '/sobjects/Account/describe',
      '/sobjects/Opportunity/describe',
      '/sobjects/Deal_Registration__c/describe',
    ]);
    // Then the org's limits, then the first load of each object through a Bulk API 2.0 query job.
    expect(sf.requests[3]).toBe('GET /services/data/v62.0/limits');
    expect(sf.requests[4]).toBe('POST /services/data/v62.0/jobs/query');
    expect(run.counts.Opportunity.bulkJobs).toBe(1);
    const runs = await admin.get('/api/integrations/salesforce/runs');
    expect(runs.status).toBe(200);
    expect(runs.body.items[0]).toMatchObject({ id: run.id, status: 'succeeded', trigger: 'manual' });
    expect(runs.body.items[0].finishedAt).not.toBeNull();
    const amount = (await CrmOpportunity.findOne({ where: { name: 'Orion 2027 body-control platform' } }))!.amount;
    expect(String(amount)).toMatch(/^185000(\.0+)?$/);
    const orion = (await CrmOpportunity.findOne({ where: { name: 'Orion 2027 body-control platform' } }))!;
    expect(orion.currency).toBe('EUR');
    expect((await CrmOpportunity.findOne({ where: { name: 'Helios infusion pump controller' } }))!.currency).toBe('USD');
  });

  it('changes nothing when run again', async () => {
    const run = await sync();
    expect(run.status).toBe('succeeded');
    for (const o of ['Account', 'Opportunity', 'Deal_Registration__c'])
      expect(run.counts[o]).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(await CrmAccount.count()).toBe(7);
  });

  it('fetches only what changed since the last run (SystemModstamp watermark)', async () => {
    const before = sf.requests.length;
    const opp = sf.find('Opportunity', (r) => r.Name === 'Cascade robot arm controller refresh');
    sf.update('Opportunity', opp.Id, { StageName: 'Negotiation/Review', Amount: 41250.5 });
    sf.insert('Opportunity', {
      Name: 'Helios ventilator refresh',
      AccountId: opp.AccountId,
      StageName: 'Prospecting',
      Amount: 9000,
      CloseDate: '2027-03-01',
    });
    const run = await sync();
    expect(run.counts.Opportunity).toMatchObject({ created: 1, updated: 1 });
    expect(run.counts.Opportunity.fetched).toBeLessThanOrEqual(3);
    expect(run.counts.Account).toMatchObject({ created: 0, updated: 0 });
    expect(sf.requests.slice(before).some((r) => decodeURIComponent(r).includes('WHERE SystemModstamp >= 2026-11-01T'))).toBe(true);
    const stored = await CrmOpportunity.findOne({ where: { sfId: opp.Id } });
    expect(stored!.stageName).toBe('Negotiation/Review');
    expect(String(stored!.amount)).toMatch(/^41250\.50*$/);
  });

  it('sees deletions through queryAll and keeps the deleted record flagged', async () => {
    const opp = sf.find('Opportunity', (r) => r.Name === 'Helios ventilator refresh');
    sf.delete('Opportunity', opp.Id);
    const run = await sync();
    expect(run.counts.Opportunity).toMatchObject({ deleted: 1 });
    const stored = await CrmOpportunity.findOne({ where: { sfId: opp.Id } });
    expect(!!stored!.isDeleted).toBe(true);
  });

  it('pages through queryMore over several pages', async () => {
    sf.pageSize = 2;
    for (let i = 1; i <= 5; i++) {
      const a = sf.insert('Account', { Name: `Paging Test ${i}`, Industry: 'Test', BillingCountry: 'US' });
      sf.insert('Opportunity', {
        Name: `Paging deal ${i}`,
        AccountId: a.Id,
        StageName: 'Prospecting',
        Amount: 100,
        CloseDate: '2027-01-01',
      });
    }
    const before = sf.requests.length;
    const run = await sync();
    expect(run.status).toBe('succeeded');
    expect(run.counts.Account).toMatchObject({ created: 5 });
    expect(run.counts.Account.pages).toBeGreaterThanOrEqual(3);
    expect(sf.requests.slice(before).filter((r) => /\/query\/01g/.test(r)).length).toBeGreaterThanOrEqual(2);
    expect(await CrmAccount.count()).toBe(12);
  });

  it('logs in again when the session expires mid-sync and finishes the run', async () => {
    sf.pageSize = 1;
    for (const name of ['Session Test A', 'Session Test B']) {
      const a = sf.insert('Account', { Name: name });
      sf.insert('Opportunity', { Name: `${name} deal`, AccountId: a.Id, StageName: 'Prospecting', Amount: 1, CloseDate: '2027-01-01' });
    }
    const grants = sf.tokenGrants.length;
    sf.expireSessions(1);
    const run = await sync();
    expect(run.errors).toEqual([]);
    expect(run.counts.Account).toMatchObject({ created: 2 });
    // The session of the earlier runs is reused; the 401 INVALID_SESSION_ID brings exactly one new login.
    expect(sf.tokenGrants.length).toBe(grants + 1);
  });

  it('retries REQUEST_LIMIT_EXCEEDED and dropped connections with backoff', async () => {
    sf.pageSize = 2000;
    const a = sf.insert('Account', { Name: 'Retry Test' });
    sf.insert('Opportunity', { Name: 'Retry deal', AccountId: a.Id, StageName: 'Prospecting', Amount: 1, CloseDate: '2027-01-01' });
    sf.rateLimit(2, 1); // after the /limits read: the Opportunity count
    sf.dropConnections(1, 4);
    const run = await sync();
    expect(run.errors).toEqual([]);
    expect(run.status).toBe('succeeded');
    // jsforce itself retries a reset connection once; REQUEST_LIMIT_EXCEEDED is ours to retry.
    expect(run.counts.Opportunity).toMatchObject({ created: 1, retries: 2 });
    expect(run.counts.Account).toMatchObject({ created: 1 });
  });

  it('a failed run keeps the pages it finished and the next run resumes', async () => {
    sf.pageSize = 2;
    const account = sf.find('Account', (r) => r.Name === 'Cascade Robotics');
    for (let i = 1; i <= 6; i++) {
      sf.insert('Opportunity', {
        Name: `Resume Test ${i}`,
        AccountId: account.Id,
        StageName: 'Prospecting',
        Amount: 1,
        CloseDate: '2027-01-01',
      });
    }
    const count = await CrmOpportunity.count();
    sf.rateLimit(4, 3); // /limits, the count and the first page pass, then more refusals than the retries allow
    const failed = await sync();
    expect(failed.status).toBe('failed');
    expect(failed.errors[0]).toMatchObject({ object: 'Opportunity', code: 'REQUEST_LIMIT_EXCEEDED' });
    // At least the first page stayed (the boundary second is re-read, so a page may repeat a known record).
    const kept = (await CrmOpportunity.count()) - count;
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(6);
    const runs = await admin.get('/api/integrations/salesforce/runs');
    expect(runs.body.items[0]).toMatchObject({ id: failed.id, status: 'failed' });

    const resumed = await sync();
    expect(resumed.status).toBe('succeeded');
    expect(resumed.counts.Opportunity.created).toBe(6 - kept);
    expect(await CrmOpportunity.count()).toBe(count + 6);
    sf.pageSize = 2000;
  });

  it('checks the mapping against the org describe and names each missing field before any query', async () => {
    const settings = sf.settings();
    useSalesforceSettings({
      ...settings,
      opportunity: { fields: { ...settings.opportunity.fields, amount: 'Expected_Revenue__c' } },
      dealRegistration: { ...settings.dealRegistration, fields: { ...settings.dealRegistration.fields, status: 'Bogus_Status__c' } },
    });
    const before = sf.requests.length;
    const run = await sync();
    useSalesforceSettings(sf.settings());
    expect(run.status).toBe('failed');
    expect(run.errors).toEqual([expect.objectContaining({ object: 'mapping', code: 'MISSING_FIELD' })]);
    expect(run.errors[0].message).toContain('Opportunity.Expected_Revenue__c (set by SALESFORCE_OPPORTUNITY_FIELDS.amount)');
    expect(run.errors[0].message).toContain('Deal_Registration__c.Bogus_Status__c (set by SALESFORCE_DEAL_REGISTRATION_FIELDS.status)');
    expect(sf.requests.slice(before).every((r) => r.includes('/describe'))).toBe(true);
    expect(run.counts.Opportunity).toBeUndefined();
  });

  it('names a missing external id field of Account and a missing write-back field', async () => {
    const settings = sf.settings();
    useSalesforceSettings({
      ...settings,
      account: { fields: { name: 'Name', externalId: 'ERP_Number__c' } },
      writeback: { ...settings.writeback, opportunityStatus: 'BEC_Status__c' },
    });
    const run = await sync();
    useSalesforceSettings(sf.settings());
    expect(run.errors[0].message).toContain('Account.ERP_Number__c (set by SALESFORCE_ACCOUNT_FIELDS.externalId)');
    expect(run.errors[0].message).toContain('Opportunity.BEC_Status__c (set by SALESFORCE_WRITEBACK_FIELDS.opportunityStatus)');
  });

  it('checks the mapping at start-up on its own (checkMapping), naming the missing field', async () => {
    await expect(checkMapping()).resolves.toBeUndefined();
    const settings = sf.settings();
    useSalesforceSettings({ ...settings, opportunity: { fields: { ...settings.opportunity.fields, currency: 'Currency__c' } } });
    try {
      await expect(checkMapping()).rejects.toMatchObject({
        errorCode: 'MISSING_FIELD',
        message: expect.stringContaining('Opportunity.Currency__c (set by SALESFORCE_OPPORTUNITY_FIELDS.currency)'),
      });
    } finally {
      useSalesforceSettings(sf.settings());
    }
  });

  it('answers a malformed query with MALFORMED_QUERY through jsforce', async () => {
    const conn = new jsforce.Connection({
      loginUrl: sf.url,
      version: '62.0',
      oauth2: { loginUrl: sf.url, clientId: sf.clientId, clientSecret: sf.clientSecret },
    });
    await conn.login(sf.username, sf.password);
    await expect(conn.query('SELEKT Id FROM Account')).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
  });

  it('authenticates with the JWT bearer flow and refreshes with a new assertion', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    sf.jwtPublicKey = publicKey;
    useSalesforceSettings(sf.settings({ auth: { flow: 'jwt', clientId: sf.clientId, username: sf.username, privateKey } }));
    const grants = sf.tokenGrants.length;
    sf.expireSessions(1);
    sf.insert('Opportunity', { Name: 'JWT Test', StageName: 'Prospecting', Amount: 1, CloseDate: '2027-01-01' });
    const run = await sync();
    useSalesforceSettings(sf.settings());
    expect(run.errors).toEqual([]);
    expect(sf.tokenGrants.slice(grants)).toEqual([
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
    ]);
  });

  it('records a failed run when the credentials are refused', async () => {
    useSalesforceSettings(
      sf.settings({
        auth: { flow: 'password', clientId: sf.clientId, clientSecret: sf.clientSecret, username: sf.username, password: 'wrong' },
      }),
    );
    const run = await sync();
    useSalesforceSettings(sf.settings());
    expect(run.status).toBe('failed');
    expect(run.errors[0].message).toMatch(/authentication failure/);
  });

  it('refuses a second run while one is running', async () => {
    sf.rateLimit(1); // slows the first run by one backoff
    const [a, b] = await Promise.all([admin.post('/api/integrations/salesforce/sync'), admin.post('/api/integrations/salesforce/sync')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.code).toBe('SYNC_RUNNING');
  });

  it('refuses a run while another server process on the same database holds the sync lock', async () => {
    // Another process's lease, as it writes it: the row every process competes for.
    const lease = { holder: 'other-host:4242:deadbeef', expiresAt: new Date(Date.now() + 60_000) };
    if (!(await CrmSyncLock.update(lease, { where: { name: 'sync' } }))[0]) await CrmSyncLock.create({ name: 'sync', ...lease });
    const refused = await admin.post('/api/integrations/salesforce/sync');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SYNC_RUNNING', detail: expect.stringContaining('another server process') });
    // A lease that ran out (its process died) is taken over.
    await CrmSyncLock.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { name: 'sync' } });
    const run = await sync();
    expect(run.status).toBe('succeeded');
    const after = (await CrmSyncLock.findOne({ where: { name: 'sync' } }))!;
    expect(after.holder).not.toBe(lease.holder);
    expect(after.expiresAt.getTime()).toBeLessThanOrEqual(Date.now()); // released at the end of the run
  });

  it('runs on a schedule when one is set', async () => {
    const before = (await admin.get('/api/integrations/salesforce/runs')).body.items[0].id as number;
    const stop = scheduleEvery(40);
    try {
      for (let i = 0; i < 100; i++) {
        const runs = (await admin.get('/api/integrations/salesforce/runs')).body.items as { id: number; trigger: string; status: string }[];
        if (runs[0].id > before && runs[0].status !== 'running') break;
        await new Promise((r) => setTimeout(r, 30));
      }
    } finally {
      stop();
      await syncIdle();
    }
    const latest = (await admin.get('/api/integrations/salesforce/runs')).body.items[0];
    expect(latest).toMatchObject({ trigger: 'schedule', status: 'succeeded' });
  });

  it('lets only integration managers sync, and answers 409 when Salesforce is not configured', async () => {
    const distributor = await t.as(USERS.arrowhead);
    expect((await distributor.post('/api/integrations/salesforce/sync')).status).toBe(403);
    expect((await distributor.get('/api/integrations/salesforce/runs')).status).toBe(403);
    useSalesforceSettings(null);
    const res = await admin.post('/api/integrations/salesforce/sync');
    useSalesforceSettings(sf.settings());
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SALESFORCE_NOT_CONFIGURED');
  });
});
