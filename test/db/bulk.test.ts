import { DataTypes, QueryTypes } from 'sequelize';
import { RowBatch, writeRows, type Cell } from '../../models/bulk.js';
import { describeDb, startTestApp, type TestApp } from '../support/harness.js';

/**
 * The bulk writer (LOAD DATA bytes on MariaDB, multi-row INSERT on SQLite): what goes in is what
 * comes back, cell for cell, whatever the text holds; constants land in every row; a duplicate
 * key is skipped and not counted.
 */
describeDb('bulk writes', () => {
  let t: TestApp;
  const table = 'bulk_probe';
  const columns = ['k', 'txt', 'n', 'amount', 'day', 'flag'];
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    const qi = t.db.sequelize.getQueryInterface();
    await qi.dropTable(table).catch(() => undefined);
    await qi.createTable(table, {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      k: { type: DataTypes.STRING(40), allowNull: false, unique: true },
      txt: { type: DataTypes.TEXT, allowNull: true },
      n: { type: DataTypes.BIGINT, allowNull: true },
      amount: { type: DataTypes.DECIMAL(18, 4), allowNull: true },
      day: { type: DataTypes.DATEONLY, allowNull: true },
      flag: { type: DataTypes.BOOLEAN, allowNull: true },
      batch: { type: DataTypes.INTEGER, allowNull: true },
      created_at: { type: DataTypes.DATE(3), allowNull: true },
    });
  });
  afterAll(() => t.close());

  const read = async (batch: number) =>
    (await t.db.sequelize.query(`SELECT k, txt, n, amount, day, flag, batch, created_at FROM ${table} WHERE batch = ? ORDER BY id`, {
      replacements: [batch],
      type: QueryTypes.SELECT,
    })) as Record<string, unknown>[];

  const awkward: Cell[][] = [
    ['a', 'tab\there, newline\nthere, return\r, backslash \\ and \\N', 0, '12.3400', '2026-11-23', true],
    ['b', 'Zürich — 東京 ✓ 😀 then a\ttab', 1234567890123, '-0.0001', null, false],
    ['c', null, null, null, null, null],
    ['d', '', -42, '123456789.1234', '2026-01-01', true],
    ['e', '\\', 7, '0.0000', '2026-02-28', false],
  ];

  it('writes rows from a RowBatch cell for cell, with the constants in every row', async () => {
    const rows = new RowBatch(t.db.sequelize, 16); // a tiny first buffer: it must grow
    const reused: Cell[] = [];
    for (const r of awkward) {
      r.forEach((v, i) => (reused[i] = v));
      rows.add(reused);
    }
    expect(rows.length).toBe(awkward.length);
    const at = new Date('2026-11-23T10:11:12.345Z');
    const written = await writeRows(t.db.sequelize, table, columns, rows, { constants: { batch: 1, created_at: at } });
    expect(written).toBe(awkward.length);
    const back = await read(1);
    expect(back.map((r) => r.k)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(back.map((r) => r.txt)).toEqual(awkward.map((r) => r[1]));
    expect(back.map((r) => (r.n === null ? null : Number(r.n)))).toEqual([0, 1234567890123, null, -42, 7]);
    expect(back.map((r) => (r.amount === null ? null : Number(r.amount).toFixed(4)))).toEqual([
      '12.3400',
      '-0.0001',
      null,
      '123456789.1234',
      '0.0000',
    ]);
    expect(back.map((r) => (r.day === null ? null : String(r.day).slice(0, 10)))).toEqual([
      '2026-11-23',
      null,
      null,
      '2026-01-01',
      '2026-02-28',
    ]);
    expect(back.map((r) => (r.flag === null ? null : Boolean(Number(r.flag))))).toEqual([true, false, null, true, false]);
    expect(back.every((r) => Number(r.batch) === 1)).toBe(true);
    const instant = (v: unknown) =>
      (v instanceof Date
        ? v
        : new Date(
            String(v)
              .replace(' ', 'T')
              .replace(/( \+00:00)?$/, 'Z'),
          )
      ).getTime();
    for (const r of back) expect(instant(r.created_at)).toBe(at.getTime());
  });

  it('writes plain arrays the same way, skips duplicate keys with ignore and counts only what went in', async () => {
    const rows: Cell[][] = [
      ['x1', 'first', 1, '1.0000', '2026-03-01', true],
      ['a', 'duplicate of a row already there', 2, '2.0000', '2026-03-02', false],
      ['x2', 'multi\nline', 3, '3.0000', null, null],
    ];
    const written = await writeRows(t.db.sequelize, table, columns, rows, { ignore: true, constants: { batch: 2 } });
    expect(written).toBe(2);
    const back = await read(2);
    expect(back.map((r) => [r.k, r.txt])).toEqual([
      ['x1', 'first'],
      ['x2', 'multi\nline'],
    ]);
    // The row already there is untouched.
    const [a] = (await t.db.sequelize.query(`SELECT txt, batch FROM ${table} WHERE k = 'a'`, { type: QueryTypes.SELECT })) as {
      txt: string;
      batch: number;
    }[];
    expect([a!.txt, Number(a!.batch)]).toEqual([awkward[0]![1], 1]);
  });
});
