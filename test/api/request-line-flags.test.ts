/**
 * A special-price request line priced at or above the distributor's book cost (no debit to
 * recover) is flagged to the approver, never refused: every request view carries each line's book
 * cost on record today and its flags, from core/requests/line-flags.ts.
 */
import { Account } from '../../models/accounts.js';
import { BookCost, Product } from '../../models/catalog.js';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface Line {
  id: number;
  productId: number;
  requestedCost: string;
  bookCost: string | null;
  counterCost: string | null;
  flags: string[];
}
interface RequestBody {
  id: number;
  status: string;
  lines: Line[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describeDb('special-price requests: lines at or above book cost', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let cm: Client;
  let program: { id: number };
  let cascade: { id: number };
  let orion: { id: number };
  let phy: number;
  let can: number;

  const send = (c: Client, endCustomerId: number, lines: { productId: number; requestedCost: string }[]) =>
    c.post('/api/requests', {
      programId: program.id,
      endCustomerId,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: lines.map((l) => ({ ...l, quantity: 100 })),
    });
  const lineOf = (r: RequestBody, productId: number) => r.lines.find((l) => l.productId === productId)!;

  beforeAll(async () => {
    t = await startTestApp();
    [arrow, north, cm] = await Promise.all([USERS.arrowhead, USERS.northbridge, USERS.cm].map((u) => t.as(u)));
    program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    cascade = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0];
    orion = (await north.get('/api/accounts?type=end_customer&q=Orion')).body.items[0];
    // The demo's book costs are 82 % of list: VS-ETH-PHY 4.75 → 3.8950, VS-CAN-FD1 1.15 → 0.9430.
    phy = (await Product.findOne({ where: { vendorPartNumber: 'VS-ETH-PHY' } }))!.id;
    can = (await Product.findOne({ where: { vendorPartNumber: 'VS-CAN-FD1' } }))!.id;
    // Arrowhead's PHY cost rises tomorrow (not today's: no flag moves with it); Northbridge's PHY
    // cost dropped yesterday to its own 2.0000.
    const arrowhead = (await Account.findOne({ where: { name: 'Arrowhead Components' } }))!;
    const northbridge = (await Account.findOne({ where: { name: 'Northbridge Electronics' } }))!;
    await BookCost.update({ effectiveTo: day(0) }, { where: { distributorId: arrowhead.id, productId: phy } });
    await BookCost.create({ distributorId: arrowhead.id, productId: phy, cost: '9.0000', effectiveFrom: day(1), effectiveTo: null });
    await BookCost.update({ effectiveTo: day(-2) }, { where: { distributorId: northbridge.id, productId: phy } });
    await BookCost.create({ distributorId: northbridge.id, productId: phy, cost: '2.0000', effectiveFrom: day(-1), effectiveTo: null });
  });
  afterAll(() => t.close());

  it('stores a request priced at the book cost and flags that line, with the book cost on record today', async () => {
    const res = await send(arrow, cascade.id, [
      { productId: phy, requestedCost: '3.895' },
      { productId: can, requestedCost: '0.5000' },
    ]);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
    expect(lineOf(res.body, phy)).toMatchObject({ requestedCost: '3.8950', bookCost: '3.8950', flags: ['PRICE_AT_OR_ABOVE_BOOK_COST'] });
    expect(lineOf(res.body, can)).toMatchObject({ requestedCost: '0.5000', bookCost: '0.9430', flags: [] });

    // The approver's queue and the request itself say the same.
    const queue = (await cm.get('/api/requests?status=pending&requestedBy=others&pageSize=200')).body.items as RequestBody[];
    const queued = queue.find((r) => r.id === res.body.id)!;
    expect(queued.lines).toEqual(res.body.lines);
    expect((await cm.get(`/api/requests/${res.body.id}`)).body.lines).toEqual(res.body.lines);
    // Requests below book cost (the demo's) carry no flag.
    expect(queue.filter((r) => r.id !== res.body.id).flatMap((r) => r.lines.flatMap((l) => l.flags))).toEqual([]);

    // A flag informs the approver; it does not stop the approval.
    const approved = await cm.post(`/api/requests/${res.body.id}/approve`, { comment: 'price protection at cost' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.authorizationId).not.toBeNull();
  });

  it("judges each request against its own distributor's book cost", async () => {
    const fromArrow = await send(arrow, cascade.id, [{ productId: phy, requestedCost: '3.0000' }]);
    const fromNorth = await send(north, orion.id, [{ productId: phy, requestedCost: '3.0000' }]);
    expect([fromArrow.status, fromNorth.status]).toEqual([201, 201]);
    expect(lineOf(fromArrow.body, phy)).toMatchObject({ bookCost: '3.8950', flags: [] });
    expect(lineOf(fromNorth.body, phy)).toMatchObject({ bookCost: '2.0000', flags: ['PRICE_AT_OR_ABOVE_BOOK_COST'] });
    // Each distributor reads its own request, with its own book cost.
    expect(lineOf((await north.get(`/api/requests/${fromNorth.body.id}`)).body, phy).bookCost).toBe('2.0000');
    expect((await north.get(`/api/requests/${fromArrow.body.id}`)).status).toBe(404);
  });
  it('flags a counter-offer at or above the book cost with its own code, on every view of the request', async () => {
    const sent = await send(arrow, cascade.id, [
      { productId: phy, requestedCost: '3.0000' },
      { productId: can, requestedCost: '0.5000' },
    ]);
    expect(sent.status).toBe(201);
    const countered = await cm.post(`/api/requests/${sent.body.id}/counter`, {
      comment: 'PHY at cost; CAN a little more',
      lines: [
        { lineId: lineOf(sent.body, phy).id, counterCost: '3.8950' },
        { lineId: lineOf(sent.body, can).id, counterCost: '0.6000' },
      ],
    });
    expect(countered.status).toBe(200);
    expect(lineOf(countered.body, phy)).toMatchObject({
      requestedCost: '3.0000',
      counterCost: '3.8950',
      bookCost: '3.8950',
      flags: ['COUNTER_AT_OR_ABOVE_BOOK_COST'],
    });
    expect(lineOf(countered.body, can)).toMatchObject({ counterCost: '0.6000', flags: [] });
    // The distributor answering the counter-offer reads the same flags.
    expect((await arrow.get(`/api/requests/${sent.body.id}`)).body.lines).toEqual(countered.body.lines);
    const listed = (await arrow.get('/api/requests?status=countered&pageSize=200')).body.items as RequestBody[];
    expect(listed.find((r) => r.id === sent.body.id)!.lines).toEqual(countered.body.lines);
  });
});
