/** Configuration, read and validated once at boot. */
import { z } from 'zod';

/** An on/off environment variable: "true" or "false". */
const flag = (byDefault: boolean) =>
  z
    .enum(['true', 'false'])
    .default(byDefault ? 'true' : 'false')
    .transform((v) => v === 'true');

/** The largest request body accepted anywhere, uploads included (200 MiB): `UPLOAD_MAX_BYTES`. */
export const DEFAULT_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

/** A comma-separated list of origins. */
const originList = () =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    );

const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The interface the server listens on: this machine only by default (the demo); production sets it (e.g. 0.0.0.0). */
  host: z.string().trim().min(1).default('127.0.0.1'),
  /** NODE_ENV=production: no source maps are built or served. */
  production: z.boolean().default(false),
  databaseUrl: z.string().min(1).default('sqlite:data/bec.sqlite'),
  /** Secure cookies need HTTPS; the demo on http://localhost turns them off. */
  cookieSecure: flag(false),
  sessionTtlHours: z.coerce.number().int().positive().default(12),
  /**
   * How long a resolved session, API token or embed bearer is remembered by a server process
   * (server/auth/credential-cache.ts): a change made through another process takes effect within
   * it; one made through this process, at once. 0: every request reads the database.
   */
  credentialCacheSeconds: z.coerce.number().min(0).max(60).default(5),
  seedDemo: flag(true),
  logRequests: flag(true),
  /**
   * The vendor's book currency (ISO 4217): book costs and authorized costs on authorizations carry
   * no currency of their own and are in this one, so report exposure is stated in it. Claims carry
   * their own currency and are reported per currency, never converted.
   */
  baseCurrency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 4217 code such as USD')
    .default('USD')
    .transform((v) => v.toUpperCase()),
  // Security (issue 6): every field optional, with safe defaults.
  /** The URL browsers reach us at; the SAML ACS URL and SP entity id derive from it. */
  publicUrl: z.string().url().optional(),
  samlSpEntityId: z.string().min(1).optional(),
  samlClockSkewSeconds: z.coerce.number().int().min(0).max(600).default(60),
  /**
   * Our SAML key pair (PEM; `\n` escapes accepted): the key signs AuthnRequests (for IdPs set to
   * `signAuthnRequests`) and LogoutResponses, and decrypts encrypted assertions; the certificate is
   * published in our metadata for both uses. Both or neither.
   */
  samlSpPrivateKey: z
    .string()
    .min(1)
    .optional()
    .transform((v) => v?.replace(/\\n/g, '\n')),
  samlSpCertificate: z
    .string()
    .min(1)
    .optional()
    .transform((v) => v?.replace(/\\n/g, '\n')),
  /** Runs a local test identity provider at /auth/saml/test-idp for the demo. Never in production. */
  samlTestIdp: flag(false),
  /** Origins allowed to frame our pages (the CRM and the partner portal): CSP frame-ancestors. */
  frameAncestors: originList(),
  /** Origins allowed to call the API from a browser (CORS). */
  corsOrigins: originList(),
  /**
   * Failed sign-ins per window (`signInRateWindowMinutes`), each kind counted apart: passwords per
   * client address and account, single sign-on responses per address, embed exchanges per address.
   */
  signInRateLimit: z.coerce.number().int().positive().default(10),
  /** Failed password sign-ins per client address across all accounts, per window (one guess at each of many accounts). */
  signInAddressRateLimit: z.coerce.number().int().positive().default(20),
  signInRateWindowMinutes: z.coerce.number().int().positive().default(15),
  apiRateLimitPerMinute: z.coerce.number().int().positive().default(3000),
  /** Requests with an unknown, expired or revoked bearer token per client address, per minute: then 429. */
  invalidTokenRateLimitPerMinute: z.coerce.number().int().positive().default(30),
  /**
   * Express `trust proxy`: which proxies' X-Forwarded-For to believe for the client address that
   * rate limits are keyed on. Off by default (the socket's address); a number of hops, or a comma
   * list of proxy addresses / subnets (`loopback`, `10.0.0.0/8`) behind a load balancer.
   */
  trustProxy: z
    .string()
    .trim()
    .optional()
    .transform((v): boolean | number | string => {
      if (!v || v === 'false') return false;
      if (v === 'true') return true;
      if (/^\d+$/.test(v)) return Number(v);
      return v;
    }),
  /** How often expired sessions, SAML requests, idempotency records, embed-token ids and rate-limit counters are deleted; 0: never. */
  purgeIntervalMinutes: z.coerce.number().int().min(0).default(60),
  /** How long a response to a POST with an Idempotency-Key is kept for its retries. */
  idempotencyTtlHours: z.coerce.number().int().positive().default(24),
  /**
   * The byte cap on any request body (a streamed POS report or claim file included), counted on
   * the stream as it arrives, chunked or not: 413 once it is passed. JSON bodies have their own,
   * smaller, limit (25 MB).
   */
  uploadMaxBytes: z.coerce.number().int().positive().default(DEFAULT_UPLOAD_MAX_BYTES),
  /** HMAC key for embed tokens; several processes need the same one. Random per process when unset. */
  embedTokenSecret: z.string().min(32).optional(),
  embedTokenTtlSeconds: z.coerce.number().int().positive().max(600).default(60),
  /**
   * How long what an embed exchange opens lives (its bearer token and its cookie session): short,
   * because the page holds the bearer in script. The portal mints a new embed token after it.
   */
  embedSessionTtlMinutes: z.coerce.number().int().positive().max(720).default(60),
  // Salesforce (issue 5): all optional; credentials come only from the environment.
  salesforceLoginUrl: z.string().url().optional(),
  salesforceApiVersion: z
    .string()
    .regex(/^\d{2,3}\.0$/)
    .default('62.0'),
  salesforceAuthFlow: z.enum(['password', 'jwt']).default('password'),
  salesforceClientId: z.string().min(1).optional(),
  salesforceClientSecret: z.string().min(1).optional(),
  salesforceUsername: z.string().min(1).optional(),
  salesforcePassword: z.string().min(1).optional(),
  /** PEM private key (or a path to it) signing the JWT bearer assertion. */
  salesforcePrivateKey: z.string().min(1).optional(),
  salesforceDealRegistrationObject: z.string().regex(/^\w+$/).default('Deal_Registration__c'),
  /** JSON: our field name -> the deal registration's API field name (see docs/salesforce.md). */
  salesforceDealRegistrationFields: z.string().optional(),
  /** JSON: Account and Opportunity field names (see docs/salesforce.md). */
  salesforceAccountFields: z.string().optional(),
  salesforceOpportunityFields: z.string().optional(),
  /** JSON: write-back field names (see docs/salesforce.md). */
  salesforceWritebackFields: z.string().optional(),
  salesforceSyncIntervalMinutes: z.coerce.number().int().min(0).default(0),
  salesforceExpireOnClosedLost: flag(true),
  /** How often closed-lost opportunities are checked, sync or not; 0 turns the schedule off. */
  salesforceClosedLostIntervalMinutes: z.coerce.number().int().min(0).default(60),
  /** A query of more records than this goes through Bulk API 2.0 (the first load always does). */
  salesforceBulkThreshold: z.coerce.number().int().min(0).default(10000),
  /** Records per Bulk API 2.0 result page (maxRecords). */
  salesforceBulkPageSize: z.coerce.number().int().min(1).max(1000000).default(50000),
  /** Share of each daily org limit the sync leaves untouched: it stops before using it. */
  salesforceLimitReservePercent: z.coerce.number().min(0).max(90).default(10),
  /** Starts a local Salesforce stand-in with the demo's CRM records. Never in production. */
  salesforceStandin: flag(false),
  // Background jobs (imports, claim files, claim runs): docs/jobs.md.
  /** Redis for the job queue (BullMQ). Unset: jobs run in this process on an in-memory queue. */
  redisUrl: z.string().url().optional(),
  /** With REDIS_URL: also run a worker inside the server (otherwise it only enqueues; `npm run worker` runs them). */
  workerInProcess: flag(false),
  /** The queue's Redis key prefix: one per deployment (and per test run). */
  queuePrefix: z.string().min(1).max(100).default('bec'),
  /** Where uploads are stored until their job has ended; every worker must reach it. */
  uploadDir: z.string().min(1).default('data/uploads'),
  /** Jobs one worker (or the in-process queue) runs at once. */
  workerConcurrency: z.coerce.number().int().min(1).max(32).default(2),
  /** MariaDB connections a process may hold at once; default `databasePoolSize`. */
  dbPoolMax: z.coerce.number().int().min(2).max(1000).optional(),
  /** How long a worker's hold on a job lasts without renewal; a job whose worker died is retried after it. */
  jobLockMs: z.coerce.number().int().min(500).default(30_000),
  /** How long an import's event stream waits for its job's event (server/jobs/job-events.ts) before it reads the row anyway. */
  jobEventsFallbackMs: z.coerce.number().int().min(50).default(2_000),
  /** How often workers look for jobs whose worker died (stalled jobs). */
  jobStalledIntervalMs: z.coerce.number().int().min(200).default(30_000),
  // Notifications (issue 15 item 7): docs/admin.md "Notifications".
  /** SMTP server for e-mail (`smtp://user:pass@host:587`, `smtps://...`). Unset: no e-mail is sent. */
  smtpUrl: z.string().url().optional(),
  /** The From of every e-mail. */
  mailFrom: z.string().min(3).default('BEC <no-reply@bec.invalid>'),
  /** The hour (UTC) the daily digest goes out. */
  digestHourUtc: z.coerce.number().int().min(0).max(23).default(7),
  /**
   * Private-network addresses (IPs or CIDRs, comma-separated: `10.0.0.0/8,127.0.0.1`) that webhook
   * URLs may reach. Empty (the default): loopback, private, link-local and other non-public
   * addresses are refused, at registration and at every delivery (SSRF).
   */
  webhookPrivateAllowlist: originList(),
  /** How many times a webhook delivery is tried before it fails. */
  webhookAttempts: z.coerce.number().int().min(1).max(20).default(8),
  /** The first pause before a webhook delivery is tried again; each next pause doubles. */
  webhookBackoffMs: z.coerce.number().int().min(10).default(10_000),
  /** How long a webhook receiver has to answer. */
  webhookTimeoutMs: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * The token that sets up the first admin of an empty database (`POST /api/setup`). Unset: the
   * server makes one at start when the database has no user, and prints it.
   */
  setupToken: z.string().min(16, 'at least 16 characters').optional(),
  // Documents (issue 15 item 1b): docs/admin.md "Documents".
  /** Where documents are stored when no S3-compatible storage is set. */
  documentsDir: z.string().min(1).default('data/documents'),
  /** The largest document accepted (bytes); a larger one is a 413. */
  documentsMaxBytes: z.coerce
    .number()
    .int()
    .min(1)
    .default(10 * 1024 * 1024),
  /** An S3-compatible endpoint (`https://s3.eu-west-1.amazonaws.com`, a MinIO URL): documents go there instead of DOCUMENTS_DIR. */
  documentsS3Endpoint: z.string().url().optional(),
  documentsS3Bucket: z.string().min(3).max(63).optional(),
  documentsS3Region: z.string().min(1).default('us-east-1'),
  documentsS3AccessKeyId: z.string().min(1).optional(),
  documentsS3SecretAccessKey: z.string().min(1).optional(),
  // EDI transports (issue 17): docs/edi.md "Transports".
  /** A folder whose files (X12 or CSV) are imported by the processes that run jobs; unset: none is watched. */
  ediInboundDir: z.string().min(1).optional(),
  /** How often the inbound folder is looked at. */
  ediInboundPollMs: z.coerce.number().int().min(50).default(5000),
  /** A folder where what is written to partners (997, TA1, 849, 845) is put, DIR/<distributor id>/; unset: none. */
  ediOutboundDir: z.string().min(1).optional(),
  /** How often the processes that run jobs queue the partners' scheduled 845s and retry undelivered documents. */
  ediScheduleMs: z.coerce.number().int().min(50).default(60_000),
  /** The port of the SMTP endpoint that takes files by e-mail (0: any free port); unset: no e-mail intake. */
  mailIntakePort: z.coerce.number().int().min(0).max(65535).optional(),
  mailIntakeHost: z.string().min(1).default('127.0.0.1'),
  /** The largest message the e-mail intake takes (bytes). */
  mailIntakeMaxBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse({
    port: env.PORT,
    host: env.HOST,
    production: env.NODE_ENV === 'production',
    databaseUrl: env.DATABASE_URL,
    cookieSecure: env.COOKIE_SECURE,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    credentialCacheSeconds: env.CREDENTIAL_CACHE_SECONDS,
    seedDemo: env.SEED_DEMO,
    logRequests: env.LOG_REQUESTS,
    baseCurrency: env.BASE_CURRENCY,
    publicUrl: env.PUBLIC_URL,
    samlSpEntityId: env.SAML_SP_ENTITY_ID,
    samlClockSkewSeconds: env.SAML_CLOCK_SKEW_SECONDS,
    samlSpPrivateKey: env.SAML_SP_PRIVATE_KEY,
    samlSpCertificate: env.SAML_SP_CERTIFICATE,
    samlTestIdp: env.SAML_TEST_IDP,
    frameAncestors: env.FRAME_ANCESTORS,
    corsOrigins: env.CORS_ORIGINS,
    signInRateLimit: env.SIGNIN_RATE_LIMIT,
    signInRateWindowMinutes: env.SIGNIN_RATE_WINDOW_MINUTES,
    signInAddressRateLimit: env.SIGNIN_ADDRESS_RATE_LIMIT,
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    invalidTokenRateLimitPerMinute: env.INVALID_TOKEN_RATE_LIMIT_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
    purgeIntervalMinutes: env.PURGE_INTERVAL_MINUTES,
    idempotencyTtlHours: env.IDEMPOTENCY_TTL_HOURS,
    uploadMaxBytes: env.UPLOAD_MAX_BYTES,
    embedTokenSecret: env.EMBED_TOKEN_SECRET,
    embedTokenTtlSeconds: env.EMBED_TOKEN_TTL_SECONDS,
    embedSessionTtlMinutes: env.EMBED_SESSION_TTL_MINUTES,
    salesforceLoginUrl: env.SALESFORCE_LOGIN_URL,
    salesforceApiVersion: env.SALESFORCE_API_VERSION,
    salesforceAuthFlow: env.SALESFORCE_AUTH_FLOW,
    salesforceClientId: env.SALESFORCE_CLIENT_ID,
    salesforceClientSecret: env.SALESFORCE_CLIENT_SECRET,
    salesforceUsername: env.SALESFORCE_USERNAME,
    salesforcePassword: env.SALESFORCE_PASSWORD,
    salesforcePrivateKey: env.SALESFORCE_PRIVATE_KEY,
    salesforceDealRegistrationObject: env.SALESFORCE_DEAL_REGISTRATION_OBJECT,
    salesforceDealRegistrationFields: env.SALESFORCE_DEAL_REGISTRATION_FIELDS,
    salesforceAccountFields: env.SALESFORCE_ACCOUNT_FIELDS,
    salesforceOpportunityFields: env.SALESFORCE_OPPORTUNITY_FIELDS,
    salesforceWritebackFields: env.SALESFORCE_WRITEBACK_FIELDS,
    salesforceSyncIntervalMinutes: env.SALESFORCE_SYNC_INTERVAL_MINUTES,
    salesforceExpireOnClosedLost: env.SALESFORCE_EXPIRE_ON_CLOSED_LOST,
    salesforceClosedLostIntervalMinutes: env.SALESFORCE_CLOSED_LOST_INTERVAL_MINUTES,
    salesforceBulkThreshold: env.SALESFORCE_BULK_THRESHOLD,
    salesforceBulkPageSize: env.SALESFORCE_BULK_PAGE_SIZE,
    salesforceLimitReservePercent: env.SALESFORCE_LIMIT_RESERVE_PERCENT,
    salesforceStandin: env.SALESFORCE_STANDIN,
    redisUrl: env.REDIS_URL || undefined,
    workerInProcess: env.WORKER_IN_PROCESS,
    queuePrefix: env.QUEUE_PREFIX,
    uploadDir: env.UPLOAD_DIR,
    workerConcurrency: env.WORKER_CONCURRENCY,
    dbPoolMax: env.DB_POOL_MAX || undefined,
    jobLockMs: env.JOB_LOCK_MS,
    jobEventsFallbackMs: env.JOB_EVENTS_FALLBACK_MS,
    jobStalledIntervalMs: env.JOB_STALLED_INTERVAL_MS,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    digestHourUtc: env.DIGEST_HOUR_UTC,
    webhookPrivateAllowlist: env.WEBHOOK_PRIVATE_ALLOWLIST,
    webhookAttempts: env.WEBHOOK_ATTEMPTS,
    webhookBackoffMs: env.WEBHOOK_BACKOFF_MS,
    webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
    setupToken: env.SETUP_TOKEN || undefined,
    documentsDir: env.DOCUMENTS_DIR,
    documentsMaxBytes: env.DOCUMENTS_MAX_BYTES,
    documentsS3Endpoint: env.DOCUMENTS_S3_ENDPOINT || undefined,
    documentsS3Bucket: env.DOCUMENTS_S3_BUCKET || undefined,
    documentsS3Region: env.DOCUMENTS_S3_REGION || undefined,
    documentsS3AccessKeyId: env.DOCUMENTS_S3_ACCESS_KEY_ID || undefined,
    documentsS3SecretAccessKey: env.DOCUMENTS_S3_SECRET_ACCESS_KEY || undefined,
    ediInboundDir: env.EDI_INBOUND_DIR || undefined,
    ediInboundPollMs: env.EDI_INBOUND_POLL_MS,
    ediOutboundDir: env.EDI_OUTBOUND_DIR || undefined,
    ediScheduleMs: env.EDI_SCHEDULE_MS,
    mailIntakePort: env.MAIL_INTAKE_PORT || undefined,
    mailIntakeHost: env.MAIL_INTAKE_HOST || undefined,
    mailIntakeMaxBytes: env.MAIL_INTAKE_MAX_BYTES,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  if (!parsed.data.samlSpPrivateKey !== !parsed.data.samlSpCertificate)
    throw new Error('invalid configuration: set SAML_SP_PRIVATE_KEY and SAML_SP_CERTIFICATE together');
  const d = parsed.data;
  if (d.documentsS3Endpoint && !(d.documentsS3Bucket && d.documentsS3AccessKeyId && d.documentsS3SecretAccessKey))
    throw new Error(
      'invalid configuration: DOCUMENTS_S3_ENDPOINT needs DOCUMENTS_S3_BUCKET, DOCUMENTS_S3_ACCESS_KEY_ID and DOCUMENTS_S3_SECRET_ACCESS_KEY',
    );
  return parsed.data;
}

/**
 * The connection pool a server or worker process opens on MariaDB: `DB_POOL_MAX`, else ten for
 * requests and six for each job it may run at once. A bulk run holds up to six at a time (a claim
 * run: its named lock, its ledger transaction, two claim-line loads, the next page's read and a new
 * claim's creation); with fewer, runs holding some and waiting for more could starve each other.
 */
export const databasePoolSize = (config: Pick<Config, 'dbPoolMax' | 'workerConcurrency'>) =>
  config.dbPoolMax ?? 10 + 6 * config.workerConcurrency;
