/**
 * The demo's rebates (issue 16): a running program of each kind (volume, tiered, growth, mix,
 * conditional, and a sell-in volume program over the vendor's shipments) with terms, the shipments,
 * and the POS lines that give them real figures this quarter (Q4 2026,
 * invoiced 21 October to 30 November) and the same quarter a year before (the growth baseline).
 * The lines are written as a POS import would store them (canonical keys from core), without an
 * import: the demo has no file behind them.
 */
import type { InferCreationAttributes } from 'sequelize';
import { canonicalPosKeyParts } from '../../core/claims/pos-key.js';
import { PosLine } from '../../models/claims.js';
import type { Account } from '../../models/accounts.js';
import type { Product } from '../../models/catalog.js';
import type { Actor } from '../auth/actor.js';
import { ProgramInput } from '../programs/programs.schemas.js';
import * as programs from '../programs/programs.service.js';
import * as rebates from '../rebates/rebates.service.js';
import type { RebateProgramInput } from '../rebates/rebates.schemas.js';
import { loadShipments } from '../rebates/shipments.service.js';
import type { ShipmentInput } from '../../core/rebates/shipments.js';
import { moneyToString, parseMoney } from '../../core/money.js';

const PROGRAMS: { code: string; name: string; input: RebateProgramInput }[] = [
  {
    code: 'REBATE-VOL-2026',
    name: 'Volume rebate 2026',
    input: {
      terms: { kind: 'volume', measure: 'quantity', threshold: '3000', rate: { kind: 'per_unit', value: '0.04' }, cap: '2500' },
      periodKind: 'quarter',
      stacking: 'with_rebates',
      priority: 100,
    },
  },
  {
    code: 'REB-TIER-MCU-26',
    name: 'Microcontroller tiers 2026',
    input: {
      terms: {
        kind: 'tiered',
        mode: 'retroactive',
        measure: 'quantity',
        families: ['Microcontrollers'],
        tiers: [
          { from: '1000', rate: { kind: 'per_unit', value: '0.08' } },
          { from: '2500', rate: { kind: 'per_unit', value: '0.12' } },
          { from: '5000', rate: { kind: 'per_unit', value: '0.18' } },
        ],
      },
      periodKind: 'quarter',
      stacking: 'with_rebates',
      priority: 110,
    },
  },
  {
    code: 'REB-GROWTH-26',
    name: 'Growth over last year',
    input: {
      terms: { kind: 'growth', measure: 'revenue', rate: { kind: 'percent', value: '3' }, minGrowthPercent: '10' },
      periodKind: 'quarter',
      stacking: 'with_rebates',
      priority: 120,
    },
  },
  {
    code: 'REB-MIX-POWER-26',
    name: 'Power mix bonus',
    input: {
      terms: { kind: 'mix', measure: 'revenue', family: 'Power', minSharePercent: '25', rate: { kind: 'percent', value: '1.5' } },
      periodKind: 'quarter',
      stacking: 'with_rebates',
      priority: 130,
    },
  },
  {
    code: 'REB-COND-SNS-26',
    name: 'Sensors attach and new customers',
    input: {
      terms: {
        kind: 'conditional',
        measure: 'revenue',
        conditions: [
          { kind: 'min_product', families: ['Sensors'], minQuantity: 200 },
          { kind: 'new_end_customers', target: 1 },
        ],
        rate: { kind: 'percent', value: '1' },
      },
      periodKind: 'quarter',
      stacking: 'with_all',
      priority: 140,
    },
  },
  {
    code: 'REB-SELLIN-26',
    name: 'Stocking rebate (sell-in)',
    input: {
      // On what the vendor ships to the distributor (its purchases), not on what it resells.
      terms: { kind: 'volume', basis: 'sell_in', measure: 'revenue', threshold: '15000', rate: { kind: 'percent', value: '1.5' } },
      periodKind: 'quarter',
      stacking: 'with_rebates',
      priority: 150,
    },
  },
];

/** [part, resale price, units per line] each distributor sells; the later quarter sells more. */
const BASKETS: Record<string, [string, string, number][]> = {
  'Arrowhead Components': [
    ['VS-MCU-32F4', '6.2000', 260],
    ['VS-MCU-16L0', '1.9000', 180],
    ['VS-PMIC-45A', '3.1000', 150],
    ['VS-SNS-IMU6', '5.4000', 40],
  ],
  'Northbridge Electronics': [
    ['VS-CAN-FD1', '1.0900', 400],
    ['VS-GAN-650', '8.4000', 60],
    ['VS-LDO-3V3', '0.4000', 500],
    ['VS-MCU-32F4', '6.1000', 90],
  ],
  'Pacific Rim Supply': [
    ['VS-SNS-IMU6', '5.5000', 35],
    ['VS-SNS-TMP', '0.9000', 120],
    ['VS-RF-BLE5', '2.7500', 150],
  ],
};

export async function seedRebates(
  { admin, finance, finance2 }: { admin: Actor; finance: Actor; finance2: Actor },
  products: ReadonlyMap<string, Product>,
  distributors: ReadonlyMap<string, Account>,
  endCustomers: ReadonlyMap<string, Account>,
) {
  for (const p of PROGRAMS) {
    const existing = (await programs.listPrograms(admin)).find((x) => x.code === p.code);
    // The builder's defaults (ProgramInput) for everything but the code, name, type and dates.
    const program =
      existing ??
      (await programs.createProgram(
        admin,
        ProgramInput.parse({ code: p.code, name: p.name, type: 'rebate', startDate: '2026-01-01', endDate: '2026-12-31' }),
      ));
    await rebates.setTerms(admin, program.id, p.input);
  }

  // A small deterministic generator: the same demo every time.
  let seed = 20261205;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const customers = [...endCustomers.values()];
  const rows: Omit<InferCreationAttributes<PosLine>, 'id' | 'fileRow' | 'isReturn' | 'createdAt' | 'updatedAt'>[] = [];
  for (const [name, basket] of Object.entries(BASKETS)) {
    const d = distributors.get(name)!;
    const prefix = name.slice(0, 3).toUpperCase();
    // Last year's Q4 (the growth baseline), this Q4 so far, and Pacific Rim's Q3 (closed and paid below).
    const quarters = [
      [2025, 0.8, 2, 'Q4'],
      [2026, 1, customers.length, 'Q4'],
      ...(name === 'Pacific Rim Supply' ? ([[2026, 1.6, customers.length, 'Q3']] as const) : []),
    ] as const;
    for (const [year, scale, known, quarter] of quarters) {
      for (let i = 0; i < 24; i++) {
        const [part, price, units] = basket[i % basket.length]!;
        const date = quarter === 'Q3' ? dayOf(year, 7, 1 + Math.floor(next() * 92)) : dayOf(year, 10, 21 + Math.floor(next() * 40));
        const invoiceNumber = `DEMO-${prefix}-${year}${quarter}-${1000 + i}`;
        const customer = customers[Math.floor(next() * known)]!;
        rows.push({
          distributorId: d.id,
          importId: null,
          invoiceNumber,
          invoiceLine: '1',
          ...canonicalPosKeyParts(invoiceNumber, '1'),
          invoiceDate: date,
          shipDate: date,
          productId: products.get(part)!.id,
          vendorPartNumber: part,
          distributorPartNumber: null,
          quantity: Math.max(1, Math.round(units * scale * (0.7 + next() * 0.6))),
          resalePrice: price,
          bookCost: null,
          authorizedCost: null,
          claimedAmount: null,
          authorizationNumber: null,
          endCustomerName: customer.name,
          endCustomerId: customer.id,
          customerPo: null,
          debitMemoNumber: null,
          extra: null,
        });
      }
    }
  }
  await PosLine.bulkCreate(rows as InferCreationAttributes<PosLine>[]);

  // The vendor's shipments to each distributor this quarter (sell-in, the stocking rebate's
  // figures), loaded as finance loads them (the one road: checked, stored, audited); at 80 % of
  // the resale price of each part of the basket.
  const shipments: { row: number; line: ShipmentInput }[] = [];
  for (const [name, basket] of Object.entries(BASKETS)) {
    const d = distributors.get(name)!;
    const prefix = name.slice(0, 3).toUpperCase();
    for (let i = 0; i < 8; i++) {
      const [part, price, units] = basket[i % basket.length]!;
      const quantity = Math.round(units * 4 * (0.7 + next() * 0.6));
      shipments.push({
        row: shipments.length + 1,
        line: {
          distributor: String(d.id),
          documentNumber: `SHIP-${prefix}-2026Q4-${100 + Math.floor(i / 2)}`,
          lineNumber: String((i % 2) + 1),
          shipDate: dayOf(2026, 10, 2 + i * 7),
          vendorPartNumber: part,
          quantity,
          amount: moneyToString(parseMoney(price).times(0.8).times(quantity)),
          currency: d.currency ?? 'USD',
        },
      });
    }
  }
  await loadShipments(finance, shipments);

  // Pacific Rim's Q3 volume rebate: closed by finance, authorized by a second person, paid.
  const volume = (await programs.listPrograms(admin)).find((x) => x.code === 'REBATE-VOL-2026')!;
  const closed = await rebates.closePeriod(finance, {
    programId: volume.id,
    distributorId: distributors.get('Pacific Rim Supply')!.id,
    date: '2026-08-15',
  });
  await rebates.authorizePeriod(finance2, closed.id);
  await rebates.payPeriod(finance, closed.id, 'ERP-RB-2026-Q3-PRS');
}

/** The day `offset` days (1 = the first) from the first of `month` in `year`, as YYYY-MM-DD. */
const dayOf = (year: number, month: number, offset: number) => new Date(Date.UTC(year, month - 1, offset)).toISOString().slice(0, 10);
