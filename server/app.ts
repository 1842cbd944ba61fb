/** The Express application, without listen(): tests and main.ts both start the real thing. */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { Database } from '../models/database.js';
import { auditRouter } from './audit/audit.router.js';
import { authRouter } from './auth/auth.router.js';
import { authenticate } from './auth/authenticate.js';
import { configureCredentialCache } from './auth/credential-cache.js';
import { pingDatabase } from './database.repository.js';
import { embedRouter } from './auth/embed.js';
import { samlRouter, ssoAdminRouter } from './auth/saml.router.js';
import { authorizationsRouter } from './authorizations/authorizations.router.js';
import { catalogRouter } from './catalog/catalog.router.js';
import { claimsRouter } from './claims/claims.router.js';
import { financeRouter } from './finance/finance.router.js';
import { settlementRouter } from './settlement/settlement.router.js';
import { disputesRouter } from './claims/disputes.router.js';
import { importsRouter } from './imports/imports.router.js';
import { ediRouter } from './edi/edi.router.js';
import { startEdiTransports } from './edi/transports.js';
import { enrichmentRouter } from './enrichment/enrichment.router.js';
import { documentsRouter } from './documents/documents.router.js';
import { createJobs, type Jobs } from './jobs/runtime.js';
import { integrationsRouter } from './integrations/integrations.router.js';
import { reportsRouter } from './reports/reports.router.js';
import { analyticsRouter } from './analytics/analytics.router.js';
import { fxRatesRouter } from './analytics/fx.router.js';
import { shipmentsRouter } from './rebates/shipments.router.js';
import type { Config } from './config.js';
import { apiNotFound, errorMiddleware } from './errors.js';
import { inFlightRequests } from './http/in-flight.js';
import { jsonBodiesOnly } from './http/body-limit.js';
import { distRouter } from './http/dist.js';
import { idempotency } from './http/idempotency.js';
import { openApiDocument } from './http/openapi.js';
import { requestLog } from './http/request-log.js';
import { rateLimitStoreFor, type RateLimitStore } from './http/rate-limit-store.js';
import { apiCors, auditRefusals, rateLimits, requestSizeLimit, securityHeaders } from './http/security.js';
import { notificationsRouter, webhooksRouter } from './notifications/notifications.router.js';
import { startNotifications } from './notifications/runtime.js';
import { programsRouter } from './programs/programs.router.js';
import { rebatesRouter } from './rebates/rebates.router.js';
import { requestsRouter } from './requests/requests.router.js';
import { routingRouter } from './requests/routing.router.js';
import { startRoutingSchedule, stopRoutingSchedule } from './requests/routing.service.js';
import { scimRouter } from './scim/scim.router.js';
import { invitationsRouter, setupRouter, usersRouter } from './users/users.router.js';
import { masterDataRouter } from './masterdata/masterdata.router.js';

export interface AppDeps {
  config: Config;
  db: Database;
  /** Folder whose demo/ and dist/ are served; the working directory by default. */
  staticRoot?: string;
  /** The job queue (server/jobs); made from the configuration when absent. Its owner closes it (`app.locals.jobs`). */
  jobs?: Jobs;
  /**
   * Where rate-limit counters are kept (Redis with REDIS_URL, else the database); made from the
   * configuration when absent. Its owner closes it (`app.locals.rateLimitStore`).
   */
  rateLimitStore?: RateLimitStore;
}

export function createApp({
  config,
  db,
  staticRoot = process.cwd(),
  jobs = createJobs(config),
  rateLimitStore = rateLimitStoreFor(config),
}: AppDeps) {
  const app = express();
  configureCredentialCache(config.credentialCacheSeconds);
  app.locals.jobs = jobs;
  app.locals.rateLimitStore = rateLimitStore;
  // The inbox, e-mail and webhooks of the events this process raises (server/notifications).
  startNotifications(config, jobs.queue, { runsJobs: !config.redisUrl || config.workerInProcess });
  // Overdue approval levels are escalated where jobs run.
  // The sweep stops when this app's jobs close (a test app, a server shutting down).
  if (!config.redisUrl || config.workerInProcess) {
    startRoutingSchedule();
    const closeJobs = jobs.close.bind(jobs);
    jobs.close = async () => {
      stopRoutingSchedule();
      await closeJobs();
    };
  }
  // The inbound EDI folder where jobs run, the e-mail intake here; they stop when the jobs close.
  app.locals.ediTransports = startEdiTransports(config, jobs, { runsJobs: !config.redisUrl || config.workerInProcess, mail: true });
  app.disable('x-powered-by');
  // Which proxies may name the client's address (X-Forwarded-For): the address rate limits count.
  app.set('trust proxy', config.trustProxy);
  const limits = rateLimits(config, rateLimitStore);
  const log = config.logRequests ? requestLog() : null;
  // What a stopping process waits for before it closes its database (server/main.ts).
  const inFlight = inFlightRequests();
  app.locals.inFlight = inFlight;
  app.use(inFlight.track);
  app.use((req, res, next) => {
    req.requestId = randomUUID();
    res.set('X-Request-Id', req.requestId);
    if (log) {
      const started = process.hrtime.bigint();
      res.on('finish', () => log(req, res, Number(process.hrtime.bigint() - started) / 1e6));
    }
    next();
  });
  app.use(securityHeaders(config), requestSizeLimit(config.uploadMaxBytes));
  app.use('/api', apiCors(config));
  // Answers are compressed (an event stream is not: each event must leave at once), and a list
  // that has not changed answers 304 to the ETag the browser sends back (Express's weak ETag).
  app.use(
    '/api',
    compression({
      threshold: 1024,
      filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
    }),
  );
  app.use('/api', (req, res, next) => {
    if (req.method === 'GET') res.set('Cache-Control', 'private, no-cache');
    next();
  });
  app.use(express.json({ limit: '25mb' }));
  // Any other body is refused (415) unless its route takes a file: see http/body-limit.ts.
  app.use('/api', jsonBodiesOnly);
  app.use(cookieParser());

  app.get('/api/health', async (_req, res) => {
    await pingDatabase(db);
    res.json({ status: 'ok', database: db.dialect });
  });
  let openapi: unknown;
  app.get('/api/openapi.json', (_req, res) => {
    openapi ??= openApiDocument();
    res.json(openapi);
  });

  // The rate limit comes before idempotency: a refused request (429) leaves no record.
  app.use('/api', authenticate(limits.refuseInvalidToken), limits.api, idempotency);
  app.post('/api/session', limits.passwordSignIn);
  app.post('/api/embed/session', limits.embedSignIn);
  app.post('/auth/saml/acs', limits.ssoSignIn);
  // A wrong invitation token counts as a failed sign-in (per address).
  app.post('/api/invitations/accept', limits.passwordSignIn);
  // So does a wrong setup token.
  app.post('/api/setup', limits.passwordSignIn);
  app.use('/api/sso', ssoAdminRouter(config));
  app.use('/api/embed', embedRouter(config));
  app.use('/api', authRouter(config));
  app.use('/api', catalogRouter());
  app.use('/api', integrationsRouter(config));
  app.use('/api/programs', programsRouter());
  app.use('/api/rebates', rebatesRouter());
  app.use('/api/requests', requestsRouter());
  app.use('/api/routing', routingRouter());
  app.use('/api/authorizations', authorizationsRouter());
  app.use('/api/claims', claimsRouter(jobs));
  app.use('/api/audit', auditRouter());
  app.use('/api/imports', importsRouter(jobs));
  app.use('/api/disputes', disputesRouter());
  app.use('/api/reports', reportsRouter(config));
  app.use('/api/analytics', analyticsRouter(config));
  app.use('/api/fx-rates', fxRatesRouter());
  app.use('/api/shipments', shipmentsRouter());
  app.use('/api/settlement', settlementRouter());
  app.use('/api/finance', financeRouter());
  app.use('/api/notifications', notificationsRouter());
  app.use('/api/webhooks', webhooksRouter());
  app.use('/api/users', usersRouter());
  app.use('/api/invitations', invitationsRouter());
  app.use('/api/setup', setupRouter(config));
  app.use('/api/enrichment', enrichmentRouter());
  app.use('/api/documents', documentsRouter(config));
  app.use('/api/masterdata', masterDataRouter(config));
  app.use('/api/edi', ediRouter());
  app.use('/api', apiNotFound);

  app.use('/auth/saml', samlRouter(config));
  app.use('/scim/v2', scimRouter(limits.refuseInvalidToken));
  // The component bundle, loadable from the configured origins: http/dist.ts.
  app.use('/dist', distRouter(config, resolve(staticRoot, 'dist')));
  app.use(express.static(resolve(staticRoot, 'demo'), { extensions: ['html'] }));
  app.use(auditRefusals, errorMiddleware);
  return app;
}
