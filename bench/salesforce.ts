/**
 * The Salesforce sync at scale (issue 18): a stand-in org with --accounts (100,000) Accounts,
 * --opportunities (200,000) Opportunities naming 90% of them, and --registrations (20,000) deal
 * registrations; the product's sync (server/integrations/salesforce.service.ts, the real jsforce
 * over HTTP) runs a first load (Bulk API 2.0 jobs) on an empty database, then an incremental run
 * after 1% of the opportunities changed, 1,000 were added and 200 Accounts were renamed. Prints
 * seconds, records per second and the API calls used against the org's limits, as JSON on the
 * last line.
 *   npx tsx bench/salesforce.ts [--accounts 100000 --opportunities 200000 --registrations 20000]
 *   (BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/bec_sf_bench for MariaDB; SQLite in a temp folder otherwise)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../models/database.js';
import { CrmAccount, CrmDealRegistration, CrmOpportunity } from '../models/crm.js';
import { useSalesforceSettings } from '../integrations/salesforce/settings.js';
import { SalesforceStandin } from '../integrations/salesforce/standin.js';
import { runSalesforceSync } from '../server/integrations/salesforce.service.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const ACCOUNTS = arg('accounts', 100_000);
const OPPORTUNITIES = arg('opportunities', 200_000);
const REGISTRATIONS = arg('registrations', 20_000);
/** The org's daily API request limit (an Enterprise org with about 90 licences). */
const DAILY_API_REQUESTS = arg('daily-api-requests', 100_000);

const STAGES = ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'];

async function main() {
  const dir = mkdtempSync(join(os.tmpdir(), 'bec-sf-bench-'));
  const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.sqlite')}`;
  const database = await openDatabase(url, { poolMax: 4 });
  await database.migrate();
  const sf = await SalesforceStandin.start({ bulkPollsBeforeComplete: 1 });
  try {
    // The org: 10% of the Accounts are named by nothing (the sync must not pull them).
    const accounts = Array.from({ length: ACCOUNTS }, (_, i) =>
      sf.insert('Account', { Name: `Account ${i}`, Industry: 'Manufacturing', BillingCountry: 'US', BEC_Account_Ref__c: `ERP-${i}` }),
    );
    const named = Math.floor(ACCOUNTS * 0.9);
    const opportunities = Array.from({ length: OPPORTUNITIES }, (_, i) =>
      sf.insert('Opportunity', {
        Name: `Opportunity ${i}`,
        AccountId: accounts[i % named].Id,
        StageName: STAGES[i % STAGES.length],
        Amount: ((i * 7919) % 1_000_000) / 100 + 1000,
        CloseDate: `2027-0${(i % 9) + 1}-15`,
      }),
    );
    const partners = accounts.slice(0, 3);
    for (let i = 0; i < REGISTRATIONS; i++) {
      sf.insert('Deal_Registration__c', {
        Name: `DR-${i}`,
        End_Customer__c: accounts[(i * 13) % named].Id,
        Distributor__c: partners[i % 3].Id,
        Opportunity__c: opportunities[i].Id,
        Status__c: 'Approved',
        Product_Codes__c: 'VS-MCU-32F4;VS-PMIC-45A',
        Expiration_Date__c: '2027-06-30',
      });
    }
    sf.setLimits({ DailyApiRequests: { Max: DAILY_API_REQUESTS, Remaining: DAILY_API_REQUESTS } });
    const settings = sf.settings({
      retry: { attempts: 5, baseDelayMs: 200 },
      bulk: { threshold: 10_000, pageSize: 50_000, pollIntervalMs: 250, pollTimeoutMs: 600_000 },
      limitReservePercent: 10,
    });
    useSalesforceSettings(settings);

    const measure = async (label: string) => {
      const calls = sf.apiCalls;
      const busy = sf.busyMs;
      const jobs = sf.limits.DailyBulkV2QueryJobs.Remaining;
      const started = process.hrtime.bigint();
      const run = await runSalesforceSync(null, 'manual');
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (run.status !== 'succeeded') throw new Error(`${label} sync ${run.status}: ${JSON.stringify(run.errors)}`);
      const objects = ['Opportunity', 'Deal_Registration__c', 'Account'];
      const fetched = objects.reduce((n, o) => n + (run.counts[o]?.fetched ?? 0), 0);
      const stored = objects.reduce((n, o) => n + (run.counts[o]?.created ?? 0) + (run.counts[o]?.updated ?? 0), 0);
      const result = {
        seconds: Math.round(seconds * 10) / 10,
        /** of which the stand-in org spent answering (its SOQL filtering, CSV writing) */
        standinSeconds: Math.round((sf.busyMs - busy) / 100) / 10,
        recordsFetched: fetched,
        recordsCreatedOrUpdated: stored,
        recordsPerSecond: Math.round(fetched / seconds),
        apiCalls: sf.apiCalls - calls,
        bulkJobs: jobs - sf.limits.DailyBulkV2QueryJobs.Remaining,
        limitsReads: run.counts.limits?.limitsReads ?? null,
        counts: Object.fromEntries(objects.map((o) => [o, run.counts[o]])),
      };
      process.stderr.write(`${label}: ${JSON.stringify(result)}\n`);
      return result;
    };

    const first = await measure('first load');
    const stored = {
      accounts: await CrmAccount.count(),
      opportunities: await CrmOpportunity.count(),
      dealRegistrations: await CrmDealRegistration.count(),
    };

    // A day in the org: 1% of the opportunities move, 1,000 new ones (some naming Accounts nothing named before), 200 Accounts renamed.
    for (let i = 0; i < OPPORTUNITIES / 100; i++) sf.update('Opportunity', opportunities[i * 97].Id, { StageName: 'Negotiation/Review' });
    for (let i = 0; i < 1000; i++) {
      sf.insert('Opportunity', {
        Name: `New opportunity ${i}`,
        AccountId: accounts[i < 100 ? named + i : i].Id,
        StageName: 'Prospecting',
        Amount: 5000,
        CloseDate: '2027-12-31',
      });
    }
    for (let i = 0; i < 200; i++) sf.update('Account', accounts[i * 11].Id, { Name: `Account ${i * 11} (renamed)` });
    const incremental = await measure('incremental');

    const daily = sf.limits.DailyApiRequests;
    console.log(
      JSON.stringify({
        bench: 'bec salesforce sync',
        machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version },
        database: url.startsWith('sqlite') ? 'sqlite' : 'mariadb',
        org: { accounts: ACCOUNTS, accountsNamed: named, opportunities: OPPORTUNITIES, dealRegistrations: REGISTRATIONS },
        stored,
        first,
        incremental,
        limits: {
          DailyApiRequests: { max: daily.Max, usedByBothRuns: daily.Max - daily.Remaining },
          DailyBulkV2QueryJobs: {
            max: sf.limits.DailyBulkV2QueryJobs.Max,
            usedByBothRuns: sf.limits.DailyBulkV2QueryJobs.Max - sf.limits.DailyBulkV2QueryJobs.Remaining,
          },
        },
        settings: {
          bulkThreshold: settings.bulk.threshold,
          bulkPageSize: settings.bulk.pageSize,
          pollIntervalMs: settings.bulk.pollIntervalMs,
        },
      }),
    );
  } finally {
    useSalesforceSettings(null);
    await sf.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
