/**
 * MariaDB's max_connections against the per-process pool (server/database.repository.ts
 * `connectionRoom`, what the server and the worker tell at start): the room is counted from the
 * server's own setting, and a pool that leaves room for fewer than two processes is warned about.
 */
import { QueryTypes } from 'sequelize';
import { connectionRoom } from '../../server/database.repository.js';
import { describeDb, dialect, startTestApp, type TestApp } from '../support/harness.js';

describeDb('the MariaDB connections a pool leaves room for', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('counts the processes of a pool size the server takes, and warns below two (nothing to count on SQLite)', async () => {
    if (dialect === 'sqlite') {
      expect(await connectionRoom(22)).toBeNull();
      return;
    }
    const [r] = (await t.db.sequelize.query('SELECT @@max_connections AS m', { type: QueryTypes.SELECT })) as { m: number }[];
    const serverMax = Number(r!.m);
    expect(await connectionRoom(22)).toEqual({
      serverMax,
      processes: Math.floor(serverMax / 22),
      warning: Math.floor(serverMax / 22) < 2 ? expect.any(String) : null,
    });
    const tight = await connectionRoom(serverMax);
    expect(tight).toMatchObject({ serverMax, processes: 1 });
    expect(tight!.warning).toMatch(/max_connections.*DB_POOL_MAX.*room for 1 such process/);
  });
});
