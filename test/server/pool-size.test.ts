/** The MariaDB pool of a server or worker process: room for requests and for each job it runs at once. */
import { databasePoolSize, loadConfig } from '../../server/config.js';

describe('databasePoolSize', () => {
  it('grows with WORKER_CONCURRENCY: ten for requests, six for each bulk run at once', () => {
    expect(databasePoolSize(loadConfig({}))).toBe(22);
    expect(databasePoolSize(loadConfig({ WORKER_CONCURRENCY: '8' }))).toBe(58);
  });

  it('is DB_POOL_MAX when set, and refuses a pool too small to run anything', () => {
    expect(databasePoolSize(loadConfig({ DB_POOL_MAX: '40', WORKER_CONCURRENCY: '8' }))).toBe(40);
    expect(databasePoolSize(loadConfig({ DB_POOL_MAX: '' }))).toBe(22);
    expect(() => loadConfig({ DB_POOL_MAX: '1' })).toThrow(/dbPoolMax/);
  });
});
