/**
 * A deterministic, realistic data set for the rules engine: authorizations over a few
 * distributors and claim lines with a known mix of valid and bad lines. Used by the tests and by
 * benchmarks (the same seed always gives the same data).
 *
 * A benchmark of the bulk path (what `npm run bench -- --engine-only` times):
 *   const ds = generateEngineDataset(1_000_000, 10_000, 5, 42, { linesPerBatch: 16_384 });
 *   const validator = createValidator(ds.data);
 *   const batches = columnarBatches(ds, validator); // what a parser hands over
 *   // time this, after a warm-up run: one session per distributor, fed batch by batch into one
 *   // reused verdicts object (read each chunk's verdicts before the next)
 *   let verdicts: CompactVerdicts | undefined;
 *   const session = validator.session(distributorId, { expectedLines: 200_000 });
 *   for (const b of batches) if (b.distributorId === distributorId) verdicts = session.validateChunk(b.batch, verdicts);
 *   session.close();
 * `validator.validate(distributorId, lines)` measures the same plus building the columns from
 * line objects. Chunks of 10,000 to 50,000 lines keep the columns in cache; a fresh verdicts
 * object per chunk (`session.validateBatch`) costs garbage collections of the benchmark's heap.
 */
import {
  ClaimLineBatch,
  posKey,
  type AuthorizationLineFact,
  type ClaimLineInput,
  type ClaimValidator,
  type EngineData,
} from '../core/claims/engine.js';
import { isoDateFromInt, unitsToString } from '../core/claims/units.js';

/** mulberry32: small, fast, deterministic. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a generated line was made to be; lets a test or a benchmark check the engine's verdicts. */
export type GeneratedLineKind =
  | 'valid'
  | 'unknownAuthorization'
  | 'otherDistributor'
  | 'wrongPart'
  | 'outsideValidity'
  | 'wrongEndCustomer'
  | 'costBelowAuthorized'
  | 'overClaimed'
  | 'duplicate'
  | 'alreadyConsumed'
  | 'missingField';

/** Share of each kind of bad line (the rest is valid; some valid lines still run out of quantity). */
export const BAD_LINE_MIX: Readonly<Record<Exclude<GeneratedLineKind, 'valid'>, number>> = {
  unknownAuthorization: 0.02,
  otherDistributor: 0.015,
  wrongPart: 0.02,
  outsideValidity: 0.025,
  wrongEndCustomer: 0.015,
  costBelowAuthorized: 0.01,
  overClaimed: 0.02,
  duplicate: 0.01,
  alreadyConsumed: 0.01,
  missingField: 0.01,
};

export interface ClaimBatch {
  distributorId: number;
  lines: ClaimLineInput[];
  /** per line, what it was generated to be */
  kinds: GeneratedLineKind[];
}

export interface EngineDataset {
  /** what `createValidator` takes */
  data: EngineData & { authorizationLines: AuthorizationLineFact[] };
  distributorIds: number[];
  /** claim files: by default one per distributor */
  batches: ClaimBatch[];
  lineCount: number;
  authorizationCount: number;
  authorizationLineCount: number;
}

export interface DatasetOptions {
  /** split each distributor's lines into claim files of this many lines (default: one file each) */
  linesPerBatch?: number;
}

const CUSTOMERS = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Industries',
  'Wayne Enterprises',
  'Soylent',
  'Tyrell',
  'Cyberdyne Systems',
  'Hooli',
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Generates `authorizations` authorizations (1 to 4 lines each, some with a second version)
 * spread over `distributors` distributors, and `lines` claim lines spread over the same
 * distributors, mostly valid, with the bad kinds of BAD_LINE_MIX.
 */
export function generateEngineDataset(
  lines: number,
  authorizations: number,
  distributors: number,
  seed: number,
  options: DatasetOptions = {},
): EngineDataset {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const distributorIds = Array.from({ length: distributors }, (_, i) => 1001 + i);
  const productCount = Math.max(10, Math.ceil(authorizations / 2));
  const productsByVendorPart = new Map<string, number>();
  const productsByDistributorPart = new Map<number, Map<string, number>>();
  for (const d of distributorIds) productsByDistributorPart.set(d, new Map());
  for (let p = 1; p <= productCount; p++) {
    productsByVendorPart.set(`VP-${pad(p, 6)}`, p);
    for (const d of distributorIds) productsByDistributorPart.get(d)!.set(`D${d}-${pad(p, 6)}`, p);
  }

  // Authorizations
  const facts: AuthorizationLineFact[] = [];
  const usable: AuthorizationLineFact[][] = distributorIds.map(() => []);
  let lineId = 1;
  for (let a = 1; a <= authorizations; a++) {
    const di = int(0, distributors - 1);
    const distributorId = distributorIds[di]!;
    const number = `SD-${pad(a, 7)}`;
    const programType = random() < 0.8 ? 'ship_and_debit' : 'spa';
    const requiredFields = random() < 0.2 ? ['resellerPoNumber'] : [];
    const fromMonth = int(1, 6);
    const toMonth = fromMonth + 5 + int(0, 6);
    const from = 20250001 + fromMonth * 100;
    const to = toMonth > 12 ? 20251231 : 20250001 + toMonth * 100;
    const versions = random() < 0.1 ? 2 : 1;
    const lineCount = int(1, 4);
    const products = Array.from({ length: lineCount }, () => int(1, productCount));
    const customers = products.map(() => (random() < 0.6 ? int(0, CUSTOMERS.length - 1) : -1));
    for (let v = 1; v <= versions; v++) {
      for (let l = 0; l < lineCount; l++) {
        const approved = int(1, 100) * 100;
        const customer = customers[l]!;
        const fact: AuthorizationLineFact = {
          authorizationId: a,
          authorizationLineId: lineId++,
          authorizationNumber: number,
          authorizationVersion: v,
          distributorId,
          productId: products[l]!,
          vendorPartNumber: `VP-${pad(products[l]!, 6)}`,
          endCustomerId: customer >= 0 ? 500 + customer : null,
          endCustomerName: customer >= 0 ? CUSTOMERS[customer]! : null,
          authorizedCost: unitsToString(int(100, 500000) * 100 + (v - 1) * -100),
          approvedQuantity: approved,
          consumedQuantity: random() < 0.3 ? int(0, approved) : 0,
          validFrom: isoDateFromInt(from),
          validTo: isoDateFromInt(to),
          programId: 1 + (a % 50),
          programType,
          requiredFields,
          maxResalePrice: null,
        };
        facts.push(fact);
        if (v === versions) usable[di]!.push(fact);
      }
    }
  }

  // Claim lines
  const perDistributor = distributorIds.map(() => [] as { line: ClaimLineInput; kind: GeneratedLineKind }[]);
  const consumedPosKeys = new Map<number, Set<string>>(distributorIds.map((d) => [d, new Set<string>()]));
  const thresholds: [GeneratedLineKind, number][] = [];
  let acc = 0;
  for (const [kind, share] of Object.entries(BAD_LINE_MIX) as [GeneratedLineKind, number][]) thresholds.push([kind, (acc += share)]);
  const invoiceCounters = distributorIds.map(() => 0);

  for (let n = 0; n < lines; n++) {
    let di = int(0, distributors - 1);
    if (usable[di]!.length === 0) di = usable.findIndex((u) => u.length > 0);
    if (di < 0) break;
    const distributorId = distributorIds[di]!;
    const own = perDistributor[di]!;
    const r = random();
    let kind: GeneratedLineKind = 'valid';
    for (const [k, t] of thresholds)
      if (r < t) {
        kind = k;
        break;
      }
    if (kind === 'duplicate' && own.length === 0) kind = 'valid';

    const f = pick(usable[di]!);
    const invoiceLineNo = (invoiceCounters[di]! % 5) + 1;
    // under 13 characters, so V8 builds a flat string as a parser would (longer concatenations are ropes)
    const invoiceNumber = `INV-${pad(Math.floor(invoiceCounters[di]! / 5) + 1, 8)}`;
    invoiceCounters[di]!++;
    const from = parseInt(f.validFrom.replace(/-/g, ''), 10);
    const to = parseInt(f.validTo.replace(/-/g, ''), 10);
    const invoiceDate = Math.min(to, from + int(0, 3) * 100 + int(0, 27));
    const quantity = int(1, 60);
    const cost = Number(f.authorizedCost.replace('.', ''));
    const bookUnits = cost + int(1, 2000) * 100 + int(0, 99);
    const useDistributorPart = random() < 0.3;
    const customerName =
      f.endCustomerName === null
        ? random() < 0.5
          ? pick(CUSTOMERS)
          : null
        : random() < 0.2
          ? f.endCustomerName.toUpperCase()
          : f.endCustomerName;
    const line: ClaimLineInput = {
      lineNumber: own.length + 1,
      authorizationNumber: f.authorizationNumber,
      vendorPartNumber: useDistributorPart ? null : f.vendorPartNumber,
      distributorPartNumber: useDistributorPart ? `D${distributorId}-${pad(f.productId, 6)}` : null,
      endCustomerId: null,
      endCustomerName: customerName,
      invoiceNumber,
      invoiceLine: String(invoiceLineNo),
      invoiceDate: isoDateFromInt(invoiceDate),
      shipDate: isoDateFromInt(invoiceDate),
      quantity,
      bookCost: unitsToString(bookUnits),
      authorizedCost: random() < 0.7 ? f.authorizedCost : null,
      resalePrice: unitsToString(cost + int(0, 5000) * 100),
      claimedAmount: null,
      extra: { resellerPoNumber: `PO-${int(1, 99999)}` },
    };
    switch (kind) {
      case 'unknownAuthorization':
        line.authorizationNumber = `SD-X${pad(int(1, 999999), 6)}`;
        break;
      case 'otherDistributor': {
        const other = usable[(di + 1) % distributors]!;
        if (other.length > 0 && distributors > 1) line.authorizationNumber = pick(other).authorizationNumber;
        else kind = 'valid';
        break;
      }
      case 'wrongPart': {
        const p = ((f.productId + int(1, productCount - 1) - 1) % productCount) + 1;
        line.vendorPartNumber = `VP-${pad(p, 6)}`;
        line.distributorPartNumber = null;
        break;
      }
      case 'outsideValidity':
        // validTo is the 1st of a month or 2025-12-31: the next day is a real date
        line.invoiceDate = isoDateFromInt(to >= 20251231 ? 20260115 : to + 1);
        line.shipDate = line.invoiceDate;
        break;
      case 'wrongEndCustomer':
        if (f.endCustomerName !== null) line.endCustomerName = 'Unknown Reseller ' + int(1, 99);
        else kind = 'valid';
        break;
      case 'costBelowAuthorized':
        if (cost > 1) line.authorizedCost = unitsToString(cost - 1);
        else kind = 'valid';
        break;
      case 'overClaimed':
        line.claimedAmount = unitsToString((bookUnits - cost) * quantity + int(1, 100000) * 100);
        break;
      case 'duplicate': {
        const earlier = own[int(0, own.length - 1)]!.line;
        line.invoiceNumber = earlier.invoiceNumber;
        line.invoiceLine = earlier.invoiceLine;
        break;
      }
      case 'alreadyConsumed':
        consumedPosKeys.get(distributorId)!.add(posKey(line.invoiceNumber, line.invoiceLine));
        break;
      case 'missingField':
        if (f.requiredFields.length > 0 && random() < 0.5) line.extra = { resellerPoNumber: null };
        else line.bookCost = '12,50';
        break;
      default:
        break;
    }
    own.push({ line, kind });
  }

  const batches: ClaimBatch[] = [];
  const size = options.linesPerBatch ?? Infinity;
  perDistributor.forEach((own, di) => {
    for (let start = 0; start < own.length; start += size) {
      const slice = own.slice(start, Math.min(own.length, start + size));
      batches.push({
        distributorId: distributorIds[di]!,
        lines: slice.map((x, i) => (x.line.lineNumber === i + 1 ? x.line : { ...x.line, lineNumber: i + 1 })),
        kinds: slice.map((x) => x.kind),
      });
      if (size === Infinity) break;
    }
  });

  return {
    data: { authorizationLines: facts, productsByVendorPart, productsByDistributorPart, consumedPosKeys },
    distributorIds,
    batches,
    lineCount: perDistributor.reduce((s, o) => s + o.length, 0),
    authorizationCount: authorizations,
    authorizationLineCount: facts.length,
  };
}

/** The dataset's claim files as columnar batches for `validator` (session.validateBatch / validator.validateBatch). */
export function columnarBatches(dataset: EngineDataset, validator: ClaimValidator): { distributorId: number; batch: ClaimLineBatch }[] {
  return dataset.batches.map((b) => ({
    distributorId: b.distributorId,
    batch: ClaimLineBatch.from(b.lines, validator.texts, validator.index.watchedFields),
  }));
}
