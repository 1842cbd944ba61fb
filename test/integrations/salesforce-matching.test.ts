import { Account } from '../../models/accounts.js';
import { writebacksSettled } from '../../server/integrations/integrations.router.js';
import { describeDb, USERS, type Client, type TestApp } from '../support/harness.js';
import { SalesforceStandin } from '../../integrations/salesforce/standin.js';
import { startSalesforceWorld, type SalesforceWorld } from '../support/salesforce.js';

interface Ctx {
  request: { id: number; endCustomer: { id: number; name: string } };
  crm: {
    linkedBy: string | null;
    confident: boolean;
    opportunity: { name: string; currency: string | null } | null;
    dealRegistration: { name: string } | null;
  };
}
interface Suggestion {
  account: { id: number; type: string; name: string };
  crmAccount: { sfId: string; name: string };
}

describeDb('Salesforce matching by Id', () => {
  let t: TestApp;
  let sf: SalesforceStandin;
  let admin: Client;
  let cm: Client;
  const sync = async () => {
    const res = await admin.post('/api/integrations/salesforce/sync');
    expect(res.body.errors).toEqual([]);
    return res.body as { counts: Record<string, Record<string, number>> };
  };
  const pending = async (customer: string) => {
    const items = (await cm.get('/api/approval-queue')).body.items as Ctx[];
    return items.find((i) => i.request.endCustomer.name === customer)!;
  };
  const suggestions = async () => (await cm.get('/api/integrations/salesforce/account-suggestions')).body.items as Suggestion[];
  let orionRequestId = 0;
  const sfAccount = (name: string) => sf.find('Account', (r) => r.Name === name);

  let world: SalesforceWorld;
  beforeAll(async () => {
    world = await startSalesforceWorld();
    ({ t, sf, admin, cm } = world);
    await sync();
  });
  afterAll(() => world.close());

  it('offers a name match only as a suggestion, and never writes back to it', async () => {
    const orion = await pending('Orion Automotive');
    orionRequestId = orion.request.id;
    expect(orion.crm).toMatchObject({ linkedBy: 'suggested', confident: false });
    expect(orion.crm.dealRegistration).toMatchObject({ name: 'DR-2026-0433' });
    expect((await suggestions()).map((s) => s.account.name).sort()).toEqual([
      'Arrowhead Components',
      'Cascade Robotics',
      'Helios Medical Devices',
      'Meridian Aerospace',
      'Northbridge Electronics',
      'Orion Automotive',
      'Pacific Rim Supply',
    ]);
    const before = sf.updates.length;
    expect((await cm.post(`/api/requests/${orion.request.id}/approve`, { comment: 'ok' })).status).toBe(200);
    await writebacksSettled();
    expect(sf.updates.length).toBe(before);
    const run = await sync();
    expect(run.counts.writeback).toEqual({ written: 0, unchanged: 0, failed: 0, permanent: 0, held: 0, calls: 0 });
  });

  it('matches an end customer by a 15-character Id and a distributor lookup by the 18-character Id', async () => {
    await Account.update({ externalRef: sfAccount('Cascade Robotics').Id.slice(0, 15) }, { where: { name: 'Cascade Robotics' } });
    await Account.update({ externalRef: sfAccount('Arrowhead Components').Id }, { where: { name: 'Arrowhead Components' } });
    const cascade = await pending('Cascade Robotics');
    expect(cascade.crm).toMatchObject({ linkedBy: 'matched', confident: true, dealRegistration: { name: 'DR-2026-0440' } });
    const names = (await suggestions()).map((s) => s.account.name);
    expect(names).not.toContain('Cascade Robotics');
    expect(names).not.toContain('Arrowhead Components');
  });

  it('refuses a deal registration whose distributor lookup is another distributor, whatever its name field says', async () => {
    const dr = sf.find('Deal_Registration__c', (r) => r.Name === 'DR-2026-0440');
    sf.update('Deal_Registration__c', dr.Id, { Distributor__c: sfAccount('Northbridge Electronics').Id });
    await sync();
    const cascade = await pending('Cascade Robotics');
    expect(cascade.crm.dealRegistration).toBeNull();
    sf.update('Deal_Registration__c', dr.Id, { Distributor__c: sfAccount('Arrowhead Components').Id });
    await sync();
    expect((await pending('Cascade Robotics')).crm.dealRegistration).toMatchObject({ name: 'DR-2026-0440' });
  });

  it('matches by the configured external id field and takes the currency from the record', async () => {
    sf.update('Account', sfAccount('Meridian Aerospace').Id, { BEC_Account_Ref__c: 'ERP-000077' });
    await sync();
    await Account.update({ externalRef: 'ERP-000077' }, { where: { name: 'Meridian Aerospace' } });
    const meridian = await pending('Meridian Aerospace');
    expect(meridian.crm).toMatchObject({
      linkedBy: 'matched',
      opportunity: { name: 'Meridian flight-computer power rails', currency: 'USD' },
    });
    // Orion's opportunities are in euros in Salesforce.
    const orion = (await cm.get(`/api/requests/${orionRequestId}/context`)).body as Ctx;
    expect(orion.crm.opportunity).toMatchObject({ name: 'Orion battery-management design win', currency: 'EUR' });
  });

  it('confirms and rejects suggestions, audited, with clear errors', async () => {
    const orion = (await suggestions()).find((s) => s.account.name === 'Orion Automotive')!;
    const bad = await cm.post('/api/integrations/salesforce/account-links', {
      accountId: orion.account.id,
      sfId: '001000000000999AAA',
      decision: 'confirm',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'sfId' })]);
    const arrowhead = await t.as(USERS.arrowhead);
    expect(
      (
        await arrowhead.post('/api/integrations/salesforce/account-links', {
          accountId: orion.account.id,
          sfId: orion.crmAccount.sfId,
          decision: 'confirm',
        })
      ).status,
    ).toBe(403);

    const rejected = await cm.post('/api/integrations/salesforce/account-links', {
      accountId: orion.account.id,
      sfId: orion.crmAccount.sfId,
      decision: 'reject',
    });
    expect(rejected.body).toEqual({ accountId: orion.account.id, sfId: orion.crmAccount.sfId, status: 'rejected' });
    expect((await suggestions()).map((s) => s.account.name)).not.toContain('Orion Automotive');
    expect(((await cm.get(`/api/requests/${orionRequestId}/context`)).body as Ctx).crm).toMatchObject({
      linkedBy: null,
      opportunity: null,
    });

    const confirmed = await cm.post('/api/integrations/salesforce/account-links', {
      accountId: orion.account.id,
      sfId: orion.crmAccount.sfId,
      decision: 'confirm',
    });
    expect(confirmed.body.status).toBe('confirmed');
    const audit = JSON.stringify((await admin.get(`/api/audit?entityType=account&entityId=${orion.account.id}`)).body);
    expect(audit).toContain('salesforce.account_link_rejected');
    expect(audit).toContain('salesforce.account_link_confirmed');
    // Orion is linked by the confirmed Id now; its registration's distributor lookup (Northbridge) is not
    // linked yet, so the registration is still only a suggestion.
    expect(((await cm.get(`/api/requests/${orionRequestId}/context`)).body as Ctx).crm).toMatchObject({
      linkedBy: 'suggested',
      confident: false,
    });
  });
});
