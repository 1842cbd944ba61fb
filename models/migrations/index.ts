/** Every migration in order. A new one is a new file, added at the end of this list. */
import { initialSchema } from './20261123T1000-initial-schema.js';
import { securitySchema } from './20261123T1300-security.js';
import { importsSchema } from './20261123T1100-imports.js';
import { salesforceSchema } from './20261123T1200-salesforce.js';
import { salesforce2Schema } from './20261204T1500-salesforce-2.js';
import { bulkClaimsSchema } from './20261123T1400-bulk-claims.js';
import { claimLineIndexesSchema } from './20261123T1500-claim-line-indexes.js';
import { canonicalPosKeySchema } from './20261201T0900-canonical-pos-key.js';
import { distributorCurrencySchema } from './20261201T0910-distributor-currency.js';
import { exactMoneySqliteSchema } from './20261201T1000-exact-money-sqlite.js';
import { returnsAndVoidsSchema } from './20261201T0950-returns-and-voids.js';
import { tokenScopesSchema } from './20261201T1200-token-scopes.js';
import { importJobsSchema } from './20261201T1300-import-jobs.js';
import { rateLimitsSchema } from './20261202T1000-rate-limits.js';
import { samlIdpsSchema } from './20261202T1100-saml-idps.js';
import { disputeThreadsSchema } from './20261202T1200-dispute-threads.js';
import { notificationsSchema } from './20261203T2000-notifications.js';
import { usersAdminSchema } from './20261203T2100-users-admin.js';
import { enrichmentDocumentsSchema } from './20261204T1100-enrichment-documents.js';
import { routingVersionsSchema } from './20261204T1200-routing-versions.js';
import { masterDataSchema } from './20261204T1000-master-data.js';
import { programBuilderSchema } from './20261204T1300-program-builder.js';
import { ediPartnersSchema } from './20261204T1600-edi-partners.js';
import { edi845Schema } from './20261205T1000-edi-845.js';
import { ediDeliverySchema } from './20261206T1300-edi-delivery.js';
import { salesforceScaleSchema } from './20261205T1100-salesforce-scale.js';
import { rebatesSchema } from './20261205T1300-rebates.js';
import { listIndexesSchema } from './20261205T1200-list-indexes.js';
import { financeSchema } from './20261206T1000-finance.js';
import { fxRatesSchema } from './20261206T1100-fx-rates.js';
import { embedSessionScopesSchema } from './20261206T1400-embed-session-scopes.js';
import { shipmentsSchema } from './20261207T1000-shipments.js';
import { consumptionReleasesSchema } from './20261208T1000-consumption-releases.js';
import { rebateTermsVersionsSchema } from './20261208T1100-rebate-terms-versions.js';
import { reportRollupsSchema } from './20261208T1200-report-rollups.js';
import { requestDecidedIndexSchema } from './20261209T1000-request-decided-index.js';
import { oneConsumptionPerLineSchema } from './20261210T1000-one-consumption-per-line.js';
import { adjustersSchema } from './20261211T1000-adjusters.js';
import { auditViaSchema } from './20261211T1100-audit-via.js';
import { canonicalDebitMemoKeySchema } from './20261212T1000-canonical-debit-memo-key.js';
import { binaryCollationSchema } from './20261213T1000-binary-collation.js';
import { claimFileHashSchema } from './20261213T1200-claim-file-hash.js';
import { sessionReferenceSchema } from './20261214T1000-session-reference.js';
import { idempotencyLocationSchema } from './20261214T1100-idempotency-location.js';
import type { Migration } from './types.js';

export const migrations: Migration[] = [
  initialSchema,
  securitySchema,
  importsSchema,
  salesforceSchema,
  bulkClaimsSchema,
  claimLineIndexesSchema,
  canonicalPosKeySchema,
  distributorCurrencySchema,
  returnsAndVoidsSchema,
  exactMoneySqliteSchema,
  tokenScopesSchema,
  importJobsSchema,
  rateLimitsSchema,
  samlIdpsSchema,
  disputeThreadsSchema,
  notificationsSchema,
  usersAdminSchema,
  enrichmentDocumentsSchema,
  routingVersionsSchema,
  masterDataSchema,
  programBuilderSchema,
  salesforce2Schema,
  ediPartnersSchema,
  edi845Schema,
  salesforceScaleSchema,
  rebatesSchema,
  listIndexesSchema,
  financeSchema,
  fxRatesSchema,
  ediDeliverySchema,
  embedSessionScopesSchema,
  shipmentsSchema,
  consumptionReleasesSchema,
  rebateTermsVersionsSchema,
  reportRollupsSchema,
  requestDecidedIndexSchema,
  oneConsumptionPerLineSchema,
  adjustersSchema,
  auditViaSchema,
  canonicalDebitMemoKeySchema,
  binaryCollationSchema,
  claimFileHashSchema,
  sessionReferenceSchema,
  idempotencyLocationSchema,
];
