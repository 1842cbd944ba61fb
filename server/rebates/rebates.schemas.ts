/**
 * The rebates API's shapes. The terms' schema is derived from the one definition of a rebate's
 * terms (core/rebates/terms.ts): `TermsMatch` below fails to compile when the two part, so a field
 * added to the type and not here (or here and not there) breaks the build, not a request.
 */
import type { PeriodKind } from '../../core/rebates/periods.js';
import { STACKING_RULES } from '../../core/rebates/stacking.js';
import { REBATE_KINDS, termsProblems, type RebateTerms } from '../../core/rebates/terms.js';
import { Amount, Quantity } from '../http/money-schemas.js';
import { DateString, wholeNumber, z } from '../http/openapi.js';
import { DistributorFilterQuery } from '../http/tenant.js';

const Rate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), value: Amount.openapi({ description: 'percent of revenue: "2.5" is 2.5 %' }) }).strict(),
  z.object({ kind: z.literal('per_unit'), value: Amount.openapi({ description: 'an amount per unit' }) }).strict(),
]);
const ids = z.array(z.number().int().positive()).max(1000);
const families = z.array(z.string().min(1).max(100)).max(200);
const common = {
  measure: z.enum(['quantity', 'revenue']).openapi({ description: 'units sold, or revenue (quantity x resale price)' }),
  basis: z.enum(['sell_through', 'sell_in']).optional().openapi({
    description:
      "sell_through (default): the distributor's POS lines; sell_in: the vendor's shipments to the distributor (POST /api/shipments), their invoiced value as revenue",
  }),
  productIds: ids.optional().openapi({ description: 'products covered (beside families; none = every product)' }),
  families: families.optional(),
  exclusions: z.object({ productIds: ids.optional(), families: families.optional(), endCustomerIds: ids.optional() }).strict().optional(),
  cap: Amount.optional().openapi({ description: 'the most paid to one distributor for one period' }),
};
const Condition = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('min_product'),
      productIds: ids.optional(),
      families: families.optional(),
      minQuantity: z.number().int().min(0).max(100_000_000),
    })
    .strict(),
  z.object({ kind: z.literal('new_end_customers'), target: z.number().int().min(0).max(1_000_000) }).strict(),
]);
const Tier = z.object({ from: Amount, rate: Rate }).strict();

export const RebateTermsSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('volume'), ...common, threshold: Amount.optional(), rate: Rate }).strict(),
    z
      .object({
        kind: z.literal('tiered'),
        ...common,
        mode: z.enum(['retroactive', 'incremental']),
        tiers: z.array(Tier).min(1).max(50),
      })
      .strict(),
    z.object({ kind: z.literal('growth'), ...common, rate: Rate, minGrowthPercent: Amount.optional() }).strict(),
    z
      .object({
        kind: z.literal('mix'),
        ...common,
        family: z.string().min(1).max(100),
        minSharePercent: Amount,
        rate: Rate,
      })
      .strict(),
    z.object({ kind: z.literal('conditional'), ...common, conditions: z.array(Condition).min(1).max(20), rate: Rate }).strict(),
  ])
  .superRefine((t, ctx) => {
    // The rules beyond the shape are core's, so the builder in the browser refuses the same terms.
    for (const p of termsProblems(t as RebateTerms))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: p.field.split('.'), message: p.message });
  })
  .openapi('RebateTerms', { description: `a rebate's terms: ${REBATE_KINDS.join(', ')} (docs/rebates.md)` });

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compile-time: the schema's type is exactly core's RebateTerms (modulo optional-undefined). */
type Strip<T> = T extends object ? { [K in keyof T]-?: Strip<Exclude<T[K], undefined>> } : T;
const TermsMatch: Equal<Strip<z.infer<typeof RebateTermsSchema>>, Strip<RebateTerms>> = true;
void TermsMatch;

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const satisfies readonly PeriodKind[];

export const RebateProgramInput = z
  .object({
    terms: RebateTermsSchema,
    periodKind: z.enum(PERIOD_KINDS).openapi({ description: "calendar month, quarter or year; custom = the program's own dates" }),
    stacking: z.enum(STACKING_RULES).optional().openapi({
      description:
        'exclusive (the default of a sell-through program): counts only sales nobody else counted, and nothing counts its sales after it; with_rebates (the default of a sell-in program, and the only rules it takes with with_all): beside other stackable rebates, never a ship & debit sale; with_all: beside stackable rebates and ship & debit claims',
    }),
    priority: z.number().int().min(0).max(10_000).default(100).openapi({ description: 'lower closes first in a batch (informative)' }),
  })
  .strict()
  .openapi('RebateProgramInput');
export type RebateProgramInput = z.infer<typeof RebateProgramInput>;

export const RebateProgramView = z
  .object({
    id: z.number().openapi({ description: "the program's id (GET /api/programs/{id})" }),
    code: z.string(),
    name: z.string(),
    status: z.enum(['active', 'inactive']),
    startDate: z.string(),
    endDate: z.string(),
    distributorIds: z.array(z.number()).openapi({ description: 'eligible distributors; empty = all' }),
    terms: RebateTermsSchema,
    periodKind: z.enum(PERIOD_KINDS),
    stacking: z.enum(STACKING_RULES),
    priority: z.number(),
  })
  .openapi('RebateProgram');
export type RebateProgramView = z.infer<typeof RebateProgramView>;

export const ProgramIdParam = z.object({ programId: wholeNumber(1) });

export const CalculationQuery = z
  .object({
    distributorId: DistributorFilterQuery,
    date: DateString.optional().openapi({ description: 'a day in the period (today by default)' }),
  })
  .strict();

const Band = z.object({
  from: z.string(),
  base: z.string(),
  rate: Rate,
  amount: z.string(),
});
/** core/rebates/calculate.ts RebateResult, without the keys of the sales counted (a count instead). */
export const RebateCalculation = z
  .object({
    measure: z.string(),
    totals: z.object({ quantity: z.number(), revenue: z.string() }),
    countedLines: z.number(),
    qualified: z.boolean(),
    reason: z.string().nullable(),
    bands: z.array(Band),
    uncapped: z.string(),
    capped: z.boolean(),
    rebate: z.string(),
    next: z
      .object({ threshold: z.string(), remaining: z.string() })
      .nullable()
      .openapi({ description: 'the next threshold and how far it is ("3,400 units to the next tier")' }),
    baseline: z.string().optional(),
    growth: z.string().optional(),
    sharePercent: z.string().optional(),
    excludedByStacking: z
      .number()
      .openapi({ description: 'sales the program covers that another owner holds (its stacking rule forbids them)' }),
  })
  .openapi('RebateCalculation');
export type RebateCalculation = z.infer<typeof RebateCalculation>;

export const CalculationView = z
  .object({
    programId: z.number(),
    distributorId: z.number(),
    period: z.object({ from: z.string(), to: z.string() }),
    currency: z.string(),
    calculation: RebateCalculation,
  })
  .openapi('RebateCalculationView');

export const PreviewInput = z
  .object({
    distributorId: z.number().int().positive().optional(),
    date: DateString.optional(),
    more: z
      .object({
        productId: z.number().int().positive(),
        quantity: Quantity,
        amount: Amount.optional().openapi({ description: 'their revenue; by default quantity x the average resale price of the period' }),
        endCustomerId: z.number().int().positive().optional(),
      })
      .strict(),
  })
  .strict()
  .openapi('RebatePreviewInput');

export const PreviewView = z
  .object({
    programId: z.number(),
    distributorId: z.number(),
    period: z.object({ from: z.string(), to: z.string() }),
    currency: z.string(),
    now: RebateCalculation,
    then: RebateCalculation,
    difference: z.string(),
  })
  .openapi('RebatePreview');

export const ProgressView = z
  .object({
    items: z.array(
      z.object({
        programId: z.number(),
        code: z.string(),
        name: z.string(),
        period: z.object({ from: z.string(), to: z.string() }),
        currency: z.string(),
        measure: z.enum(['quantity', 'revenue']),
        current: z.string(),
        rebate: z.string(),
        qualified: z.boolean(),
        next: z.object({ threshold: z.string(), remaining: z.string() }).nullable(),
        message: z.string().openapi({ description: 'e.g. "3400 units to the next tier"' }),
      }),
    ),
  })
  .openapi('RebateProgress');

export const PERIOD_STATUSES = ['closed', 'authorized', 'paid'] as const;
export const RebatePeriodView = z
  .object({
    id: z.number(),
    programId: z.number(),
    distributorId: z.number(),
    period: z.object({ from: z.string(), to: z.string() }),
    currency: z.string(),
    status: z.enum(PERIOD_STATUSES),
    stacking: z.enum(STACKING_RULES),
    terms: RebateTermsSchema,
    calculation: RebateCalculation,
    lineCount: z.number().openapi({ description: 'POS lines counted (their consumption is recorded)' }),
    totalQuantity: z.number(),
    totalRevenue: z.string(),
    calculatedAmount: z.string(),
    amount: z.string().openapi({ description: 'payable: the calculated amount, or as adjusted' }),
    adjustmentReason: z.string().nullable(),
    closedByUserId: z.number(),
    closedAt: z.string(),
    adjustedByUserId: z.number().nullable(),
    adjustedAt: z.string().nullable(),
    authorizedByUserId: z.number().nullable(),
    authorizedAt: z.string().nullable(),
    paidByUserId: z.number().nullable(),
    paidAt: z.string().nullable(),
    creditMemoNumber: z.string().nullable(),
    externalRef: z.string().nullable(),
  })
  .openapi('RebatePeriod');
export type RebatePeriodView = z.infer<typeof RebatePeriodView>;

export const CloseInput = z
  .object({
    programId: z.number().int().positive(),
    distributorId: z.number().int().positive(),
    date: DateString.openapi({ description: 'a day in the period to close' }),
  })
  .strict()
  .openapi('RebateCloseInput');

export const AdjustInput = z
  .object({
    amount: Amount.openapi({ description: 'the amount payable, in whole minor units of the currency' }),
    reason: z.string().trim().min(3).max(2000),
  })
  .strict()
  .openapi('RebateAdjustInput');

export const PayInput = z
  .object({ externalRef: z.string().trim().min(1).max(64).optional().openapi({ description: "the ERP's reference" }) })
  .strict()
  .openapi('RebatePayInput');

/** A program's period for a distributor and its rebate: a line of the accruals report's running rebates, or of the periods to close. */
export const RebateAccrualItem = z.object({
  programId: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  distributorId: z.number(),
  distributorName: z.string(),
  currency: z.string().openapi({ description: 'ISO 4217 code, upper case', example: 'EUR' }),
  period: z.object({ from: z.string(), to: z.string() }),
  measure: z.string().openapi({ description: 'units, or revenue as an exact decimal, so far' }),
  qualified: z.boolean(),
  rebate: z.string().openapi({ description: "the rebate so far, rounded to the currency's minor unit" }),
});

export const ToCloseQuery = z
  .object({
    asOf: DateString.optional().openapi({ description: 'the periods over and not closed at the end of this day (UTC); today by default' }),
  })
  .strict();

export const ToCloseView = z
  .object({
    asOf: z.string(),
    items: z.array(RebateAccrualItem).openapi({
      description:
        'each period over by asOf (ended the day before or earlier) and not closed by then, of an active rebate program, for each distributor it is for that sold in it: the rebate its calculation gives over the whole period. An estimate the finance journal does not hold until the period is closed (POST /api/rebates/periods)',
    }),
    byCurrency: z
      .array(z.object({ currency: z.string(), estimated: Amount }))
      .openapi({ description: 'items totalled per currency, never across' }),
  })
  .openapi('RebatePeriodsToClose');

export const PeriodsQuery = z
  .object({
    programId: wholeNumber(1).optional(),
    status: z.enum(PERIOD_STATUSES).optional(),
    limit: wholeNumber(1, 500).default(100),
  })
  .strict();
