/**
 * The one loader of the facts the rules engine validates against, for every claim path: the
 * active authorization lines (by the numbers the lines carry, or a distributor's own for automatic
 * matching), the products the lines' part numbers name, and the vendor's book costs on record.
 */
import type { Transaction } from 'sequelize';
import type { AuthorizationLineFact, AuthorizationVersionFact, FilingWindow } from '../../core/claims/engine.js';
import { parseIsoDate } from '../../core/claims/units.js';
import type { ProgramType } from '../../core/domain.js';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { rowsOf } from '../database.repository.js';
import { lockAuthorizationLines, select } from '../settlement/ledger.repository.js';

const m = (v: string | number) => moneyToString(moneyFromDb(v));
const day = (v: unknown) => String(v).slice(0, 10);

/** The distinct authorization numbers and part numbers an import's lines carry. */
export interface ImportTexts {
  authorizationNumbers: string[];
  vendorParts: string[];
  distributorParts: string[];
}

/** What an import's lines name (`ImportTexts`): one read of its stretch of POS lines. */
export async function importTexts(importId: number): Promise<ImportTexts> {
  const lines = await rowsOf('pos_lines', 'import_id', importId);
  const rows = await select<{ a: string | null; v: string | null; d: string | null }>(
    `SELECT authorization_number AS a, vendor_part_number AS v, distributor_part_number AS d FROM pos_lines
      WHERE ${lines.where} GROUP BY authorization_number, vendor_part_number, distributor_part_number`,
    lines.params,
    null,
    true,
  );
  const [a, v, d] = [new Set<string>(), new Set<string>(), new Set<string>()];
  for (const r of rows) {
    if (r.a !== null) a.add(r.a);
    if (r.v !== null) v.add(r.v);
    if (r.d !== null) d.add(r.d);
  }
  return { authorizationNumbers: [...a], vendorParts: [...v], distributorParts: [...d] };
}

/** Runs `query` over `values` a thousand at a time (`?` lists), the rows of every part together. */
async function inChunks<T>(values: readonly string[], query: (list: string, part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += 1000) {
    const part = values.slice(i, i + 1000);
    out.push(...(await query(part.map(() => '?').join(','), part)));
  }
  return out;
}

/**
 * Every active authorization line an import's lines can reach: those of the authorization
 * numbers they carry (`importTexts`; any distributor: the engine tells "not issued to you" from
 * "not found") and, when lines are to be matched automatically, all of this distributor's.
 */
export async function authorizationFacts(texts: ImportTexts, distributorId: number, ownToo: boolean): Promise<AuthorizationLineFact[]> {
  const named = await inChunks(texts.authorizationNumbers, (list, part) =>
    select<{ id: number }>(`SELECT id FROM authorizations WHERE number IN (${list}) AND ${factStatus('status')}`, part),
  );
  const own = ownToo
    ? await select<{ id: number }>(`SELECT id FROM authorizations WHERE distributor_id = ? AND ${factStatus('status')}`, [distributorId])
    : [];
  const ids = [...new Set([...named, ...own].map((r) => Number(r.id)))].sort((a, b) => a - b);
  const out: AuthorizationLineFact[] = [];
  for (let i = 0; i < ids.length; i += 999) out.push(...(await factsOfAuthorizations(ids.slice(i, i + 999))));
  // one list in line order, as the engine's index expects
  return ids.length > 999 ? out.sort((a, b) => a.authorizationLineId - b.authorizationLineId) : out;
}

/**
 * The active lines of these authorization numbers (any distributor), for a claim file read as it
 * streams. This distributor's lines are locked first, in id order, in the run's ledger
 * transaction: the quantities read stay true until the run commits.
 */
export async function authorizationFactsForNumbers(numbers: string[], distributorId: number, transaction: Transaction | null, lock = true) {
  const out: AuthorizationLineFact[] = [];
  for (let i = 0; i < numbers.length; i += 1000) {
    const part = numbers.slice(i, i + 1000);
    const list = part.map(() => '?').join(',');
    if (lock) await lockAuthorizationLines(part, transaction, distributorId);
    // The authorizations first, by their number's index, then their lines by id: joined in one
    // statement, MariaDB's optimizer started from the programs and read every authorization of
    // each (a whole-table read per thousand numbers: 100,000 authorizations cost 21 of a 46-second
    // claim file of 20,000 lines); by id the plan cannot start anywhere else.
    const ids = (
      await select<{ id: number }>(`SELECT id FROM authorizations WHERE number IN (${list}) AND ${factStatus('status')}`, part, transaction)
    ).map((r) => Number(r.id));
    if (ids.length) out.push(...(await factsOfAuthorizations(ids, transaction)));
  }
  return out;
}

/**
 * The versions of each line of these authorizations (those changed at least once), oldest first,
 * by authorization line id: one query per thousand authorizations, never one per line.
 */
async function versionsOf(authorizationIds: number[], transaction?: Transaction | null) {
  const out = new Map<number, AuthorizationVersionFact[]>();
  for (let i = 0; i < authorizationIds.length; i += 1000) {
    const part = authorizationIds.slice(i, i + 1000);
    const rows = await select<Record<string, unknown>>(
      `SELECT vl.authorization_line_id AS lineId, v.version AS version, v.change_kind AS kind, v.effective_from AS effectiveFrom,
              v.valid_from AS validFrom, v.valid_to AS validTo, vl.authorized_cost AS authorizedCost, vl.approved_quantity AS approved
         FROM authorization_versions v JOIN authorization_version_lines vl ON vl.version_id = v.id
        WHERE v.authorization_id IN (${part.map(() => '?').join(',')})
        ORDER BY vl.authorization_line_id, v.version`,
      part,
      transaction,
      true,
    );
    for (const r of rows) {
      const lineId = Number(r.lineId);
      const list = out.get(lineId) ?? [];
      list.push({
        version: Number(r.version),
        effectiveFrom: day(r.effectiveFrom),
        validFrom: day(r.validFrom),
        validTo: day(r.validTo),
        authorizedCost: m(r.authorizedCost as string),
        approvedQuantity: Number(r.approved),
        cancelled: r.kind === 'cancelled',
      });
      out.set(lineId, list);
    }
  }
  return out;
}

/**
 * The facts of these authorizations (ids), read by id: the authorizations are always found first
 * (by number, or by distributor, on their own indexes), never through a join the optimizer may
 * start from the programs (see authorizationFactsForNumbers).
 */
const factsOfAuthorizations = (ids: number[], transaction?: Transaction | null) =>
  factsWhere(`a.id IN (${ids.map(() => '?').join(',')})`, ids, transaction);

/** The authorizations whose lines are facts: active ones, and cancelled ones (the engine says AUTH_CANCELLED). */
const factStatus = (column: string) => `${column} IN ('active', 'cancelled')`;

async function factsWhere(condition: string, params: unknown[], transaction?: Transaction | null): Promise<AuthorizationLineFact[]> {
  const rows = await select<Record<string, unknown>>(
    `SELECT l.id AS lineId, a.id AS authorizationId, a.number AS number, a.version AS version, a.distributor_id AS distributorId,
            l.product_id AS productId, p.vendor_part_number AS vendorPart, l.end_customer_id AS endCustomerId, e.name AS endCustomerName,
            l.authorized_cost AS authorizedCost, l.approved_quantity AS approved, l.consumed_quantity AS consumed,
            l.valid_from AS validFrom, l.valid_to AS validTo, a.closed_lost_on AS closedLostOn, g.id AS programId, g.type AS programType, g.required_claim_fields AS required
       FROM authorization_lines l
       JOIN authorizations a ON a.id = l.authorization_id
       JOIN programs g ON g.id = a.program_id
       JOIN products p ON p.id = l.product_id
       LEFT JOIN accounts e ON e.id = l.end_customer_id
      WHERE ${factStatus('a.status')} AND ${condition}
      ORDER BY l.id`,
    params,
    transaction,
    // a large vendor's facts are hundreds of thousands of rows: read with the driver's own types (dates as text)
    true,
  );
  const versions = await versionsOf(
    [...new Set(rows.filter((r) => Number(r.version) > 1).map((r) => Number(r.authorizationId)))],
    transaction,
  );
  const windows = await filingWindows([...new Set(rows.map((r) => Number(r.programId)))], transaction);
  return rows.map((r) => ({
    versions: versions.get(Number(r.lineId)),
    authorizationId: Number(r.authorizationId),
    authorizationLineId: Number(r.lineId),
    authorizationNumber: String(r.number),
    authorizationVersion: Number(r.version),
    distributorId: Number(r.distributorId),
    productId: Number(r.productId),
    vendorPartNumber: String(r.vendorPart),
    endCustomerId: r.endCustomerId === null ? null : Number(r.endCustomerId),
    endCustomerName: (r.endCustomerName as string | null) ?? null,
    authorizedCost: m(r.authorizedCost as string),
    approvedQuantity: Number(r.approved),
    consumedQuantity: Number(r.consumed),
    validFrom: day(r.validFrom),
    validTo: day(r.validTo),
    closedLostOn: r.closedLostOn === null || r.closedLostOn === undefined ? null : day(r.closedLostOn),
    programId: Number(r.programId),
    programType: r.programType as ProgramType,
    requiredFields: JSON.parse(String(r.required ?? '[]')) as string[],
    filingWindows: windows.get(Number(r.programId)),
  }));
}

const instantDay = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : day(v));

/**
 * Each program's versions with their claim rules, newest first: the filing window (null = none)
 * and the required claim fields. One list per program, shared by its authorization lines; the
 * engine judges each line by the version in force on its invoice date and records it.
 */
async function filingWindows(programIds: number[], transaction?: Transaction | null): Promise<Map<number, FilingWindow[]>> {
  const out = new Map<number, FilingWindow[]>();
  if (!programIds.length) return out;
  const rows = await select<{ programId: number; version: number; effectiveFrom: unknown; snapshot: string }>(
    `SELECT program_id AS programId, version, effective_from AS effectiveFrom, snapshot FROM program_versions
      WHERE program_id IN (${programIds.map(() => '?').join(',')}) ORDER BY program_id, version DESC`,
    programIds,
    transaction,
  );
  for (const r of rows) {
    const snapshot = JSON.parse(r.snapshot) as { claimFilingWindowDays?: number | null; requiredClaimFields?: string[] };
    const list = out.get(Number(r.programId)) ?? [];
    list.push({
      programVersion: Number(r.version),
      fromDate: parseIsoDate(instantDay(r.effectiveFrom)),
      days: snapshot.claimFilingWindowDays ?? null,
      ...(snapshot.requiredClaimFields ? { requiredFields: snapshot.requiredClaimFields } : {}),
    });
    out.set(Number(r.programId), list);
  }
  return out;
}

/** The products the import's part numbers name: vendor part → id, and this distributor's own parts → id. */
export async function importParts(texts: ImportTexts, distributorId: number) {
  const [vendor, own] = await Promise.all([
    inChunks(texts.vendorParts, (list, part) =>
      select<{ id: number; part: string }>(
        `SELECT id, vendor_part_number AS part FROM products WHERE vendor_part_number IN (${list})`,
        part,
      ),
    ),
    inChunks(texts.distributorParts, (list, part) =>
      select<{ id: number; part: string }>(
        `SELECT product_id AS id, distributor_part_number AS part FROM product_part_mappings
          WHERE distributor_id = ? AND distributor_part_number IN (${list})`,
        [distributorId, ...part],
      ),
    ),
  ]);
  return {
    byVendorPart: new Map(vendor.map((r) => [r.part, Number(r.id)])),
    byDistributorPart: new Map(own.map((r) => [r.part, Number(r.id)])),
  };
}

/** productId → book cost periods (effective from/to), newest first: the vendor's cost wins over the claimed one. */
export async function bookCosts(distributorId: number, transaction?: Transaction | null) {
  const rows = await select<{ productId: number; cost: string | number; effectiveFrom: string; effectiveTo: string | null }>(
    `SELECT product_id AS productId, cost, effective_from AS effectiveFrom, effective_to AS effectiveTo FROM book_costs WHERE distributor_id = ? ORDER BY effective_from DESC`,
    [distributorId],
    transaction,
  );
  const byProduct = new Map<number, { cost: string; from: string; to: string | null }[]>();
  for (const r of rows) {
    const list = byProduct.get(Number(r.productId)) ?? [];
    list.push({ cost: m(r.cost), from: day(r.effectiveFrom), to: r.effectiveTo ? day(r.effectiveTo) : null });
    byProduct.set(Number(r.productId), list);
  }
  return (productId: number, date: string): string | null =>
    byProduct.get(productId)?.find((b) => b.from <= date && (b.to === null || b.to >= date))?.cost ?? null;
}

/** The products these part numbers name: vendor part → id, and this distributor's own parts → id. */
export async function partsNamed(
  distributorId: number,
  vendorParts: string[],
  distributorParts: string[],
  transaction?: Transaction | null,
) {
  const list = (n: number) => Array.from({ length: n }, () => '?').join(',');
  const [vendor, own] = await Promise.all([
    vendorParts.length
      ? select<{ id: number; part: string }>(
          `SELECT id, vendor_part_number AS part FROM products WHERE vendor_part_number IN (${list(vendorParts.length)})`,
          vendorParts,
          transaction,
        )
      : [],
    distributorParts.length
      ? select<{ id: number; part: string }>(
          `SELECT product_id AS id, distributor_part_number AS part FROM product_part_mappings
            WHERE distributor_id = ? AND distributor_part_number IN (${list(distributorParts.length)})`,
          [distributorId, ...distributorParts],
          transaction,
        )
      : [],
  ]);
  return {
    byVendorPart: new Map(vendor.map((r) => [r.part, Number(r.id)])),
    byDistributorPart: new Map(own.map((r) => [r.part, Number(r.id)])),
  };
}
