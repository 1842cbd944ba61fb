import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * The correction path and returns.
 *
 * - A POS line keeps the row of the file it came from (`file_row`; ROW_NUMBER is a reserved word in MariaDB), so a stored line can be
 *   found in the distributor's file; an import can be voided (its unclaimed lines removed, the
 *   import kept with who voided it and why) and the file sent again.
 * - A return (a POS line with a negative quantity) is stored beside the sale it returns: the
 *   POS lines' unique key gains `is_return`, so "INV-1 line 1, -5" can sit beside "INV-1 line 1, 10".
 * - `settlement_debits`: what a return takes back from a sale that was paid — a debit on the
 *   distributor's next credit memo, applied (`credit_memo_debits`) never below zero; the rest
 *   stays open for the memo after.
 */
export const returnsAndVoidsSchema: Migration = {
  name: '20261201T0950-returns-and-voids',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('pos_lines', 'file_row', col.int(true));
    await qi.addColumn('pos_lines', 'is_return', { ...col.flag(false) });
    await qi.addIndex('pos_lines', ['distributor_id', 'invoice_key', 'line_key', 'is_return'], { unique: true, name: 'uq_pos_line_sale' });
    await qi.removeIndex('pos_lines', 'uq_pos_line_key');
    await qi.addColumn('pos_imports', 'voided_at', col.instant(true));
    await qi.addColumn('pos_imports', 'voided_by_user_id', col.ref(true));
    await qi.addColumn('pos_imports', 'void_reason', col.text(true));

    const fk = (table: string, allowNull = false) => ({ ...col.ref(allowNull), references: { model: table, key: 'id' } });
    await qi.createTable('settlement_debits', {
      id: col.id(),
      distributor_id: fk('accounts'),
      currency: col.str(3),
      /** the paid claim line whose credit the return takes back */
      claim_line_id: fk('claim_lines'),
      /** the return's POS line */
      return_pos_line_id: fk('pos_lines'),
      quantity: col.int(),
      amount: col.money(),
      applied_amount: col.money(),
      status: col.str(10),
      created_by_user_id: fk('users'),
      created_at: col.instant(),
      updated_at: col.instant(),
    });
    await qi.addIndex('settlement_debits', ['distributor_id', 'currency', 'status'], { name: 'ix_settlement_debit_open' });
    await qi.addIndex('settlement_debits', ['return_pos_line_id'], { unique: true, name: 'uq_settlement_debit_return' });
    await qi.createTable('credit_memo_debits', {
      id: col.id(),
      credit_memo_id: fk('credit_memos'),
      debit_id: fk('settlement_debits'),
      amount: col.money(),
      created_at: col.instant(),
    });
    await qi.addIndex('credit_memo_debits', ['credit_memo_id'], { name: 'ix_credit_memo_debit' });
    // Their money columns become exact TEXT on SQLite in the next migration (20261201T1000-exact-money-sqlite,
    // which rebuilds every table of MONEY_COLUMNS).
  },
};
