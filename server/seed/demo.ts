/**
 * The demo world: a vendor, three distributors, resellers, end customers, products, programs,
 * requests in every state, approved authorizations and claims in every state. Requests and claims
 * go through the real services, so every verdict and audit event is genuine.
 * Runs only on an empty database.
 */
import { Account, User } from '../../models/accounts.js';
import { BookCost, Product, ProductPartMapping } from '../../models/catalog.js';
import type { Role } from '../../core/domain.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import * as claims from '../claims/claims.service.js';
import * as programs from '../programs/programs.service.js';
import * as requests from '../requests/requests.service.js';
import { seedRebates } from './rebates-demo.js';

export const DEMO_PASSWORD = 'bec-demo-2026';

export const DEMO_USERS: { email: string; name: string; role: Role; distributor?: string }[] = [
  { email: 'admin@voltaic.example', name: 'Avery Admin', role: 'vendor_admin' },
  { email: 'cm@voltaic.example', name: 'Casey Channel', role: 'channel_manager' },
  { email: 'cm2@voltaic.example', name: 'Morgan Channel', role: 'channel_manager' },
  { email: 'finance@voltaic.example', name: 'Frances Finance', role: 'finance' },
  { email: 'finance2@voltaic.example', name: 'Felix Finance', role: 'finance' },
  { email: 'ops@arrowhead.example', name: 'Ari Arrowhead', role: 'distributor_user', distributor: 'Arrowhead Components' },
  { email: 'ops@northbridge.example', name: 'Nina Northbridge', role: 'distributor_user', distributor: 'Northbridge Electronics' },
  { email: 'ops@pacificrim.example', name: 'Pat Pacific', role: 'distributor_user', distributor: 'Pacific Rim Supply' },
];

const PRODUCTS = [
  ['VS-MCU-32F4', '32-bit Cortex-M4 microcontroller, 1 MB flash', 'Microcontrollers', '6.4500'],
  ['VS-MCU-16L0', '16-bit ultra-low-power microcontroller', 'Microcontrollers', '1.9800'],
  ['VS-PMIC-45A', 'Power management IC, 4 rails', 'Power', '3.2100'],
  ['VS-LDO-3V3', 'Low-dropout regulator 3.3 V 500 mA', 'Power', '0.4200'],
  ['VS-GAN-650', '650 V GaN power transistor', 'Power', '8.9000'],
  ['VS-ADC-24S', '24-bit sigma-delta ADC', 'Analog', '7.3500'],
  ['VS-OPA-RR2', 'Dual rail-to-rail op-amp', 'Analog', '0.8700'],
  ['VS-CAN-FD1', 'CAN FD transceiver', 'Interface', '1.1500'],
  ['VS-ETH-PHY', 'Gigabit Ethernet PHY', 'Interface', '4.7500'],
  ['VS-SNS-IMU6', '6-axis inertial measurement unit', 'Sensors', '5.6000'],
  ['VS-SNS-TMP', 'Digital temperature sensor ±0.1 °C', 'Sensors', '0.9500'],
  ['VS-RF-BLE5', 'Bluetooth LE 5.3 SoC', 'Wireless', '2.8800'],
] as const;

/** name, country, document prefix, currency (its book costs, authorizations and claims are in it) */
const DISTRIBUTORS = [
  ['Arrowhead Components', 'US', 'ARW', 'USD'],
  ['Northbridge Electronics', 'DE', 'NBE', 'EUR'],
  ['Pacific Rim Supply', 'SG', 'PRS', 'USD'],
] as const;

const actorOf = (u: User): Actor => ({
  userId: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  distributorId: u.distributorId,
  via: 'session',
  scopes: ['read', 'write', 'admin'],
  tokenId: null,
  tokenExpiresAt: null,
  sessionMethod: 'password',
});

export async function seedDemo(): Promise<boolean> {
  if ((await Account.count()) > 0) return false;
  await Account.create({ type: 'vendor', name: 'Voltaic Semiconductor', externalRef: null, country: 'US' });
  const dist = new Map<string, Account>();
  for (const [name, country, , currency] of DISTRIBUTORS)
    dist.set(name, await Account.create({ type: 'distributor', name, externalRef: null, country, currency }));
  for (const name of ['Summit Systems Integrators', 'BlueLine Solutions'])
    await Account.create({ type: 'reseller', name, externalRef: null, country: 'US' });
  const ec = new Map<string, Account>();
  for (const [name, country] of [
    ['Helios Medical Devices', 'US'],
    ['Orion Automotive', 'DE'],
    ['Cascade Robotics', 'US'],
    ['Meridian Aerospace', 'SG'],
  ] as const) {
    ec.set(name, await Account.create({ type: 'end_customer', name, externalRef: null, country }));
  }

  const product = new Map<string, Product>();
  for (const [vendorPartNumber, description, family, listPrice] of PRODUCTS) {
    product.set(vendorPartNumber, await Product.create({ vendorPartNumber, description, family, listPrice, currency: 'USD' }));
  }
  for (const [name, , prefix] of DISTRIBUTORS) {
    let n = 1000;
    for (const p of product.values()) {
      n += 7;
      await ProductPartMapping.create({ distributorId: dist.get(name)!.id, distributorPartNumber: `${prefix}-${n}`, productId: p.id });
      // Book cost: 82% of list, effective since January.
      const cost = (Number(p.listPrice) * 0.82).toFixed(4);
      await BookCost.create({ distributorId: dist.get(name)!.id, productId: p.id, cost, effectiveFrom: '2026-01-01', effectiveTo: null });
    }
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const created = await User.create({
      email: u.email,
      name: u.name,
      role: u.role,
      distributorId: u.distributor ? dist.get(u.distributor)!.id : null,
      passwordHash,
    });
    user.set(u.email, actorOf(created));
  }
  const admin = user.get('admin@voltaic.example')!;
  const cm = user.get('cm@voltaic.example')!;
  const cm2 = user.get('cm2@voltaic.example')!;
  const finance = user.get('finance@voltaic.example')!;
  const finance2 = user.get('finance2@voltaic.example')!;
  const arrow = user.get('ops@arrowhead.example')!;
  const north = user.get('ops@northbridge.example')!;
  const pacific = user.get('ops@pacificrim.example')!;

  const sd = await programs.createProgram(admin, {
    code: 'SD-2026',
    name: 'Ship & Debit 2026',
    type: 'ship_and_debit',
    status: 'active',
    startDate: '2026-01-01',
    endDate: '2027-06-30',
    productIds: [],
    distributorIds: [],
    endCustomerIds: [],
    quantityCap: 100000,
    priceFloor: '0.2000',
    requiredClaimFields: [],
    productFamilies: [],
    endCustomerCountries: [],
    claimFilingWindowDays: null,
  });
  const spa = await programs.createProgram(admin, {
    code: 'SPA-DESIGNWIN',
    name: 'Design-win special pricing',
    type: 'spa',
    status: 'active',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    productIds: ['VS-MCU-32F4', 'VS-GAN-650', 'VS-ADC-24S', 'VS-SNS-IMU6'].map((p) => product.get(p)!.id),
    distributorIds: [],
    endCustomerIds: [],
    quantityCap: 50000,
    priceFloor: '1.0000',
    requiredClaimFields: ['resellerPoNumber'],
    productFamilies: [],
    endCustomerCountries: [],
    claimFilingWindowDays: null,
  });
  await programs.createProgram(admin, {
    code: 'DPA-Q4',
    name: 'Q4 distributor price adjustment',
    type: 'dpa',
    status: 'active',
    startDate: '2026-10-01',
    endDate: '2026-12-31',
    productIds: [],
    distributorIds: [dist.get('Northbridge Electronics')!.id],
    endCustomerIds: [],
    quantityCap: null,
    priceFloor: null,
    requiredClaimFields: [],
    productFamilies: [],
    endCustomerCountries: [],
    claimFilingWindowDays: null,
  });
  await programs.createProgram(cm, {
    code: 'PROMO-HOLIDAY',
    name: 'Holiday sensor promotion',
    type: 'promotion',
    status: 'active',
    startDate: '2026-11-01',
    endDate: '2027-01-31',
    productIds: ['VS-SNS-IMU6', 'VS-SNS-TMP'].map((p) => product.get(p)!.id),
    distributorIds: [],
    endCustomerIds: [],
    quantityCap: 20000,
    priceFloor: null,
    requiredClaimFields: [],
    productFamilies: [],
    endCustomerCountries: [],
    claimFilingWindowDays: null,
  });
  await programs.createProgram(admin, {
    code: 'REBATE-VOL-2026',
    name: 'Volume rebate 2026',
    type: 'rebate',
    status: 'active',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    productIds: [],
    distributorIds: [],
    endCustomerIds: [],
    quantityCap: null,
    priceFloor: null,
    requiredClaimFields: [],
    productFamilies: [],
    endCustomerCountries: [],
    claimFilingWindowDays: null,
  });

  const pid = (p: string) => product.get(p)!.id;
  const req = (
    by: Actor,
    programId: number,
    endCustomer: string,
    lines: [string, number, string][],
    extra: { distributorId?: number; justification?: string } = {},
  ) =>
    requests.createRequest(by, {
      programId,
      endCustomerId: ec.get(endCustomer)!.id,
      resellerId: null,
      validFrom: '2026-09-01',
      validTo: '2027-03-31',
      opportunityRef: null,
      dealRegistrationRef: null,
      justification: extra.justification ?? null,
      distributorId: extra.distributorId,
      lines: lines.map(([p, quantity, requestedCost]) => ({ productId: pid(p), quantity, requestedCost })),
    });

  // Approved authorizations: the claims below draw on them.
  const a1 = await requests.approveRequest(
    cm,
    (
      await req(
        arrow,
        sd.id,
        'Helios Medical Devices',
        [
          ['VS-MCU-32F4', 5000, '4.1000'],
          ['VS-PMIC-45A', 5000, '2.0500'],
        ],
        { justification: 'Competing with a rival MCU at Helios infusion-pump design' },
      )
    ).id,
    'Strategic account',
  );
  const a2 = await requests.approveRequest(
    cm2,
    (
      await req(north, sd.id, 'Orion Automotive', [
        ['VS-CAN-FD1', 20000, '0.7200'],
        ['VS-GAN-650', 2000, '6.1000'],
      ])
    ).id,
    'Approved for the 2027 platform',
  );
  const a3 = await requests.approveRequest(
    cm,
    (await req(pacific, spa.id, 'Meridian Aerospace', [['VS-SNS-IMU6', 3000, '3.9000']])).id,
    undefined,
  );
  await requests.approveRequest(
    cm2,
    (await req(cm, sd.id, 'Cascade Robotics', [['VS-ETH-PHY', 1500, '3.2000']], { distributorId: dist.get('Arrowhead Components')!.id }))
      .id,
    'Requested on behalf of Arrowhead',
  );
  // Open work for the approval queue, and the other outcomes.
  await req(
    arrow,
    sd.id,
    'Cascade Robotics',
    [
      ['VS-RF-BLE5', 8000, '1.9000'],
      ['VS-SNS-TMP', 8000, '0.6000'],
    ],
    { justification: 'Robot arm controller refresh' },
  );
  await req(north, spa.id, 'Orion Automotive', [['VS-ADC-24S', 1200, '5.1000']], { justification: 'Battery-management design win' });
  await req(pacific, sd.id, 'Meridian Aerospace', [['VS-LDO-3V3', 40000, '0.2500']]);
  await requests.declineRequest(
    cm,
    (await req(north, sd.id, 'Helios Medical Devices', [['VS-OPA-RR2', 10000, '0.3000']])).id,
    'Below our margin guidance for this account',
  );
  const countered = await req(arrow, sd.id, 'Orion Automotive', [['VS-MCU-16L0', 12000, '1.1000']]);
  await requests.counterRequest(cm2, countered.id, 'We can meet you at 1.2500', [{ lineId: countered.lines[0].id, counterCost: '1.2500' }]);

  const auth = async (id: number | null) =>
    (await import('../authorizations/authorizations.repository.js')).findAuthorization({ distributorId: null }, id!);
  const [x1, x2, x3] = [await auth(a1.authorizationId), await auth(a2.authorizationId), await auth(a3.authorizationId)];
  const line = (
    number: string,
    part: string,
    inv: string,
    ln: number,
    date: string,
    qty: number,
    book: string,
    cost: string,
    ecName: string | null,
    extra?: Record<string, string>,
  ) => ({
    authorizationNumber: number,
    vendorPartNumber: part,
    endCustomerName: ecName,
    invoiceNumber: inv,
    invoiceLine: String(ln),
    invoiceDate: date,
    quantity: qty,
    bookCost: book,
    authorizedCost: cost,
    extra,
  });

  // Paid: Arrowhead's October claim.
  const paid = await claims.createClaim(arrow, {
    debitMemoNumber: 'ARW-DM-2026-1001',
    currency: 'USD',
    submit: true,
    lines: [
      line(x1!.number, 'VS-MCU-32F4', 'ARW-INV-88001', 1, '2026-10-03', 1200, '5.2890', '4.1000', 'Helios Medical Devices'),
      line(x1!.number, 'VS-PMIC-45A', 'ARW-INV-88001', 2, '2026-10-03', 800, '2.6322', '2.0500', 'Helios Medical Devices'),
    ],
  });
  await claims.authorizeClaim(finance, paid.id);
  await claims.payClaim(finance2, paid.id, 'ERP-CM-55120');
  // Authorized, awaiting payment: Northbridge, one line adjusted by finance and authorized by another person.
  const authorized = await claims.createClaim(north, {
    debitMemoNumber: 'NBE-DM-7781',
    currency: 'EUR',
    submit: true,
    lines: [
      line(x2!.number, 'VS-CAN-FD1', 'NBE-R-4410', 1, '2026-10-12', 5000, '0.9430', '0.7200', 'Orion Automotive'),
      line(x2!.number, 'VS-GAN-650', 'NBE-R-4410', 2, '2026-10-12', 300, '7.2980', '6.1000', 'Orion Automotive'),
    ],
  });
  await claims.adjustLine(
    finance,
    authorized.id,
    authorized.lines![1].id,
    '300.0000',
    'Partial shipment returned; credit reduced per RMA 2231',
  );
  await claims.authorizeClaim(finance2, authorized.id);
  // Submitted, in review: with an accepted, a partial and a rejected line.
  await claims.createClaim(arrow, {
    debitMemoNumber: 'ARW-DM-2026-1002',
    currency: 'USD',
    submit: true,
    lines: [
      line(x1!.number, 'VS-MCU-32F4', 'ARW-INV-88107', 1, '2026-11-02', 2500, '5.2890', '4.1000', 'Helios Medical Devices'),
      line(x1!.number, 'VS-MCU-32F4', 'ARW-INV-88107', 2, '2026-11-02', 1800, '5.2890', '4.1000', 'Helios Medical Devices'),
      line(x1!.number, 'VS-PMIC-45A', 'ARW-INV-88001', 2, '2026-10-03', 800, '2.6322', '2.0500', 'Helios Medical Devices'),
    ],
  });
  // Rejected: every line failed (wrong end customer, outside validity).
  await claims.createClaim(pacific, {
    debitMemoNumber: 'PRS-DM-0042',
    currency: 'USD',
    submit: true,
    lines: [
      line(x3!.number, 'VS-SNS-IMU6', 'PRS-SG-1902', 1, '2026-08-15', 400, '4.5920', '3.9000', 'Meridian Aerospace', {
        resellerPoNumber: 'PO-7781',
      }),
      line(x3!.number, 'VS-SNS-IMU6', 'PRS-SG-1903', 1, '2026-10-20', 400, '4.5920', '3.9000', 'Orion Automotive', {
        resellerPoNumber: 'PO-7782',
      }),
    ],
  });
  // Submitted with a missing mandated field, and a draft not yet sent.
  await claims.createClaim(pacific, {
    debitMemoNumber: 'PRS-DM-0043',
    currency: 'USD',
    submit: true,
    lines: [
      line(x3!.number, 'VS-SNS-IMU6', 'PRS-SG-1950', 1, '2026-10-28', 600, '4.5920', '3.9000', 'Meridian Aerospace', {
        resellerPoNumber: 'PO-7790',
      }),
      line(x3!.number, 'VS-SNS-IMU6', 'PRS-SG-1950', 2, '2026-10-28', 100, '4.5920', '3.9000', 'Meridian Aerospace'),
    ],
  });
  await claims.createClaim(north, {
    debitMemoNumber: 'NBE-DM-7790',
    currency: 'EUR',
    submit: false,
    lines: [line(x2!.number, 'VS-CAN-FD1', 'NBE-R-4502', 1, '2026-11-09', 2500, '0.9430', '0.7200', 'Orion Automotive')],
  });
  // A running rebate program of each kind, with this quarter's POS lines (server/seed/rebates-demo.ts).
  await seedRebates({ admin, finance, finance2 }, product, dist, ec);
  return true;
}
