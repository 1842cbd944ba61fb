import { QueryTypes } from 'sequelize';
import type { Migration } from './types.js';

/** The one collation of every text column on MariaDB: binary, as SQLite compares and the code computes. */
export const BINARY_COLLATION = 'utf8mb4_bin';

/**
 * Every table compares text binary on MariaDB, whatever the database was created with. The product
 * creates its database with `utf8mb4_bin` (models/database.ts), but a database an operator made
 * beforehand takes the server's default, often `utf8mb4_general_ci` or `utf8mb4_unicode_ci`: there
 * the ledger's keys compared case- and accent-insensitively, so the sales `MÜLLER-1` and `MULLER-1`
 * of one distributor were one sale to the unique keys of `pos_lines` (the second line was dropped
 * as a re-import) and of `pos_consumptions` (the second claim line was refused as already
 * claimed), while SQLite and the code (core/claims/pos-key.ts) keep them apart. The canonical key
 * already settles case and spacing; nothing else may fold.
 *
 * So the database's default becomes `utf8mb4_bin` (for the tables later migrations create) and
 * each table with a column of another collation is converted. A binary comparison is stricter
 * than any other, so no unique key can meet a new duplicate on the way. On a database the product
 * created, nothing is converted. SQLite compares binary already: nothing to do there.
 */
export const binaryCollationSchema: Migration = {
  name: '20261213T1000-binary-collation',
  async up({ context: { sequelize } }) {
    if (sequelize.getDialect() !== 'mysql') return;
    const [schema] = await sequelize.query<{ c: string }>(
      'SELECT DEFAULT_COLLATION_NAME AS c FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()',
      { type: QueryTypes.SELECT },
    );
    // Only when needed: a database the product created needs no ALTER privilege here.
    if (schema?.c !== BINARY_COLLATION) await sequelize.query(`ALTER DATABASE CHARACTER SET utf8mb4 COLLATE ${BINARY_COLLATION}`);
    const tables = await sequelize.query<{ name: string }>(
      `SELECT t.TABLE_NAME AS name FROM information_schema.TABLES t
        WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
          AND (t.TABLE_COLLATION <> :bin OR EXISTS (
                SELECT 1 FROM information_schema.COLUMNS c
                 WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
                   AND c.COLLATION_NAME IS NOT NULL AND c.COLLATION_NAME <> :bin))
        ORDER BY t.TABLE_NAME`,
      { replacements: { bin: BINARY_COLLATION }, type: QueryTypes.SELECT },
    );
    for (const { name } of tables)
      await sequelize.query(`ALTER TABLE \`${name.replace(/`/g, '')}\` CONVERT TO CHARACTER SET utf8mb4 COLLATE ${BINARY_COLLATION}`);
  },
};
