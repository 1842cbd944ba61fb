import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { DEBIT_MEMO_KEY_MAX, debitMemoKey } from '../../core/claims/debit-memo-key.js';
import { col } from '../define.js';
import type { Migration } from './types.js';

/** The column's width: a key (64) and the quarantine's `#dup` and claim id. */
const DEBIT_MEMO_KEY_COLUMN = 80;

/**
 * The canonical debit memo key (core/claims/debit-memo-key.ts) in `claims.debit_memo_key`: the
 * unique key `uq_claim_debit_memo_key (distributor_id, debit_memo_key)` compared the number as
 * typed, so ` DM-1 ` and `dm-1` were two memos on SQLite while MariaDB's collation (whatever the
 * database was created with) made some of them one. Existing keys are rewritten to the canonical
 * form, and on MariaDB the column gets a binary collation (as SQLite compares), so both databases
 * compare exactly the value the code computes. It widens to 80 characters for the quarantine below.
 *
 * A standing claim (its key not null: a claim rejected whole holds none) whose canonical key an
 * earlier claim of the distributor already holds (one memo claimed twice under two spellings) is
 * not changed silently: the earliest (lowest id) keeps the key, each later one is **quarantined**
 * (its key becomes `<key>#dup<claim id>`, never a canonical key, so the unique key holds and no new
 * claim is refused or accepted because of it), a warning is logged and the claim is listed in
 * `debit_memo_key_collisions`, for a person to settle. So is a key empty once canonical (it
 * becomes null, as no new claim may have one) or longer than a key may be (quarantined). The
 * number as the distributor wrote it stays in `debit_memo_number`.
 */
export const canonicalDebitMemoKeySchema: Migration = {
  name: '20261212T1000-canonical-debit-memo-key',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.createTable('debit_memo_key_collisions', {
      id: col.id(),
      claim_id: col.ref(),
      /** the earlier claim that keeps the key (null when the key is empty or too long) */
      kept_claim_id: col.ref(true),
      distributor_id: col.ref(),
      reason: col.str(20),
      debit_memo_number: col.str(64, true),
      /** the canonical key the claim would have held */
      canonical_key: col.text(false),
      /** the key the claim holds now: quarantined, or null */
      debit_memo_key: col.str(DEBIT_MEMO_KEY_COLUMN, true),
      created_at: col.instant(),
    });
    if (sequelize.getDialect() === 'mysql')
      await sequelize.query(
        `ALTER TABLE claims MODIFY debit_memo_key VARCHAR(${DEBIT_MEMO_KEY_COLUMN}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL`,
      );
    const { updates, collisions } = await rewrites(sequelize);
    // One transaction: a migration that stops part-way leaves the keys as they were, to run again.
    await sequelize.transaction(async (transaction) => {
      // Changed keys go null first, then take their new value: no row meets another's old key on the way.
      for (let i = 0; i < updates.length; i += 500) {
        const part = updates.slice(i, i + 500);
        await sequelize.query(`UPDATE claims SET debit_memo_key = NULL WHERE id IN (${part.map(() => '?').join(',')})`, {
          replacements: part.map(([id]) => id),
          transaction,
        });
      }
      for (let i = 0; i < updates.length; i += 500) {
        const part = updates.slice(i, i + 500).filter(([, key]) => key !== null);
        if (!part.length) continue;
        await sequelize.query(
          `UPDATE claims SET debit_memo_key = CASE id ${part.map(() => 'WHEN ? THEN ?').join(' ')} END
            WHERE id IN (${part.map(() => '?').join(',')})`,
          { replacements: [...part.flatMap(([id, key]) => [id, key]), ...part.map(([id]) => id)], transaction },
        );
      }
      await record(sequelize, collisions, transaction);
    });
  },
};

/** The key of a claim quarantined: never one `debitMemoKey` gives (it is not upper case), unique by the claim's id. */
const quarantined = (key: string, claimId: number) => `${key.slice(0, DEBIT_MEMO_KEY_MAX)}#dup${claimId}`;

interface Collision {
  claimId: number;
  keptClaimId: number | null;
  distributorId: number;
  reason: 'duplicate' | 'empty' | 'too_long';
  debitMemoNumber: string | null;
  canonicalKey: string;
  key: string | null;
}

/** The new key of every standing claim whose key changes, in id order, and the claims that could not keep theirs. */
async function rewrites(sequelize: Sequelize) {
  const holder = new Map<string, number>();
  const updates: [number, string | null][] = [];
  const collisions: Collision[] = [];
  let after = 0;
  for (;;) {
    const rows = await sequelize.query<{ id: number; distributorId: number; memoNumber: string | null; memoKey: string }>(
      `SELECT id, distributor_id AS distributorId, debit_memo_number AS memoNumber, debit_memo_key AS memoKey
         FROM claims WHERE debit_memo_key IS NOT NULL AND id > ? ORDER BY id LIMIT 5000`,
      { replacements: [after], type: QueryTypes.SELECT },
    );
    if (!rows.length) break;
    after = Number(rows[rows.length - 1]!.id);
    for (const r of rows) {
      const id = Number(r.id);
      const distributorId = Number(r.distributorId);
      const canonical = debitMemoKey(String(r.memoKey));
      const at = { claimId: id, distributorId, debitMemoNumber: r.memoNumber, canonicalKey: canonical ?? '' };
      let key: string | null;
      if (canonical === null) {
        key = null;
        collisions.push({ ...at, keptClaimId: null, reason: 'empty', key });
      } else if (canonical.length > DEBIT_MEMO_KEY_MAX) {
        key = quarantined(canonical, id);
        collisions.push({ ...at, keptClaimId: null, reason: 'too_long', key });
      } else {
        const held = `${distributorId}\u0001${canonical}`;
        const kept = holder.get(held);
        if (kept === undefined) {
          holder.set(held, id);
          key = canonical;
        } else {
          key = quarantined(canonical, id);
          collisions.push({ ...at, keptClaimId: kept, reason: 'duplicate', key });
        }
      }
      if (key !== r.memoKey) updates.push([id, key]);
    }
  }
  return { updates, collisions };
}

async function record(sequelize: Sequelize, collisions: Collision[], transaction: Transaction) {
  const now = new Date();
  for (const c of collisions) {
    const why =
      c.reason === 'duplicate'
        ? `is the same memo as claim ${c.keptClaimId}'s`
        : c.reason === 'empty'
          ? 'is empty once canonical'
          : `is longer than ${DEBIT_MEMO_KEY_MAX} characters once canonical`;
    console.warn(
      `[migration] claim ${c.claimId} (distributor ${c.distributorId}): debit memo "${c.debitMemoNumber}" ${why}: its key is now ${c.key === null ? 'null' : `"${c.key}"`}; see debit_memo_key_collisions`,
    );
  }
  for (let i = 0; i < collisions.length; i += 500)
    await sequelize.getQueryInterface().bulkInsert(
      'debit_memo_key_collisions',
      collisions.slice(i, i + 500).map((c) => ({
        claim_id: c.claimId,
        kept_claim_id: c.keptClaimId,
        distributor_id: c.distributorId,
        reason: c.reason,
        debit_memo_number: c.debitMemoNumber,
        canonical_key: c.canonicalKey,
        debit_memo_key: c.key,
        created_at: now,
      })),
      { transaction },
    );
}
