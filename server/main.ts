/** Starts BEC: migrates the database, seeds the demo on an empty one, listens, shuts down gracefully. */
import { openDatabase } from '../models/database.js';
import { createApp } from './app.js';
import type { InFlight } from './http/in-flight.js';
import { rateLimitStoreFor } from './http/rate-limit-store.js';
import { databasePoolSize, loadConfig } from './config.js';
import { tellConnectionRoom } from './database.repository.js';
import { startSalesforce } from './integrations/salesforce.startup.js';
import { useJobEvents } from './jobs/job-events.js';
import { recoverJobs } from './jobs/processors.js';
import { notificationsSettled } from './notifications/runtime.js';
import { createJobs } from './jobs/runtime.js';
import { schedulePurges } from './purge.js';
import { stopRoutingSchedule } from './requests/routing.service.js';
import { seedDemo } from './seed/demo.js';
import { needsFirstAdmin, newSetupToken } from './users/setup.service.js';

const config = loadConfig();
const poolMax = databasePoolSize(config);
const db = await openDatabase(config.databaseUrl, { poolMax });
await db.migrate();
// MariaDB: how many processes of this pool size its max_connections takes (a warning below two).
await tellConnectionRoom(poolMax);
if (config.seedDemo) {
  const seeded = await seedDemo();
  if (seeded) console.log('seeded the demo data (users in README.md)');
}
// An empty database without the demo: the first admin is set up with a token (POST /api/setup).
if (!config.setupToken && (await needsFirstAdmin())) {
  config.setupToken = newSetupToken();
  console.log(`no users yet: set up the first admin with POST /api/setup and the token ${config.setupToken} (docs/admin.md "First admin")`);
}
// Jobs (imports, claim files, claim runs): in this process without REDIS_URL; with it, queued for
// `npm run worker` (and run here too with WORKER_IN_PROCESS=true).
const jobs = createJobs(config);
// A job's progress, told to every process (an import's event stream follows it from any of them).
const closeJobEvents = useJobEvents({ redisUrl: config.redisUrl, prefix: config.queuePrefix, fallbackMs: config.jobEventsFallbackMs });
// Rate-limit counters: on Redis with REDIS_URL, else in the database; shared by every process either way.
const rateLimitStore = rateLimitStoreFor(config);
const app = createApp({ config, db, jobs, rateLimitStore });
// Expired sessions, SAML requests, idempotency records, embed-token ids, rate-limit counters: now and on a schedule.
const purges = schedulePurges(config);
const server = app.listen(config.port, config.host, () => {
  const where = !config.redisUrl ? 'in this process' : config.workerInProcess ? 'on Redis, here and in workers' : 'on Redis, in workers';
  console.log(
    `BEC listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${db.dialect}; HOST=${config.host}; jobs ${where})`,
  );
});
// Jobs a stopped process left queued or running go on (once each: a job still in Redis is not doubled).
void recoverJobs(jobs.queue).then(
  (n) => n && console.log(`${n} unfinished job(s) queued again`),
  (err: unknown) => console.error('could not queue the unfinished jobs again', err),
);
await startSalesforce(config);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    purges.stop();
    stopRoutingSchedule();
    // No new connections; the requests being worked on finish (a client that went away does not
    // stop the claim it sent), then the events they raised are handled, then the database closes.
    server.close();
    server.closeIdleConnections();
    void (app.locals.inFlight as InFlight)
      .idle()
      .then(() => notificationsSettled())
      .then(() => jobs.close())
      .then(() => notificationsSettled())
      .then(() => rateLimitStore.close())
      .then(() => closeJobEvents())
      .then(() => db.close())
      .then(() => process.exit(0));
    setTimeout(() => process.exit(1), 10_000).unref();
  });
}
