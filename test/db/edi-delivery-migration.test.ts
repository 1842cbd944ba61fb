/**
 * The EDI delivery migration on a database the earlier code ran on: an interchange acknowledged
 * twice (a job run again after a crash wrote a second 997, what the migration's unique index
 * prevents from then on) no longer stops the migration. The first acknowledgment stays the answer
 * to its interchange; the second stays, downloadable, without the control number it repeated.
 */
import { QueryTypes } from 'sequelize';
import { openDatabase, type Database } from '../../models/database.js';
import { describeDb, dropTestDatabase, testDatabaseUrl } from '../support/harness.js';

describeDb('EDI delivery: migration over acknowledgments written twice', () => {
  let db: Database;
  const url = testDatabaseUrl();
  beforeAll(async () => {
    db = await openDatabase(url, { poolMax: 2 });
    await db.migrate('20261206T1100-fx-rates');
  });
  afterAll(async () => {
    await db.close();
    await dropTestDatabase(url);
  });

  it('keeps the first acknowledgment as the answer and the second without its control number', async () => {
    const now = new Date();
    const [distributor] = (await db.sequelize.query(`SELECT id FROM accounts ORDER BY id LIMIT 1`, { type: QueryTypes.SELECT })) as {
      id: number;
    }[];
    let distributorId = distributor?.id;
    if (distributorId === undefined) {
      await db.sequelize.query(
        `INSERT INTO accounts (type, name, created_at, updated_at) VALUES ('distributor', 'EDI Migration Distributor', ?, ?)`,
        { replacements: [now, now] },
      );
      distributorId = (
        (await db.sequelize.query(`SELECT id FROM accounts ORDER BY id LIMIT 1`, { type: QueryTypes.SELECT })) as { id: number }[]
      )[0]!.id;
    }
    const insert = (importId: number | null, control: string | null, content: string) =>
      db.sequelize.query(
        `INSERT INTO edi_documents (distributor_id, kind, import_id, received_control, interchange_control, content, created_at, updated_at)
         VALUES (?, '997', ?, ?, 1, ?, ?, ?)`,
        { replacements: [distributorId, importId, control, content, now, now] },
      );
    await insert(7001, '000000101', 'first answer');
    await insert(7001, '000000101', 'second answer');
    await insert(7001, '000000102', 'another interchange');
    await insert(7002, '000000101', 'another import');
    await insert(null, null, 'no import');

    await db.migrate();

    const rows = (await db.sequelize.query(
      `SELECT import_id AS importId, received_control AS control, content FROM edi_documents
        WHERE content IN ('first answer', 'second answer', 'another interchange', 'another import', 'no import') ORDER BY id`,
      { type: QueryTypes.SELECT },
    )) as { importId: number | null; control: string | null; content: string }[];
    expect(rows.map((r) => ({ ...r, importId: r.importId === null ? null : Number(r.importId) }))).toEqual([
      { importId: 7001, control: '000000101', content: 'first answer' },
      { importId: 7001, control: null, content: 'second answer' },
      { importId: 7001, control: '000000102', content: 'another interchange' },
      { importId: 7002, control: '000000101', content: 'another import' },
      { importId: null, control: null, content: 'no import' },
    ]);
    // the index is there: the interchange cannot be acknowledged a second time now
    await expect(insert(7001, '000000101', 'third answer')).rejects.toThrow();
  });
});
