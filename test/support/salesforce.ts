/** The Salesforce test world: a test app, the stand-in with the demo's CRM records, the settings pointing at it. */
import { useSalesforceSettings } from '../../integrations/salesforce/settings.js';
import { loadDemoCrm, SalesforceStandin } from '../../integrations/salesforce/standin.js';
import { writebacksSettled } from '../../server/integrations/integrations.router.js';
import { startTestApp, USERS, type Client, type TestApp } from './harness.js';

export interface SalesforceWorld {
  t: TestApp;
  sf: SalesforceStandin;
  admin: Client;
  cm: Client;
  /** Waits for write-backs in flight, then stops the stand-in and the app. */
  close(): Promise<void>;
}

export async function startSalesforceWorld(): Promise<SalesforceWorld> {
  const t = await startTestApp();
  const sf = await SalesforceStandin.start();
  loadDemoCrm(sf);
  useSalesforceSettings(sf.settings());
  return {
    t,
    sf,
    admin: await t.as(USERS.admin),
    cm: await t.as(USERS.cm),
    async close() {
      await writebacksSettled();
      useSalesforceSettings(null);
      await sf.close();
      await t.close();
    },
  };
}
