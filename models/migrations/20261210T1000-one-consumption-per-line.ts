import { QueryTypes } from 'sequelize';
import type { Migration } from './types.js';

/**
 * One consumption per claim line, kept by the database: a payable line holds exactly one
 * consumption (the ledger's promise), so `pos_consumptions.claim_line_id` is unique. Every path
 * that takes a sale (a submit's `takeMany`, a bulk run's `takeLines`, finance's raise) inserts one
 * row for a line that holds none; a path that broke this would now fail instead of paying a line
 * twice from one sale's counters. On MariaDB the unique index replaces the foreign key's own index
 * on the column; on SQLite, where the foreign key had none, it is the first (the ledger reads
 * consumptions by claim line). A database that already breaks the promise is refused with the
 * count (`npm run check:ledger` names the lines).
 */
export const oneConsumptionPerLineSchema: Migration = {
  name: '20261210T1000-one-consumption-per-line',
  async up({ context: { queryInterface: qi, sequelize } }) {
    const [dup] = (await sequelize.query(
      'SELECT COUNT(*) AS n FROM (SELECT claim_line_id FROM pos_consumptions GROUP BY claim_line_id HAVING COUNT(*) > 1) d',
      { type: QueryTypes.SELECT },
    )) as { n: number | string }[];
    if (Number(dup?.n ?? 0) > 0)
      throw new Error(
        `${dup!.n} claim lines hold more than one consumption: the ledger pays them twice; npm run check:ledger names them, fix them before this migration`,
      );
    await qi.addIndex('pos_consumptions', ['claim_line_id'], { unique: true, name: 'uq_pos_consumption_claim_line' });
    if (sequelize.getDialect() !== 'sqlite') {
      const indexes = (await sequelize.query(
        "SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'pos_consumptions' AND INDEX_NAME = 'claim_line_id'",
        { type: QueryTypes.SELECT },
      )) as { name: string }[];
      if (indexes.length) await qi.removeIndex('pos_consumptions', 'claim_line_id');
    }
  },
};
