import { DataTypes } from 'sequelize';
import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * Exchange rates (issue 16 part 3): one rate per currency pair and effective day, the ONE source
 * of every conversion to the base currency (docs/analytics.md). `rate` is exact: DECIMAL(24,10) on
 * MariaDB, canonical decimal text on SQLite (which has no exact decimal type); it is never used in
 * SQL arithmetic, so no units trick is needed. A figure converts at the latest rate of its pair on
 * or before its date; a pair with no such rate is said, never guessed.
 */
export const fxRatesSchema: Migration = {
  name: '20261206T1100-fx-rates',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.createTable('fx_rates', {
      id: col.id(),
      from_currency: col.str(3),
      to_currency: col.str(3),
      effective_date: col.day(),
      rate: { type: sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.DECIMAL(24, 10), allowNull: false },
      source: col.str(10),
      updated_by_user_id: { ...col.ref(), references: { model: 'users', key: 'id' } },
      created_at: col.instant(),
      updated_at: col.instant(),
    });
    await qi.addIndex('fx_rates', ['from_currency', 'to_currency', 'effective_date'], { unique: true, name: 'uq_fx_rate' });
  },
};
