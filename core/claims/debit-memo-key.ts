import { canonicalText } from './pos-key.js';

/**
 * The canonical debit memo key: the one definition of "the same debit memo number". The number is
 * the distributor's key for a claim, so one distributor holds it on one standing claim at a time
 * (a claim rejected whole lets go of it). Every path that names a debit memo (the claim API, a
 * claim file, an EDI 844's BGN02 / BAA05, a dispute's resubmission, a POS claim run grouped by
 * memo) reaches `claims.debit_memo_key` through `debitMemoKey`: the claims repository stores its
 * output and looks claims up by it, and the unique key `claims(distributor_id, debit_memo_key)`
 * (a binary collation on MariaDB, as SQLite compares) compares that same value on both databases.
 * The number as the distributor wrote it is kept beside it, for display and for the 849's echo.
 *
 * The form is the invoice number's (`canonicalText` in core/claims/pos-key.ts), for the same
 * reasons, since both are text a person types or a system exports: Unicode NFKC; format and control
 * characters removed; whitespace trimmed and each inner run collapsed to one space; upper case
 * (then NFKC again). So ` DM-1 `, `dm-1`, `\u200bDM-1`, `ＤＭ－１` are one memo, and `DM  1`, `DM\t1`
 * are `DM 1`; but `DM1` and `DM 1` stay two (inner spaces are collapsed, not removed), and a dash
 * NFKC keeps (U+2010 hyphen, U+2011 non-breaking hyphen, U+2013 en dash) is not `-`.
 */

/** The longest key a debit memo number may have: what `claims.debit_memo_number` holds. */
export const DEBIT_MEMO_KEY_MAX = 64;

/** The canonical key of a debit memo number; null when there is none (absent, or empty once canonical). */
export function debitMemoKey(debitMemoNumber: string | null | undefined): string | null {
  if (debitMemoNumber === null || debitMemoNumber === undefined) return null;
  return canonicalText(debitMemoNumber) || null;
}

/** Why a debit memo number cannot be a claim's key, or null: empty once canonical, or longer than a key may be. */
export function debitMemoKeyProblem(debitMemoNumber: string): string | null {
  const key = canonicalText(debitMemoNumber);
  if (!key) return 'is empty once spaces and invisible characters are removed';
  if (key.length > DEBIT_MEMO_KEY_MAX) return `is longer than ${DEBIT_MEMO_KEY_MAX} characters once normalized`;
  return null;
}

/** Whether two debit memo numbers name the same memo (two absent ones do not). */
export function sameDebitMemo(a: string | null | undefined, b: string | null | undefined): boolean {
  const k = debitMemoKey(a);
  return k !== null && k === debitMemoKey(b);
}
