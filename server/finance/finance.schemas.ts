/** The finance API's shapes (issue 16 part 4); the journal's fields come from core/finance/journal.ts. */
import { ACCOUNT_CODE, JOURNAL_KINDS, MONTH } from '../../core/finance/journal.js';
import { PROGRAM_TYPES } from '../../core/domain.js';
import { cursorQuery, NextCursor } from '../http/cursor.js';
import { csvDialectQuery } from '../http/csv-export.js';
import { CurrencyCode } from '../http/money-schemas.js';
import { DateString, wholeNumber, z } from '../http/openapi.js';
import { DistributorFilterQuery } from '../http/tenant.js';

const Money = z.string().openapi({ description: 'a decimal string with 4 decimals', example: '1250.0000' });
const Source = z.enum(['claim', 'rebate_period']);
const AccountCode = z.string().regex(ACCOUNT_CODE, 'letters, digits, . - _ (1 to 40 characters)').openapi({ example: '2150' });

export const AccountCodes = z
  .object({
    expense: AccountCode.openapi({ description: 'the cost of the credits (debited by an accrual)' }),
    accrued: AccountCode.openapi({ description: 'the accrued liability (credited by an accrual, debited by a payment)' }),
    payable: AccountCode.openapi({ description: "what a credit memo credits (the distributor's receivable or AP clearing)" }),
  })
  .strict()
  .openapi('FinanceAccountCodes');

export const ProgramTypeParam = z.object({ programType: z.enum(PROGRAM_TYPES) });

export const FinanceSettingsView = z
  .object({
    erpReferenceRequired: z.boolean().openapi({ description: 'a credit memo is paid only with the ERP reference (externalRef)' }),
    accounts: z.array(
      z.object({
        programType: z.enum(PROGRAM_TYPES),
        ...AccountCodes.shape,
        own: z.boolean().openapi({ description: 'false: the defaults, the type has no codes of its own' }),
      }),
    ),
  })
  .openapi('FinanceSettings');

export const FinanceSettingsInput = z.object({ erpReferenceRequired: z.boolean() }).strict().openapi('FinanceSettingsInput');

export const CreditMemoQuery = z.object({
  distributorId: DistributorFilterQuery,
  from: DateString.optional().openapi({ description: 'issued on or after this day (UTC)' }),
  to: DateString.optional().openapi({ description: 'issued on or before this day (UTC)' }),
  limit: wholeNumber(1, 500).default(50),
  cursor: cursorQuery('credit-memos', 3),
});

export const CreditMemoView = z
  .object({
    number: z.string(),
    source: Source.openapi({ description: "a claim's memo, or a rebate period's" }),
    sourceId: z.number().int(),
    sourceNumber: z.string().openapi({ description: 'the claim number, or RP-<id> for a rebate period' }),
    distributorId: z.number().int(),
    currency: CurrencyCode,
    amount: Money,
    erpReference: z.string().nullable().openapi({ description: "the ERP's reference (externalRef) given when it was paid" }),
    issuedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('CreditMemo');

export const CreditMemoList = z.object({
  items: z.array(CreditMemoView),
  totals: z
    .array(z.object({ currency: CurrencyCode, count: z.number().int(), amount: Money }))
    .openapi({ description: 'over the whole filter, per currency (never added across currencies)' }),
  nextCursor: NextCursor,
});

export const JournalQuery = z.object({
  from: DateString.optional().openapi({ description: 'entries posted on or after this day' }),
  to: DateString.optional().openapi({ description: 'entries posted on or before this day' }),
  format: z.enum(['json', 'csv']).default('json').openapi({ description: 'csv: one row per journal line (UTF-8 with a byte-order mark)' }),
  ...csvDialectQuery,
});

const JournalLineView = z.object({ account: z.string(), debit: Money, credit: Money });

export const JournalEntryView = z
  .object({
    id: z.number().int(),
    entryDate: DateString,
    month: z.string().openapi({ example: '2026-12' }),
    eventDay: DateString.openapi({ description: 'the day it happened; differs from entryDate when its month was closed' }),
    kind: z.enum(JOURNAL_KINDS),
    source: Source,
    sourceId: z.number().int(),
    sourceNumber: z.string(),
    distributorId: z.number().int(),
    programType: z.string().nullable(),
    currency: CurrencyCode,
    amount: Money,
    creditMemoNumber: z.string().nullable(),
    erpReference: z.string().nullable(),
    note: z.string().nullable().openapi({ description: 'says so when the entry was posted into a later month than it happened' }),
    lines: z.array(JournalLineView),
  })
  .openapi('JournalEntry');

export const JournalView = z.object({
  from: z.string().nullable().openapi({ description: 'the range asked (YYYY-MM-DD), null when open' }),
  to: z.string().nullable(),
  entries: z.array(JournalEntryView),
  totals: z
    .array(z.object({ currency: CurrencyCode, debit: Money, credit: Money }))
    .openapi({ description: 'per currency: debits equal credits' }),
});

/** A month to read: anything else names no month (404), as an unknown id does. */
export const MonthReadParam = z.object({ month: z.string().max(20).openapi({ example: '2026-11' }) });

export const MonthParam = z.object({
  month: z.string().regex(MONTH, 'a month as YYYY-MM').openapi({ example: '2026-11' }),
});

const Figures = z
  .object({
    month: z.string(),
    entries: z.number().int(),
    byAccount: z.array(z.object({ currency: CurrencyCode, account: z.string(), debit: Money, credit: Money })),
    byKind: z.array(z.object({ currency: CurrencyCode, kind: z.enum(JOURNAL_KINDS), amount: Money })),
  })
  .openapi('MonthFigures');

export const FinancePeriodView = z
  .object({
    month: z.string(),
    status: z.enum(['open', 'closed']).openapi({ description: 'open: never closed, or reopened' }),
    figures: Figures.openapi({ description: 'a closed month: as stored when it was closed; an open one: as the journal holds now' }),
    closedByUserId: z.number().int().nullable(),
    closedAt: z.string().nullable(),
    reopenedByUserId: z.number().int().nullable(),
    reopenedAt: z.string().nullable(),
    reopenReason: z.string().nullable(),
  })
  .openapi('FinancePeriod');

export const ReopenInput = z
  .object({ reason: z.string().trim().min(1).max(2000) })
  .strict()
  .openapi('FinancePeriodReopenInput');
