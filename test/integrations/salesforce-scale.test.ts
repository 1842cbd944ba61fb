/**
 * Salesforce at scale, against the stand-in over real HTTP: Bulk API 2.0 for first loads and large
 * increments (paged by Sforce-Locator, resumed at the locator by the next run), only the Accounts
 * that synced records name, the org's limits (/limits) respected, and write-back by sObject
 * Collections that compares with Salesforce's current values and reports permanent errors.
 */
import { CrmAccount, CrmOpportunity } from '../../models/crm.js';
import { useSalesforceSettings } from '../../integrations/salesforce/settings.js';
import type { SalesforceStandin } from '../../integrations/salesforce/standin.js';
import { describeDb, USERS, type Client } from '../support/harness.js';
import { startSalesforceWorld, type SalesforceWorld } from '../support/salesforce.js';

interface Run {
  id: number;
  status: string;
  counts: Record<string, Record<string, number>>;
  errors: { object: string | null; code: string; message: string }[];
}

describeDb('Salesforce at scale', () => {
  let world: SalesforceWorld;
  let sf: SalesforceStandin;
  let admin: Client;
  let cm: Client;
  const sync = async () => {
    const res = await admin.post('/api/integrations/salesforce/sync');
    expect(res.status).toBe(200);
    return res.body as Run;
  };
  const since = (n: number) => sf.requests.slice(n).map(decodeURIComponent);
  const settings = (bulk: Partial<ReturnType<SalesforceStandin['settings']>['bulk']> = {}) =>
    useSalesforceSettings(sf.settings({ bulk: { ...sf.settings().bulk, ...bulk } }));
  const opportunity = (name: string, accountId: unknown) =>
    sf.insert('Opportunity', { Name: name, AccountId: accountId, StageName: 'Prospecting', Amount: 10, CloseDate: '2027-01-01' });

  beforeAll(async () => {
    world = await startSalesforceWorld();
    ({ sf, admin, cm } = world);
  });
  afterAll(() => world.close());

  it('reads the first load through Bulk API 2.0 query jobs, polled, page by page by Sforce-Locator', async () => {
    settings({ pageSize: 2 });
    sf.bulkPollsBeforeComplete = 2;
    const run = await sync();
    expect(run.errors).toEqual([]);
    expect(run.counts.Opportunity).toMatchObject({ created: 6, pages: 3, bulkJobs: 1 });
    const requests = since(0);
    expect(requests.filter((r) => r.startsWith('POST /services/data/v62.0/jobs/query')).length).toBe(sf.bulkQueries.length);
    expect(sf.bulkQueries[0]).toMatch(/^SELECT Id, Name, AccountId, .* FROM Opportunity$/);
    // Each job is polled until JobComplete (InProgress twice), then read 2 records a page.
    const job = /jobs\/query\/(\w+)$/.exec(requests.find((r) => /^GET .*jobs\/query\/\w+$/.test(r))!)![1];
    expect(requests.filter((r) => r.endsWith(`jobs/query/${job}`)).length).toBe(3);
    expect(requests.filter((r) => r.includes(`jobs/query/${job}/results?maxRecords=2&locator=`)).length).toBe(2);
    expect(requests.some((r) => r.includes('/queryAll?q=SELECT Id, Name, AccountId'))).toBe(false);
    // Booleans and empty cells of the CSV arrive as booleans and nulls.
    const lost = (await CrmOpportunity.findOne({ where: { name: 'Meridian flight-computer power rails' } }))!;
    expect([!!lost.isClosed, !!lost.isWon]).toEqual([true, false]);
    // The Accounts come by a semi-join on the records that name them, never the whole object.
    expect(sf.bulkQueries.filter((q) => / FROM Account /.test(q)).every((q) => /WHERE Id IN \(SELECT \w+ FROM \w+\)$/.test(q))).toBe(true);
  });

  it('reads a small increment by REST and one above the threshold by Bulk API 2.0', async () => {
    settings({ threshold: 2 });
    sf.bulkPollsBeforeComplete = 0;
    const cascade = sf.find('Account', (r) => r.Name === 'Cascade Robotics');
    opportunity('Increment small', cascade.Id);
    let before = sf.requests.length;
    let jobs = sf.bulkQueries.length;
    let run = await sync();
    expect(run.counts.Opportunity).toMatchObject({ created: 1, bulkJobs: 0 });
    expect(since(before).some((r) => r.includes('q=SELECT COUNT() FROM Opportunity WHERE SystemModstamp >='))).toBe(true);
    expect(since(before).some((r) => r.includes('/queryAll?q=SELECT Id, Name, AccountId'))).toBe(true);
    expect(sf.bulkQueries.length).toBe(jobs);

    for (let i = 1; i <= 3; i++) opportunity(`Increment large ${i}`, cascade.Id);
    before = sf.requests.length;
    jobs = sf.bulkQueries.length;
    run = await sync();
    expect(run.counts.Opportunity).toMatchObject({ created: 3, bulkJobs: 1 });
    expect(sf.bulkQueries.slice(jobs)).toEqual([expect.stringMatching(/FROM Opportunity WHERE SystemModstamp >= 2026-11-01T/)]);
  });

  it('resumes a bulk job the last run did not finish at its locator, without a new job', async () => {
    settings({ threshold: 2, pageSize: 2 });
    sf.bulkPollsBeforeComplete = 0;
    const cascade = sf.find('Account', (r) => r.Name === 'Cascade Robotics');
    for (let i = 1; i <= 5; i++) opportunity(`Resume bulk ${i}`, cascade.Id);
    const count = await CrmOpportunity.count();
    const jobs = sf.bulkQueries.length;
    // The describes of the new settings, /limits, the count, the job, its poll and the first page pass;
    // the second page is refused past the retries.
    sf.rateLimit(4, 8);
    const failed = await sync();
    expect(failed.status).toBe('failed');
    expect(failed.errors[0]).toMatchObject({ object: 'Opportunity', code: 'REQUEST_LIMIT_EXCEEDED' });
    expect(sf.bulkQueries.length).toBe(jobs + 1);
    const kept = (await CrmOpportunity.count()) - count;
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(5);

    const before = sf.requests.length;
    const resumed = await sync();
    expect(resumed.errors).toEqual([]);
    expect(resumed.counts.Opportunity).toMatchObject({ created: 5 - kept });
    expect(sf.bulkQueries.length).toBe(jobs + 1); // the same job, read on from its locator
    expect(since(before).some((r) => /jobs\/query\/\w+\/results\?maxRecords=2&locator=/.test(r))).toBe(true);
    expect(await CrmOpportunity.count()).toBe(count + 5);
    // Its records are read: the watermark has moved past them.
    const again = await sync();
    expect(again.counts.Opportunity).toMatchObject({ created: 0, bulkJobs: 0 });
  });

  it('pulls only the Accounts that opportunities and deal registrations name, and a newly named old one by Id', async () => {
    settings();
    const lonely = sf.insert('Account', { Name: 'Lonely Industries' });
    // A named Account changes after it: the Account watermarks move past the lonely one.
    const cascade = sf.find('Account', (r) => r.Name === 'Cascade Robotics');
    sf.update('Account', cascade.Id, { Industry: 'Robotics' });
    let run = await sync();
    expect(run.errors).toEqual([]);
    expect(await CrmAccount.count({ where: { sfId: lonely.Id } })).toBe(0);

    opportunity('Lonely first deal', lonely.Id);
    run = await sync();
    expect(run.errors).toEqual([]);
    expect(run.counts.Account).toMatchObject({ namedById: 1, created: 1 });
    expect((await CrmAccount.findOne({ where: { sfId: lonely.Id } }))!.name).toBe('Lonely Industries');
  });

  it('stops before the reserve of DailyApiRequests, with a clear status, and the next run resumes', async () => {
    settings();
    const cascade = sf.find('Account', (r) => r.Name === 'Cascade Robotics');
    opportunity('Limits deal', cascade.Id);
    sf.setLimits({ DailyApiRequests: { Max: 1000, Remaining: 105 } });
    const stopped = await sync();
    expect(stopped.status).toBe('stopped');
    expect(stopped.errors).toEqual([expect.objectContaining({ code: 'ORG_LIMIT_RESERVE' })]);
    expect(stopped.errors[0].message).toMatch(/^DailyApiRequests: \d+ of 1000 used today and 100 \(the reserve/);
    expect(stopped.counts.limits).toMatchObject({ DailyApiRequestsMax: 1000, limitsReads: 1 });
    expect(stopped.counts.limits.DailyApiRequestsRemaining).toBeLessThan(105);
    // The reserve is untouched: the org can still serve its other integrations.
    expect(sf.limits.DailyApiRequests.Remaining).toBeGreaterThanOrEqual(100);
    const runs = await admin.get('/api/integrations/salesforce/runs');
    expect(runs.body.items[0]).toMatchObject({ id: stopped.id, status: 'stopped' });

    sf.setLimits({ DailyApiRequests: { Max: 1_000_000, Remaining: 1_000_000 } });
    const resumed = await sync();
    expect(resumed.status).toBe('succeeded');
    expect(await CrmOpportunity.count({ where: { name: 'Limits deal' } })).toBe(1);
  });

  it('reads /limits again during a run, every limitsReadEvery calls', async () => {
    useSalesforceSettings(sf.settings({ limitsReadEvery: 3 }));
    sf.pageSize = 1;
    const cascade = sf.find('Account', (r) => r.Name === 'Cascade Robotics');
    for (let i = 1; i <= 6; i++) opportunity(`Limits reread ${i}`, cascade.Id);
    const before = sf.limitsCalls;
    const run = await sync();
    sf.pageSize = 2000;
    expect(run.errors).toEqual([]);
    expect(run.counts.Opportunity.pages).toBeGreaterThanOrEqual(6);
    expect(run.counts.limits.limitsReads).toBeGreaterThanOrEqual(4);
    expect(sf.limitsCalls - before).toBe(run.counts.limits.limitsReads);
  });

  it('creates no Bulk API 2.0 job past the reserve of DailyBulkV2QueryJobs', async () => {
    settings({ threshold: 0 });
    const cascade = sf.find('Account', (r) => r.Name === 'Cascade Robotics');
    opportunity('Bulk limits deal', cascade.Id);
    sf.setLimits({ DailyBulkV2QueryJobs: { Max: 100, Remaining: 10 } });
    const jobs = sf.bulkQueries.length;
    const stopped = await sync();
    expect(stopped.status).toBe('stopped');
    expect(stopped.errors[0].message).toMatch(/^DailyBulkV2QueryJobs: 90 of 100 used today and 10/);
    expect(sf.bulkQueries.length).toBe(jobs);
    expect(sf.limits.DailyBulkV2QueryJobs.Remaining).toBe(10);
    sf.setLimits({ DailyBulkV2QueryJobs: { Max: 10_000, Remaining: 10_000 } });
    settings();
    expect((await sync()).status).toBe('succeeded');
  });

  describe('write-back', () => {
    beforeAll(async () => {
      // Link the demo's accounts (a person confirms each name suggestion): its requests then write back.
      const suggestions = (await cm.get('/api/integrations/salesforce/account-suggestions')).body.items as {
        account: { id: number };
        crmAccount: { sfId: string };
      }[];
      for (const s of suggestions) {
        await cm.post('/api/integrations/salesforce/account-links', {
          accountId: s.account.id,
          sfId: s.crmAccount.sfId,
          decision: 'confirm',
        });
      }
    });
    const written = () => sf.all('Opportunity').filter((o) => o.BEC_Request_Status__c !== null);

    it('writes by sObject Collections, 200 records a call, after reading the current values', async () => {
      const before = sf.requests.length;
      const run = await sync();
      expect(run.errors).toEqual([]);
      expect(run.counts.writeback.written).toBeGreaterThanOrEqual(3);
      const patches = since(before).filter((r) => r.startsWith('PATCH'));
      expect(patches.length).toBeGreaterThan(0);
      expect(patches.every((r) => r === 'PATCH /services/data/v62.0/composite/sobjects')).toBe(true);
      // One call per object type here (fewer than 200 records each), each after a read-back query.
      expect(patches.length).toBeLessThanOrEqual(2);
      expect(since(before).filter((r) => r.includes('q=SELECT Id, BEC_Request_Status__c, BEC_Authorization_Number__c FROM')).length).toBe(
        patches.length,
      );
      expect(written().length).toBeGreaterThanOrEqual(2);
      // Nothing differs now: nothing is written.
      const again = await sync();
      expect(again.counts.writeback).toMatchObject({ written: 0, failed: 0 });
    });

    it('writes again what a reset org lost (Salesforce, not the ledger, is compared)', async () => {
      const reset = written();
      for (const o of reset) sf.update('Opportunity', o.Id, { BEC_Request_Status__c: null, BEC_Authorization_Number__c: null });
      const run = await sync();
      expect(run.errors).toEqual([]);
      expect(run.counts.writeback.written).toBe(reset.length);
      for (const o of reset) expect(sf.get('Opportunity', o.Id)!.BEC_Request_Status__c).not.toBeNull();
    });

    it('retries a locked row with backoff', async () => {
      const [o] = written();
      sf.update('Opportunity', o.Id, { BEC_Request_Status__c: null });
      sf.lockRows(2);
      const run = await sync();
      expect(run.errors).toEqual([]);
      expect(run.counts.writeback).toMatchObject({ written: 1, failed: 0, permanent: 0 });
      expect(sf.get('Opportunity', o.Id)!.BEC_Request_Status__c).not.toBeNull();
    });

    it('stops retrying a record a validation rule refuses, reports it to the admin (audited), and retries when asked', async () => {
      const [o] = written();
      const status = o.BEC_Request_Status__c;
      sf.update('Opportunity', o.Id, { BEC_Request_Status__c: null });
      sf.addValidationRule({
        object: 'Opportunity',
        message: 'BEC status cannot be set on this opportunity',
        field: 'BEC_Request_Status__c',
        when: (r) => r.Id === o.Id && r.BEC_Request_Status__c !== null,
      });
      const run = await sync();
      expect(run.counts.writeback).toMatchObject({ permanent: 1 });
      expect(run.errors).toEqual([expect.objectContaining({ object: `writeback:${o.Id}`, code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' })]);

      const failures = await admin.get('/api/integrations/salesforce/writeback-failures');
      expect(failures.status).toBe(200);
      const failure = failures.body.items.find((f: { sfId: string }) => f.sfId === o.Id);
      expect(failure).toMatchObject({
        object: 'Opportunity',
        errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        permanent: true,
        values: { BEC_Request_Status__c: status },
        message: expect.stringContaining('BEC status cannot be set on this opportunity'),
      });
      const audit = await admin.get(`/api/audit?entityType=price_request&entityId=${failure.requestId}`);
      expect(JSON.stringify(audit.body)).toContain('salesforce.writeback_failed');
      expect((await (await world.t.as(USERS.arrowhead)).get('/api/integrations/salesforce/writeback-failures')).status).toBe(403);
      expect((await cm.get('/api/integrations/salesforce/writeback-failures')).status).toBe(403);

      // The next run does not try it again.
      const before = sf.requests.length;
      const next = await sync();
      expect(next.errors).toEqual([]);
      expect(next.counts.writeback).toMatchObject({ held: 1, permanent: 0 });
      expect(since(before).filter((r) => r.startsWith('PATCH'))).toEqual([]);

      // The rule is fixed in Salesforce; the admin retries it.
      sf.validationRules.length = 0;
      expect((await admin.post('/api/integrations/salesforce/writeback-failures/999999/retry')).status).toBe(404);
      const retried = await admin.post(`/api/integrations/salesforce/writeback-failures/${failure.id}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ written: 1 });
      expect(sf.get('Opportunity', o.Id)!.BEC_Request_Status__c).toBe(status);
      const after = await admin.get('/api/integrations/salesforce/writeback-failures');
      expect(after.body.items.find((f: { sfId: string }) => f.sfId === o.Id)).toBeUndefined();
      const retriedAudit = await admin.get(`/api/audit?entityType=price_request&entityId=${failure.requestId}`);
      expect(JSON.stringify(retriedAudit.body)).toContain('salesforce.writeback_retried');
    });
  });
});
