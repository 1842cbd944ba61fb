/**
 * A job worker: runs POS imports, claim files and claim runs from the Redis queue (BullMQ), any
 * number of them beside the server (`npm run worker`). It needs REDIS_URL, the server's
 * DATABASE_URL and a view of the server's UPLOAD_DIR. A worker that dies mid-job (even SIGKILL)
 * loses nothing: another worker takes the job up once its lock has lapsed (docs/jobs.md).
 */
import { openDatabase } from '../models/database.js';
import { databasePoolSize, loadConfig } from './config.js';
import { tellConnectionRoom } from './database.repository.js';
import { useJobEvents } from './jobs/job-events.js';
import { createJobs } from './jobs/runtime.js';
import { notificationsSettled, startNotifications } from './notifications/runtime.js';
import { startRoutingSchedule } from './requests/routing.service.js';
import { startEdiTransports } from './edi/transports.js';

const config = loadConfig();
if (!config.redisUrl) {
  console.error('REDIS_URL is not set: a worker takes its jobs from Redis (without it, `npm start` runs them in the server)');
  process.exit(2);
}
const poolMax = databasePoolSize(config);
const db = await openDatabase(config.databaseUrl, { poolMax });
await db.migrate();
// MariaDB: how many processes of this pool size its max_connections takes (a warning below two).
await tellConnectionRoom(poolMax);
const jobs = createJobs(config, { worker: true });
// The jobs' progress, told to the server processes (an import's event stream there follows it).
const closeJobEvents = useJobEvents({ redisUrl: config.redisUrl, prefix: config.queuePrefix, fallbackMs: config.jobEventsFallbackMs });
// Events the jobs raise (an import finished) are told from here; the daily digest runs here.
startNotifications(config, jobs.queue, { runsJobs: true });
startRoutingSchedule();
// The inbound EDI folder (EDI_INBOUND_DIR) is watched where jobs run; e-mail intake is the server's.
startEdiTransports(config, jobs, { runsJobs: true, mail: false });
console.log(
  `BEC worker ${process.pid} taking jobs (queue prefix ${config.queuePrefix}, ${db.dialect}, ${config.workerConcurrency} at a time)`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the jobs running, then closing`);
    // A job still running when the time is up is taken up again by another worker (its lock lapses).
    setTimeout(() => process.exit(1), 60_000).unref();
    void jobs
      .close()
      // the events the last jobs raised (an import finished) are handled before the database closes
      .then(() => notificationsSettled())
      .then(() => closeJobEvents())
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}
