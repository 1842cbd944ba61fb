/**
 * The journal, written by the settlement service only, in the transaction of the change it records
 * (core/finance/journal.ts has the rules): a claim's approved total or a rebate period's amount
 * moved (accrual or reversal of the difference), a credit memo issued (payment). An entry is dated
 * the day it happens, or, when that day's month is closed, the first day of the first open month
 * after it, and says so in its note. A posted credit memo is announced (`credit_memo.posted`), and
 * the webhooks push it.
 */
import type { Tx as Transaction } from '../database.repository.js';
import {
  accountsFor,
  accrualStep,
  entryLines,
  monthOf,
  nextMonth,
  postingDay,
  type JournalKind,
  type JournalLine,
  type JournalSource,
} from '../../core/finance/journal.js';
import { Money, moneyToString, parseMoney, sumMoney, type Money as MoneyValue } from '../../core/money.js';
import { AppError } from '../errors.js';
import { raiseEvent } from '../notifications/events.js';
import * as repo from './journal.repository.js';

const today = () => new Date().toISOString().slice(0, 10);

export interface PostedEntry {
  id: number;
  kind: JournalKind;
  entryDate: string;
  month: string;
  note: string | null;
  amount: string;
  currency: string;
  lines: JournalLine[];
}

interface EntryInput {
  kind: JournalKind;
  source: JournalSource;
  sourceId: number;
  sourceNumber: string;
  distributorId: number;
  programType: string | null;
  currency: string;
  amount: MoneyValue;
  /** the day it happened (today unless said) */
  eventDay?: string;
  returnsTaken?: MoneyValue;
  creditMemoNumber?: string | null;
  externalRef?: string | null;
  userId: number | null;
}

async function post(e: EntryInput, t: Transaction): Promise<PostedEntry> {
  const eventDay = e.eventDay ?? today();
  // The closed months from the event's on, each read once (with its shared lock) until an open one.
  const closed = new Set<string>();
  for (let month = monthOf(eventDay); await repo.monthClosed(month, t); month = nextMonth(month)) closed.add(month);
  const where = postingDay(eventDay, (x) => closed.has(x));
  const lines = entryLines(e.kind, e.amount, accountsFor(await repo.accountTable(t), e.programType), e.returnsTaken);
  const amount = moneyToString(e.amount);
  const id = await repo.insertEntry(
    {
      kind: e.kind,
      sourceType: e.source,
      sourceId: e.sourceId,
      sourceNumber: e.sourceNumber,
      distributorId: e.distributorId,
      programType: e.programType,
      currency: e.currency,
      amount,
      eventDay,
      entryDate: where.day,
      month: where.month,
      note: where.note,
      creditMemoNumber: e.creditMemoNumber ?? null,
      externalRef: e.externalRef ?? null,
      createdByUserId: e.userId,
    },
    lines,
    t,
  );
  return { id, kind: e.kind, entryDate: where.day, month: where.month, note: where.note, amount, currency: e.currency, lines };
}

const accrued = async (source: JournalSource, id: number, t: Transaction) =>
  sumMoney(
    (await repo.accrualsOf(source, id, t)).map((r) => (r.kind === 'accrual' ? parseMoney(r.amount) : parseMoney(r.amount).negated())),
  );

/**
 * Brings a claim's accrual to its approved total (an accrual of a rise, a reversal of a fall); the
 * claim paths call it wherever they set the total. Nothing once the claim is paid (its payment
 * closed the accrual).
 */
export async function accrueClaim(claimId: number, userId: number | null, t: Transaction): Promise<PostedEntry | null> {
  const c = await repo.claimForJournal(claimId, t);
  if (!c || c.status === 'paid') return null;
  const step = accrualStep(await accrued('claim', claimId, t), parseMoney(c.approvedTotal));
  if (!step) return null;
  return post(
    {
      ...step,
      source: 'claim',
      sourceId: c.id,
      sourceNumber: c.number,
      distributorId: c.distributorId,
      programType: c.programType,
      currency: c.currency,
      userId,
    },
    t,
  );
}

/** Brings a rebate period's accrual to its amount payable; a close accrues on the period's last day (today at the latest). */
export async function accrueRebatePeriod(periodId: number, userId: number, t: Transaction, eventDay?: string) {
  const p = (await repo.rebatePeriodForJournal(periodId, t))!;
  const step = accrualStep(await accrued('rebate_period', periodId, t), parseMoney(p.amount));
  if (!step) return null;
  return post(
    {
      ...step,
      source: 'rebate_period',
      sourceId: p.id,
      sourceNumber: `RP-${p.id}`,
      distributorId: p.distributorId,
      programType: 'rebate',
      currency: p.currency,
      eventDay,
      userId,
    },
    t,
  );
}

/** Refuses to pay without the ERP's reference when the vendor's setting asks for one. */
export async function requireErpReference(externalRef: string | null, t: Transaction) {
  if ((externalRef ?? '').trim() === '' && (await repo.erpReferenceRequired(t)))
    throw new AppError(
      'ERP_REFERENCE_REQUIRED',
      'the vendor requires the ERP reference of a credit memo before it counts as paid: send externalRef',
      422,
      { errors: [{ field: 'externalRef', message: 'required (finance setting erpReferenceRequired)' }] },
    );
}

export interface CreditMemoPosting {
  source: JournalSource;
  sourceId: number;
  sourceNumber: string;
  distributorId: number;
  programType: string | null;
  currency: string;
  /** what was accrued and is paid now; `net` is the memo's amount (gross less returns' debits) */
  gross: string;
  net: string;
  creditMemoNumber: string;
  externalRef: string | null;
  userId: number;
}

/**
 * A credit memo's payment entry (the whole accrual out: the memo's net to payable, returns' debits
 * back to expense), and its event once the transaction commits.
 */
export async function postCreditMemo(p: CreditMemoPosting, t: Transaction): Promise<PostedEntry | null> {
  const gross = parseMoney(p.gross);
  const returnsTaken = gross.minus(parseMoney(p.net));
  const entry = gross.greaterThan(0)
    ? await post(
        {
          kind: 'payment',
          source: p.source,
          sourceId: p.sourceId,
          sourceNumber: p.sourceNumber,
          distributorId: p.distributorId,
          programType: p.programType,
          currency: p.currency,
          amount: gross,
          returnsTaken: Money.max(returnsTaken, 0),
          creditMemoNumber: p.creditMemoNumber,
          externalRef: p.externalRef,
          userId: p.userId,
        },
        t,
      )
    : null;
  raiseEvent(
    {
      name: 'credit_memo.posted',
      distributorId: p.distributorId,
      entityType: p.source,
      entityId: p.sourceId,
      actorUserId: p.userId,
      summary: `Credit memo ${p.creditMemoNumber} posted to the journal: ${p.net} ${p.currency}${entry ? ` (${entry.month})` : ''}`,
      data: {
        creditMemo: p.creditMemoNumber,
        source: p.source,
        sourceId: p.sourceId,
        sourceNumber: p.sourceNumber,
        amount: p.net,
        currency: p.currency,
        erpReference: p.externalRef,
        journalEntry: entry && { id: entry.id, date: entry.entryDate, month: entry.month, note: entry.note, lines: entry.lines },
      },
    },
    t,
  );
  return entry;
}
