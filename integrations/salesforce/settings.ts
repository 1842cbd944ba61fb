/**
 * Salesforce settings, derived once from the configuration. The deal registration is a custom
 * object whose API name and field names differ per org: they are mapped here, not hard-coded.
 */
import { readFileSync } from 'node:fs';
import type { Config } from '../../server/config.js';

export interface DealRegistrationFields {
  name: string;
  endCustomer: string;
  distributor: string;
  opportunity: string;
  status: string;
  products: string;
  expiresOn: string;
}

/** Account fields. `externalId` (optional, '' for none) holds the BEC account's externalRef. */
export interface AccountFields {
  name: string;
  externalId: string;
}

/** Opportunity fields. `currency` is '' in a single-currency org (no CurrencyIsoCode field). */
export interface OpportunityFields {
  name: string;
  account: string;
  stage: string;
  isClosed: string;
  isWon: string;
  amount: string;
  closeDate: string;
  currency: string;
}

/** The fields that receive the request status and the authorization number, per object. */
export interface WritebackFields {
  opportunityStatus: string;
  opportunityAuthorization: string;
  dealRegistrationStatus: string;
  dealRegistrationAuthorization: string;
}

export interface SalesforceSettings {
  loginUrl: string;
  /** Always explicit: jsforce's default (50.0) is years old. */
  apiVersion: string;
  auth:
    | { flow: 'password'; clientId: string; clientSecret: string; username: string; password: string }
    | { flow: 'jwt'; clientId: string; username: string; privateKey: string };
  account: { fields: AccountFields };
  opportunity: { fields: OpportunityFields };
  dealRegistration: { object: string; fields: DealRegistrationFields };
  writeback: WritebackFields;
  syncIntervalMinutes: number;
  expireOnClosedLost: boolean;
  /** Backoff for REQUEST_LIMIT_EXCEEDED and network failures. */
  retry: { attempts: number; baseDelayMs: number };
  /**
   * Bulk API 2.0: used for an object's first load and for any incremental query that would
   * return more than `threshold` records; results are read `pageSize` records at a time.
   */
  bulk: { threshold: number; pageSize: number; pollIntervalMs: number; pollTimeoutMs: number };
  /** The share (percent) of each daily org limit the sync never uses: it stops before, and resumes at the next run. */
  limitReservePercent: number;
  /** How many calls a run makes between two reads of /limits (the first read is before its first query). */
  limitsReadEvery: number;
}

/** The Bulk API 2.0 defaults; SALESFORCE_BULK_THRESHOLD and SALESFORCE_BULK_PAGE_SIZE override the first two. */
export const DEFAULT_BULK: SalesforceSettings['bulk'] = { threshold: 10000, pageSize: 50000, pollIntervalMs: 2000, pollTimeoutMs: 600_000 };

export const DEFAULT_DEAL_REGISTRATION_FIELDS: DealRegistrationFields = {
  name: 'Name',
  endCustomer: 'End_Customer__c',
  distributor: 'Distributor_Name__c',
  opportunity: 'Opportunity__c',
  status: 'Status__c',
  products: 'Product_Codes__c',
  expiresOn: 'Expiration_Date__c',
};

export const DEFAULT_ACCOUNT_FIELDS: AccountFields = { name: 'Name', externalId: '' };

export const DEFAULT_OPPORTUNITY_FIELDS: OpportunityFields = {
  name: 'Name',
  account: 'AccountId',
  stage: 'StageName',
  isClosed: 'IsClosed',
  isWon: 'IsWon',
  amount: 'Amount',
  closeDate: 'CloseDate',
  currency: 'CurrencyIsoCode',
};

/** Mapping keys that may be '' (the org has no such field). */
const OPTIONAL_KEYS = new Set(['externalId', 'currency']);

export const DEFAULT_WRITEBACK_FIELDS: WritebackFields = {
  opportunityStatus: 'BEC_Request_Status__c',
  opportunityAuthorization: 'BEC_Authorization_Number__c',
  dealRegistrationStatus: 'BEC_Request_Status__c',
  dealRegistrationAuthorization: 'BEC_Authorization_Number__c',
};

const API_NAME = /^[A-Za-z]\w*$/;

function jsonFields<T extends object>(what: string, text: string | undefined, defaults: T): T {
  if (!text) return { ...defaults };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`invalid configuration: ${what} is not JSON`);
  }
  const merged = { ...defaults, ...(parsed as object) } as Record<string, unknown>;
  for (const [k, v] of Object.entries(merged)) {
    if (!(k in defaults)) throw new Error(`invalid configuration: ${what} has an unknown key "${k}"`);
    if (v === '' && OPTIONAL_KEYS.has(k)) continue;
    if (typeof v !== 'string' || !API_NAME.test(v)) throw new Error(`invalid configuration: ${what}.${k} is not a Salesforce API name`);
  }
  return merged as T;
}

/** The settings when Salesforce is configured, or null (the integration then answers 409 NOT_CONFIGURED). */
export function salesforceSettingsFrom(config: Config): SalesforceSettings | null {
  if (!config.salesforceLoginUrl || !config.salesforceClientId || !config.salesforceUsername) return null;
  let auth: SalesforceSettings['auth'];
  if (config.salesforceAuthFlow === 'jwt') {
    if (!config.salesforcePrivateKey) throw new Error('invalid configuration: SALESFORCE_PRIVATE_KEY is required for the JWT bearer flow');
    const key = config.salesforcePrivateKey.includes('-----BEGIN')
      ? config.salesforcePrivateKey
      : readFileSync(config.salesforcePrivateKey, 'utf8');
    auth = { flow: 'jwt', clientId: config.salesforceClientId, username: config.salesforceUsername, privateKey: key };
  } else {
    if (!config.salesforceClientSecret || !config.salesforcePassword) {
      throw new Error('invalid configuration: SALESFORCE_CLIENT_SECRET and SALESFORCE_PASSWORD are required for the password flow');
    }
    auth = {
      flow: 'password',
      clientId: config.salesforceClientId,
      clientSecret: config.salesforceClientSecret,
      username: config.salesforceUsername,
      password: config.salesforcePassword,
    };
  }
  return {
    loginUrl: config.salesforceLoginUrl,
    apiVersion: config.salesforceApiVersion,
    auth,
    account: { fields: jsonFields('SALESFORCE_ACCOUNT_FIELDS', config.salesforceAccountFields, DEFAULT_ACCOUNT_FIELDS) },
    opportunity: {
      fields: jsonFields('SALESFORCE_OPPORTUNITY_FIELDS', config.salesforceOpportunityFields, DEFAULT_OPPORTUNITY_FIELDS),
    },
    dealRegistration: {
      object: config.salesforceDealRegistrationObject,
      fields: jsonFields('SALESFORCE_DEAL_REGISTRATION_FIELDS', config.salesforceDealRegistrationFields, DEFAULT_DEAL_REGISTRATION_FIELDS),
    },
    writeback: jsonFields('SALESFORCE_WRITEBACK_FIELDS', config.salesforceWritebackFields, DEFAULT_WRITEBACK_FIELDS),
    syncIntervalMinutes: config.salesforceSyncIntervalMinutes,
    expireOnClosedLost: config.salesforceExpireOnClosedLost,
    retry: { attempts: 5, baseDelayMs: 500 },
    bulk: { ...DEFAULT_BULK, threshold: config.salesforceBulkThreshold, pageSize: config.salesforceBulkPageSize },
    limitReservePercent: config.salesforceLimitReservePercent,
    limitsReadEvery: 200,
  };
}

/**
 * The settings the running process uses. main.ts sets them from the configuration (or from the
 * stand-in); tests point them at their own stand-in.
 */
let active: SalesforceSettings | null = null;
export function useSalesforceSettings(settings: SalesforceSettings | null) {
  active = settings;
}
export function activeSalesforceSettings(): SalesforceSettings | null {
  return active;
}
