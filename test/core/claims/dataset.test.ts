import { columnarBatches, generateEngineDataset, type GeneratedLineKind } from '../../../bench/dataset.js';
import { checkClaimLines, createValidator, posKey } from '../../../core/claims/engine.js';

const EXPECTED: Record<Exclude<GeneratedLineKind, 'valid'>, string> = {
  unknownAuthorization: 'AUTH_NOT_FOUND',
  otherDistributor: 'AUTH_NOT_FOR_DISTRIBUTOR',
  wrongPart: 'PART_MISMATCH',
  outsideValidity: 'AUTH_EXPIRED',
  wrongEndCustomer: 'END_CUSTOMER_MISMATCH',
  costBelowAuthorized: 'PRICE_ABOVE_AUTHORIZED',
  overClaimed: 'AMOUNT_OVER_CLAIMED',
  duplicate: 'DUPLICATE_LINE',
  alreadyConsumed: 'ALREADY_CLAIMED',
  missingField: 'MISSING_REQUIRED_FIELD',
};

describe('generateEngineDataset', () => {
  it('is deterministic for a seed', () => {
    expect(generateEngineDataset(500, 50, 3, 7)).toEqual(generateEngineDataset(500, 50, 3, 7));
    expect(generateEngineDataset(500, 50, 3, 8).batches[0]!.lines).not.toEqual(generateEngineDataset(500, 50, 3, 7).batches[0]!.lines);
  });

  it('makes each bad kind of line fail for its reason, and most valid lines pass', () => {
    const ds = generateEngineDataset(20_000, 500, 5, 42);
    expect(ds.lineCount).toBe(20_000);
    expect(ds.distributorIds).toHaveLength(5);
    const validator = createValidator(ds.data);
    const hits = new Map<string, [number, number]>();
    const columns = columnarBatches(ds, validator);
    ds.batches.forEach((batch, b) => {
      const verdicts = validator.validateBatch(batch.distributorId, columns[b]!.batch);
      batch.kinds.forEach((kind, i) => {
        const [ok, all] = hits.get(kind) ?? [0, 0];
        const passed =
          kind === 'valid' ? verdicts.verdictOf(i) !== 'rejected' : verdicts.reasonCodesOf(i).includes(EXPECTED[kind] as never);
        hits.set(kind, [ok + (passed ? 1 : 0), all + 1]);
      });
    });
    for (const [kind, [ok, all]] of hits) {
      expect(all).toBeGreaterThan(kind === 'valid' ? 15_000 : 50);
      expect({ kind, share: ok / all > 0.95 }).toEqual({ kind, share: true });
    }
  });
});

describe('a big validate call', () => {
  it('gives the same verdicts cut into chunks as the context path in one go', () => {
    const ds = generateEngineDataset(45_000, 300, 1, 11);
    const batch = ds.batches[0]!;
    expect(batch.lines.length).toBeGreaterThan(40_000);
    const facts = ds.data.authorizationLines;
    const own = ds.data.productsByDistributorPart!.get(batch.distributorId)!;
    const consumed = ds.data.consumedPosKeys!.get(batch.distributorId)!;
    const viaContext = checkClaimLines(batch.lines, {
      distributorId: batch.distributorId,
      authorizationLines: (n) => facts.filter((f) => f.authorizationNumber === n),
      productByVendorPart: (p) => ds.data.productsByVendorPart.get(p),
      productByDistributorPart: (p) => own.get(p),
      isConsumed: (inv, line) => consumed.has(posKey(inv, line)),
    });
    const bulk = createValidator(ds.data).validate(batch.distributorId, batch.lines);
    expect(bulk.totals()).toEqual(viaContext.totals());
    for (let i = 0; i < bulk.count; i += 97) expect(bulk.result(i)).toEqual(viaContext.result(i));
    const duplicates = [...bulk.duplicateOf.keys()];
    expect(duplicates.some((i) => i >= 16384)).toBe(true);
    for (const i of duplicates) expect(bulk.result(i)).toEqual(viaContext.result(i));
  });
});
