/**
 * The finance journal's rules (issue 16 part 4), plain TypeScript: which accounts an entry of each
 * kind debits and credits, the months entries post into, and the one column table of the journal
 * export (CSV and JSON both come from it).
 *
 * Kinds:
 *  - accrual: an amount became payable (a claim's approved total rose, a rebate period closed or was
 *    adjusted up): Dr expense, Cr accrued liability;
 *  - reversal: a payable amount went away (lines rejected or adjusted down, an authorization
 *    cancelled under claims in review, a rebate adjusted down): Dr accrued liability, Cr expense;
 *  - payment: a credit memo was issued: Dr accrued liability (the whole accrued amount), Cr payable
 *    (the memo's net), Cr expense (what returns' debits took back from it).
 * So the accrued-liability balance of a source is zero once it is paid, and every entry balances.
 */
import type { ProgramType } from '../domain.js';
import { Money, moneyToString, parseMoney, sumMoney, type Money as MoneyValue } from '../money.js';

export const JOURNAL_KINDS = ['accrual', 'reversal', 'payment'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** What a journal entry is about: a claim, or a rebate period (its credit memo lives on the period). */
export type JournalSource = 'claim' | 'rebate_period';

/** The three account codes a program type posts to. */
export interface AccountCodes {
  /** the cost of the credits (contra-revenue or expense) */
  expense: string;
  /** the accrued liability: approved, not yet paid */
  accrued: string;
  /** what a credit memo credits: the distributor's receivable / the AP clearing the ERP settles */
  payable: string;
}

/** The codes used until an administrator sets a program type's own (a common chart of accounts). */
export const DEFAULT_ACCOUNTS: AccountCodes = { expense: '4950', accrued: '2150', payable: '1200' };

/** An account code: letters, digits, dots and dashes, as ERPs spell them (1 to 40 characters). */
export const ACCOUNT_CODE = /^[A-Za-z0-9][A-Za-z0-9.\-_]{0,39}$/;

export interface JournalLine {
  account: string;
  /** 4-decimal strings; one of the two is 0 */
  debit: string;
  credit: string;
}

const line = (account: string, debit: MoneyValue, credit: MoneyValue): JournalLine => ({
  account,
  debit: moneyToString(debit),
  credit: moneyToString(credit),
});

/**
 * The lines of one entry. `amount` is the entry's amount (positive); for a payment, `returnsTaken`
 * is the part of it returns' debits took back (the memo's net is `amount - returnsTaken`).
 */
export function entryLines(
  kind: JournalKind,
  amount: MoneyValue,
  accounts: AccountCodes,
  returnsTaken: MoneyValue = new Money(0),
): JournalLine[] {
  if (!amount.greaterThan(0)) throw new RangeError(`a journal entry is for a positive amount, not ${moneyToString(amount)}`);
  const zero = new Money(0);
  switch (kind) {
    case 'accrual':
      return [line(accounts.expense, amount, zero), line(accounts.accrued, zero, amount)];
    case 'reversal':
      return [line(accounts.accrued, amount, zero), line(accounts.expense, zero, amount)];
    case 'payment': {
      if (returnsTaken.isNegative() || returnsTaken.greaterThan(amount))
        throw new RangeError(`returns taken ${moneyToString(returnsTaken)} must be between 0 and ${moneyToString(amount)}`);
      const net = amount.minus(returnsTaken);
      const out = [line(accounts.accrued, amount, zero)];
      if (net.greaterThan(0)) out.push(line(accounts.payable, zero, net));
      if (returnsTaken.greaterThan(0)) out.push(line(accounts.expense, zero, returnsTaken));
      return out;
    }
  }
}

/** Debits minus credits of an entry's lines: zero for a balanced entry. */
export function imbalance(lines: readonly Pick<JournalLine, 'debit' | 'credit'>[]): MoneyValue {
  return sumMoney(lines.map((l) => parseMoney(l.debit))).minus(sumMoney(lines.map((l) => parseMoney(l.credit))));
}

/**
 * What moves the accrued amount of a source from `accrued` to `target`: an accrual of the rise, a
 * reversal of the fall, or nothing.
 */
export function accrualStep(accrued: MoneyValue, target: MoneyValue): { kind: 'accrual' | 'reversal'; amount: MoneyValue } | null {
  const delta = target.minus(accrued);
  if (delta.isZero()) return null;
  return delta.greaterThan(0) ? { kind: 'accrual', amount: delta } : { kind: 'reversal', amount: delta.negated() };
}

// ---------------------------------------------------------------------------------------------
// Months

/** A month as YYYY-MM (2026-01 to 9999-12). */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month (YYYY-MM) of a day (YYYY-MM-DD) or an instant (its UTC day). */
export function monthOf(day: string | Date): string {
  return (typeof day === 'string' ? day : day.toISOString()).slice(0, 7);
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The first and last day of a month (YYYY-MM-DD). */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * Where an entry that happened on `day` posts: its own month when open, else the first open month
 * after it (the first day of that month), with the words that say so.
 */
export function postingDay(day: string, isClosed: (month: string) => boolean): { day: string; month: string; note: string | null } {
  let month = monthOf(day);
  if (!isClosed(month)) return { day, month, note: null };
  const closed = month;
  do month = nextMonth(month);
  while (isClosed(month));
  return { day: `${month}-01`, month, note: `dated ${day}, in the closed month ${closed}: posted into ${month}, the first open month` };
}

// ---------------------------------------------------------------------------------------------
// The export's columns: one table for the CSV header, the CSV cells and the JSON fields.

/** What an entry says of itself, besides its lines: the journal's JSON entry and each CSV row repeat it. */
export interface JournalEntryHead {
  entryDate: string;
  month: string;
  kind: JournalKind;
  source: JournalSource;
  sourceId: number;
  sourceNumber: string;
  distributorId: number;
  programType: string | null;
  currency: string;
  creditMemoNumber: string | null;
  erpReference: string | null;
  note: string | null;
}

/** One row of the export: one journal line with its entry's fields. */
export type JournalExportRow = JournalEntryHead & JournalLine & { entryId: number };

/** The columns of the journal export, in order: one line per journal line, its entry's fields repeated. */
export const JOURNAL_COLUMNS = [
  'entryId',
  'entryDate',
  'month',
  'kind',
  'source',
  'sourceId',
  'sourceNumber',
  'distributorId',
  'programType',
  'currency',
  'creditMemoNumber',
  'erpReference',
  'account',
  'debit',
  'credit',
  'note',
] as const satisfies readonly (keyof JournalExportRow)[];

/** The program types' names where one has its own accounts. */
export type AccountTable = Partial<Record<ProgramType, AccountCodes>>;

/** The codes a program type posts to: its own, else the defaults. */
export function accountsFor(table: AccountTable, programType: string | null): AccountCodes {
  return (programType && table[programType as ProgramType]) || DEFAULT_ACCOUNTS;
}

/** The figures of a month: per currency and account, debits and credits; per currency and kind, the amounts. */
export interface MonthFigures {
  month: string;
  entries: number;
  byAccount: { currency: string; account: string; debit: string; credit: string }[];
  byKind: { currency: string; kind: JournalKind; amount: string }[];
}

/** Sums a month's entries into its figures (sorted, so two computations of one month compare equal). */
export function monthFigures(
  month: string,
  entries: readonly { kind: JournalKind; currency: string; amount: string; lines: readonly JournalLine[] }[],
): MonthFigures {
  const accounts = new Map<string, { currency: string; account: string; debit: MoneyValue; credit: MoneyValue }>();
  const kinds = new Map<string, { currency: string; kind: JournalKind; amount: MoneyValue }>();
  for (const e of entries) {
    const k = `${e.currency}\u0000${e.kind}`;
    const kindRow = kinds.get(k) ?? { currency: e.currency, kind: e.kind, amount: new Money(0) };
    kindRow.amount = kindRow.amount.plus(parseMoney(e.amount));
    kinds.set(k, kindRow);
    for (const l of e.lines) {
      const a = `${e.currency}\u0000${l.account}`;
      const row = accounts.get(a) ?? { currency: e.currency, account: l.account, debit: new Money(0), credit: new Money(0) };
      row.debit = row.debit.plus(parseMoney(l.debit));
      row.credit = row.credit.plus(parseMoney(l.credit));
      accounts.set(a, row);
    }
  }
  const byKey = (a: { k: string }, b: { k: string }) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0);
  return {
    month,
    entries: entries.length,
    byAccount: [...accounts.entries()]
      .map(([k, r]) => ({ k, r }))
      .sort(byKey)
      .map(({ r }) => ({ currency: r.currency, account: r.account, debit: moneyToString(r.debit), credit: moneyToString(r.credit) })),
    byKind: [...kinds.entries()]
      .map(([k, r]) => ({ k, r }))
      .sort(byKey)
      .map(({ r }) => ({ currency: r.currency, kind: r.kind, amount: moneyToString(r.amount) })),
  };
}
