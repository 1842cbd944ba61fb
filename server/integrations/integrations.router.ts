/**
 * Salesforce sync on demand and its run history, the approval queue with CRM context, and the
 * write-back that follows each decision on a request (on the requests service's `request.decided`).
 */
import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { describeRoute, IdParam, z, wholeNumber } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { AppError } from '../errors.js';
import { requestEvents } from '../requests/request-events.js';
import { salesforceSettingsFrom, useSalesforceSettings } from '../../integrations/salesforce/settings.js';
import { accountSuggestions, approvalQueue, decideAccountLink, linkRequest, requestContext } from './crm-context.service.js';
import { listSyncRuns, retryWriteback, runSalesforceSync, writeBackRequest, writebackFailures } from './salesforce.service.js';
import { CONTEXT_FLAG_CODES, RequestForContextSchema } from './crm-context.schemas.js';

const SyncRun = z
  .object({
    id: z.number().int(),
    trigger: z.string(),
    status: z.enum(['running', 'succeeded', 'failed', 'stopped']).openapi({
      description: 'stopped: the reserve of an org limit (/limits) was reached; the next run resumes where this one stopped',
    }),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    counts: z.record(z.record(z.number())).openapi({
      description:
        'per object: fetched, created, updated, unchanged, deleted, pages, retries, bulkJobs (Account: namedById); writeback: written, unchanged, failed, permanent, held, calls; limits: apiCalls, bulkJobs, limitsReads and what /limits reported (DailyApiRequestsRemaining, DailyApiRequestsMax, DailyBulkV2QueryJobsRemaining, DailyBulkV2QueryJobsMax)',
    }),
    errors: z.array(z.object({ object: z.string().nullable(), code: z.string(), message: z.string() })),
  })
  .openapi('SalesforceSyncRun');
const RunsQuery = z.object({ limit: wholeNumber(1, 200).default(20) });
const WritebackFailure = z
  .object({
    id: z.number().int(),
    requestId: z.number().int(),
    object: z.string(),
    sfId: z.string(),
    errorCode: z.string().openapi({ description: "Salesforce's error code, e.g. FIELD_CUSTOM_VALIDATION_EXCEPTION" }),
    message: z.string(),
    permanent: z.boolean().openapi({ description: 'not retried until the values to write change or an admin retries it' }),
    values: z.record(z.string().nullable()).openapi({ description: 'the field values the write tried' }),
    failedAt: z.string().nullable(),
    lastWrittenAt: z.string().nullable(),
  })
  .openapi('SalesforceWritebackFailure');
const Flag = z.object({
  code: z.enum(CONTEXT_FLAG_CODES).openapi({
    description:
      "NO_REGISTERED_DEAL and CLOSED_LOST_OPPORTUNITY from the CRM; PRICE_BELOW_FLOOR: a line's cost (its counter-offer's if any) is below the program floor; PRICE_AT_OR_ABOVE_BOOK_COST and COUNTER_AT_OR_ABOVE_BOOK_COST: a line's requested or counter-offer cost is at or above its bookCost, so an authorization at that cost recovers nothing (core/requests/line-flags.ts, the same flags as the request API's lines). A flag informs the approver, it never refuses",
  }),
  message: z.string(),
  lineId: z.number().int().optional().openapi({ description: 'the request line the flag is about (the price flags)' }),
});
const ApprovalContext = z
  .object({
    request: RequestForContextSchema,
    crm: z.object({
      linkedBy: z.enum(['request', 'matched', 'suggested']).nullable().openapi({
        description:
          'request: the Ids on the request; matched: through accounts linked by Salesforce Id or external id; suggested: a name was involved (never written back); null: none found',
      }),
      confident: z.boolean(),
      opportunity: z
        .object({
          sfId: z.string(),
          name: z.string(),
          accountSfId: z.string().nullable(),
          accountName: z.string().nullable(),
          stageName: z.string(),
          isClosed: z.boolean(),
          isWon: z.boolean(),
          amount: z.string().nullable(),
          currency: z.string().nullable().openapi({ description: "the record's CurrencyIsoCode" }),
          closeDate: z.string().nullable(),
          systemModstamp: z.string(),
          isDeleted: z.boolean(),
        })
        .nullable(),
      dealRegistration: z
        .object({
          sfId: z.string(),
          name: z.string(),
          endCustomerSfId: z.string().nullable(),
          endCustomerName: z.string().nullable(),
          distributorName: z.string().nullable(),
          opportunitySfId: z.string().nullable(),
          status: z.string().nullable(),
          productCodes: z.string().nullable(),
          expiresOn: z.string().nullable(),
          systemModstamp: z.string(),
          isDeleted: z.boolean(),
        })
        .nullable(),
      alternatives: z
        .object({ opportunities: z.array(z.string()), dealRegistrations: z.array(z.string()) })
        .openapi({ description: 'other candidates the approver could pick (Ids only)' }),
      designWins: z
        .array(
          z.object({
            sfId: z.string(),
            name: z.string(),
            stageName: z.string(),
            amount: z.string().nullable(),
            currency: z.string().nullable(),
            closeDate: z.string().nullable(),
          }),
        )
        .openapi({ description: "the end customer's won opportunities" }),
      lastSyncAt: z.string().nullable(),
    }),
    priceHistory: z.array(
      z.object({
        productId: z.number().int(),
        vendorPartNumber: z.string(),
        authorizations: z.array(
          z.object({
            authorizationNumber: z.string(),
            version: z.number().int(),
            status: z.string(),
            distributorId: z.number().int(),
            authorizedCost: z.string(),
            approvedQuantity: z.number().int(),
            consumedQuantity: z.number().int(),
            validFrom: z.string(),
            validTo: z.string(),
          }),
        ),
        claimLines: z.array(
          z.object({
            claimId: z.number().int(),
            distributorId: z.number().int(),
            invoiceDate: z.string(),
            quantity: z.number().int(),
            authorizedCost: z.string().nullable(),
            resalePrice: z.string().nullable(),
            verdict: z.string(),
          }),
        ),
      }),
    ),
    flags: z.array(Flag),
  })
  .openapi('ApprovalContext');

const SalesforceId = z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, 'a 15- or 18-character Salesforce Id');
const CrmLinkInput = z
  .object({ opportunityId: SalesforceId.nullable().default(null), dealRegistrationId: SalesforceId.nullable().default(null) })
  .openapi('CrmLinkInput');

const AccountSuggestion = z
  .object({
    account: z.object({ id: z.number().int(), type: z.string(), name: z.string() }),
    crmAccount: z.object({ sfId: z.string(), name: z.string(), externalId: z.string().nullable() }),
  })
  .openapi('SalesforceAccountSuggestion');
const AccountLinkInput = z
  .object({ accountId: z.number().int().positive(), sfId: SalesforceId, decision: z.enum(['confirm', 'reject']) })
  .openapi('SalesforceAccountLinkInput');
const AccountLink = z
  .object({ accountId: z.number().int(), sfId: z.string(), status: z.enum(['confirmed', 'rejected']) })
  .openapi('SalesforceAccountLink');

const tags = ['integrations'];
describeRoute({
  method: 'get',
  path: '/api/integrations/salesforce/account-suggestions',
  summary: 'End customers and distributors not linked by Id, with the Salesforce Accounts of the same name',
  tags,
  response: z.object({ items: z.array(AccountSuggestion), total: z.number() }),
  errors: { 403: 'FORBIDDEN: approvers only' },
});
describeRoute({
  method: 'post',
  path: '/api/integrations/salesforce/account-links',
  summary: 'Confirm or reject a suggested account match (audited)',
  tags,
  body: AccountLinkInput,
  response: AccountLink,
  errors: { 403: 'FORBIDDEN: approvers only', 422: 'UNKNOWN_ACCOUNT: the account or the Salesforce Account does not exist' },
});
describeRoute({
  method: 'post',
  path: '/api/integrations/salesforce/sync',
  summary: 'Run a Salesforce sync now (pull, write-back, closed-lost expiry)',
  tags,
  response: SyncRun,
});
describeRoute({
  method: 'get',
  path: '/api/integrations/salesforce/runs',
  summary: 'Salesforce sync runs, newest first',
  tags,
  query: RunsQuery,
  response: z.object({ items: z.array(SyncRun) }),
  errors: { 403: 'FORBIDDEN: vendor roles only' },
});
describeRoute({
  method: 'get',
  path: '/api/integrations/salesforce/writeback-failures',
  summary: 'Write-backs Salesforce refused (a validation rule, a deleted record) or that failed last time, permanent ones first',
  tags,
  query: RunsQuery,
  response: z.object({ items: z.array(WritebackFailure) }),
  errors: { 403: 'FORBIDDEN: vendor admins only' },
});
describeRoute({
  method: 'post',
  path: '/api/integrations/salesforce/writeback-failures/:id/retry',
  summary: 'Try a failed write-back again now (after the record or the rule was fixed); audited',
  tags,
  params: IdParam,
  response: z.record(z.number()).openapi({ description: 'the write-back counts: written, unchanged, failed, permanent, held, calls' }),
  errors: { 403: 'FORBIDDEN: vendor admins only', 404: 'NOT_FOUND: no failed write-back with this id' },
});
describeRoute({
  method: 'get',
  path: '/api/approval-queue',
  summary: 'Pending requests with their opportunity, deal registration, price history and flags',
  tags: ['requests'],
  response: z.object({ items: z.array(ApprovalContext), total: z.number() }),
  errors: { 403: 'FORBIDDEN: approvers only (channel managers and vendor admins)' },
});
describeRoute({
  method: 'post',
  path: '/api/requests/:id/crm-link',
  summary: 'Link a request to an opportunity and/or deal registration by Salesforce Id (written back at once)',
  tags: ['requests'],
  params: IdParam,
  body: CrmLinkInput,
  response: ApprovalContext,
});
describeRoute({
  method: 'get',
  path: '/api/requests/:id/context',
  summary: 'The CRM context and flags of one request',
  tags: ['requests'],
  params: IdParam,
  response: ApprovalContext,
});

/** Write-backs started by decisions; tests and shutdown wait for them. */
const inFlight = new Set<Promise<unknown>>();
export const writebacksSettled = () => Promise.allSettled([...inFlight]);
let subscribed = false;
/** Every committed decision is written back to Salesforce; subscribed once, however many apps are created. */
function writeBackOnDecisions() {
  if (subscribed) return;
  requestEvents.on('request.decided', ({ requestId }) => writeBackSoon(requestId));
  subscribed = true;
}
function writeBackSoon(requestId: number) {
  const p = writeBackRequest(requestId)
    .catch((err: Error) => console.warn(`Salesforce write-back of request ${requestId} failed: ${err.message}`))
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}

export function integrationsRouter(config: Config) {
  const configured = salesforceSettingsFrom(config);
  if (configured) useSalesforceSettings(configured);
  writeBackOnDecisions();
  const r = Router();

  r.post('/integrations/salesforce/sync', async (req, res) => {
    const actor = authorize(req, 'integration.manage');
    res.json(await runSalesforceSync(actor, 'manual'));
  });
  r.get('/integrations/salesforce/runs', async (req, res) => {
    authorize(req, 'audit.read');
    res.json({ items: await listSyncRuns(parse(RunsQuery, req.query, 'query').limit) });
  });
  r.get('/integrations/salesforce/writeback-failures', async (req, res) => {
    authorize(req, 'integration.manage');
    res.json({ items: await writebackFailures(parse(RunsQuery, req.query, 'query').limit) });
  });
  r.post('/integrations/salesforce/writeback-failures/:id/retry', async (req, res) => {
    const actor = authorize(req, 'integration.manage');
    const counts = await retryWriteback(actor, parse(IdParam, req.params, 'params').id);
    if (!counts) throw new AppError('SALESFORCE_NOT_CONFIGURED', 'Salesforce is not configured (see docs/salesforce.md)', 409);
    res.json(counts);
  });
  r.get('/integrations/salesforce/account-suggestions', async (req, res) => {
    authorize(req, 'request.decide');
    res.json(await accountSuggestions());
  });
  r.post('/integrations/salesforce/account-links', async (req, res) => {
    const actor = authorize(req, 'request.decide');
    res.json(await decideAccountLink(actor, parse(AccountLinkInput, req.body)));
  });
  r.get('/approval-queue', async (req, res) => {
    res.json(await approvalQueue(authorize(req, 'request.decide')));
  });
  r.get('/requests/:id/context', async (req, res) => {
    res.json(await requestContext(requireActor(req), parse(IdParam, req.params, 'params').id));
  });
  r.post('/requests/:id/crm-link', async (req, res) => {
    const actor = authorize(req, 'request.decide');
    const { id } = parse(IdParam, req.params, 'params');
    const context = await linkRequest(actor, id, parse(CrmLinkInput, req.body));
    writeBackSoon(id);
    res.json(context);
  });
  return r;
}
