import { readFileSync, rmSync } from 'node:fs';
import { QueryTypes, type Sequelize } from 'sequelize';
import sqlite3 from 'sqlite3';
import { Money, MoneyFormatError, moneyFromDb, moneyToString } from '../../core/money.js';
import { writeRows, type Cell } from '../../models/bulk.js';
import { Product } from '../../models/catalog.js';
import { openDatabase } from '../../models/database.js';
import { masterDataSchema } from '../../models/migrations/20261204T1000-master-data.js';
import { programBuilderSchema } from '../../models/migrations/20261204T1300-program-builder.js';
import { salesforce2Schema } from '../../models/migrations/20261204T1500-salesforce-2.js';
import { rebatesSchema } from '../../models/migrations/20261205T1300-rebates.js';
import { financeSchema } from '../../models/migrations/20261206T1000-finance.js';
import { shipmentsSchema } from '../../models/migrations/20261207T1000-shipments.js';
import { consumptionReleasesSchema } from '../../models/migrations/20261208T1000-consumption-releases.js';
import { rebateTermsVersionsSchema } from '../../models/migrations/20261208T1100-rebate-terms-versions.js';
import { reportRollupsSchema } from '../../models/migrations/20261208T1200-report-rollups.js';
import { adjustersSchema } from '../../models/migrations/20261211T1000-adjusters.js';
import { auditViaSchema } from '../../models/migrations/20261211T1100-audit-via.js';
import { rebuildClaimFigures } from '../../models/claim-figures-sql.js';
import { MONEY_COLUMNS, moneyFromUnits, moneyToDb, moneyUnitsSql, sumMoneySql } from '../../models/money-sql.js';
import { claimTotals } from '../../server/claims/pos-claims.repository.js';
import { seedDemo } from '../../server/seed/demo.js';
import { describeDb, dialect, startTestApp, testDatabaseUrl, USERS, type TestApp } from '../support/harness.js';

const BIG = '12345678901234.5678';
const rows = <T extends object>(db: Sequelize, sql: string, replacements: unknown[] = []) =>
  db.query<T>(sql, { replacements, type: QueryTypes.SELECT });
const total = (values: string[]) => moneyToString(values.reduce((a, v) => a.plus(v), new Money(0)));
/** The driver's words when a statement is refused (Sequelize wraps SQLite's in a generic error). */
const refusal = (db: Sequelize, sql: string, replacements: unknown[] = []) =>
  db.query(sql, { replacements }).then(
    () => 'accepted',
    (e: { original?: Error; message: string }) => e.original?.message ?? e.message,
  );
const sqliteOnly = dialect === 'sqlite' ? it : it.skip;

/**
 * Money is exact on both dialects: DECIMAL(18,4) on MariaDB, canonical 4-decimal TEXT on SQLite
 * (where DECIMAL would be a float), summed as integer units of 1/10,000.
 */
describeDb('exact money', () => {
  let t: TestApp;
  let db: Sequelize;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db.sequelize;
  });
  afterAll(() => t.close());

  it('declares every money column DECIMAL(18,4) on MariaDB and checked TEXT on SQLite', async () => {
    for (const [table, columns] of Object.entries(MONEY_COLUMNS)) {
      if (dialect === 'sqlite') {
        const info = await rows<{ name: string; type: string }>(db, 'SELECT name, type FROM pragma_table_info(?)', [table]);
        const [{ sql }] = await rows<{ sql: string }>(db, `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [table]);
        for (const c of columns) {
          expect([table, c, info.find((x) => x.name === c)?.type]).toEqual([table, c, 'TEXT']);
          expect(sql).toContain(`ck_money_${table}_${c}`);
        }
      } else {
        const info = await rows<{ name: string; type: string }>(
          db,
          'SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
          [table],
        );
        for (const c of columns) expect([table, c, info.find((x) => x.name === c)?.type]).toEqual([table, c, 'decimal(18,4)']);
      }
    }
  });

  it(`round-trips ${BIG} through the models and the API`, async () => {
    const p = await Product.create({ vendorPartNumber: 'EXACT-1', description: 'exact money', family: null, listPrice: BIG });
    expect(moneyToString(moneyFromDb((await Product.findByPk(p.id))!.listPrice))).toBe(BIG);
    const negative = await Product.create({ vendorPartNumber: 'EXACT-2', description: 'exact money', family: null, listPrice: `-${BIG}` });
    expect(moneyToString(moneyFromDb((await Product.findByPk(negative.id))!.listPrice))).toBe(`-${BIG}`);

    const finance = await t.as(USERS.finance);
    const paid = ((await finance.get('/api/claims?pageSize=200')).body.items as { id: number; status: string }[]).find(
      (c) => c.status === 'paid',
    )!;
    await db.query('UPDATE claims SET approved_total = ? WHERE id = ?', { replacements: [BIG, paid.id] });
    const res = await finance.get(`/api/claims/${paid.id}`);
    expect(res.status).toBe(200);
    expect(res.body.approvedTotal).toBe(BIG);
  });

  it('sums many large amounts exactly: a claim of 400 lines, and the claims report', async () => {
    const [dist] = await rows<{ id: number }>(db, `SELECT id FROM accounts WHERE type = 'distributor' ORDER BY id LIMIT 1`);
    const [user] = await rows<{ id: number }>(db, 'SELECT id FROM users ORDER BY id LIMIT 1');
    const now = new Date();
    await db.query(
      `INSERT INTO claims (number, distributor_id, type, status, currency, claimed_total, computed_total, approved_total, created_by_user_id, created_at, updated_at)
       VALUES ('EXACT-SUM', ?, 'explicit', 'draft', 'USD', '0.0000', '0.0000', '0.0000', ?, ?, ?)`,
      { replacements: [dist!.id, user!.id, now, now] },
    );
    const [claim] = await rows<{ id: number }>(db, `SELECT id FROM claims WHERE number = 'EXACT-SUM'`);
    // Amounts near 10^12 with every decimal used: as floats their sum would lose the last digits.
    // Some arrive as the bulk writer's callers may send them: fewer decimals, a number.
    const amounts: Cell[] = [];
    for (let i = 0; i < 400; i++)
      amounts.push(
        i % 50 === 7 ? '-0.5' : i % 50 === 8 ? 12.25 : i % 50 === 9 ? '7' : `${1000000000000 + i * 7919}.${String(1000 + i).slice(-4)}`,
      );
    const cells = amounts.map((a, i): Cell[] => [
      i + 1,
      `EXACT-${i}`,
      '1',
      `EXACT-${i}`,
      '1',
      '2026-11-23',
      1,
      '1.0000',
      a,
      a,
      1,
      a,
      'accepted',
      '[]',
    ]);
    const written = await writeRows(
      db,
      'claim_lines',
      [
        'line_number',
        'invoice_number',
        'invoice_line',
        'invoice_key',
        'line_key',
        'invoice_date',
        'quantity',
        'book_cost',
        'claimed_amount',
        'computed_amount',
        'accepted_quantity',
        'approved_amount',
        'verdict',
        'reason_codes',
      ],
      cells,
      { constants: { claim_id: claim!.id, distributor_id: dist!.id, created_at: now, updated_at: now } },
    );
    expect(written).toBe(400);
    const expected = total(amounts.map((a) => String(a)));
    expect(expected).toMatch(/^3\d{14}\.\d{4}$/);
    // What a float would make of it: not the same amount.
    expect(amounts.reduce<number>((a, v) => a + Number(v), 0).toFixed(4)).not.toBe(expected);
    const totals = await claimTotals(claim!.id);
    expect(totals).toMatchObject({ lines: 400, claimedTotal: expected, computedTotal: expected, approvedTotal: expected });
    // Each line as stored, read back one by one, adds up to the same.
    const stored = await rows<{ a: string }>(db, 'SELECT approved_amount AS a FROM claim_lines WHERE claim_id = ?', [claim!.id]);
    expect(total(stored.map((r) => moneyToString(moneyFromDb(r.a))))).toBe(expected);

    // The claims report over large paid claims equals the exact sum of the claims it lists.
    const finance = await t.as(USERS.finance);
    const list = () =>
      finance
        .get('/api/claims?pageSize=200')
        .then((r) => r.body.items as { id: number; status: string; currency: string; approvedTotal: string }[]);
    const paid = (await list()).filter((c) => c.status === 'paid' && c.currency.toUpperCase() === 'USD');
    expect(paid.length).toBeGreaterThan(0);
    for (const [i, c] of paid.entries())
      await db.query('UPDATE claims SET approved_total = ? WHERE id = ?', { replacements: [`${98765432109 + i}.${9876 - i}`, c.id] });
    // Written behind the product's back: the report figures kept as claims move are made again from the claims.
    await rebuildClaimFigures(db);
    const after = (await list()).filter((c) => c.status === 'paid' && c.currency.toUpperCase() === 'USD');
    // (The claims report: the accruals' liability follows the journal, which this write went around.)
    const res = await finance.get('/api/reports/claims?groupBy=programType&currency=USD');
    expect(res.status).toBe(200);
    expect(total((res.body.items as { paid: string }[]).map((r) => r.paid))).toBe(total(after.map((c) => c.approvedTotal)));
  });

  it('sums, compares and orders in SQL by value through the helper, whatever the stored text', async () => {
    const values = ['9.0000', '10.0000', '-3.0000', '0.0000', '-0.0001', BIG];
    const placeholders = values.map(() => 'SELECT ? AS v').join(' UNION ALL ');
    const sub = dialect === 'sqlite' ? `(${placeholders})` : `(SELECT CAST(v AS DECIMAL(18,4)) AS v FROM (${placeholders}) s)`;
    const units = moneyUnitsSql(db, 'x.v');
    const [r] = await rows<{ total: unknown; above: number }>(
      db,
      `SELECT ${sumMoneySql(db, 'x.v')} AS total, SUM(CASE WHEN ${units} > ${moneyUnitsSql(db, "'9.5000'")} THEN 1 ELSE 0 END) AS above FROM ${sub} x`,
      values,
    );
    expect(moneyFromUnits(r!.total)).toBe(total(values));
    expect(Number(r!.above)).toBe(2); // 10 and BIG: not '9.0000' > '10.0000' as text
    const ordered = await rows<{ v: string }>(db, `SELECT x.v AS v FROM ${sub} x ORDER BY ${units}`, values);
    expect(ordered.map((o) => moneyToString(moneyFromDb(o.v)))).toEqual(['-3.0000', '-0.0001', '0.0000', '9.0000', '10.0000', BIG]);
  });

  it('writes amounts in the canonical stored form, and refuses what is not an amount', () => {
    const cases: [unknown, string][] = [
      ['12.5', '12.5000'],
      ['7', '7.0000'],
      ['-0', '0.0000'],
      ['007.10', '7.1000'],
      ['-12.', '-12.0000'],
      [12.25, '12.2500'],
      [0.1, '0.1000'],
      ['1.00005', '1.0001'], // more than 4 decimals: half-up, as DECIMAL(18,4) does
      [new Money('-3.14159'), '-3.1416'],
      [BIG, BIG],
    ];
    for (const [input, stored] of cases) expect([input, moneyToDb(input)]).toEqual([input, stored]);
    for (const bad of ['abc', '', '100000000000000', '99999999999999.99995', Number.NaN, Infinity, null, {}])
      expect(() => moneyToDb(bad)).toThrow(MoneyFormatError);
  });

  sqliteOnly('refuses on SQLite what could not be summed exactly, and accepts the 0 of `SET amount = 0`', async () => {
    const [line] = await rows<{ id: number }>(db, 'SELECT id FROM claim_lines ORDER BY id LIMIT 1');
    for (const bad of [12.5, '12.5', '1e3', 'abc', '', '123456789012345.0000', '1.00001', '--1.0000', '1-2.0000', 1])
      expect([bad, await refusal(db, 'UPDATE claim_lines SET approved_amount = ? WHERE id = ?', [bad, line!.id])]).toEqual([
        bad,
        expect.stringMatching(/CHECK constraint failed: ck_money_claim_lines_approved_amount/),
      ]);
    await db.query('UPDATE claim_lines SET computed_amount = 0, approved_amount = 0 WHERE id = ?', { replacements: [line!.id] });
    const [r] = await rows<{ a: string; s: unknown }>(
      db,
      `SELECT approved_amount AS a, ${sumMoneySql(db, 'approved_amount')} AS s FROM claim_lines WHERE id = ?`,
      [line!.id],
    );
    expect([moneyToString(moneyFromDb(r!.a)), moneyFromUnits(r!.s)]).toEqual(['0.0000', '0.0000']);
  });
});

interface Snapshot {
  money: Record<string, (string | null)[]>;
  counts: Record<string, number>;
  foreignKeys: Record<string, unknown[]>;
  dependents: string[];
  sequences: Record<string, number>;
}

/**
 * An SQLite database made before money was TEXT (the schema of the six earlier migrations, kept in
 * test/fixtures, filled by the demo seed through the application), migrated: every amount keeps
 * what the application read from the float, as text; foreign keys, indexes, triggers and
 * AUTOINCREMENT counters stay.
 */
describeDb('the exact-money migration of an SQLite database with REAL money', () => {
  const url = testDatabaseUrl();
  const file = url.slice('sqlite:'.length);
  afterAll(() => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  });

  const snapshot = async (db: Sequelize): Promise<Snapshot> => {
    const s: Snapshot = { money: {}, counts: {}, foreignKeys: {}, dependents: [], sequences: {} };
    for (const [table, columns] of Object.entries(MONEY_COLUMNS)) {
      for (const c of columns) {
        const values = await rows<{ v: string | number | null }>(db, `SELECT ${c} AS v FROM ${table} ORDER BY id`);
        s.money[`${table}.${c}`] = values.map((r) => (r.v === null ? null : moneyToString(moneyFromDb(r.v))));
      }
    }
    const tables = await rows<{ name: string }>(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
    for (const { name } of tables) {
      if (name !== 'bec_migrations') s.counts[name] = Number((await rows<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ${name}`))[0]!.n);
      s.foreignKeys[name] = await rows(db, `SELECT "table", "from", "to" FROM pragma_foreign_key_list(?) ORDER BY "from"`, [name]);
    }
    s.dependents = (await rows<{ sql: string }>(db, `SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL`))
      .map((r) => r.sql)
      .sort();
    // A table never written to has no counter, or one at 0 (an INSERT ... SELECT of no rows makes it).
    for (const r of await rows<{ name: string; seq: number }>(db, 'SELECT name, seq FROM sqlite_sequence WHERE seq > 0'))
      s.sequences[r.name] = r.seq;
    return s;
  };

  sqliteOnly('converts every amount without loss beyond the float, and keeps keys, indexes and triggers', async () => {
    const fixture = JSON.parse(readFileSync('test/fixtures/sqlite-schema-20261123.json', 'utf8')) as {
      migrations: string[];
      schema: string[];
    };
    // The old database, made by the old migrations' SQL.
    await new Promise<void>((resolve, reject) => {
      const raw = new sqlite3.Database(file, (err) => {
        if (err) return reject(err);
        const sql = [...fixture.schema, ...fixture.migrations.map((m) => `INSERT INTO bec_migrations (name) VALUES ('${m}')`)].join(';\n');
        raw.exec(sql, (e) => raw.close(() => (e ? reject(e) : resolve())));
      });
    });
    const old = await openDatabase(url);
    // The migrations between that schema and this one, bar exact money, so today's seed can fill it.
    await old.migrate('20261201T0950-returns-and-voids');
    // Today's seed decides requests through the requests service, which routes them and versions
    // their authorizations: their tables (a later migration, whose own money is exact) come first.
    const { routingVersionsSchema } = await import('../../models/migrations/20261204T1200-routing-versions.js');
    await routingVersionsSchema.up({ context: { queryInterface: old.sequelize.getQueryInterface(), sequelize: old.sequelize } });
    await old.sequelize.query(`INSERT INTO bec_migrations (name) VALUES ('${routingVersionsSchema.name}')`);
    // Today's seed also writes what a later migration added (program versions): that one first,
    // recorded as done, so the rest run in their order afterwards (the rebuild keeps its columns).
    await programBuilderSchema.up({ context: { queryInterface: old.sequelize.getQueryInterface(), sequelize: old.sequelize } });
    await old.sequelize.query('INSERT INTO bec_migrations (name) VALUES (?)', { replacements: [programBuilderSchema.name] });
    // And the columns today's models write that later migrations added: master data (a product's
    // currency), the Salesforce round two (an authorization's closed-lost date), and the rebates'
    // tables (the demo's rebate programs; a claim reads the sales rebates hold; the shipments a sell-in program counts;
    // who adjusted a claim, read when it is authorized; the audit's via column).
    for (const later of [
      masterDataSchema,
      salesforce2Schema,
      rebatesSchema,
      financeSchema,
      shipmentsSchema,
      consumptionReleasesSchema,
      rebateTermsVersionsSchema,
      reportRollupsSchema,
      adjustersSchema,
      auditViaSchema,
    ]) {
      await later.up({ context: { queryInterface: old.sequelize.getQueryInterface(), sequelize: old.sequelize } });
      await old.sequelize.query('INSERT INTO bec_migrations (name) VALUES (?)', { replacements: [later.name] });
    }
    expect(await seedDemo()).toBe(true);
    // Amounts as the old columns kept them: floats (an exact text is turned into one by NUMERIC affinity).
    await old.sequelize.query(`UPDATE products SET list_price = ? WHERE id = (SELECT MIN(id) FROM products)`, { replacements: [BIG] });
    await old.sequelize.query(`UPDATE products SET list_price = 98765432109.8765 WHERE id = (SELECT MAX(id) FROM products)`);
    await old.sequelize.query(`UPDATE claims SET approved_total = 0.1 WHERE id = (SELECT MIN(id) FROM claims)`);
    const [kinds] = await rows<{ big: string; small: string }>(
      old.sequelize,
      `SELECT (SELECT typeof(list_price) FROM products ORDER BY id LIMIT 1) AS big, (SELECT typeof(approved_total) FROM claims ORDER BY id LIMIT 1) AS small`,
    );
    expect(kinds).toEqual({ big: 'real', small: 'real' });
    // A row deleted at the end: the AUTOINCREMENT counter is above the largest id, and must stay so.
    await old.sequelize.query(`DELETE FROM notes WHERE id = (SELECT MAX(id) FROM notes)`);
    const before = await snapshot(old.sequelize);
    expect(before.money['products.list_price']![0]).toBe('12345678901234.5680'); // what the float had kept
    expect(before.money['products.list_price']!.at(-1)).toBe('98765432109.8765');
    expect(Object.values(before.foreignKeys).flat().length).toBeGreaterThan(20);
    // The ledger's consumed quantity, two on the audit trail, and the canonical POS key's six.
    expect(before.dependents.filter((d) => d.startsWith('CREATE TRIGGER'))).toHaveLength(9);
    await old.close();

    // Exact money alone first: the snapshot after it equals the one before (later migrations add their own tables).
    const mid = await openDatabase(url);
    await mid.migrate('20261201T1000-exact-money-sqlite');
    const after = await snapshot(mid.sequelize);
    await mid.close();
    expect(after).toEqual(before);
    const t = await startTestApp({ url, seed: false });
    try {
      const db = t.db.sequelize;
      for (const [table, columns] of Object.entries(MONEY_COLUMNS))
        for (const c of columns) {
          const kinds = await rows<{ k: string }>(db, `SELECT DISTINCT typeof(${c}) AS k FROM ${table} WHERE ${c} IS NOT NULL`);
          expect([table, c, kinds.map((k) => k.k).filter((k) => k !== 'text')]).toEqual([table, c, []]);
        }
      expect(await rows(db, 'PRAGMA foreign_key_check')).toEqual([]);
      const [fk] = await rows<{ foreign_keys: number }>(db, 'PRAGMA foreign_keys');
      expect(Number(fk!.foreign_keys)).toBe(1);
      // The keys, the CHECKs and the triggers act.
      const [line] = await rows<{ id: number }>(db, 'SELECT id FROM claim_lines ORDER BY id LIMIT 1');
      expect(await refusal(db, 'UPDATE claim_lines SET claim_id = 999999 WHERE id = ?', [line!.id])).toMatch(
        /FOREIGN KEY constraint failed/,
      );
      expect(await refusal(db, 'UPDATE claim_lines SET approved_amount = 1.5 WHERE id = ?', [line!.id])).toMatch(/CHECK constraint failed/);
      expect(await refusal(db, "UPDATE audit_events SET action = 'forged'")).toMatch(/append-only/);
      expect(await refusal(db, 'UPDATE authorization_lines SET consumed_quantity = approved_quantity + 1')).toMatch(/consumed quantity/);
      // The application reads the converted amounts, and its sums over them are exact. (The report
      // figures' migration ran above before the seed, out of its order: made again from the converted
      // claims, as it would have made them after this migration.)
      await rebuildClaimFigures(db);
      const finance = await t.as(USERS.finance);
      const claims = (await finance.get('/api/claims?pageSize=200')).body.items as {
        status: string;
        currency: string;
        approvedTotal: string;
      }[];
      // The claims report (made by the migrations from the claims; the accruals' liability follows the
      // journal, which the old database's float write above went around).
      const res = await finance.get('/api/reports/claims?groupBy=programType');
      const items = res.body.items as { currency: string; paid: string }[];
      expect(items.length).toBeGreaterThan(0);
      for (const currency of new Set(items.map((r) => r.currency)))
        expect(total(items.filter((r) => r.currency === currency).map((r) => r.paid))).toBe(
          total(claims.filter((c) => c.status === 'paid' && c.currency.toUpperCase() === currency).map((c) => c.approvedTotal)),
        );
      const [migrated] = await rows<{ n: number }>(
        db,
        `SELECT COUNT(*) AS n FROM bec_migrations WHERE name = '20261201T1000-exact-money-sqlite'`,
      );
      expect(Number(migrated!.n)).toBe(1);
    } finally {
      // The whole app: its jobs and schedules stop before its database closes.
      await t.close();
    }
  });

  it('is recorded and changes nothing on MariaDB, or nothing more on an SQLite database already exact', async () => {
    const t = await startTestApp({ seed: false });
    try {
      const db = t.db.sequelize;
      const schema = async () =>
        dialect === 'sqlite'
          ? (await rows<{ sql: string }>(db, `SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name`)).map((r) => r.sql)
          : await rows(
              db,
              'SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1, 2',
            );
      const first = await schema();
      // Run again, as on a database migrated before: the tables are already exact.
      const { exactMoneySqliteSchema } = await import('../../models/migrations/20261201T1000-exact-money-sqlite.js');
      await exactMoneySqliteSchema.up({ context: { queryInterface: db.getQueryInterface(), sequelize: db } });
      expect(await schema()).toEqual(first);
      const [migrated] = await rows<{ n: number }>(
        db,
        `SELECT COUNT(*) AS n FROM bec_migrations WHERE name = '20261201T1000-exact-money-sqlite'`,
      );
      expect(Number(migrated!.n)).toBe(1);
    } finally {
      await t.close();
    }
  });
});
