import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { lineCredit, parseMoney } from '../../../core/money.js';
import {
  createValidator,
  posKey,
  summarizeVerdicts,
  validateClaimLines,
  checkClaimLines,
  type AuthorizationLineFact,
  type ClaimLineInput,
  type LineVerdictResult,
  type ValidationContext,
} from '../../../core/claims/engine.js';

// Values that break binary floats: 0.1 + 0.2 !== 0.3.
const COSTS = ['0.1', '0.2', '0.3', '10.1', '10.2', '0.0001', '3.3333'];
const BOOKS = ['20.1', '10.3', '0.3', '10.2', '3.3334', '12.7', '10.2001', '30.3'];
const CLAIMED = ['0.1', '0.2', '0.3', '3.3', '100.01', '0.6'];
const PARTS: Record<string, number> = { 'VP-1': 1, 'VP-2': 2, 'VP-3': 3 };

const factArb = fc.record({
  authorizationNumber: fc.constantFrom('A1', 'A2', 'A3'),
  authorizationVersion: fc.integer({ min: 1, max: 2 }),
  distributorId: fc.oneof({ arbitrary: fc.constant(1), weight: 6 }, fc.constant(2)),
  productId: fc.constantFrom(1, 2, 3),
  endCustomerName: fc.constantFrom(null, null, null, 'Acme'),
  authorizedCost: fc.constantFrom(...COSTS),
  approvedQuantity: fc.integer({ min: 0, max: 25 }),
  consumedQuantity: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 30 })),
  validFrom: fc.constantFrom('2025-01-01', '2025-03-01'),
  validTo: fc.constantFrom('2025-12-31', '2025-03-31'),
});

const lineArb = fc.record({
  // most lines name an authorization line that exists (ref), the rest take the random values
  ref: fc.option(fc.nat(), { freq: 4, nil: null }),
  authorizationNumber: fc.constantFrom('A1', 'A1', 'A2', 'A2', 'A3', 'ZZ'),
  vendorPartNumber: fc.constantFrom('VP-1', 'VP-1', 'VP-2', 'VP-2', 'VP-3', 'VP-9'),
  endCustomerName: fc.constantFrom(null, ' acme', 'ACME', 'Initech'),
  invoiceNumber: fc.constantFrom('I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'i1'),
  invoiceLine: fc.constantFrom('1', '2', '01', '3', '4', '5'),
  invoiceDate: fc.oneof({ arbitrary: fc.constant('2025-03-15'), weight: 6 }, fc.constantFrom('2025-02-15', '2025-04-15', '2026-01-01')),
  quantity: fc.integer({ min: 1, max: 15 }),
  bookCost: fc.constantFrom(...BOOKS),
  authorizedCost: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.constantFrom(...COSTS), weight: 1 }),
  claimedAmount: fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: fc.constantFrom(...CLAIMED), weight: 1 }),
});

const worldArb = fc.record({
  facts: fc.array(factArb, { minLength: 1, maxLength: 8 }),
  claims: fc.array(
    fc.record({
      distributorId: fc.oneof({ arbitrary: fc.constant(1), weight: 6 }, fc.constant(2)),
      lines: fc.array(lineArb, { minLength: 1, maxLength: 12 }),
    }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
});

type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function buildFacts(world: World): AuthorizationLineFact[] {
  return world.facts.map((f, i) => ({
    ...f,
    authorizationId: 1,
    authorizationLineId: i + 1,
    endCustomerId: null,
    vendorPartNumber: `VP-${f.productId}`,
    programId: 1,
    programType: 'ship_and_debit',
    requiredFields: [],
  }));
}

function claimLines(specs: World['claims'][number]['lines'], facts: AuthorizationLineFact[]): ClaimLineInput[] {
  return specs.map(({ ref, ...l }, i) => {
    const f = ref === null ? null : facts[ref % facts.length]!;
    return { ...l, lineNumber: i + 1, ...(f ? { authorizationNumber: f.authorizationNumber, vendorPartNumber: f.vendorPartNumber } : {}) };
  });
}

/** Runs the claims in order against a ledger that records what each accepted line consumed. */
function replay(world: World) {
  const facts = buildFacts(world);
  const consumedKeys = new Map<number, Set<string>>([
    [1, new Set()],
    [2, new Set()],
  ]);
  const runs: { claim: ClaimLineInput[]; distributorId: number; results: LineVerdictResult[]; facts: AuthorizationLineFact[] }[] = [];
  for (const claim of world.claims) {
    const lines = claimLines(claim.lines, facts);
    const snapshot = facts.map((f) => ({ ...f }));
    const keys = consumedKeys.get(claim.distributorId)!;
    const ctx: ValidationContext = {
      distributorId: claim.distributorId,
      authorizationLines: (n) => snapshot.filter((f) => f.authorizationNumber === n),
      productByVendorPart: (p) => PARTS[p],
      productByDistributorPart: () => undefined,
      isConsumed: (inv, line) => keys.has(posKey(inv, line)),
    };
    const results = validateClaimLines(lines, ctx);
    runs.push({ claim: lines, distributorId: claim.distributorId, results, facts: snapshot });
    results.forEach((r, i) => {
      if (r.acceptedQuantity > 0) {
        facts[r.authorizationLineId! - 1]!.consumedQuantity += r.acceptedQuantity;
        keys.add(posKey(lines[i]!.invoiceNumber, lines[i]!.invoiceLine));
      }
    });
  }
  return { initial: buildFacts(world), runs };
}

describe('engine properties', () => {
  it('never accepts more than approved - consumed on an authorization line, over any sequence of claims', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { initial, runs } = replay(world);
        const accepted = new Map<number, number>();
        for (const run of runs)
          for (const r of run.results)
            if (r.authorizationLineId !== null)
              accepted.set(r.authorizationLineId, (accepted.get(r.authorizationLineId) ?? 0) + r.acceptedQuantity);
        for (const f of initial)
          expect(accepted.get(f.authorizationLineId) ?? 0).toBeLessThanOrEqual(Math.max(0, f.approvedQuantity - f.consumedQuantity));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a POS key at most once per distributor', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { runs } = replay(world);
        const seen = new Set<string>();
        for (const run of runs)
          run.results.forEach((r, i) => {
            if (r.verdict === 'rejected') return;
            const key = run.distributorId + '|' + posKey(run.claim[i]!.invoiceNumber, run.claim[i]!.invoiceLine);
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          });
      }),
      { numRuns: 300 },
    );
  });

  it('computes (book - authorized) x accepted quantity exactly, and approves min(claimed, computed)', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { runs } = replay(world);
        for (const run of runs)
          run.results.forEach((r, i) => {
            const line = run.claim[i]!;
            if (r.acceptedQuantity === 0) {
              expect(r.verdict).toBe('rejected');
              expect(r.computedAmount).toBe('0.0000');
              expect(r.approvedAmount).toBe('0.0000');
              return;
            }
            const fact = run.facts.find((f) => f.authorizationLineId === r.authorizationLineId)!;
            const computed = lineCredit(parseMoney(line.bookCost), parseMoney(fact.authorizedCost), r.acceptedQuantity);
            expect(r.computedAmount).toBe(computed.toFixed(4));
            const approved = line.claimedAmount ? Decimal.min(parseMoney(line.claimedAmount), computed) : computed;
            expect(r.approvedAmount).toBe(approved.toFixed(4));
            expect(r.reasonCodes.includes('AMOUNT_OVER_CLAIMED')).toBe(
              !!line.claimedAmount &&
                parseMoney(line.claimedAmount).gt(lineCredit(parseMoney(line.bookCost), parseMoney(fact.authorizedCost), line.quantity)),
            );
            expect(r.acceptedQuantity).toBeLessThanOrEqual(line.quantity);
          });
      }),
      { numRuns: 300 },
    );
  });

  it('totals equal the sum of the lines', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        for (const run of replay(world).runs) {
          const totals = summarizeVerdicts(run.results);
          const sum = (pick: (r: LineVerdictResult) => string) =>
            run.results.reduce((acc, r) => acc.plus(parseMoney(pick(r))), new Decimal(0)).toFixed(4);
          expect(totals.computedAmount).toBe(sum((r) => r.computedAmount));
          expect(totals.approvedAmount).toBe(sum((r) => r.approvedAmount));
          expect(totals.acceptedQuantity).toBe(run.results.reduce((a, r) => a + r.acceptedQuantity, 0));
          expect(totals.accepted + totals.partial + totals.rejected).toBe(run.results.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives a verdict that agrees with its reasons', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        for (const run of replay(world).runs)
          for (const r of run.results) {
            expect(r.messages).toHaveLength(r.reasonCodes.length);
            expect(new Set(r.reasonCodes).size).toBe(r.reasonCodes.length);
            if (r.verdict === 'accepted') expect(r.reasonCodes).toEqual([]);
            else expect(r.rule).not.toBeNull();
            // a missing field is always named
            if (r.reasonCodes.includes('MISSING_REQUIRED_FIELD')) expect(r.inputs.missingFields?.length).toBeGreaterThan(0);
            else expect(r.inputs.missingFields).toBeUndefined();
            if (r.verdict === 'partial')
              for (const c of r.reasonCodes) expect(['QTY_EXCEEDS_APPROVED', 'AMOUNT_OVER_CLAIMED']).toContain(c);
          }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same verdicts through the bulk validator, and the same output twice', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const facts = buildFacts(world);
        const validator = createValidator({ authorizationLines: facts, productsByVendorPart: new Map(Object.entries(PARTS)) });
        for (const claim of world.claims) {
          const lines = claimLines(claim.lines, facts);
          const ctx: ValidationContext = {
            distributorId: claim.distributorId,
            authorizationLines: (n) => facts.filter((f) => f.authorizationNumber === n),
            productByVendorPart: (p) => PARTS[p],
            productByDistributorPart: () => undefined,
            isConsumed: () => false,
          };
          const viaContext = validateClaimLines(lines, ctx);
          expect(validator.validate(claim.distributorId, lines).results()).toEqual(viaContext);
          expect(validateClaimLines(lines, ctx)).toEqual(viaContext);
          expect(checkClaimLines(lines, ctx).totals()).toEqual(summarizeVerdicts(viaContext));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the generated claims', () => {
  it('exercise every verdict and the reasons the properties are about', () => {
    const codes = new Map<string, number>();
    for (const world of fc.sample(worldArb, { numRuns: 300, seed: 42 }))
      for (const run of replay(world).runs)
        for (const r of run.results) {
          codes.set(r.verdict, (codes.get(r.verdict) ?? 0) + 1);
          for (const c of r.reasonCodes) codes.set(c, (codes.get(c) ?? 0) + 1);
        }
    for (const c of [
      'accepted',
      'partial',
      'rejected',
      'QTY_EXCEEDS_APPROVED',
      'AMOUNT_OVER_CLAIMED',
      'DUPLICATE_LINE',
      'ALREADY_CLAIMED',
      'AUTH_EXPIRED',
      'PART_MISMATCH',
    ])
      expect({ [c]: (codes.get(c) ?? 0) > 20 }).toEqual({ [c]: true });
  });
});
