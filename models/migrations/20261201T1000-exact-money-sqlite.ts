import { QueryTypes, type Sequelize } from 'sequelize';
import { MONEY_COLUMNS, moneyCheckName, moneyCheckSql, moneyToDb } from '../money-sql.js';
import type { Migration } from './types.js';

/**
 * Exact money on SQLite. A DECIMAL(18,4) column has NUMERIC affinity there and keeps a binary
 * float: 12345678901234.5678 came back as 12345678901234.568. Money columns become TEXT holding
 * canonical 4-decimal strings, with a CHECK on each (models/money-sql.ts), so sums and
 * comparisons can work on exact integer units.
 *
 * SQLite cannot change a column's type, so each table with money columns is rebuilt (the
 * procedure of https://www.sqlite.org/lang_altertable.html#otheralter): a new table from the
 * table's own CREATE statement with the money columns retyped and checked, the rows copied with
 * each amount as the text the application read before (a float already rounded is not made
 * more exact, only kept), the old table dropped, the new one renamed, its indexes and triggers
 * made again and its AUTOINCREMENT counter kept. Foreign keys are off meanwhile, and checked with
 * `PRAGMA foreign_key_check` before the commit. A fresh database's TEXT tables get their CHECKs
 * the same way. MariaDB keeps DECIMAL(18,4): nothing to do.
 */
export const exactMoneySqliteSchema: Migration = {
  name: '20261201T1000-exact-money-sqlite',
  async up({ context: { sequelize } }) {
    if (sequelize.getDialect() !== 'sqlite') return;
    // PRAGMA foreign_keys is a no-op inside a transaction: set it first, on the same connection
    // (statements without a Sequelize transaction all run on SQLite's one default connection).
    await sequelize.query('PRAGMA foreign_keys = OFF');
    try {
      await sequelize.query('BEGIN IMMEDIATE');
      try {
        for (const [table, columns] of Object.entries(MONEY_COLUMNS)) await rebuildWithExactMoney(sequelize, table, columns);
        const broken = await sequelize.query('PRAGMA foreign_key_check', { type: QueryTypes.SELECT });
        if (broken.length) throw new Error(`exact money: ${broken.length} rows break a foreign key: ${JSON.stringify(broken.slice(0, 5))}`);
        await sequelize.query('COMMIT');
      } catch (err) {
        await sequelize.query('ROLLBACK');
        throw err;
      }
    } finally {
      await sequelize.query('PRAGMA foreign_keys = ON');
    }
  },
};

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rebuilds one SQLite table so its money columns are TEXT with the money CHECK, converting what
 * they hold; does nothing when they already are. The caller runs it with foreign keys off, inside
 * a transaction. A later migration that creates a table with `col.money()` calls it too.
 */
export async function rebuildWithExactMoney(db: Sequelize, table: string, money: readonly string[]): Promise<void> {
  const select = <T extends object>(sql: string, replacements: unknown[] = []) =>
    db.query<T>(sql, { replacements, type: QueryTypes.SELECT });
  const [master] = await select<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [table]);
  if (!master) return;
  const info = await select<{ name: string; type: string; pk: number }>(`SELECT name, type, pk FROM pragma_table_info(?)`, [table]);
  const names = info.map((c) => c.name);
  for (const c of money) if (!names.includes(c)) throw new Error(`exact money: ${table} has no column ${c}`);
  const id = info.find((c) => c.pk === 1 && c.type.toUpperCase() === 'INTEGER' && info.filter((x) => x.pk > 0).length === 1);
  if (!id) throw new Error(`exact money: ${table} has no INTEGER PRIMARY KEY`);
  const hasCheck = (c: string) => master.sql.includes(quote(moneyCheckName(table, c)));
  if (money.every((c) => info.find((x) => x.name === c)!.type.toUpperCase() === 'TEXT' && hasCheck(c))) return;

  // The new table: the same CREATE statement, the money columns TEXT, one CHECK each.
  const temp = `${table}__exact_money`;
  let sql = master.sql.replace(/^CREATE TABLE\s+(`[^`]+`|"[^"]+"|\S+)/i, `CREATE TABLE ${quote(temp)}`);
  for (const c of money) {
    const definition = new RegExp(
      `(\`${escapeRegExp(c)}\`|"${escapeRegExp(c)}")\\s+[A-Za-z]+(\\s*\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?`,
      'g',
    );
    const found = sql.match(definition)?.length ?? 0;
    if (found !== 1) throw new Error(`exact money: cannot find the definition of ${table}.${c} in ${master.sql}`);
    sql = sql.replace(definition, `${quote(c)} TEXT`);
  }
  const checks = money
    .filter((c) => !hasCheck(c))
    .map((c) => `, CONSTRAINT ${quote(moneyCheckName(table, c))} CHECK (${moneyCheckSql(c)})`);
  if (!/\)\s*$/.test(sql)) throw new Error(`exact money: unexpected CREATE statement for ${table}: ${master.sql}`);
  sql = sql.replace(/\)\s*$/, `${checks.join('')})`);

  const dependents = await select<{ sql: string }>(
    `SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid`,
    [table],
  );
  const [sequence] = await select<{ seq: number }>(`SELECT seq FROM sqlite_sequence WHERE name = ?`, [table]).catch(() => []);

  // Amounts SQL renders exactly are copied by SQL: a float below 10^11 that is a 4-decimal amount
  // (it equals its own '%.4f' text) has those decimals exact within its 15 significant digits, so
  // '%.4f' prints what the application read. The others (larger floats, more decimals, text not
  // in the stored form) get a placeholder here and their value from JavaScript below, converted
  // the way moneyFromDb read them.
  const numberInSql = (q: string) =>
    `typeof(${q}) IN ('integer', 'real') AND abs(${q}) < 1e11 AND CAST(printf('%.4f', ${q}) AS REAL) = ${q}`;
  const textAsIs = (c: string) => `typeof(${quote(c)}) = 'text' AND (${moneyCheckSql(c)})`;
  const exactInSql = (c: string) => `(${quote(c)} IS NULL OR (${numberInSql(quote(c))}) OR (${textAsIs(c)}))`;
  const copied = (c: string) => {
    const q = quote(c);
    if (!money.includes(c)) return q;
    // + 0.0: a negative zero prints as 0.0000.
    return `CASE WHEN ${q} IS NULL THEN NULL WHEN ${textAsIs(c)} THEN ${q}
                 WHEN ${numberInSql(q)} THEN printf('%.4f', ${q} + 0.0) ELSE '0.0000' END`;
  };
  await db.query(sql);
  const list = names.map(quote).join(', ');
  await db.query(`INSERT INTO ${quote(temp)} (${list}) SELECT ${names.map(copied).join(', ')} FROM ${quote(table)}`);
  for (const c of money) {
    const rows = await select<{ id: number; v: unknown }>(
      `SELECT ${quote(id.name)} AS id, ${quote(c)} AS v FROM ${quote(table)} WHERE NOT ${exactInSql(c)}`,
    );
    for (const r of rows) {
      let value: string;
      try {
        value = moneyToDb(r.v);
      } catch (err) {
        throw new Error(`exact money: ${table}.${c} of row ${r.id} holds ${String(r.v)}: ${(err as Error).message}`);
      }
      await db.query(`UPDATE ${quote(temp)} SET ${quote(c)} = ? WHERE ${quote(id.name)} = ?`, { replacements: [value, r.id] });
    }
  }
  const [before] = await select<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`);
  const [after] = await select<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quote(temp)}`);
  if (Number(before!.n) !== Number(after!.n)) throw new Error(`exact money: ${table} had ${before!.n} rows, its copy ${after!.n}`);

  await db.query(`DROP TABLE ${quote(table)}`);
  await db.query(`ALTER TABLE ${quote(temp)} RENAME TO ${quote(table)}`);
  for (const d of dependents) await db.query(d.sql);
  if (sequence) {
    await db.query(`UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?`, { replacements: [sequence.seq, table] });
    await db.query(`INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)`, {
      replacements: [table, sequence.seq, table],
    });
  }
}
