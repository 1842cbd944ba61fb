/**
 * Rebates (issue 16): a `rebate` program's stored terms, its calculation over a distributor's
 * stored POS lines (core/rebates, the same code the browser previews with), the what-if preview,
 * the distributor's progress, and the period close → adjust → authorize → pay flow, whose ledger
 * writes (amounts, consumptions, credit memo, audit) go through the settlement service.
 */
import { joinPosKey } from '../../core/claims/pos-key.js';
import { minorUnitExponent } from '../../core/currency.js';
import { Money, moneyToString } from '../../core/money.js';
import { calculateRebate, covers, previewRebate, type RebateResult, type RebateContext } from '../../core/rebates/calculate.js';
import { periodOf, yearBefore, type Period } from '../../core/rebates/periods.js';
import { assignSales, mayShare, programOwner, type Owner } from '../../core/rebates/stacking.js';
import { basisOf } from '../../core/rebates/terms.js';
import type { Actor, TenantScope } from '../auth/actor.js';
import { distributorFilter, scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { distributorCurrency } from '../claims/claims.repository.js';
import { AppError, conflict, notFound } from '../errors.js';
import { findAccount, listAccounts } from '../masterdata/masterdata.repository.js';
import { findProgram, findProgramAsOf, unknownReferences } from '../programs/programs.repository.js';
import type { ProgramView } from '../programs/programs.schemas.js';
import * as settlement from '../settlement/settlement.service.js';
import * as repo from './rebates.repository.js';
import type { RebateCalculation, RebateProgramInput, RebateProgramView } from './rebates.schemas.js';

const invalid = (field: string, message: string, status = 422) =>
  new AppError('VALIDATION_FAILED', `${field}: ${message}`, status, { errors: [{ field, message }] });

const today = () => new Date().toISOString().slice(0, 10);

const eligible = (p: ProgramView, distributorId: number) => p.distributorIds.length === 0 || p.distributorIds.includes(distributorId);

const view = (p: ProgramView, t: repo.StoredTerms): RebateProgramView => ({
  id: p.id,
  code: p.code,
  name: p.name,
  status: p.status,
  startDate: p.startDate,
  endDate: p.endDate,
  distributorIds: p.distributorIds,
  terms: t.terms,
  periodKind: t.periodKind,
  stacking: t.stacking,
  priority: t.priority,
});

/** A rebate program the actor may see (a distributor: one it is eligible for), with its terms. */
async function rebateProgram(actor: Actor, programId: number, needTerms = true) {
  const p = await findProgram(programId);
  const own = actor.role === 'distributor_user' ? (actor.distributorId ?? -1) : null;
  if (!p || (own !== null && !eligible(p, own))) throw notFound('program');
  if (p.type !== 'rebate') throw conflict('NOT_A_REBATE_PROGRAM', `program ${p.code} is a ${p.type} program, not a rebate`);
  const terms = await repo.findTerms(programId);
  if (needTerms && !terms)
    throw conflict('REBATE_TERMS_MISSING', `program ${p.code} has no rebate terms yet (PUT /api/rebates/programs/${p.id})`);
  return { program: p, terms: terms! };
}

/**
 * The distributor a request is about: a distributor user's own (another's distributorId is a 403,
 * the lists' rule: `distributorFilter`, server/auth/actor.ts); a vendor user must name one.
 */
function distributorOf(actor: Actor, requested: number | undefined): number {
  const distributorId = distributorFilter(actor, requested);
  if (distributorId === undefined) throw invalid('distributorId', 'name the distributor', 400);
  return distributorId;
}

/** The program's period holding `date`: a calendar one, or the program's own dates (custom). */
function periodFor(p: ProgramView, t: repo.StoredTerms, date: string): Period {
  const period = t.periodKind === 'custom' ? { from: p.startDate, to: p.endDate } : periodOf(t.periodKind, date);
  if (period.to < p.startDate || period.from > p.endDate)
    throw invalid(
      'date',
      `the ${t.periodKind} of ${date} (${period.from} to ${period.to}) is outside the program (${p.startDate} to ${p.endDate})`,
    );
  return period;
}

/** The sales the program's dates allow inside the period. */
const inProgram = (p: ProgramView, sales: repo.StoredSale[]) =>
  sales.filter((s) => s.invoiceDate >= p.startDate && s.invoiceDate <= p.endDate);

/** Products and end customers the terms name that do not exist: 422, each naming its place in the terms. */
async function checkReferences(terms: RebateProgramInput['terms']) {
  const places: { field: string; kind: 'productIds' | 'endCustomerIds'; id: number }[] = [];
  const add = (field: string, kind: 'productIds' | 'endCustomerIds', ids: number[] | undefined) =>
    ids?.forEach((id, i) => places.push({ field: `terms.${field}.${i}`, kind, id }));
  add('productIds', 'productIds', terms.productIds);
  add('exclusions.productIds', 'productIds', terms.exclusions?.productIds);
  add('exclusions.endCustomerIds', 'endCustomerIds', terms.exclusions?.endCustomerIds);
  if (terms.kind === 'conditional')
    terms.conditions.forEach((c, i) => c.kind === 'min_product' && add(`conditions.${i}.productIds`, 'productIds', c.productIds));
  if (!places.length) return;
  const unknown = await unknownReferences({
    productIds: places.filter((p) => p.kind === 'productIds').map((p) => p.id),
    distributorIds: [],
    endCustomerIds: places.filter((p) => p.kind === 'endCustomerIds').map((p) => p.id),
  });
  const errors = places
    .filter((p) => unknown[p.kind].includes(p.id))
    .map((p) => ({ field: p.field, message: `no such ${p.kind === 'productIds' ? 'product' : 'end customer'} (${p.id})` }));
  if (errors.length)
    throw new AppError(
      'UNKNOWN_REFERENCE',
      `the terms name what does not exist: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      422,
      {
        errors,
      },
    );
}

export async function setTerms(actor: Actor, programId: number, input: RebateProgramInput): Promise<RebateProgramView> {
  const { program } = await rebateProgram(actor, programId, false);
  await checkReferences(input.terms);
  // A shipment is nobody else's sale (no claim pays it, no sell-through program counts it): a
  // sell-in program stacks; `exclusive` would promise what nothing enforces, so it is refused.
  const sellIn = basisOf(input.terms) === 'sell_in';
  if (sellIn && input.stacking === 'exclusive')
    throw invalid(
      'stacking',
      'a sell-in program counts shipments, which no claim and no sell-through program counts: with_rebates or with_all',
    );
  const stacking = input.stacking ?? (sellIn ? 'with_rebates' : 'exclusive');
  return repo.inTransaction(async (t) => {
    const before = await repo.findTerms(programId, t);
    const stored: repo.StoredTerms = { programId, ...input, stacking };
    await repo.saveTerms(stored, actor.userId, t);
    await recordAudit(
      actor,
      {
        action: before ? 'rebate_program.updated' : 'rebate_program.created',
        entityType: 'program',
        entityId: programId,
        before,
        after: stored,
      },
      t,
    );
    return view(program, stored);
  });
}

export async function getProgramTerms(actor: Actor, programId: number): Promise<RebateProgramView> {
  const { program, terms } = await rebateProgram(actor, programId);
  return view(program, terms);
}

export async function listPrograms(actor: Actor): Promise<RebateProgramView[]> {
  const own = scopeOf(actor).distributorId;
  const out: RebateProgramView[] = [];
  for (const t of await repo.listTerms()) {
    const p = await findProgram(t.programId);
    if (p && p.type === 'rebate' && (own === null || eligible(p, own))) out.push(view(p, t));
  }
  return out;
}

interface Calculated {
  program: ProgramView;
  terms: repo.StoredTerms;
  distributorId: number;
  period: Period;
  currency: string;
  /** the sales the program may count (stacking applied), returns included */
  sales: repo.StoredSale[];
  context: RebateContext;
  result: RebateResult;
  excludedByStacking: number;
}

/**
 * The calculation of one program for one distributor and period over its stored POS lines: the
 * sales it covers, less those held by an owner its stacking rule does not share with (a claim, an
 * exclusive rebate, ...: core's mayShare), in `transaction` when closing.
 */
async function calculate(
  program: ProgramView,
  terms: repo.StoredTerms,
  distributorId: number,
  date: string,
  transaction?: repo.Tx,
  /** only the sales invoiced by this day (the accrual as of a day); the whole period when absent */
  until?: string,
): Promise<Calculated> {
  if (!eligible(program, distributorId))
    throw invalid('distributorId', `distributor ${distributorId} is not eligible for program ${program.code}`);
  const currency = await distributorCurrency(distributorId, transaction);
  if (!currency) throw notFound('distributor');
  const period = periodFor(program, terms, date);
  const basis = basisOf(terms.terms);
  const all = inProgram(
    program,
    await repo.salesOf(distributorId, until && until < period.to ? { ...period, to: until } : period, basis, transaction),
  );
  const baseline =
    terms.terms.kind === 'growth' || terms.terms.kind === 'conditional'
      ? await repo.salesOf(distributorId, yearBefore(period), basis, transaction)
      : [];
  const context: RebateContext = {
    baselineSales: baseline,
    knownEndCustomers: new Set(baseline.filter((s) => s.endCustomerId !== null).map((s) => s.endCustomerId!)),
    decimals: minorUnitExponent(currency),
  };
  if (basis === 'sell_in') {
    // Shipments: no other owner, so every one the program covers counts (stacking has nothing to apply to).
    const result = calculateRebate(terms.terms, all, context);
    return { program, terms, distributorId, period, currency, sales: all, context, result, excludedByStacking: 0 };
  }
  const me = { ...programOwner(program.id, terms.stacking), terms: terms.terms };
  // As of a day, the owners of each sale as they stood then (a claim filed or given back later does not move it).
  const owners = await settlement.ownersOfSales(
    distributorId,
    all.map((s) => s.invoiceKey),
    transaction,
    until,
  );
  const positive = all.filter((s) => s.quantity >= 0);
  const mine = new Set(
    assignSales([me], positive, owners)
      .get(me)!
      .map((s) => s.key),
  );
  // A return counts when the program may count the sale it returns.
  const free = (s: repo.StoredSale) =>
    (owners.get(joinPosKey(s.invoiceKey, s.lineKey)) ?? []).filter((o: Owner) => o.owner !== me.owner).every((o) => mayShare(me, o));
  const sales = all.filter((s) => (s.quantity >= 0 ? mine.has(s.key) : free(s)));
  const result = calculateRebate(terms.terms, sales, context);
  const covered = positive.filter((s) => covers(terms.terms, s)).length;
  return { program, terms, distributorId, period, currency, sales, context, result, excludedByStacking: covered - mine.size };
}

const toView = (r: RebateResult, excludedByStacking: number): RebateCalculation => {
  const { counted, ...rest } = r;
  return { ...rest, countedLines: counted.filter((k) => !k.startsWith('return:')).length, excludedByStacking };
};

export async function calculation(actor: Actor, programId: number, q: { distributorId?: number; date?: string }) {
  const { program, terms } = await rebateProgram(actor, programId);
  const c = await calculate(program, terms, distributorOf(actor, q.distributorId), q.date ?? today());
  return {
    programId,
    distributorId: c.distributorId,
    period: c.period,
    currency: c.currency,
    calculation: toView(c.result, c.excludedByStacking),
  };
}

export async function preview(
  actor: Actor,
  programId: number,
  input: { distributorId?: number; date?: string; more: { productId: number; quantity: number; amount?: string; endCustomerId?: number } },
) {
  const { program, terms } = await rebateProgram(actor, programId);
  const c = await calculate(program, terms, distributorOf(actor, input.distributorId), input.date ?? today());
  const product = await repo.productFamily(input.more.productId);
  if (!product) throw invalid('more.productId', `no product ${input.more.productId}`);
  let amount = input.more.amount;
  if (amount === undefined) {
    // The period's average resale price of the sales counted; none yet: the measure must say the revenue.
    const q = c.result.totals.quantity;
    if (q <= 0) throw invalid('more.amount', 'no sales yet this period to take an average price from: give the revenue');
    amount = moneyToString(new Money(c.result.totals.revenue).times(input.more.quantity).dividedBy(q).toDecimalPlaces(4));
  }
  const p = previewRebate(
    terms.terms,
    c.sales,
    {
      productId: input.more.productId,
      family: product.family,
      quantity: input.more.quantity,
      amount,
      endCustomerId: input.more.endCustomerId,
    },
    c.context,
  );
  return {
    programId,
    distributorId: c.distributorId,
    period: c.period,
    currency: c.currency,
    now: toView(p.now, c.excludedByStacking),
    then: toView(p.then, c.excludedByStacking),
    difference: p.difference,
  };
}

/** Where a distributor stands in each running rebate program it is eligible for ("3400 units to the next tier"). */
export async function progress(actor: Actor, q: { distributorId?: number; date?: string }) {
  const distributorId = distributorOf(actor, q.distributorId);
  const date = q.date ?? today();
  const items = [];
  for (const t of await repo.listTerms()) {
    const p = await findProgram(t.programId);
    if (!p || p.type !== 'rebate' || p.status !== 'active' || !eligible(p, distributorId) || date < p.startDate || date > p.endDate)
      continue;
    const c = await calculate(p, t, distributorId, date);
    const unit = t.terms.measure === 'quantity' ? 'units' : c.currency;
    const next = c.result.next;
    items.push({
      programId: p.id,
      code: p.code,
      name: p.name,
      period: c.period,
      currency: c.currency,
      measure: t.terms.measure,
      current: c.result.measure,
      rebate: c.result.rebate,
      qualified: c.result.qualified,
      next,
      message: next
        ? `${next.remaining} ${unit} to the next ${t.terms.kind === 'tiered' ? 'tier' : 'threshold'}`
        : c.result.qualified
          ? 'every threshold reached'
          : (c.result.reason ?? 'not qualified'),
    });
  }
  return { items };
}

/**
 * The rebate programs active on `asOf` with their terms as they stood then (a past day reads their
 * versions; today, the ones in force), and the distributors of the scope (a distributor user:
 * itself): what the accruals report walks.
 */
async function rebateProgramsOn(scope: TenantScope, asOf: string) {
  const distributors =
    scope.distributorId === null
      ? await listAccounts({ types: ['distributor'] })
      : [await findAccount(scope.distributorId)].filter((a) => a !== null);
  const past = asOf < today();
  const programs: { p: ProgramView; t: repo.StoredTerms }[] = [];
  for (const t of past ? await repo.listTermsAsOf(asOf) : await repo.listTerms()) {
    const p = past ? await findProgramAsOf(t.programId, asOf) : await findProgram(t.programId);
    if (p && p.type === 'rebate' && p.status === 'active' && asOf >= p.startDate) programs.push({ p, t });
  }
  return { distributors, programs };
}

/** One line of the accruals report's rebates: a program's period for a distributor and its rebate. */
const accrualItem = (p: ProgramView, t: repo.StoredTerms, d: { id: number; name: string }, c: Calculated) => ({
  programId: p.id,
  code: p.code,
  name: p.name,
  kind: t.terms.kind,
  distributorId: d.id,
  distributorName: d.name,
  currency: c.currency,
  period: c.period,
  measure: c.result.measure,
  qualified: c.result.qualified,
  rebate: c.result.rebate,
});

/** Rebates totalled per currency (never across), in currency order. */
const rebatesByCurrency = (items: readonly { currency: string; rebate: string }[]) => {
  const totals = new Map<string, Money>();
  for (const i of items) totals.set(i.currency, (totals.get(i.currency) ?? new Money(0)).plus(i.rebate));
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, sum]) => ({ currency, sum: moneyToString(sum) }));
};

/**
 * Who sold in a program's period: the distributors with a sale (`salesOf`'s rows, returns
 * included) dated inside the period, the program's dates and, when given, by `until`. A
 * distributor outside it has nothing for the calculation to count, and no terms pay on no sales
 * (core/rebates/calculate.ts: every kind pays on the measure, a negative result pays nothing), so
 * the reports calculate only those inside. One reader per report: a span and basis shared by
 * several programs (most run on the same calendar periods) is read once.
 */
function sellersReader() {
  const read = new Map<string, Promise<Set<number>>>();
  return (p: ProgramView, t: repo.StoredTerms, period: Period, until?: string): Promise<Set<number>> => {
    const from = period.from > p.startDate ? period.from : p.startDate;
    const to = [period.to, p.endDate, until ?? period.to].reduce((a, b) => (b < a ? b : a));
    if (from > to) return Promise.resolve(new Set());
    const basis = basisOf(t.terms);
    const key = `${basis}/${from}/${to}`;
    if (!read.has(key)) read.set(key, repo.distributorsWithSales({ from, to }, basis));
    return read.get(key)!;
  };
}

/**
 * Rebate accruals as the periods run: for each rebate program running on `asOf`, and each
 * distributor it is for (a distributor user: itself) that sold in the period by then, the rebate
 * so far in the period holding `asOf` over the sales invoiced by then, in the distributor's
 * currency (a distributor that sold nothing yet has no line: its rebate would be nothing). What
 * the accruals report carries beside the claims' liability; closed periods are in GET
 * /api/rebates/periods.
 */
export async function runningAccruals(scope: TenantScope, asOf: string) {
  const { distributors, programs } = await rebateProgramsOn(scope, asOf);
  const sold = sellersReader();
  const items = [];
  for (const { p, t } of programs) {
    if (asOf > p.endDate) continue;
    const withSales = await sold(p, t, periodFor(p, t, asOf), asOf);
    for (const d of distributors) {
      if (!withSales.has(d.id) || !eligible(p, d.id)) continue;
      items.push(accrualItem(p, t, d, await calculate(p, t, d.id, asOf, undefined, asOf)));
    }
  }
  return { items, byCurrency: rebatesByCurrency(items).map(({ currency, sum }) => ({ currency, accrued: sum })) };
}

/**
 * The ended periods of a program up to `asOf`: each period (calendar, or the program's own dates)
 * that overlaps the program and ended before `asOf` (a period may be closed from the day after its
 * last, as `closePeriod` allows), oldest first.
 */
function endedPeriods(p: ProgramView, t: repo.StoredTerms, asOf: string): Period[] {
  if (t.periodKind === 'custom') return p.endDate < asOf ? [{ from: p.startDate, to: p.endDate }] : [];
  const out: Period[] = [];
  for (let period = periodOf(t.periodKind, p.startDate); period.to < asOf && period.from <= p.endDate;) {
    out.push(period);
    const next = new Date(`${period.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    period = periodOf(t.periodKind, next.toISOString().slice(0, 10));
  }
  return out;
}

/**
 * The rebate periods over by `asOf` and not closed by then, for each active rebate program and
 * each distributor it is for (a distributor user: itself), that counted at least one sale: the
 * rebate the calculation gives over the whole period (sales invoiced by `asOf`), in the
 * distributor's currency. An estimate the vendor owes but the journal does not hold yet (it
 * accrues a period on its close): finance's list of periods to close. Totals per currency.
 */
export async function periodsAwaitingClose(scope: TenantScope, asOf: string) {
  const { distributors, programs } = await rebateProgramsOn(scope, asOf);
  const closed = await repo.closedPeriodStarts(scope, asOf);
  const past = asOf < today();
  const items = [];
  // Most (program, distributor, period) hold no sale: only the sellers are calculated.
  const sold = sellersReader();
  for (const { p, t } of programs)
    for (const period of endedPeriods(p, t, asOf)) {
      const withSales = await sold(p, t, period);
      for (const d of distributors) {
        if (!withSales.has(d.id) || !eligible(p, d.id) || closed.has(repo.periodStartKey(p.id, d.id, period.from))) continue;
        // The period ended before asOf, so its sales are all invoiced by then; today the owners are the ledger's own.
        const c = await calculate(p, t, d.id, period.from, undefined, past ? asOf : undefined);
        if (c.sales.length) items.push(accrualItem(p, t, d, c));
      }
    }
  return { items, byCurrency: rebatesByCurrency(items).map(({ currency, sum }) => ({ currency, estimated: sum })) };
}

/** GET /api/rebates/periods/to-close: `periodsAwaitingClose` in the actor's scope, as of `asOf` (today by default). */
export async function periodsToClose(actor: Actor, asOf?: string) {
  const day = asOf ?? today();
  return { asOf: day, ...(await periodsAwaitingClose(scopeOf(actor), day)) };
}

/**
 * The rebate periods owed at the end of `asOf`: closed (or authorized) by then and not paid by then,
 * each with the amount the journal had accrued for it by then, with the program's code and name and
 * the distributor's name; totals per currency (never across). The liability the journal holds for
 * rebates (docs/finance.md), beside the rebates still accruing in the running periods.
 */
export async function unpaidPeriods(scope: TenantScope, asOf: string) {
  const rows = await repo.unpaidPeriodsAsOf(scope, asOf);
  const programs = new Map<number, ProgramView | null>();
  const names = new Map<number, string>();
  const items = [];
  for (const r of rows) {
    if (!programs.has(r.programId)) programs.set(r.programId, await findProgram(r.programId));
    if (!names.has(r.distributorId)) names.set(r.distributorId, (await findAccount(r.distributorId))?.name ?? '');
    const p = programs.get(r.programId);
    items.push({ ...r, code: p?.code ?? '', name: p?.name ?? '', distributorName: names.get(r.distributorId)! });
  }
  const totals = new Map<string, Money>();
  for (const i of items) totals.set(i.currency, (totals.get(i.currency) ?? new Money(0)).plus(i.amount));
  return {
    items,
    byCurrency: [...totals]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, unpaid]) => ({ currency, unpaid: moneyToString(unpaid) })),
  };
}

/**
 * Closes a period: the calculation is made again in the transaction (so what is frozen is what the
 * ledger held then) and frozen through the settlement service with its consumptions. Only a period
 * that is over can be closed.
 */
export async function closePeriod(actor: Actor, input: { programId: number; distributorId: number; date: string }) {
  const { program, terms } = await rebateProgram(actor, input.programId);
  const period = periodFor(program, terms, input.date);
  if (period.to >= today())
    throw conflict('PERIOD_NOT_OVER', `the period ${period.from} to ${period.to} is still running: close it after ${period.to}`);
  const id = await repo.inTransaction(async (t) => {
    const c = await calculate(program, terms, input.distributorId, input.date, t);
    const counted = new Set(c.result.counted);
    const lines = c.sales.filter((s) => s.quantity > 0 && counted.has(s.key));
    return settlement.closeRebatePeriod(
      actor,
      {
        programId: program.id,
        distributorId: c.distributorId,
        periodFrom: c.period.from,
        periodTo: c.period.to,
        currency: c.currency,
        terms: JSON.stringify(terms.terms),
        stacking: terms.stacking,
        result: JSON.stringify(toView(c.result, c.excludedByStacking)),
        lineCount: lines.length,
        totalQuantity: c.result.totals.quantity,
        totalRevenue: c.result.totals.revenue,
        calculatedAmount: c.result.rebate,
        // What a period holds against other programs and claims: the POS lines it counted. A
        // sell-in period counts shipments, which nobody else counts: it holds none (check:ledger knows).
        counted: lines.flatMap((s) =>
          s.posLineId === null
            ? []
            : [
                {
                  posLineId: s.posLineId,
                  invoiceKey: s.invoiceKey,
                  lineKey: s.lineKey,
                  quantity: s.quantity,
                  amount: s.amount,
                },
              ],
        ),
      },
      t,
    );
  });
  return (await repo.findPeriod({ distributorId: null }, id))!;
}

async function period(actor: Actor, id: number) {
  const p = await repo.findPeriod(scopeOf(actor), id);
  if (!p) throw notFound('rebate period');
  return p;
}

export const getPeriod = period;
export const listPeriods = (actor: Actor, q: Parameters<typeof repo.listPeriods>[1]) => repo.listPeriods(scopeOf(actor), q);

export async function adjustPeriod(actor: Actor, id: number, input: { amount: string; reason: string }) {
  await period(actor, id);
  await repo.inTransaction((t) => settlement.adjustRebatePeriod(actor, id, input.amount, input.reason, t));
  return period(actor, id);
}

export async function authorizePeriod(actor: Actor, id: number) {
  await period(actor, id);
  await repo.inTransaction((t) => settlement.authorizeRebatePeriod(actor, id, t));
  return period(actor, id);
}

export async function payPeriod(actor: Actor, id: number, externalRef: string | null) {
  await period(actor, id);
  await repo.inTransaction((t) => settlement.payRebatePeriod(actor, id, externalRef, t));
  return period(actor, id);
}
