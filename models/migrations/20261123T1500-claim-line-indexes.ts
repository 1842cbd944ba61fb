import { QueryTypes } from 'sequelize';
import type { Migration } from './types.js';

/**
 * `claim_lines` is the table written a million rows at a time, and every secondary index is
 * written with every row: with all nine indexes a bulk load of claim lines took twice as long as
 * with the primary key alone. Four of them existed only because InnoDB indexes every foreign
 * key, and no query looks claim lines up by those columns:
 *
 * - `distributor_id` copies the claim's own distributor (the claim's foreign key holds it);
 * - `product_id` and `end_customer_id` are what the rules engine resolved from the catalogue
 *   and the authorization, written by the service from rows it read in the same run;
 * - `adjusted_by_user_id` names the finance user of an adjustment (the audit trail keeps who too).
 *
 * Their foreign keys and indexes go (MariaDB). The columns stay. The keys that protect the money
 * stay: the claim, the authorization line, the line a resubmission corrects, the POS line, and
 * (claim, line number) unique. SQLite builds no index for a foreign key and its table would have
 * to be rebuilt to drop one: it keeps them.
 */
export const claimLineIndexesSchema: Migration = {
  name: '20261123T1500-claim-line-indexes',
  async up({ context: { sequelize } }) {
    if (sequelize.getDialect() !== 'mysql') return;
    const columns = ['distributor_id', 'product_id', 'end_customer_id', 'adjusted_by_user_id'];
    const keys = await sequelize.query<{ name: string; column: string }>(
      `SELECT CONSTRAINT_NAME AS name, COLUMN_NAME AS \`column\` FROM information_schema.KEY_COLUMN_USAGE
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'claim_lines' AND REFERENCED_TABLE_NAME IS NOT NULL
          AND COLUMN_NAME IN (${columns.map(() => '?').join(',')})`,
      { replacements: columns, type: QueryTypes.SELECT },
    );
    for (const k of keys) await sequelize.query(`ALTER TABLE claim_lines DROP FOREIGN KEY \`${k.name}\``);
    const indexes = await sequelize.query<{ name: string }>(
      `SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'claim_lines' AND SEQ_IN_INDEX = 1
          AND COLUMN_NAME IN (${columns.map(() => '?').join(',')})
          AND INDEX_NAME NOT IN (SELECT INDEX_NAME FROM information_schema.STATISTICS
                                  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'claim_lines' AND SEQ_IN_INDEX = 2)`,
      { replacements: columns, type: QueryTypes.SELECT },
    );
    for (const i of indexes) await sequelize.query(`ALTER TABLE claim_lines DROP INDEX \`${i.name}\``);
  },
};
