/** Starts BEC: migrates the database, seeds the demo on an empty one, listens, shuts down gracefully. */
import { openDatabase } from '../models/database.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { startSalesforce } from './integrations/salesforce.startup.js';
import { seedDemo } from './seed/demo.js';

const config = loadConfig();
const db = await openDatabase(config.databaseUrl);
await db.migrate();
if (config.seedDemo) {
  const seeded = await seedDemo();
  if (seeded) console.log('seeded the demo data (users in README.md)');
}
const server = createApp({ config, db }).listen(config.port, config.host, () => {
  console.log(
    `BEC listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${db.dialect}; HOST=${config.host})`,
  );
});
await startSalesforce(config);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    server.close(() => void db.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(1), 10_000).unref();
  });
}
