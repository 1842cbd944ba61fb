import { QueryTypes } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { col } from '../define.js';
import type { Migration } from './types.js';

const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });
const ref = (table: string, allowNull = false) => ({ ...col.ref(allowNull), references: { model: table, key: 'id' } });
const day = (v: unknown) => String(v instanceof Date ? v.toISOString() : v).slice(0, 10);

/**
 * The program builder and program versions (issue 15 items 2 and 6). A program gains the eligible
 * product families and end-customer countries (region), a claim filing window in days after the
 * invoice date, and its current version number. `program_versions` keeps every version's rules as
 * a JSON snapshot with the instant it took effect; a request records the version it was made under.
 * Existing programs get their version 1, effective from their creation.
 */
export const programBuilderSchema: Migration = {
  name: '20261204T1300-program-builder',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.addColumn('programs', 'version', col.int(false, 1));
    await qi.addColumn('programs', 'claim_filing_window_days', col.int(true));
    await qi.addColumn('programs', 'product_families', col.text(true));
    await qi.addColumn('programs', 'end_customer_countries', col.text(true));
    await qi.createTable('program_versions', {
      id: col.id(),
      program_id: ref('programs'),
      version: col.int(),
      effective_from: col.instant(),
      snapshot: col.text(false),
      changed_by_user_id: ref('users'),
      ...stamps(),
    });
    await qi.addIndex('program_versions', ['program_id', 'version'], { unique: true, name: 'uq_program_version' });
    await qi.addColumn('price_requests', 'program_version', col.int(true));

    const programs = await sequelize.query<Record<string, unknown>>('SELECT * FROM programs ORDER BY id', { type: QueryTypes.SELECT });
    const now = new Date();
    for (const p of programs) {
      const snapshot = {
        id: Number(p.id),
        code: p.code,
        name: p.name,
        type: p.type,
        status: p.status,
        version: 1,
        startDate: day(p.start_date),
        endDate: day(p.end_date),
        productIds: JSON.parse(String(p.product_ids)),
        productFamilies: [],
        distributorIds: JSON.parse(String(p.distributor_ids)),
        endCustomerIds: JSON.parse(String(p.end_customer_ids)),
        endCustomerCountries: [],
        quantityCap: p.quantity_cap === null ? null : Number(p.quantity_cap),
        priceFloor: p.price_floor === null ? null : moneyToString(moneyFromDb(p.price_floor as string)),
        requiredClaimFields: JSON.parse(String(p.required_claim_fields)),
        claimFilingWindowDays: null,
      };
      await qi.bulkInsert('program_versions', [
        {
          program_id: p.id,
          version: 1,
          effective_from: p.created_at ?? now,
          snapshot: JSON.stringify(snapshot),
          changed_by_user_id: p.created_by_user_id,
          created_at: now,
          updated_at: now,
        },
      ]);
    }
  },
};
