import { Money } from '../../core/money.js';
import { Account } from '../../models/accounts.js';
import { Authorization } from '../../models/authorizations.js';
import { Product } from '../../models/catalog.js';
import { Program } from '../../models/programs.js';
import { useSalesforceSettings } from '../../integrations/salesforce/settings.js';
import { writebacksSettled } from '../../server/integrations/integrations.router.js';
import { runClosedLostCheck } from '../../server/integrations/salesforce.service.js';
import { describeDb, USERS, type Client, type TestApp } from '../support/harness.js';
import { SalesforceStandin } from '../../integrations/salesforce/standin.js';
import { startSalesforceWorld, type SalesforceWorld } from '../support/salesforce.js';

interface QueueItem {
  request: {
    id: number;
    number: string;
    status: string;
    endCustomer: { name: string };
    distributor: { name: string };
    lines: { id: number; vendorPartNumber: string; requestedCost: string; counterCost: string | null; bookCost: string | null }[];
  };
  crm: {
    linkedBy: string | null;
    confident: boolean;
    opportunity: { sfId: string; name: string; stageName: string } | null;
    dealRegistration: { sfId: string; name: string; status: string } | null;
    lastSyncAt: string | null;
  };
  priceHistory: {
    vendorPartNumber: string;
    authorizations: { authorizationNumber: string; authorizedCost: string }[];
    claimLines: unknown[];
  }[];
  flags: { code: string; message: string; lineId?: number }[];
}

describeDb('approvals informed by Salesforce', () => {
  let t: TestApp;
  let sf: SalesforceStandin;
  let admin: Client;
  let cm: Client;
  const queue = async () => {
    const res = await cm.get('/api/approval-queue');
    expect(res.status).toBe(200);
    return res.body.items as QueueItem[];
  };
  /** The seeded approved Helios request (Arrowhead), found through its context. */
  const approvedHelios = async () => {
    const list = await cm.get('/api/requests?status=approved&pageSize=50');
    for (const r of list.body.items as { id: number; authorizationId: number }[]) {
      const ctx = await cm.get(`/api/requests/${r.id}/context`);
      if (ctx.body.request.endCustomer.name === 'Helios Medical Devices') return { ...r, context: ctx.body };
    }
    throw new Error('no approved Helios request');
  };
  let orionEndCustomerId = 0;
  const byCustomer = (items: QueueItem[], name: string) => items.find((i) => i.request.endCustomer.name === name)!;

  let world: SalesforceWorld;
  beforeAll(async () => {
    world = await startSalesforceWorld();
    ({ t, sf, admin, cm } = world);
    const run = await admin.post('/api/integrations/salesforce/sync');
    expect(run.body.status).toBe('succeeded');
    // The demo's BEC accounts carry no Salesforce Id: a person confirms each name suggestion once.
    const suggestions = (await cm.get('/api/integrations/salesforce/account-suggestions')).body.items as {
      account: { id: number };
      crmAccount: { sfId: string };
    }[];
    expect(suggestions.length).toBe(7);
    for (const s of suggestions) {
      const res = await cm.post('/api/integrations/salesforce/account-links', {
        accountId: s.account.id,
        sfId: s.crmAccount.sfId,
        decision: 'confirm',
      });
      expect(res.status).toBe(200);
    }
    // The requests now linked by Id are written back by the next run.
    expect((await admin.post('/api/integrations/salesforce/sync')).body.status).toBe('succeeded');
    orionEndCustomerId = (await Account.findOne({ where: { name: 'Orion Automotive' } }))!.id;
  });
  afterAll(() => world.close());

  it('returns each pending request with its opportunity, deal registration and flags', async () => {
    const items = await queue();
    expect(items.map((i) => i.request.status)).toEqual(['pending', 'pending', 'pending']);

    const orion = byCustomer(items, 'Orion Automotive');
    expect(orion.crm).toMatchObject({ linkedBy: 'matched', confident: true });
    expect(orion.crm.dealRegistration).toMatchObject({ name: 'DR-2026-0433', status: 'Approved' });
    expect(orion.crm.opportunity).toMatchObject({ name: 'Orion battery-management design win', stageName: 'Qualification' });
    expect(orion.crm.lastSyncAt).not.toBeNull();
    expect(orion.flags).toEqual([]);

    const cascade = byCustomer(items, 'Cascade Robotics');
    expect(cascade.crm.dealRegistration).toMatchObject({ name: 'DR-2026-0440', status: 'Submitted' });
    expect(cascade.flags.map((f) => f.code)).toEqual(['NO_REGISTERED_DEAL']);

    const meridian = byCustomer(items, 'Meridian Aerospace');
    expect(meridian.crm.dealRegistration).toBeNull();
    expect(meridian.crm.opportunity).toMatchObject({ name: 'Meridian flight-computer power rails', stageName: 'Closed Lost' });
    expect(meridian.flags.map((f) => f.code).sort()).toEqual(['CLOSED_LOST_OPPORTUNITY', 'NO_REGISTERED_DEAL']);
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const paths = Object.keys((await t.http.get('/api/openapi.json')).body.paths);
    for (const p of [
      '/api/approval-queue',
      '/api/requests/{id}/context',
      '/api/integrations/salesforce/sync',
      '/api/integrations/salesforce/runs',
    ])
      expect(paths).toContain(p);
  });

  it('shows the price history of the product for that end customer', async () => {
    const res = await cm.get('/api/approval-queue');
    const items = res.body.items as QueueItem[];
    // The seeded Cascade authorization (VS-ETH-PHY) is not on this request; the queue lists its own products.
    const cascade = byCustomer(items, 'Cascade Robotics');
    expect(cascade.priceHistory.map((h) => h.vendorPartNumber).sort()).toEqual(['VS-RF-BLE5', 'VS-SNS-TMP']);
    const ctx = await cm.get(`/api/requests/${byCustomer(items, 'Orion Automotive').request.id}/context`);
    expect(ctx.status).toBe(200);
    expect(ctx.body.priceHistory[0]).toHaveProperty('authorizations');
    expect(ctx.body.priceHistory[0]).toHaveProperty('claimLines');
  });

  it('includes authorizations and claimed prices in the history of an approved request', async () => {
    const ctx = { body: (await approvedHelios()).context };
    const mcu = ctx.body.priceHistory.find((h: { vendorPartNumber: string }) => h.vendorPartNumber === 'VS-MCU-32F4');
    expect(mcu.claimLines.length).toBeGreaterThan(0);
    expect(mcu.claimLines[0].authorizedCost).toBe('4.1000');
    expect(ctx.body.crm.dealRegistration.name).toBe('DR-2026-0412');
  });

  it('keeps distributors to their own requests (404 for another distributor)', async () => {
    const items = await queue();
    const orion = byCustomer(items, 'Orion Automotive'); // a Northbridge request
    const arrowhead = await t.as(USERS.arrowhead);
    expect((await arrowhead.get(`/api/requests/${orion.request.id}/context`)).status).toBe(404);
    expect((await arrowhead.get('/api/approval-queue')).status).toBe(403);
    const northbridge = await t.as(USERS.northbridge);
    const own = await northbridge.get(`/api/requests/${orion.request.id}/context`);
    expect(own.status).toBe(200);
    for (const h of own.body.priceHistory) for (const a of h.authorizations) expect(a.distributorId).toBe(own.body.request.distributor.id);
  });

  it('writes the decision and the authorization number back to the deal registration and opportunity', async () => {
    const orion = byCustomer(await queue(), 'Orion Automotive');
    const before = sf.updates.length;
    const res = await cm.post(`/api/requests/${orion.request.id}/approve`, { comment: 'Registered design win' });
    expect(res.status).toBe(200);
    await writebacksSettled();
    const authNumber = (await Authorization.findByPk(res.body.authorizationId))!.number;
    const updates = sf.updates.slice(before);
    expect(updates).toEqual(
      expect.arrayContaining([
        {
          type: 'Deal_Registration__c',
          id: orion.crm.dealRegistration!.sfId,
          fields: { BEC_Request_Status__c: 'approved', BEC_Authorization_Number__c: authNumber },
        },
        {
          type: 'Opportunity',
          id: orion.crm.opportunity!.sfId,
          fields: { BEC_Request_Status__c: 'approved', BEC_Authorization_Number__c: authNumber },
        },
      ]),
    );
    expect(sf.get('Opportunity', orion.crm.opportunity!.sfId)!.BEC_Authorization_Number__c).toBe(authNumber);

    // A sync after that writes nothing again.
    const after = sf.updates.length;
    const run = await admin.post('/api/integrations/salesforce/sync');
    expect(run.body.counts.writeback.written).toBe(0);
    expect(sf.updates.length).toBe(after);
  });

  it('writes nothing back for a decision that was refused', async () => {
    const cascade = byCustomer(await queue(), 'Cascade Robotics');
    expect(cascade.crm.confident).toBe(true);
    const before = sf.updates.length;
    // the counter names a line of no request: the decision rolls back
    const res = await cm.post(`/api/requests/${cascade.request.id}/counter`, {
      comment: 'no such line',
      lines: [{ lineId: 999999, counterCost: '1.00' }],
    });
    expect(res.status).toBe(400);
    await writebacksSettled();
    expect(sf.updates.length).toBe(before);
  });

  it('writes to configured fields', async () => {
    const cascade = byCustomer(await queue(), 'Cascade Robotics');
    useSalesforceSettings(
      sf.settings({
        writeback: {
          opportunityStatus: 'StageName',
          opportunityAuthorization: 'BEC_Authorization_Number__c',
          dealRegistrationStatus: 'Status__c',
          dealRegistrationAuthorization: 'BEC_Authorization_Number__c',
        },
      }),
    );
    const before = sf.updates.length;
    const res = await cm.post(`/api/requests/${cascade.request.id}/decline`, { comment: 'No registered deal' });
    expect(res.status).toBe(200);
    await writebacksSettled();
    useSalesforceSettings(sf.settings());
    expect(sf.updates.slice(before).find((u) => u.type === 'Deal_Registration__c')!.fields).toEqual({
      Status__c: 'declined',
      BEC_Authorization_Number__c: null,
    });
  });

  it('refuses a counter-offer below the program floor, and flags a request the floor has risen above', async () => {
    const meridian = byCustomer(await queue(), 'Meridian Aerospace');
    const line = meridian.request.lines[0];
    // The program's floor holds for counter-offers too (they become the authorization when accepted).
    const res = await cm.post(`/api/requests/${meridian.request.id}/counter`, {
      comment: 'try this',
      lines: [{ lineId: line.id, counterCost: '0.1500' }],
    });
    expect(res.status).toBe(422);
    // The floor raised above the request's price after it was sent: the approver is told.
    const program = (await Program.findOne({ where: { code: 'SD-2026' } }))!;
    const floorBefore = (await admin.get(`/api/programs/${program.id}`)).body.priceFloor as string | null;
    const raised = new Money(line.requestedCost).plus('0.01').toFixed(4);
    expect((await admin.patch(`/api/programs/${program.id}`, { priceFloor: raised })).status).toBe(200);
    try {
      const ctx = await cm.get(`/api/requests/${meridian.request.id}/context`);
      expect(ctx.body.flags).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'PRICE_BELOW_FLOOR', lineId: line.id })]));
    } finally {
      expect((await admin.patch(`/api/programs/${program.id}`, { priceFloor: floorBefore })).status).toBe(200);
    }
  });

  it('uses the Ids given on a request over any suggestion, and lists the design wins', async () => {
    const dr = sf.find('Deal_Registration__c', (r) => r.Name === 'DR-2026-0412');
    const arrowhead = await t.as(USERS.arrowhead);
    const created = await arrowhead.post('/api/requests', {
      programId: (await Program.findOne({ where: { code: 'SD-2026' } }))!.id,
      endCustomerId: (await Account.findOne({ where: { name: 'Helios Medical Devices' } }))!.id,
      validFrom: '2026-12-01',
      validTo: '2027-03-31',
      dealRegistrationRef: dr.Id,
      lines: [
        { productId: (await Product.findOne({ where: { vendorPartNumber: 'VS-OPA-RR2' } }))!.id, quantity: 2000, requestedCost: '0.4100' },
      ],
    });
    expect(created.status).toBe(201);
    const ctx = await cm.get(`/api/requests/${created.body.id}/context`);
    expect(ctx.body.crm).toMatchObject({ linkedBy: 'request', confident: true });
    expect(ctx.body.crm.dealRegistration).toMatchObject({ sfId: dr.Id, name: 'DR-2026-0412' });
    expect(ctx.body.crm.opportunity).toMatchObject({ sfId: dr.Opportunity__c, name: 'Helios infusion pump controller' });
    expect(ctx.body.crm.designWins.map((w: { name: string }) => w.name)).toEqual(['Helios infusion pump controller']);
    const queueItem = byCustomer(
      (await queue()).filter((i) => i.request.id === created.body.id),
      'Helios Medical Devices',
    );
    expect(queueItem.flags).toEqual([]);
  });

  it('links a request to another deal registration by Id, audits it and writes back at once', async () => {
    const orionPlatform = sf.find('Deal_Registration__c', (r) => r.Name === 'DR-2026-0419');
    const list = await cm.get('/api/requests?status=countered&pageSize=50');
    const countered = list.body.items.find((r: { endCustomerId: number }) => r.endCustomerId === orionEndCustomerId);
    expect(countered).toBeDefined();

    const bad = await cm.post(`/api/requests/${countered.id}/crm-link`, { dealRegistrationId: 'a0D000000000999AAA' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'dealRegistrationId' })]);
    expect(
      (await (await t.as(USERS.arrowhead)).post(`/api/requests/${countered.id}/crm-link`, { dealRegistrationId: orionPlatform.Id })).status,
    ).toBe(403);

    const before = sf.updates.length;
    const res = await cm.post(`/api/requests/${countered.id}/crm-link`, { dealRegistrationId: orionPlatform.Id });
    expect(res.status).toBe(200);
    expect(res.body.crm).toMatchObject({
      linkedBy: 'request',
      dealRegistration: { name: 'DR-2026-0419' },
      opportunity: { name: 'Orion 2027 body-control platform' },
    });
    await writebacksSettled();
    expect(sf.updates.slice(before)).toEqual(
      expect.arrayContaining([
        {
          type: 'Deal_Registration__c',
          id: orionPlatform.Id,
          fields: { BEC_Request_Status__c: 'countered', BEC_Authorization_Number__c: null },
        },
      ]),
    );
    const audit = await admin.get(`/api/audit?entityType=price_request&entityId=${countered.id}`);
    expect(JSON.stringify(audit.body)).toContain('request.crm_linked');
  });

  it('stops an authorization linked by Id for sales after the close date, on its own schedule, and writes the stop back', async () => {
    const heliosOpp = sf.find('Opportunity', (r) => r.Name === 'Helios infusion pump controller');
    const helios = await approvedHelios();
    sf.update('Opportunity', heliosOpp.Id, { StageName: 'Closed Lost', CloseDate: '2026-11-15' });

    // Matched through linked accounts, not named by Id on the request: never stopped.
    const matched = await admin.post('/api/integrations/salesforce/sync');
    expect(matched.body.counts.closedLostExpiry).toEqual({ expired: 0 });
    expect((await Authorization.findByPk(helios.authorizationId))!.closedLostOn).toBeNull();

    expect((await cm.post(`/api/requests/${helios.id}/crm-link`, { opportunityId: heliosOpp.Id })).status).toBe(200);
    await writebacksSettled();
    // The scheduled check, without a sync run.
    const runs = (await admin.get('/api/integrations/salesforce/runs')).body.items.length as number;
    expect(await runClosedLostCheck(null)).toEqual({ expired: 1 });
    expect((await admin.get('/api/integrations/salesforce/runs')).body.items.length).toBe(runs);
    const auth = (await Authorization.findByPk(helios.authorizationId))!;
    expect(auth.status).toBe('active');
    expect(auth.closedLostOn).toBe('2026-11-15');
    const audit = await admin.get(`/api/audit?entityType=authorization&entityId=${helios.authorizationId}`);
    expect(JSON.stringify(audit.body)).toContain('authorization.closed_lost');
    expect(sf.get('Opportunity', heliosOpp.Id)!.BEC_Request_Status__c).toBe('expired');
    expect(await runClosedLostCheck(null)).toEqual({ expired: 0 });

    // A sale invoiced before the close date is still paid; one after it is refused with its own reason.
    const arrow = await t.as(USERS.arrowhead);
    const view = (await arrow.get(`/api/authorizations/${helios.authorizationId}`)).body as {
      number: string;
      lines: { vendorPartNumber: string; authorizedCost: string; bookCost: string | null }[];
    };
    const l = view.lines[0];
    const line = (invoiceNumber: string, invoiceDate: string) => ({
      authorizationNumber: view.number,
      vendorPartNumber: l.vendorPartNumber,
      endCustomerName: 'Helios Medical Devices',
      invoiceNumber,
      invoiceLine: '1',
      invoiceDate,
      quantity: 1,
      bookCost: l.bookCost ?? '9.9999',
      authorizedCost: l.authorizedCost,
    });
    const claim = await arrow.post('/api/claims', {
      submit: true,
      lines: [line('HEL-LOST-1', '2026-11-14'), line('HEL-LOST-2', '2026-11-16')],
    });
    expect(claim.status).toBeLessThan(300);
    const detail = (await arrow.get(`/api/claims/${claim.body.id}`)).body as { lines: { invoiceNumber: string; reasonCodes: string[] }[] };
    const reasons = Object.fromEntries(detail.lines.map((x) => [x.invoiceNumber, x.reasonCodes]));
    expect(reasons['HEL-LOST-2']).toEqual(['AUTH_CLOSED_LOST']);
    expect(reasons['HEL-LOST-1']).not.toContain('AUTH_CLOSED_LOST');
    expect(reasons['HEL-LOST-1']).not.toContain('AUTH_EXPIRED');
  });
  it("flags a line priced at or above the distributor's book cost, and a counter-offer at or above it, as the request API does", async () => {
    const arrow = await t.as(USERS.arrowhead);
    // The demo's book costs are 82 % of list: VS-ETH-PHY 4.75 → 3.8950, VS-CAN-FD1 1.15 → 0.9430.
    const phy = (await Product.findOne({ where: { vendorPartNumber: 'VS-ETH-PHY' } }))!.id;
    const can = (await Product.findOne({ where: { vendorPartNumber: 'VS-CAN-FD1' } }))!.id;
    const created = await arrow.post('/api/requests', {
      programId: (await Program.findOne({ where: { code: 'SD-2026' } }))!.id,
      endCustomerId: (await Account.findOne({ where: { name: 'Cascade Robotics' } }))!.id,
      validFrom: '2026-12-01',
      validTo: '2027-03-31',
      lines: [
        { productId: phy, quantity: 100, requestedCost: '3.8950' },
        { productId: can, quantity: 100, requestedCost: '0.5000' },
      ],
    });
    expect(created.status).toBe(201);
    type ApiLine = { id: number; productId: number; bookCost: string | null; flags: string[] };
    const lineOf = (lines: ApiLine[], productId: number) => lines.find((l) => l.productId === productId)!;
    const [phyLine, canLine] = [lineOf(created.body.lines, phy), lineOf(created.body.lines, can)];
    expect(phyLine).toMatchObject({ bookCost: '3.8950', flags: ['PRICE_AT_OR_ABOVE_BOOK_COST'] });
    expect(canLine).toMatchObject({ bookCost: '0.9430', flags: [] });
    const bookCostFlags = (flags: QueueItem['flags']) => flags.filter((f) => f.code.endsWith('_AT_OR_ABOVE_BOOK_COST'));

    // Salesforce's approval queue carries the request API's flag, in the shape of its other flags:
    // a code, the line, and words for the approver; each line carries the book cost it was judged by.
    const item = (await queue()).find((i) => i.request.id === created.body.id)!;
    expect(bookCostFlags(item.flags)).toEqual([
      {
        code: 'PRICE_AT_OR_ABOVE_BOOK_COST',
        lineId: phyLine.id,
        message: 'VS-ETH-PHY at 3.8950 is at or above the book cost 3.8950: an authorization at that cost recovers nothing',
      },
    ]);
    expect(item.request.lines.map((l) => [l.id, l.bookCost])).toEqual(created.body.lines.map((l: ApiLine) => [l.id, l.bookCost]));
    // The request's context says the same, to the approver and to the distributor that asked.
    const context = async (c: Client) => {
      const res = await c.get(`/api/requests/${created.body.id}/context`);
      expect(res.status).toBe(200);
      return res.body as QueueItem;
    };
    expect((await context(cm)).flags).toEqual(item.flags);
    expect((await context(arrow)).flags).toEqual(item.flags);

    // The approver counters VS-CAN-FD1 at its book cost: the distributor could claim nothing under it.
    const countered = await cm.post(`/api/requests/${created.body.id}/counter`, {
      comment: 'at cost, no lower',
      lines: [
        { lineId: phyLine.id, counterCost: '3.5000' },
        { lineId: canLine.id, counterCost: '0.943' },
      ],
    });
    expect(countered.status).toBe(200);
    expect(countered.body.status).toBe('countered');
    expect(lineOf(countered.body.lines, phy).flags).toEqual(['PRICE_AT_OR_ABOVE_BOOK_COST']);
    expect(lineOf(countered.body.lines, can).flags).toEqual(['COUNTER_AT_OR_ABOVE_BOOK_COST']);
    const counterFlags = [
      bookCostFlags(item.flags)[0],
      {
        code: 'COUNTER_AT_OR_ABOVE_BOOK_COST',
        lineId: canLine.id,
        message: 'VS-CAN-FD1 countered at 0.9430 is at or above the book cost 0.9430: the distributor could claim nothing under it',
      },
    ];
    expect(bookCostFlags((await context(cm)).flags)).toEqual(counterFlags);
    // The distributor deciding whether to accept the counter-offer sees it too; the queue no longer lists the request.
    expect(bookCostFlags((await context(arrow)).flags)).toEqual(counterFlags);
    expect((await queue()).some((i) => i.request.id === created.body.id)).toBe(false);
    // Flagged, not refused: the counter-offer can still be accepted.
    const accepted = await arrow.post(`/api/requests/${created.body.id}/accept-counter`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('approved');
  });
});
