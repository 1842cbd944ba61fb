/**
 * The finance hand-off (issue 16 part 4): the account codes and the ERP switch (audited), the
 * credit-memo list, the journal export, and month closes. The journal is written by the settlement
 * service only (server/settlement/journal.service.ts); this reads it.
 */
import { csvDecimalColumn, toCsv, type CsvDialect } from '../../core/csv.js';
import { PROGRAM_TYPES } from '../../core/domain.js';
import {
  accountsFor,
  JOURNAL_COLUMNS,
  monthFigures,
  type AccountCodes,
  type JournalExportRow,
  type MonthFigures,
} from '../../core/finance/journal.js';
import { Money, moneyToString, parseMoney } from '../../core/money.js';
import { distributorFilter, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, conflict } from '../errors.js';
import { encodeCursor } from '../http/cursor.js';
import * as repo from './finance.repository.js';
import * as settlement from '../settlement/settlement.service.js';

export async function settings() {
  const table = await repo.accountTable();
  return {
    erpReferenceRequired: await repo.erpReferenceRequired(),
    accounts: PROGRAM_TYPES.map((programType) => ({ programType, ...accountsFor(table, programType), own: programType in table })),
  };
}

export async function setSettings(actor: Actor, input: { erpReferenceRequired: boolean }) {
  await repo.inTransaction(async (t) => {
    const before = await repo.erpReferenceRequired(t);
    await repo.setErpReferenceRequired(input.erpReferenceRequired, actor.userId, t);
    await recordAudit(
      actor,
      {
        action: 'finance.settings_changed',
        entityType: 'finance_settings',
        entityId: 1,
        before: { erpReferenceRequired: before },
        after: { erpReferenceRequired: input.erpReferenceRequired },
      },
      t,
    );
  });
  return settings();
}

export async function setAccounts(actor: Actor, programType: string, codes: AccountCodes) {
  await repo.inTransaction(async (t) => {
    const before = accountsFor(await repo.accountTable(t), programType);
    await repo.upsertAccounts(programType, codes, actor.userId, t);
    await recordAudit(
      actor,
      { action: 'finance.accounts_changed', entityType: 'finance_accounts', entityId: programType, before, after: codes },
      t,
    );
  });
  return settings();
}

export async function creditMemos(
  actor: Actor,
  q: { distributorId?: number; from?: string; to?: string; limit: number; cursor?: number[] },
) {
  // A distributor sees its own (another's id is a 403); a vendor user one distributor or all.
  const filter = { distributorId: distributorFilter(actor, q.distributorId) ?? null, from: q.from, to: q.to };
  const rows = await repo.creditMemoPage(filter, q.cursor, q.limit + 1);
  const items = rows.slice(0, q.limit);
  return {
    items: items.map(({ key: _key, issuedAt, ...r }) => ({ ...r, issuedAt: issuedAt.toISOString() })),
    totals: await repo.creditMemoTotals(filter),
    nextCursor: rows.length > q.limit ? encodeCursor('credit-memos', items[items.length - 1]!.key) : null,
  };
}

function badRange(from?: string, to?: string) {
  if (from && to && from > to)
    throw new AppError('VALIDATION_FAILED', 'from must not be after to', 400, { errors: [{ field: 'from', message: 'on or before to' }] });
}

/** The journal of a date range: entries with their lines, and the debits and credits per currency. */
export async function journal(q: { from?: string; to?: string }) {
  badRange(q.from, q.to);
  const entries = await repo.entriesBetween(q.from, q.to);
  const totals = new Map<string, { debit: Money; credit: Money }>();
  for (const e of entries)
    for (const l of e.lines) {
      const t = totals.get(e.currency) ?? { debit: new Money(0), credit: new Money(0) };
      t.debit = t.debit.plus(parseMoney(l.debit));
      t.credit = t.credit.plus(parseMoney(l.credit));
      totals.set(e.currency, t);
    }
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    entries: entries.map(({ createdAt: _c, ...e }) => e),
    totals: [...totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, t]) => ({ currency, debit: moneyToString(t.debit), credit: moneyToString(t.credit) })),
  };
}

/** The journal's amounts: written with the dialect's decimal mark (an account code, `4950.10`, is text). */
const JOURNAL_DECIMALS: ReadonlySet<string> = new Set(['debit', 'credit'] satisfies (typeof JOURNAL_COLUMNS)[number][]);

/** The journal as CSV in a dialect: one row per journal line, its entry's fields repeated (core's JOURNAL_COLUMNS). */
export function journalCsv(view: Awaited<ReturnType<typeof journal>>, dialect?: CsvDialect): string {
  const rows: JournalExportRow[] = view.entries.flatMap(({ lines, id, amount: _a, eventDay: _d, ...e }) =>
    lines.map((l) => ({ entryId: id, ...e, ...l })),
  );
  return toCsv(
    JOURNAL_COLUMNS.map((c) => (JOURNAL_DECIMALS.has(c) ? csvDecimalColumn(c) : c)),
    rows.map((r) => JOURNAL_COLUMNS.map((c) => r[c])),
    dialect,
  );
}

// ---- month closes -------------------------------------------------------------------------------

const figuresNow = async (month: string, t?: repo.Tx) => monthFigures(month, await repo.entriesOfMonth(month, t));

function periodView(month: string, row: Awaited<ReturnType<typeof repo.periodOf>>, figures: MonthFigures) {
  return {
    month,
    status: (row?.status ?? 'open') as 'open' | 'closed',
    figures,
    closedByUserId: row?.closedByUserId ?? null,
    closedAt: row?.closedAt?.toISOString() ?? null,
    reopenedByUserId: row?.reopenedByUserId ?? null,
    reopenedAt: row?.reopenedAt?.toISOString() ?? null,
    reopenReason: row?.reopenReason ?? null,
  };
}

/** A month: its stored figures when closed, the journal's now when open. */
export async function period(month: string) {
  const row = await repo.periodOf(month);
  const figures = row?.status === 'closed' && row.figures ? (JSON.parse(row.figures) as MonthFigures) : await figuresNow(month);
  return periodView(month, row, figures);
}

/** Every month with entries or a close, newest first. */
export async function periods() {
  return Promise.all((await repo.listMonths()).map((month) => period(month)));
}

/**
 * Closes a month: no entry is dated into it afterwards (later changes post into the first open
 * month, saying so), and its figures are stored as reported now. A month still to come is refused.
 */
export async function closeMonth(actor: Actor, month: string) {
  const current = new Date().toISOString().slice(0, 7);
  if (month > current)
    throw new AppError('MONTH_NOT_STARTED', `${month} has not started: a month is closed once it has begun (now ${current})`, 422, {
      errors: [{ field: 'month', message: `not after ${current}` }],
    });
  await repo.inTransaction(async (t) => {
    const row = await repo.periodOf(month, t);
    if (row?.status === 'closed') throw conflict('MONTH_CLOSED', `${month} is closed already (an administrator reopens it, with a reason)`);
    await repo.markClosed(month, actor.userId, t);
    const figures = await figuresNow(month, t);
    await repo.storeFigures(month, JSON.stringify(figures), t);
    await recordAudit(
      actor,
      {
        action: 'finance_period.closed',
        entityType: 'finance_period',
        entityId: month,
        before: { status: row?.status ?? 'open' },
        after: { status: 'closed', figures },
      },
      t,
    );
  });
  return period(month);
}

/** Reopens a closed month: an administrator, with a reason (audited with the figures it had). */
export async function reopenMonth(actor: Actor, month: string, reason: string) {
  await repo.inTransaction(async (t) => {
    const row = await repo.periodOf(month, t);
    if (row?.status !== 'closed') throw conflict('MONTH_NOT_CLOSED', `${month} is not closed`);
    await repo.reopenPeriod(month, reason, actor.userId, t);
    await recordAudit(
      actor,
      {
        action: 'finance_period.reopened',
        entityType: 'finance_period',
        entityId: month,
        before: { status: 'closed', figures: row.figures ? JSON.parse(row.figures) : null },
        after: { status: 'open' },
        reason,
      },
      t,
    );
  });
  return period(month);
}

/** The ERP reference of a memo paid without one (set once; the settlement service writes it). */
export function setErpReference(actor: Actor, number: string, erpReference: string) {
  return repo.inTransaction((t) => settlement.setErpReference(actor, number, erpReference, t));
}
