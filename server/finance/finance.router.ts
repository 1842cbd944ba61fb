/** The finance hand-off API (issue 16 part 4): thin routes over finance.service.ts; shapes in finance.schemas.ts. */
import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { sendCsv } from '../http/csv-export.js';
import { describeRoute } from '../http/openapi.js';
import { DISTRIBUTOR_FILTER_FORBIDDEN } from '../http/tenant.js';
import { parse } from '../http/validate.js';
import {
  AccountCodes,
  CreditMemoList,
  CreditMemoQuery,
  FinancePeriodView,
  FinanceSettingsInput,
  FinanceSettingsView,
  JournalQuery,
  JournalView,
  MonthParam,
  MonthReadParam,
  ProgramTypeParam,
  ReopenInput,
} from './finance.schemas.js';
import * as service from './finance.service.js';
import { MONTH } from '../../core/finance/journal.js';
import { notFound } from '../errors.js';
import { z } from '../http/openapi.js';

const tags = ['finance'];
const financeOnly = { 403: 'FORBIDDEN: vendor admins and finance only' };
describeRoute({
  method: 'get',
  path: '/api/finance/settings',
  summary: "The ERP-reference switch and each program type's account codes",
  tags,
  response: FinanceSettingsView,
  errors: financeOnly,
});
describeRoute({
  method: 'put',
  path: '/api/finance/settings',
  summary: 'Require (or not) the ERP reference before a credit memo is paid (vendor admins; audited)',
  tags,
  body: FinanceSettingsInput,
  response: FinanceSettingsView,
});
describeRoute({
  method: 'put',
  path: '/api/finance/accounts/:programType',
  summary: 'The account codes a program type posts to (vendor admins; audited); entries posted later use them',
  tags,
  params: ProgramTypeParam,
  body: AccountCodes,
  response: FinanceSettingsView,
});
describeRoute({
  method: 'get',
  path: '/api/finance/credit-memos',
  summary: 'Credit memos of claims and rebate periods, newest first, with the ERP reference (a distributor: its own)',
  tags,
  query: CreditMemoQuery,
  response: CreditMemoList,
  errors: { 403: DISTRIBUTOR_FILTER_FORBIDDEN },
});
const MemoParam = z.object({ number: z.string().min(1).max(40).openapi({ description: 'the credit memo number (CM-…)' }) });
const ErpReferenceInput = z
  .object({ erpReference: z.string().trim().min(1).max(100).openapi({ description: "the memo's reference in the ERP" }) })
  .strict();
describeRoute({
  method: 'post',
  path: '/api/finance/credit-memos/:number/erp-reference',
  summary: 'Record the ERP reference of a credit memo paid without one (once: a reference the ERP holds is never changed); audited',
  tags,
  params: MemoParam,
  body: ErpReferenceInput,
  response: z.object({ creditMemoNumber: z.string(), erpReference: z.string() }),
  errors: { ...financeOnly, 404: 'NOT_FOUND: no such credit memo', 409: 'ERP_REFERENCE_SET: the memo has its ERP reference already' },
});
describeRoute({
  method: 'get',
  path: '/api/finance/journal',
  summary: 'The journal (accruals, reversals, payments) posted in a date range, as JSON or CSV',
  tags,
  query: JournalQuery,
  response: JournalView,
  produces: {
    mediaType: 'text/csv',
    description: 'JSON, or with format=csv one row per journal line (delimiter and decimal, else Accept-Language, choose the dialect)',
  },
  errors: financeOnly,
});
describeRoute({
  method: 'get',
  path: '/api/finance/periods',
  summary: 'The months of the journal (with entries, closed or reopened), newest first, each with its status',
  tags,
  response: z.object({ items: z.array(FinancePeriodView) }),
  errors: financeOnly,
});
describeRoute({
  method: 'get',
  path: '/api/finance/periods/:month',
  summary: "A month's figures: as stored when it was closed, or as the journal holds them while open",
  tags,
  params: MonthReadParam,
  response: FinancePeriodView,
  errors: { ...financeOnly, 404: 'NOT_FOUND: not a month (YYYY-MM)' },
});
describeRoute({
  method: 'post',
  path: '/api/finance/periods/:month/close',
  summary: 'Close a month: its figures are stored, and no entry is dated into it afterwards (audited)',
  tags,
  params: MonthParam,
  response: FinancePeriodView,
  errors: {
    409: 'MONTH_CLOSED: the month is closed already',
    422: 'MONTH_NOT_STARTED: a month still to come',
  },
});
describeRoute({
  method: 'post',
  path: '/api/finance/periods/:month/reopen',
  summary: 'Reopen a closed month (vendor admins, with a reason; audited)',
  tags,
  params: MonthParam,
  body: ReopenInput,
  response: FinancePeriodView,
  errors: { 409: 'MONTH_NOT_CLOSED: the month is not closed' },
});

export function financeRouter() {
  const r = Router();
  const month = (req: { params: unknown }) => parse(MonthParam, req.params, 'params').month;
  r.get('/settings', async (req, res) => {
    authorize(req, 'finance.read');
    res.json(await service.settings());
  });
  r.put('/settings', async (req, res) => {
    const actor = authorize(req, 'finance.configure');
    res.json(await service.setSettings(actor, parse(FinanceSettingsInput, req.body)));
  });
  r.put('/accounts/:programType', async (req, res) => {
    const actor = authorize(req, 'finance.configure');
    const { programType } = parse(ProgramTypeParam, req.params, 'params');
    res.json(await service.setAccounts(actor, programType, parse(AccountCodes, req.body)));
  });
  r.get('/credit-memos', async (req, res) => {
    res.json(await service.creditMemos(requireActor(req), parse(CreditMemoQuery, req.query, 'query')));
  });
  r.post('/credit-memos/:number/erp-reference', async (req, res) => {
    const actor = authorize(req, 'claim.pay');
    const { number } = parse(MemoParam, req.params, 'params');
    res.json(await service.setErpReference(actor, number, parse(ErpReferenceInput, req.body).erpReference));
  });
  r.get('/journal', async (req, res) => {
    authorize(req, 'finance.read');
    const q = parse(JournalQuery, req.query, 'query');
    const view = await service.journal(q);
    if (q.format === 'json') return void res.json(view);
    await sendCsv(req, res, q, `journal${q.from ? `-${q.from}` : ''}${q.to ? `-${q.to}` : ''}.csv`, (dialect) =>
      service.journalCsv(view, dialect),
    );
  });
  r.get('/periods', async (req, res) => {
    authorize(req, 'finance.read');
    res.json({ items: await service.periods() });
  });
  r.get('/periods/:month', async (req, res) => {
    authorize(req, 'finance.read');
    const { month: asked } = parse(MonthReadParam, req.params, 'params');
    if (!MONTH.test(asked)) throw notFound(`month ${asked}`);
    res.json(await service.period(asked));
  });
  r.post('/periods/:month/close', async (req, res) => {
    const actor = authorize(req, 'finance.close');
    res.json(await service.closeMonth(actor, month(req)));
  });
  r.post('/periods/:month/reopen', async (req, res) => {
    const actor = authorize(req, 'finance.reopen');
    res.json(await service.reopenMonth(actor, month(req), parse(ReopenInput, req.body).reason));
  });
  return r;
}
