import { CLAIM_STATUSES, CLAIM_TYPES, LINE_VERDICTS, PROGRAM_TYPES } from '../../core/domain.js';
import { isMoneyText, lineCredit, Money, moneyToString, parseMoney } from '../../core/money.js';
import { Amount, CurrencyCode, fitsMoneyColumn, MONEY_MAX, Quantity } from '../http/money-schemas.js';
import { cursorQuery } from '../http/cursor.js';
import { DateString, z, wholeNumber } from '../http/openapi.js';
import { DistributorFilterQuery } from '../http/tenant.js';
import { CrmAccountId, CrmOpportunityId } from '../requests/requests.schemas.js';

/** Both rules below are stated in the schema (allOf/anyOf in /api/openapi.json), and enforced by the refinements. */
const given = (field: string) => ({ required: [field], properties: { [field]: { type: 'string' as const } } });
const ONE_OF_EACH = {
  allOf: [
    {
      anyOf: [given('vendorPartNumber'), given('distributorPartNumber')],
      description: 'give vendorPartNumber or distributorPartNumber',
    },
    {
      anyOf: [given('claimedAmount'), given('authorizedCost')],
      description: 'give claimedAmount or authorizedCost (claimedAmount defaults to (bookCost - authorizedCost) x quantity)',
    },
  ],
};

/** The money figures of a claim line, as sent (or, for a dispute's correction, as merged with the original). */
export interface LineFigures {
  bookCost: string;
  authorizedCost?: string | null;
  claimedAmount?: string | null;
  quantity: number;
}
interface AmountIssue {
  path: string[];
  message: string;
}

/**
 * What a line asks for: the credit its costs give, (bookCost - authorizedCost) x quantity, and its
 * claimed amount (given, or that credit). Null where a figure is missing or malformed (a quantity
 * below 1 included): zod runs refinements on a value whose fields failed their own checks, which
 * report it already, and a negative quantity must not blame the costs.
 */
function lineAmounts(l: LineFigures) {
  const ok = (text: string | null | undefined): text is string => typeof text === 'string' && isMoneyText(text);
  const computed =
    ok(l.bookCost) && ok(l.authorizedCost) && Number.isSafeInteger(l.quantity) && l.quantity > 0
      ? lineCredit(parseMoney(l.bookCost), parseMoney(l.authorizedCost), l.quantity)
      : null;
  const claimed = l.claimedAmount ? (ok(l.claimedAmount) ? parseMoney(l.claimedAmount) : null) : computed;
  return { computed, claimed };
}

/**
 * A line whose credit would not fit an amount column (a 400 naming quantity), or whose claimed
 * amount would default to a negative credit (a 400 naming authorizedCost). Paths are the line's.
 */
export function lineAmountIssues(l: LineFigures): AmountIssue[] {
  const { computed } = lineAmounts(l);
  if (computed && !fitsMoneyColumn(computed)) {
    return [
      {
        path: ['quantity'],
        message: `(bookCost - authorizedCost) x quantity = ${moneyToString(computed)} is more than an amount holds (${MONEY_MAX})`,
      },
    ];
  }
  if (computed && computed.isNegative() && !l.claimedAmount) {
    return [
      {
        path: ['authorizedCost'],
        message: 'authorizedCost is above bookCost: the claimed amount, (bookCost - authorizedCost) x quantity, would be negative',
      },
    ];
  }
  return [];
}

/** A claim whose total of claimed (or computed) amounts would not fit its column: a 400 naming `lines`. */
export function claimTotalIssues(lines: LineFigures[]): AmountIssue[] {
  let claimed = new Money(0);
  let computed = new Money(0);
  for (const l of lines) {
    const a = lineAmounts(l);
    if (a.claimed) claimed = claimed.plus(a.claimed);
    if (a.computed) computed = computed.plus(a.computed);
  }
  const issues: AmountIssue[] = [];
  for (const [what, total] of [
    ['claimed amounts', claimed],
    ['computed amounts', computed],
  ] as const) {
    if (!fitsMoneyColumn(total)) {
      issues.push({
        path: ['lines'],
        message: `the claim's total of its lines' ${what} = ${moneyToString(total)} is more than an amount holds (${MONEY_MAX})`,
      });
    }
  }
  return issues;
}

export const ClaimLineInput = z
  .object({
    authorizationNumber: z.string().min(1).max(40),
    vendorPartNumber: z.string().max(64).nullable().optional(),
    distributorPartNumber: z.string().max(64).nullable().optional(),
    endCustomerName: z.string().max(200).nullable().optional(),
    // Honoured, not dropped: the router resolves the id to the end customer's name from the
    // accounts table (server/catalog/end-customers.ts) before the line is stored. The name is what
    // the rules engine matches and what the line keeps as the input that decided its verdict, so
    // the id becomes that name; an id that is no end customer, or that names another customer
    // than endCustomerName, is a 400 naming this field. Kept rather than removed because
    // authorizations and requests name their end customer by this id (endCustomerId), so a client
    // that builds a claim from an authorization holds the id, not the spelling of the name.
    endCustomerId: z
      .number()
      .int()
      .positive()
      .max(2_147_483_647)
      .nullable()
      .optional()
      .openapi({ description: "an end customer's account id (GET /api/accounts?type=end_customer); stands for its name" }),
    invoiceNumber: z.string().min(1).max(64),
    invoiceLine: z.union([z.string().min(1).max(16), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)]).transform(String),
    invoiceDate: DateString,
    shipDate: DateString.nullable().optional(),
    quantity: Quantity,
    bookCost: Amount,
    authorizedCost: Amount.nullable().optional().openapi({ description: 'the debit cost claimed per unit' }),
    resalePrice: Amount.nullable().optional(),
    claimedAmount: Amount.nullable()
      .optional()
      .openapi({ description: 'defaults to (bookCost - authorizedCost) x quantity, rounded to the cent' }),
    extra: z
      .record(z.string().max(60), z.string().max(255).nullable())
      .optional()
      .openapi({ description: 'program-mandated fields, e.g. resellerPoNumber' }),
  })
  .strict()
  .superRefine((l, ctx) => {
    if (!(l.vendorPartNumber || l.distributorPartNumber)) {
      ctx.addIssue({ code: 'custom', message: 'give vendorPartNumber or distributorPartNumber', path: ['vendorPartNumber'] });
    }
    if (!(l.claimedAmount || l.authorizedCost)) {
      ctx.addIssue({ code: 'custom', message: 'give claimedAmount or authorizedCost', path: ['claimedAmount'] });
      return;
    }
    for (const issue of lineAmountIssues(l)) ctx.addIssue({ code: 'custom', ...issue });
  })
  .openapi('ClaimLineInput', ONE_OF_EACH);
export type ClaimLineInput = z.infer<typeof ClaimLineInput>;

export const ClaimInput = z
  .object({
    debitMemoNumber: z.string().min(1).max(64).nullable().default(null).openapi({
      description:
        "the distributor's debit memo, kept as sent; unique per distributor in any spelling (compared by its canonical key: trimmed, spaces collapsed, NFKC, case-insensitive), so a re-sent claim is refused",
    }),
    currency: CurrencyCode.optional().openapi({
      description:
        "ISO 4217 code of the claim: the distributor's own (absent means it; another is refused with 422 CURRENCY_MISMATCH); usd is USD",
      example: 'USD',
    }),
    submit: z.boolean().default(false).openapi({ description: 'validate and submit at once' }),
    lines: z.array(ClaimLineInput).min(1).max(50_000),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const issue of claimTotalIssues(c.lines)) ctx.addIssue({ code: 'custom', ...issue });
  })
  .openapi('ClaimInput');
export type ClaimInput = z.infer<typeof ClaimInput>;

export const ClaimQuery = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  distributorId: DistributorFilterQuery,
  programType: z.enum(PROGRAM_TYPES).optional(),
  from: DateString.optional().openapi({ description: 'created on or after' }),
  to: DateString.optional().openapi({ description: 'created on or before' }),
  opportunityId: CrmOpportunityId.openapi({
    description:
      'only claims with a line under an authorization that a request linked to this CRM opportunity made (its Salesforce Id, the request’s opportunityRef)',
  }),
  accountId: CrmAccountId.openapi({
    description:
      'only claims of this account: its BEC id (digits) or CRM Id (externalRef); the distributor’s own claims, or claims with a line under an authorization made by a request naming it as distributor, reseller or end customer',
  }),
  review: z.enum(['true', 'false']).default('false').openapi({
    description:
      'true: each claim with its review figures over all of its lines (`review`: lines finance must still check, who adjusted a line), what the finance queue shows',
  }),
  page: wholeNumber(1, 1_000_000).default(1).openapi({ description: 'a page by number (small lists); ignored with cursor' }),
  pageSize: wholeNumber(1, 200).default(50),
  cursor: cursorQuery('claims'),
});
export type ClaimQuery = z.infer<typeof ClaimQuery>;

export const AdjustLine = z
  .object({
    approvedAmount: Amount.openapi({
      description: 'the amount finance approves for the line; 0 rejects it and releases its POS line',
    }),
    reason: z.string().min(3).max(2000),
  })
  .openapi('AdjustLine');
export const NoteInput = z.object({ body: z.string().min(1).max(4000) }).openapi('NoteInput');
export const PayInput = z.object({ externalRef: z.string().max(64).nullable().default(null) }).openapi('PayInput');
export const LinesQuery = z.object({
  after: wholeNumber(0).default(0).openapi({ description: 'the last line number of the previous page (cursor says the same, opaquely)' }),
  limit: wholeNumber(1, 5000).default(1000),
  cursor: cursorQuery('claim-lines'),
});
export const ClaimHeadQuery = z.object({
  lines: z
    .enum(['true', 'false'])
    .default('true')
    .openapi({ description: 'false: the claim without its lines (page them from GET /api/claims/{id}/lines)' }),
});
export const LineParams = z.object({ id: wholeNumber(1), lineId: wholeNumber(1) });

export const ClaimLineView = z
  .object({
    id: z.number(),
    lineNumber: z.number(),
    authorizationNumber: z.string().nullable(),
    authorizationLineId: z.number().nullable(),
    authorizationVersion: z.number().nullable(),
    productId: z.number().nullable(),
    vendorPartNumber: z.string().nullable(),
    distributorPartNumber: z.string().nullable(),
    endCustomerId: z.number().nullable().openapi({
      description:
        "the master end customer the line's name was linked to (POS enrichment: a confirmed alias, the same name, or a sure fuzzy match); when the authorization line names its end customer by id too, the id decides the end customer rule",
    }),
    endCustomerName: z.string().nullable(),
    invoiceNumber: z.string(),
    invoiceLine: z.string(),
    invoiceDate: z.string(),
    shipDate: z.string().nullable(),
    quantity: z.number(),
    bookCost: z.string(),
    authorizedCost: z.string().nullable(),
    resalePrice: z.string().nullable(),
    claimedAmount: z.string(),
    computedAmount: z.string(),
    acceptedQuantity: z.number(),
    approvedAmount: z.string(),
    verdict: z.enum(LINE_VERDICTS),
    reasonCodes: z.array(z.string()),
    rule: z.string().nullable(),
    verdictInputs: z.record(z.unknown()).nullable(),
    extra: z.record(z.unknown()).nullable(),
    resubmissionOfLineId: z.number().nullable(),
    adjustedByUserId: z.number().nullable(),
    adjustmentReason: z.string().nullable().optional().openapi({
      description: "finance's reason for the line's last manual adjustment (GET /api/claims/:id, its lines and the adjust answer)",
    }),
  })
  .openapi('ClaimLine');
export type ClaimLineView = z.infer<typeof ClaimLineView>;

export const ClaimView = z
  .object({
    id: z.number(),
    number: z.string(),
    distributorId: z.number(),
    programId: z.number().nullable(),
    programType: z.string().nullable(),
    type: z.enum(CLAIM_TYPES),
    status: z.enum(CLAIM_STATUSES),
    debitMemoNumber: z.string().nullable(),
    currency: z.string(),
    claimedTotal: z.string(),
    computedTotal: z.string(),
    approvedTotal: z.string(),
    lineCount: z.number(),
    submittedAt: z.string().nullable(),
    authorizedAt: z.string().nullable(),
    paidAt: z.string().nullable(),
    createdAt: z.string(),
    createdByUserId: z.number(),
    authorizedByUserId: z.number().nullable(),
    posImportId: z.number().nullable().openapi({ description: 'the POS import an implicit or automatic claim was built from' }),
    creditMemo: z
      .object({
        number: z.string(),
        amount: z.string().openapi({ description: "what the memo credits: the claim's approved total less debitsApplied" }),
        debitsApplied: z.string().openapi({ description: "returns' debits this memo took back (never more than the approved total)" }),
        currency: z.string(),
        issuedAt: z.string(),
        externalRef: z.string().nullable(),
      })
      .nullable(),
    review: z
      .object({
        linesToCheck: z.number().openapi({ description: 'lines validation left pending, partial or rejected that nobody adjusted' }),
        adjustedByUserIds: z
          .array(z.number())
          .openapi({ description: 'everyone who ever adjusted a line of the claim (they may not authorize it)' }),
      })
      .optional()
      .openapi({ description: 'with `review=true` on GET /api/claims: figures over all of the claim’s lines (core/claims/review.ts)' }),
    lines: z.array(ClaimLineView).optional(),
  })
  .openapi('Claim');
export type ClaimView = z.infer<typeof ClaimView>;
