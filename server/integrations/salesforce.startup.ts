/**
 * Boot-time Salesforce wiring for main.ts: closes runs a dead process left open, starts the local
 * stand-in for the demo (SALESFORCE_STANDIN=true) with the demo world's CRM records, runs a first
 * sync, and starts the optional schedule.
 */
import { failAbandonedRuns } from '../../integrations/salesforce/crm.repository.js';
import { activeSalesforceSettings, salesforceSettingsFrom, useSalesforceSettings } from '../../integrations/salesforce/settings.js';
import { loadDemoCrm, SalesforceStandin } from '../../integrations/salesforce/standin.js';
import type { Config } from '../config.js';
import { checkMapping, runSalesforceSync, scheduleClosedLost, scheduleSalesforceSync } from './salesforce.service.js';

export async function startSalesforce(config: Config, log: (message: string) => void = console.log): Promise<() => Promise<void>> {
  await failAbandonedRuns();
  let standin: SalesforceStandin | null = null;
  if (config.salesforceStandin) {
    standin = await SalesforceStandin.start();
    loadDemoCrm(standin);
    useSalesforceSettings({
      ...standin.settings(),
      retry: { attempts: 5, baseDelayMs: 500 },
      bulk: { ...standin.settings().bulk, threshold: config.salesforceBulkThreshold, pageSize: config.salesforceBulkPageSize },
      limitReservePercent: config.salesforceLimitReservePercent,
      syncIntervalMinutes: config.salesforceSyncIntervalMinutes,
      expireOnClosedLost: config.salesforceExpireOnClosedLost,
    });
    log(
      `Salesforce stand-in on ${standin.url} (demo CRM records; see ${standin.url}/_standin/records/Opportunity); never use it in production`,
    );
  } else if (!activeSalesforceSettings()) {
    useSalesforceSettings(salesforceSettingsFrom(config));
  }
  if (activeSalesforceSettings()) {
    // The field mapping is checked against the org's describe at start-up, whether a sync runs or not.
    checkMapping()
      .then(() => log('Salesforce field mapping checked against the org: every mapped field exists'))
      .catch((err: Error) => log(`Salesforce field mapping: ${err.message}`));
  }
  const stopSchedule = scheduleSalesforceSync(config.salesforceSyncIntervalMinutes);
  const stopClosedLost = scheduleClosedLost(config.salesforceClosedLostIntervalMinutes, log);
  if (activeSalesforceSettings() && (standin || config.salesforceSyncIntervalMinutes > 0)) {
    runSalesforceSync(null, 'startup')
      .then((run) =>
        log(
          `Salesforce sync #${run.id} ${run.status}: ${JSON.stringify(run.counts)}${run.errors.length ? ` errors: ${JSON.stringify(run.errors)}` : ''}`,
        ),
      )
      .catch((err: Error) => log(`Salesforce sync at startup failed: ${err.message}`));
  }
  return async () => {
    stopSchedule();
    stopClosedLost();
    await standin?.close();
  };
}
