/** The only claims code that touches Sequelize: returns plain objects with money as decimal strings. */
import { rollClaimFigures } from '../reports/rollups.repository.js';
import { literal, Op, QueryTypes, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import { rowsOf } from '../database.repository.js';
import { AppError, errorText } from '../errors.js';
import { adjustersOf } from '../settlement/settlement.repository.js';
import { instantText } from '../../models/bulk.js';
import { MONEY_COLUMNS, moneyToDb } from '../../models/money-sql.js';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Account } from '../../models/accounts.js';
import { Claim, ClaimLine, CreditMemo, CreditMemoDebit, Note } from '../../models/claims.js';
import type { TenantScope } from '../auth/actor.js';
import type { ClaimLineView, ClaimQuery, ClaimView } from './claims.schemas.js';
import { wholeInputs } from './verdict-inputs.js';
import { REVIEW_VERDICTS, type ClaimReview } from '../../core/claims/review.js';
import { debitMemoKey } from '../../core/claims/debit-memo-key.js';
import { keysetPage } from '../http/cursor.js';
import { newestFirstPage } from '../http/list-page.repository.js';
import { accountIdsFor, requestOfRecordSql } from '../requests/requests.repository.js';
import { LIST_INDEXES } from '../../models/migrations/20261205T1200-list-indexes.js';

const m = (v: string | number) => moneyToString(moneyFromDb(v));
const om = (v: string | number | null) => (v === null ? null : m(v));
const scoped = (scope: TenantScope) => (scope.distributorId === null ? {} : { distributorId: scope.distributorId });

export const sequelize = () => Claim.sequelize!;

function toLineView(l: ClaimLine): ClaimLineView {
  return {
    id: l.id,
    lineNumber: l.lineNumber,
    authorizationNumber: l.authorizationNumber,
    authorizationLineId: l.authorizationLineId,
    authorizationVersion: l.authorizationVersion,
    productId: l.productId,
    vendorPartNumber: l.vendorPartNumber,
    distributorPartNumber: l.distributorPartNumber,
    endCustomerId: l.endCustomerId,
    endCustomerName: l.endCustomerName,
    invoiceNumber: l.invoiceNumber,
    invoiceLine: l.invoiceLine,
    invoiceDate: l.invoiceDate,
    shipDate: l.shipDate,
    quantity: l.quantity,
    bookCost: m(l.bookCost),
    authorizedCost: om(l.authorizedCost),
    resalePrice: om(l.resalePrice),
    claimedAmount: m(l.claimedAmount),
    computedAmount: m(l.computedAmount),
    acceptedQuantity: l.acceptedQuantity,
    approvedAmount: m(l.approvedAmount),
    verdict: l.verdict,
    reasonCodes: JSON.parse(l.reasonCodes),
    rule: l.rule,
    verdictInputs: l.verdictInputs
      ? wholeInputs(JSON.parse(l.verdictInputs) as Record<string, unknown>, {
          distributorId: l.distributorId,
          authorizationNumber: l.authorizationNumber,
          invoiceNumber: l.invoiceNumber,
          invoiceLine: l.invoiceLine,
          invoiceDate: l.invoiceDate,
          shipDate: l.shipDate,
          vendorPartNumber: l.vendorPartNumber,
          distributorPartNumber: l.distributorPartNumber,
          endCustomerName: l.endCustomerName,
          quantity: l.quantity,
          bookCost: m(l.bookCost),
          claimedAuthorizedCost: om(l.authorizedCost),
          resalePrice: om(l.resalePrice),
        })
      : null,
    extra: l.extra ? JSON.parse(l.extra) : null,
    resubmissionOfLineId: l.resubmissionOfLineId,
    adjustedByUserId: l.adjustedByUserId,
  };
}

function toClaimView(
  c: Claim,
  lineCount: number,
  memo: (CreditMemo & { debitsApplied?: string }) | null,
  lines?: ClaimLine[],
  review?: ClaimReview,
): ClaimView {
  return {
    id: c.id,
    number: c.number,
    distributorId: c.distributorId,
    programId: c.programId,
    programType: c.programType,
    type: c.type,
    status: c.status,
    debitMemoNumber: c.debitMemoNumber,
    currency: c.currency,
    claimedTotal: m(c.claimedTotal),
    computedTotal: m(c.computedTotal),
    approvedTotal: m(c.approvedTotal),
    lineCount,
    submittedAt: c.submittedAt?.toISOString() ?? null,
    authorizedAt: c.authorizedAt?.toISOString() ?? null,
    paidAt: c.paidAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    createdByUserId: c.createdByUserId,
    authorizedByUserId: c.authorizedByUserId,
    posImportId: c.posImportId ?? null,
    creditMemo: memo
      ? {
          number: memo.number,
          amount: m(memo.amount),
          debitsApplied: memo.debitsApplied ?? '0.0000',
          currency: memo.currency,
          issuedAt: memo.issuedAt.toISOString(),
          externalRef: memo.externalRef,
        }
      : null,
    ...(review ? { review } : {}),
    ...(lines ? { lines: lines.map(toLineView) } : {}),
  };
}

/**
 * Each claim's line count and review figures (core/claims/review.ts) over all of its lines, in one
 * statement, and everyone who ever adjusted one of its lines (the settlement service's `adjusters`:
 * a line keeps only its last adjuster), so the figures never depend on a page of lines.
 */
export async function claimReviews(
  ids: readonly number[],
  transaction?: Transaction,
): Promise<Map<number, ClaimReview & { lineCount: number }>> {
  const out = new Map<number, ClaimReview & { lineCount: number }>();
  if (!ids.length) return out;
  const toCheck = REVIEW_VERDICTS.map((v) => `'${v}'`).join(', ');
  const rows = await sequelize().query<{ claimId: number | string; n: number | string; toCheck: number | string | null }>(
    `SELECT claim_id AS claimId, COUNT(*) AS n,
            SUM(CASE WHEN verdict IN (${toCheck}) AND adjusted_by_user_id IS NULL THEN 1 ELSE 0 END) AS toCheck
       FROM claim_lines WHERE claim_id IN (${ids.map(() => '?').join(', ')})
      GROUP BY claim_id`,
    { replacements: [...ids], type: QueryTypes.SELECT, transaction },
  );
  const adjusters = await adjustersOf('claim', ids, transaction);
  for (const id of ids) out.set(id, { lineCount: 0, linesToCheck: 0, adjustedByUserIds: adjusters.get(id) ?? [] });
  for (const r of rows) {
    const f = out.get(Number(r.claimId))!;
    f.lineCount = Number(r.n);
    f.linesToCheck = Number(r.toCheck ?? 0);
  }
  return out;
}

export type NewClaimLine = Omit<ClaimLineView, 'id' | 'reasonCodes' | 'verdictInputs' | 'extra'> & {
  extra: Record<string, unknown> | null;
  /** the canonical POS key (core/claims/pos-key.ts), computed at the path's edge */
  invoiceKey: string;
  lineKey: string;
};

export async function insertClaim(
  head: Pick<Claim, 'number' | 'distributorId' | 'type' | 'debitMemoNumber' | 'currency' | 'claimedTotal' | 'createdByUserId'> & {
    posImportId?: number | null;
  },
  lines: NewClaimLine[],
  transaction: Transaction,
): Promise<number> {
  // The canonical key (core/claims/debit-memo-key.ts) is what the unique key compares, on every path.
  const memoKey = debitMemoKey(head.debitMemoNumber);
  const c = await Claim.create(
    {
      ...head,
      debitMemoKey: memoKey,
      programId: null,
      programType: null,
      status: 'draft',
      computedTotal: '0',
      approvedTotal: '0',
      submittedAt: null,
      authorizedAt: null,
      paidAt: null,
      authorizedByUserId: null,
    },
    { transaction },
  ).catch(async (err: unknown) => {
    // Two claims with one memo at once both passed debitMemoFree: the unique key refuses the
    // second, answered as the check would have (409), not as a database error.
    if (memoKey === null || !(err instanceof UniqueConstraintError) || !errorText(err).includes('debit_memo_key')) throw err;
    const holder = await Claim.findOne({ where: { distributorId: head.distributorId, debitMemoKey: memoKey }, attributes: ['id'] });
    throw new AppError('CLAIM_ALREADY_EXISTS', `debit memo ${head.debitMemoNumber} was already claimed`, 409, {
      ...(holder ? { claimId: holder.id } : {}),
    });
  });
  await ClaimLine.bulkCreate(
    lines.map((l) => ({
      ...l,
      claimId: c.id,
      distributorId: head.distributorId,
      reasonCodes: '[]',
      verdictInputs: null,
      extra: l.extra ? JSON.stringify(l.extra) : null,
    })),
    { transaction },
  );
  return c.id;
}

/** A credit memo with the sum of the debits it took back. */
async function withDebits(memo: CreditMemo | null, transaction?: Transaction) {
  return memo ? (await withDebitsOf([memo], transaction))[0]! : null;
}

/** Credit memos with the sums of the debits they took back: one query for a page of them (not one each). */
async function withDebitsOf(memos: CreditMemo[], transaction?: Transaction) {
  if (!memos.length) return [];
  const taken = await CreditMemoDebit.findAll({
    where: { creditMemoId: memos.map((m) => m.id) },
    attributes: ['creditMemoId', 'amount'],
    transaction,
    raw: true,
  });
  return memos.map((memo) =>
    Object.assign(memo, {
      debitsApplied: moneyToString(
        taken.filter((d) => d.creditMemoId === memo.id).reduce((sum, d) => sum.plus(moneyFromDb(d.amount)), moneyFromDb(0)),
      ),
    }),
  );
}

/**
 * Gives a draft claim its debit memo number once it is known (a claim file whose rows name it),
 * under the canonical key's unique key: a memo another standing claim took meanwhile answers 409
 * CLAIM_ALREADY_EXISTS, as `insertClaim` does.
 */
export async function setDraftDebitMemo(claimId: number, distributorId: number, debitMemoNumber: string, transaction: Transaction) {
  const memoKey = debitMemoKey(debitMemoNumber);
  await Claim.update({ debitMemoNumber, debitMemoKey: memoKey }, { where: { id: claimId, status: 'draft' }, transaction }).catch(
    async (err: unknown) => {
      if (!(err instanceof UniqueConstraintError) || !errorText(err).includes('debit_memo_key')) throw err;
      const holder = await Claim.findOne({ where: { distributorId, debitMemoKey: memoKey }, attributes: ['id'] });
      throw new AppError('CLAIM_ALREADY_EXISTS', `debit memo ${debitMemoNumber} was already claimed`, 409, {
        ...(holder ? { claimId: holder.id } : {}),
      });
    },
  );
}

/** The standing claim (not rejected whole) holding this debit memo number, spelled any way (its canonical key), if any. */
export async function findClaimIdByDebitMemo(
  distributorId: number,
  debitMemoNumber: string,
  transaction?: Transaction,
): Promise<number | null> {
  const key = debitMemoKey(debitMemoNumber);
  if (key === null) return null;
  const c = await Claim.findOne({ where: { distributorId, debitMemoKey: key }, attributes: ['id'], transaction });
  return c?.id ?? null;
}

/** A distributor's currency (ISO 4217), or null when the account is not a distributor. */
export async function distributorCurrency(distributorId: number, transaction?: Transaction): Promise<string | null> {
  const a = await Account.findOne({ where: { id: distributorId, type: 'distributor' }, attributes: ['currency'], transaction });
  return a ? (a.currency ?? null) : null;
}

export async function findClaim(
  scope: TenantScope,
  id: number,
  /** lineCount: the caller knows it (a bulk run has just summed the lines): no count is read */
  opts: { lines?: boolean; transaction?: Transaction; lineCount?: number } = {},
): Promise<ClaimView | null> {
  const { transaction } = opts;
  const c = await Claim.findOne({ where: { id, ...scoped(scope) }, transaction, lock: transaction ? transaction.LOCK.UPDATE : undefined });
  if (!c) return null;
  const memo = await withDebits(await CreditMemo.findOne({ where: { claimId: id }, transaction }), transaction);
  if (opts.lines) {
    const lines = (await ClaimLine.findAll({
      where: { claimId: id },
      order: [['lineNumber', 'ASC']],
      transaction,
      raw: true,
    })) as ClaimLine[];
    return toClaimView(c, lines.length, memo, lines);
  }
  return toClaimView(c, opts.lineCount ?? (await ClaimLine.count({ where: { claimId: id }, transaction })), memo);
}

/** One page of a claim's lines in line order, after line number `after` (keyset on claim + line number). */
export async function claimLinesPage(claimId: number, after: number, limit: number) {
  const rows = (await ClaimLine.findAll({
    where: { claimId, lineNumber: { [Op.gt]: after } },
    order: [['lineNumber', 'ASC']],
    limit: limit + 1,
    raw: true,
  })) as ClaimLine[];
  return keysetPage('claim-lines', rows.map(toLineView), limit, (l) => [l.lineNumber]);
}

/**
 * A page of claims, newest first. By cursor (keyset on id, through the list's indexes: see the
 * list-indexes migration) without a total; by page number (OFFSET) with the total, for small lists.
 * Either way one row more than the page is read, to name the next page's cursor.
 */
/**
 * The claims of a CRM record (a Lightning record page): those with a line under an authorization
 * made by a request of the record (the request's opportunityRef; its distributor, reseller or end
 * customer), and for an account also the claims it made as distributor. The tenant's own `where`
 * stays beside it: a distributor user never sees another's claims through a record.
 */
async function ofCrmRecord(q: Pick<ClaimQuery, 'opportunityId' | 'accountId'>): Promise<WhereOptions> {
  const accounts = q.accountId ? await accountIdsFor(q.accountId) : [];
  const underAuthorization = {
    id: {
      [Op.in]: literal(
        `(SELECT cl.claim_id FROM claim_lines cl
           JOIN authorization_lines al ON al.id = cl.authorization_line_id
           JOIN price_requests r ON r.authorization_id = al.authorization_id
          WHERE ${requestOfRecordSql(q, accounts)})`,
      ),
    },
  };
  return q.accountId && !q.opportunityId ? { [Op.or]: [underAuthorization, { distributorId: accounts }] } : underAuthorization;
}

export async function listClaims(scope: TenantScope, q: ClaimQuery) {
  const where: WhereOptions = { ...scoped(scope) };
  const w = where as Record<string | symbol, unknown>;
  if (q.status) w.status = q.status;
  if (q.programType) w.programType = q.programType;
  if (q.distributorId && scope.distributorId === null) w.distributorId = q.distributorId;
  const created: Record<symbol, Date> = {};
  if (q.from) created[Op.gte] = new Date(`${q.from}T00:00:00.000Z`);
  if (q.to) created[Op.lte] = new Date(`${q.to}T23:59:59.999Z`);
  if (q.from || q.to) w.createdAt = created;
  if (q.opportunityId || q.accountId) w[Op.and] = [await ofCrmRecord(q)];
  const byDistributor = w.distributorId !== undefined;
  const index = q.status
    ? byDistributor
      ? LIST_INDEXES.claimsByDistributorAndStatus
      : LIST_INDEXES.claimsByStatus
    : byDistributor
      ? LIST_INDEXES.claimsByDistributor
      : null;
  const page = await newestFirstPage(Claim, 'claims', where, q, index);
  const rows = page.items;
  const ids = rows.map((r) => r.id);
  const reviews = q.review === 'true' ? await claimReviews(ids) : null;
  const counts =
    !reviews && ids.length
      ? ((await ClaimLine.findAll({
          where: { claimId: ids },
          attributes: ['claimId', [Claim.sequelize!.fn('COUNT', Claim.sequelize!.col('id')), 'n']],
          group: ['claimId'],
          raw: true,
        })) as unknown as { claimId: number; n: number | string }[])
      : [];
  const memos = ids.length ? await withDebitsOf(await CreditMemo.findAll({ where: { claimId: ids } })) : [];
  return {
    items: rows.map((c) => {
      const memo = memos.find((x) => x?.claimId === c.id) ?? null;
      if (!reviews) return toClaimView(c, Number(counts.find((x) => x.claimId === c.id)?.n ?? 0), memo);
      const { lineCount, ...review } = reviews.get(c.id)!;
      return toClaimView(c, lineCount, memo, undefined, review);
    }),
    ...(page.total === undefined ? {} : { total: page.total }),
    nextCursor: page.nextCursor,
  };
}

export async function claimLinesForValidation(claimId: number, transaction: Transaction) {
  return (await ClaimLine.findAll({ where: { claimId }, order: [['lineNumber', 'ASC']], transaction })).map((l) => ({
    ...toLineView(l),
    invoiceKey: l.invoiceKey,
    lineKey: l.lineKey,
  }));
}

export type LinePatch = Partial<Omit<ClaimLineView, 'reasonCodes' | 'verdictInputs'>> & {
  reasonCodes?: string[];
  verdictInputs?: Record<string, unknown> | null;
};

/** A line's patch as its model's attributes (JSON columns as text). */
function lineAttributes(patch: LinePatch): Record<string, unknown> {
  const { reasonCodes, verdictInputs, extra, ...rest } = patch;
  return {
    ...(rest as object),
    ...(reasonCodes ? { reasonCodes: JSON.stringify(reasonCodes) } : {}),
    ...(verdictInputs !== undefined ? { verdictInputs: verdictInputs ? JSON.stringify(verdictInputs) : null } : {}),
    ...(extra !== undefined ? { extra: extra ? JSON.stringify(extra) : null } : {}),
  };
}

export async function updateLine(id: number, patch: LinePatch, transaction: Transaction) {
  await ClaimLine.update(lineAttributes(patch), { where: { id }, transaction });
}

/**
 * Many lines' patches in one statement a few hundred lines (a claim's submit writes every line's
 * verdict): each column `CASE id WHEN ... THEN ... ELSE column END`, so a column one line's patch
 * leaves out keeps its value there. What `updateLine` line by line writes, money canonical.
 */
export async function updateLines(updates: readonly { id: number; patch: LinePatch }[], transaction: Transaction) {
  const attributes = ClaimLine.getAttributes() as Record<string, { field?: string }>;
  const money = new Set(MONEY_COLUMNS.claim_lines);
  const db = ClaimLine.sequelize!;
  for (let i = 0; i < updates.length; i += 200) {
    const part = updates.slice(i, i + 200).map((u) => ({ id: u.id, values: lineAttributes(u.patch) }));
    const keys = [...new Set(part.flatMap((u) => Object.keys(u.values)))];
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const key of keys) {
      const field = attributes[key]?.field;
      if (!field) throw new Error(`claim line has no attribute ${key}`);
      const whens = part.filter((u) => key in u.values);
      sets.push(`${field} = CASE id ${whens.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ${field} END`);
      for (const u of whens) {
        const v = u.values[key];
        params.push(u.id, money.has(field) && v !== null && v !== undefined ? moneyToDb(v) : (v ?? null));
      }
    }
    sets.push('updated_at = ?');
    params.push(instantText(db, new Date()));
    await db.query(`UPDATE claim_lines SET ${sets.join(', ')} WHERE id IN (${part.map(() => '?').join(', ')})`, {
      replacements: [...params, ...part.map((u) => u.id)],
      transaction,
    });
  }
}

export async function updateClaim(
  id: number,
  patch: Partial<
    Pick<
      Claim,
      | 'status'
      | 'programId'
      | 'programType'
      | 'claimedTotal'
      | 'computedTotal'
      | 'approvedTotal'
      | 'submittedAt'
      | 'authorizedAt'
      | 'paidAt'
      | 'authorizedByUserId'
    >
  >,
  transaction: Transaction,
) {
  // A claim rejected whole lets go of its debit memo number (the corrected claim may use it).
  await Claim.update(patch.status === 'rejected' ? { ...patch, debitMemoKey: null } : patch, { where: { id }, transaction });
  await rollClaimFigures(id, transaction);
}

/** Links a claim to the import job its lines stream from (a claim file). */
export async function setClaimImport(claimId: number, posImportId: number, transaction: Transaction | null) {
  await Claim.update({ posImportId }, { where: { id: claimId }, transaction: transaction ?? undefined });
}

/** The claim's id while it is a draft (a bulk run still building it, or one that stopped), else null. */
export async function findClaimIdOfDraft(claimId: number): Promise<number | null> {
  const c = await Claim.findOne({ where: { id: claimId, status: 'draft' }, attributes: ['id'] });
  return c?.id ?? null;
}

/** Removes a draft claim a failed bulk run left, with its lines; it never reached the ledger. */
export async function discardDraftClaim(claimId: number): Promise<number | null> {
  return Claim.sequelize!.transaction(async (transaction) => {
    const c = await Claim.findOne({ where: { id: claimId, status: 'draft' }, transaction });
    if (!c) return null;
    const [, lo, hi] = (await rowsOf('claim_lines', 'claim_id', claimId, transaction)).params;
    await ClaimLine.destroy({ where: { claimId, id: { [Op.between]: [lo!, hi!] } }, transaction });
    await c.destroy({ transaction });
    return c.distributorId;
  });
}

/** The program of a claim's first line that reached an authorization (a claim's program is its lines'). */
export async function firstProgramOfClaim(claimId: number, transaction: Transaction) {
  const first = await ClaimLine.findOne({
    where: { claimId, authorizationLineId: { [Op.ne]: null } },
    order: [['lineNumber', 'ASC']],
    attributes: ['authorizationLineId'],
    transaction,
  });
  if (!first) return [];
  return (await Claim.sequelize!.query(
    `SELECT g.id AS programId, g.type AS programType
       FROM authorization_lines al JOIN authorizations a ON a.id = al.authorization_id JOIN programs g ON g.id = a.program_id
      WHERE al.id = ?`,
    { replacements: [first.authorizationLineId], type: QueryTypes.SELECT, transaction },
  )) as { programId: number; programType: string }[];
}

export async function insertCreditMemo(
  memo: Pick<CreditMemo, 'number' | 'claimId' | 'distributorId' | 'amount' | 'currency' | 'issuedAt' | 'issuedByUserId' | 'externalRef'>,
  transaction: Transaction,
): Promise<number> {
  return (await CreditMemo.create(memo, { transaction })).id;
}

/** Sets a credit memo's amount (net of the debits it took, in the transaction that issued it). */
export async function setCreditMemoAmount(id: number, amount: string, transaction: Transaction) {
  await CreditMemo.update({ amount }, { where: { id }, transaction });
}

export async function listNotes(claimId: number) {
  const rows = await Note.findAll({ where: { entityType: 'claim', entityId: claimId }, order: [['id', 'ASC']] });
  return rows.map((n) => ({ id: n.id, authorUserId: n.authorUserId, body: n.body, createdAt: n.createdAt.toISOString() }));
}

export async function insertNote(claimId: number, distributorId: number, authorUserId: number, body: string, transaction: Transaction) {
  const n = await Note.create({ entityType: 'claim', entityId: claimId, distributorId, authorUserId, body }, { transaction });
  return { id: n.id, authorUserId, body, createdAt: n.createdAt.toISOString() };
}
