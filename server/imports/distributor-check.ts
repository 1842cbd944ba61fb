/**
 * A file is one distributor's: the distributor it is sent for (the sender's own, or the one a
 * vendor user names). A Distributor ID column (field `distributorId`) that names another
 * distributor would have its rows stored as this one's sales, so such a row is a row error
 * (DISTRIBUTOR_MISMATCH) and the file's other rows go on. The column may name the distributor by
 * any of what identifies it outside: its BEC id, its name, its code (the account's `externalRef`,
 * which single sign-on maps too) or its CRM id, compared as the canonical text of a key
 * (core/claims/pos-key.ts `canonicalText`: case, surrounding and repeated spaces, invisible
 * characters aside). An empty cell names nothing and passes.
 *
 * The message is the same whatever the cell names (another distributor, or nothing known): it
 * tells what this file's distributor is called, never whether the other exists.
 *
 * X12 files are not checked here: their `N1*DS` N104 is a code of the partner's choosing (often a
 * DUNS number) that the account does not hold, and the interchange's sender is the partner the
 * ISA header was checked against (server/edi).
 */
import { canonicalText } from '../../core/claims/pos-key.js';

export interface DistributorIdentity {
  id: number;
  name: string;
  externalRef: string | null;
  crmId: string | null;
}

/** The row error of a row naming another distributor, or null when the cell names this one. */
export type DistributorCheck = (
  value: string,
  row: number,
  header: string,
) => {
  rowNumber: number;
  column: 'distributorId';
  code: 'DISTRIBUTOR_MISMATCH';
  message: string;
  raw: null;
} | null;

export function distributorCheck(d: DistributorIdentity): DistributorCheck {
  const names = new Set([String(d.id), d.name, d.externalRef, d.crmId].filter((v): v is string => Boolean(v)).map(canonicalText));
  const called = `${d.name} (id ${d.id}${d.externalRef ? `, code ${d.externalRef}` : ''})`;
  // Files repeat one value on every row: the last answer is kept.
  let last: string | null = null;
  let lastMatches = false;
  const matches = (value: string) => {
    if (value !== last) {
      last = value;
      const text = canonicalText(value);
      lastMatches = text === '' || names.has(text) || (/^\d+$/.test(text) && Number(text) === d.id);
    }
    return lastMatches;
  };
  return (value, row, header) =>
    matches(value)
      ? null
      : {
          rowNumber: row,
          column: 'distributorId',
          code: 'DISTRIBUTOR_MISMATCH',
          message: `${header} "${value.length > 64 ? `${value.slice(0, 63)}…` : value}" is not this file's distributor, ${called}: a file carries one distributor's sales, so this row was not kept. Write its id, code or name, or leave the cell empty; another distributor's sales go in a file sent for that distributor`,
          raw: null,
        };
}
