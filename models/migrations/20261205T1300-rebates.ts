import { col } from '../define.js';
import { rebuildWithExactMoney } from './20261201T1000-exact-money-sqlite.js';
import type { Migration } from './types.js';

const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });
const ref = (table: string, allowNull = false) => ({ ...col.ref(allowNull), references: { model: table, key: 'id' } });

/**
 * Rebates stored, closed and paid (issue 16).
 *
 * - `rebate_programs`: the terms of a program of type `rebate` (core/rebates/terms.ts, as JSON),
 *   its period kind and its stacking rule (core/rebates/stacking.ts), one row per program.
 * - `rebate_periods`: a closed period of one program for one distributor: the calculation frozen
 *   with its inputs' totals, the amount payable (adjusted with a reason), who closed, adjusted,
 *   authorized and paid it, and its credit memo number. One per program, distributor and period.
 * - `rebate_consumptions`: the rebate side of the ledger: each POS line a closed period counted
 *   (its canonical key, as pos_consumptions keeps it), with the program's stacking rule. A sale is
 *   counted once per program; `exclusive` is 1 for an exclusive program (NULL otherwise), so the
 *   unique key lets at most one exclusive program count a sale (NULLs never collide). The rest of
 *   the stacking rule (a claim beside a rebate) is checked by the settlement service and
 *   check:ledger.
 */
export const rebatesSchema: Migration = {
  name: '20261205T1300-rebates',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.createTable('rebate_programs', {
      id: col.id(),
      program_id: { ...ref('programs'), unique: true },
      terms: col.text(false),
      period_kind: col.str(10),
      stacking: col.str(20),
      priority: col.int(false, 100),
      updated_by_user_id: ref('users'),
      ...stamps(),
    });
    await qi.createTable('rebate_periods', {
      id: col.id(),
      program_id: ref('programs'),
      distributor_id: ref('accounts'),
      period_from: col.day(),
      period_to: col.day(),
      currency: col.str(3),
      status: col.str(12),
      terms: col.text(false),
      stacking: col.str(20),
      result: col.text(false),
      line_count: col.int(),
      total_quantity: col.int(),
      total_revenue: col.money(),
      calculated_amount: col.money(),
      amount: col.money(),
      adjustment_reason: col.text(true),
      closed_by_user_id: ref('users'),
      closed_at: col.instant(),
      adjusted_by_user_id: ref('users', true),
      adjusted_at: col.instant(true),
      authorized_by_user_id: ref('users', true),
      authorized_at: col.instant(true),
      paid_by_user_id: ref('users', true),
      paid_at: col.instant(true),
      credit_memo_number: { ...col.str(40, true), unique: true },
      external_ref: col.str(64, true),
      ...stamps(),
    });
    await qi.addIndex('rebate_periods', ['program_id', 'distributor_id', 'period_from'], { unique: true, name: 'uq_rebate_period' });
    await qi.addIndex('rebate_periods', ['distributor_id', 'status'], { name: 'rebate_periods_distributor' });
    await qi.createTable('rebate_consumptions', {
      id: col.id(),
      rebate_period_id: ref('rebate_periods'),
      program_id: ref('programs'),
      distributor_id: ref('accounts'),
      pos_line_id: ref('pos_lines'),
      invoice_key: col.str(64),
      line_key: col.str(40),
      stacking: col.str(20),
      exclusive: col.int(true),
      quantity: col.int(),
      amount: col.money(),
      created_at: col.instant(),
    });
    await qi.addIndex('rebate_consumptions', ['program_id', 'distributor_id', 'invoice_key', 'line_key'], {
      unique: true,
      name: 'uq_rebate_consumption_program',
    });
    await qi.addIndex('rebate_consumptions', ['distributor_id', 'invoice_key', 'line_key', 'exclusive'], {
      unique: true,
      name: 'uq_rebate_consumption_exclusive',
    });
    await qi.addIndex('rebate_consumptions', ['rebate_period_id'], { name: 'rebate_consumptions_period' });
    if (sequelize.getDialect() === 'sqlite') {
      await rebuildWithExactMoney(sequelize, 'rebate_periods', ['total_revenue', 'calculated_amount', 'amount']);
      await rebuildWithExactMoney(sequelize, 'rebate_consumptions', ['amount']);
    }
  },
};
