import { col } from '../define.js';
import { rebuildWithExactMoney } from './20261201T1000-exact-money-sqlite.js';
import type { Migration } from './types.js';

const ref = (table: string, allowNull = false) => ({ ...col.ref(allowNull), references: { model: table, key: 'id' } });

/**
 * Sell-in (issue 16): the vendor's shipments to a distributor, one row per invoice line, what a
 * rebate program with `basis: "sell_in"` counts. A line is named by its document (the vendor's
 * invoice or delivery number) and line number: (distributor, document, line) is unique, so a line
 * loaded twice is stored once. `amount` is the line's invoiced value (negative for a return), in
 * `currency`, the distributor's.
 */
export const shipmentsSchema: Migration = {
  name: '20261207T1000-shipments',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.createTable('shipments', {
      id: col.id(),
      distributor_id: ref('accounts'),
      document_number: col.str(40),
      line_number: col.str(20),
      ship_date: col.day(),
      product_id: ref('products'),
      quantity: col.int(),
      amount: col.money(),
      currency: col.str(3),
      loaded_by_user_id: ref('users'),
      created_at: col.instant(),
    });
    await qi.addIndex('shipments', ['distributor_id', 'document_number', 'line_number'], { unique: true, name: 'uq_shipment_line' });
    await qi.addIndex('shipments', ['distributor_id', 'ship_date'], { name: 'shipments_distributor_date' });
    if (sequelize.getDialect() === 'sqlite') await rebuildWithExactMoney(sequelize, 'shipments', ['amount']);
  },
};
