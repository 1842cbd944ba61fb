/**
 * A distributor reads, on each line of its authorizations, the vendor's book cost on record today
 * for it and that product: the figure that decides its claim lines' credit. Only its own.
 */
import { BookCost, Product } from '../../models/catalog.js';
import { Account } from '../../models/accounts.js';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface AuthLine {
  vendorPartNumber: string;
  authorizedCost: string;
  bookCost: string | null;
}
interface Auth {
  id: number;
  number: string;
  distributorId: number;
  lines: AuthLine[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describeDb('book costs on authorizations', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let arrowAuth: Auth;
  const lineOf = (a: Auth, part: string) => a.lines.find((l) => l.vendorPartNumber === part)!;

  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    north = await t.as(USERS.northbridge);
    // Arrowhead's authorization for Helios: VS-MCU-32F4 and VS-PMIC-45A.
    arrowAuth = ((await arrow.get('/api/authorizations')).body.items as Auth[]).find((a) =>
      a.lines.some((l) => l.vendorPartNumber === 'VS-MCU-32F4'),
    )!;
    const arrowhead = (await Account.findOne({ where: { name: 'Arrowhead Components' } }))!;
    const northbridge = (await Account.findOne({ where: { name: 'Northbridge Electronics' } }))!;
    const mcu = (await Product.findOne({ where: { vendorPartNumber: 'VS-MCU-32F4' } }))!;
    const pmic = (await Product.findOne({ where: { vendorPartNumber: 'VS-PMIC-45A' } }))!;
    // Arrowhead's MCU cost changed yesterday and changes again tomorrow; Northbridge's MCU cost
    // is its own (and must never show on Arrowhead's lines); Arrowhead's PMIC cost ended yesterday.
    await BookCost.update({ effectiveTo: day(-2) }, { where: { distributorId: arrowhead.id, productId: mcu.id } });
    await BookCost.create({ distributorId: arrowhead.id, productId: mcu.id, cost: '5.1234', effectiveFrom: day(-1), effectiveTo: day(0) });
    await BookCost.create({ distributorId: arrowhead.id, productId: mcu.id, cost: '9.0000', effectiveFrom: day(1), effectiveTo: null });
    await BookCost.create({ distributorId: northbridge.id, productId: mcu.id, cost: '7.7777', effectiveFrom: day(-1), effectiveTo: null });
    await BookCost.update({ effectiveTo: day(-1) }, { where: { distributorId: arrowhead.id, productId: pmic.id } });
  });
  afterAll(() => t.close());

  it("shows each line the distributor's own book cost on record today, null when none is", async () => {
    const res = await arrow.get(`/api/authorizations/${arrowAuth.id}`);
    expect(res.status).toBe(200);
    expect(lineOf(res.body, 'VS-MCU-32F4')).toMatchObject({ authorizedCost: '4.1000', bookCost: '5.1234' });
    expect(lineOf(res.body, 'VS-PMIC-45A')).toMatchObject({ authorizedCost: '2.0500', bookCost: null });
    // The list carries the same figures.
    const listed = ((await arrow.get('/api/authorizations')).body.items as Auth[]).find((a) => a.id === arrowAuth.id)!;
    expect(lineOf(listed, 'VS-MCU-32F4').bookCost).toBe('5.1234');
  });

  it("never shows a distributor another's book cost, nor another's authorization", async () => {
    expect((await north.get(`/api/authorizations/${arrowAuth.id}`)).status).toBe(404);
    const northAuths = (await north.get('/api/authorizations')).body.items as Auth[];
    expect(northAuths.length).toBeGreaterThan(0);
    expect(northAuths.every((a) => a.id !== arrowAuth.id)).toBe(true);
    // Northbridge's lines carry Northbridge's costs (82% of list, as seeded), never Arrowhead's 5.1234.
    const costs = northAuths.flatMap((a) => a.lines.map((l) => l.bookCost));
    expect(costs).not.toContain('5.1234');
    expect(
      lineOf(
        northAuths.find((a) => a.lines.some((l) => l.vendorPartNumber === 'VS-CAN-FD1'))!,
        'VS-CAN-FD1',
      ).bookCost,
    ).toBe('0.9430');
  });

  it('shows finance the book cost of the distributor the authorization belongs to', async () => {
    const finance = await t.as(USERS.finance);
    const res = await finance.get(`/api/authorizations/${arrowAuth.id}`);
    expect(lineOf(res.body, 'VS-MCU-32F4').bookCost).toBe('5.1234');
  });

  it('documents bookCost in /api/openapi.json', async () => {
    const doc = (await t.http.get('/api/openapi.json')).body;
    const line = doc.components.schemas.Authorization.properties.lines.items;
    expect(line.properties.bookCost).toMatchObject({ type: ['string', 'null'] });
    expect(line.required).toContain('bookCost');
  });
});
