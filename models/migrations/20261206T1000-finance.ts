import { col } from '../define.js';
import { rebuildWithExactMoney } from './20261201T1000-exact-money-sqlite.js';
import type { Migration } from './types.js';

const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });
const ref = (table: string, allowNull = false) => ({ ...col.ref(allowNull), references: { model: table, key: 'id' } });

/**
 * The finance hand-off (issue 16 part 4).
 *
 * - `finance_accounts`: the account codes one program type posts to (expense, accrued liability,
 *   payable); a type without a row posts to the defaults (core/finance/journal.ts).
 * - `finance_settings`: the vendor's finance switches, one row: whether a credit memo needs the
 *   ERP's reference before it is paid.
 * - `journal_entries` and `journal_lines`: the journal the settlement service writes in the same
 *   transaction as the change it records (accrual, reversal, payment), each entry balanced, dated
 *   into an open month (`month`), with the day it happened (`event_day`) and a note when the two
 *   months differ.
 * - `finance_periods`: a month's close: its figures as reported when it was closed, who closed it,
 *   and who reopened it and why.
 */
export const financeSchema: Migration = {
  name: '20261206T1000-finance',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.createTable('finance_accounts', {
      id: col.id(),
      program_type: { ...col.str(20), unique: true },
      expense_account: col.str(40),
      accrued_account: col.str(40),
      payable_account: col.str(40),
      updated_by_user_id: ref('users'),
      ...stamps(),
    });
    await qi.createTable('finance_settings', {
      id: col.id(),
      erp_reference_required: col.flag(false),
      updated_by_user_id: ref('users', true),
      ...stamps(),
    });
    await qi.createTable('journal_entries', {
      id: col.id(),
      kind: col.str(12),
      source_type: col.str(20),
      source_id: col.int(),
      source_number: col.str(40),
      distributor_id: ref('accounts'),
      program_type: col.str(20, true),
      currency: col.str(3),
      amount: col.money(),
      event_day: col.day(),
      entry_date: col.day(),
      month: col.str(7),
      note: col.text(true),
      credit_memo_number: col.str(40, true),
      external_ref: col.str(64, true),
      created_by_user_id: ref('users', true),
      created_at: col.instant(),
    });
    await qi.addIndex('journal_entries', ['month', 'id'], { name: 'journal_entries_month' });
    await qi.addIndex('journal_entries', ['entry_date', 'id'], { name: 'journal_entries_date' });
    await qi.addIndex('journal_entries', ['source_type', 'source_id'], { name: 'journal_entries_source' });
    await qi.createTable('journal_lines', {
      id: col.id(),
      entry_id: ref('journal_entries'),
      account: col.str(40),
      debit: col.money(),
      credit: col.money(),
    });
    await qi.addIndex('journal_lines', ['entry_id'], { name: 'journal_lines_entry' });
    await qi.createTable('finance_periods', {
      id: col.id(),
      month: { ...col.str(7), unique: true },
      status: col.str(10),
      figures: col.text(true),
      closed_by_user_id: ref('users', true),
      closed_at: col.instant(true),
      reopened_by_user_id: ref('users', true),
      reopened_at: col.instant(true),
      reopen_reason: col.text(true),
      ...stamps(),
    });
    if (sequelize.getDialect() === 'sqlite') {
      await rebuildWithExactMoney(sequelize, 'journal_entries', ['amount']);
      await rebuildWithExactMoney(sequelize, 'journal_lines', ['debit', 'credit']);
    }
  },
};
