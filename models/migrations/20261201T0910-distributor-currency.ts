import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * Each distributor has a currency: its book costs, its authorizations and its claims are in it,
 * and a claim in another is refused until conversion exists. Existing distributors take the
 * vendor's book currency (BASE_CURRENCY, USD when unset), which is what their figures were in.
 *
 * A claim rejected whole no longer holds its debit memo number: `debit_memo_key` is the number
 * while the claim stands and NULL once it is rejected, and the unique key moves to it, so the
 * distributor can send the corrected claim under the same number.
 */
export const distributorCurrencySchema: Migration = {
  name: '20261201T0910-distributor-currency',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.addColumn('accounts', 'currency', col.str(3, true));
    const base = (process.env.BASE_CURRENCY ?? 'USD').trim().toUpperCase() || 'USD';
    await sequelize.query(`UPDATE accounts SET currency = ? WHERE type = 'distributor'`, { replacements: [base] });

    await qi.addColumn('claims', 'debit_memo_key', col.str(64, true));
    await sequelize.query(`UPDATE claims SET debit_memo_key = debit_memo_number WHERE status <> 'rejected'`);
    await qi.addIndex('claims', ['distributor_id', 'debit_memo_key'], { unique: true, name: 'uq_claim_debit_memo_key' });
    await qi.addIndex('claims', ['distributor_id', 'debit_memo_number'], { name: 'ix_claim_debit_memo' });
    await qi.removeIndex('claims', 'uq_claim_debit_memo');
  },
};
