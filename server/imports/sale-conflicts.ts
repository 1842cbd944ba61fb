/**
 * A sale already on file, sent again with other values. A POS line is kept once per canonical POS
 * key (core/claims/pos-key.ts): a row whose key is on file already (an earlier row of the same
 * file, or an earlier import) is not stored. When it says the same as the line on file it is a
 * plain duplicate (`rowsDuplicate`: a file sent twice adds nothing and complains about nothing);
 * when it says something else (another quantity, price, part, date, authorization, end customer)
 * the change would be lost unreported, so it is a row error naming the row on file and the fields
 * that differ, and how to correct the line on file (void its import, send the corrected file).
 *
 * Compared are the fields `pos_lines` keeps in columns of their own (core/pos/fields.ts), but the
 * invoice number and line themselves: their spellings are one sale (` inv-7 ` is `INV-7`). Amounts
 * compare by value (`5.00` is `5.0000`). Plain functions: the import (server side, against the
 * stored rows) and the preview (among the rows it reads) call the same ones.
 */
import { moneyFromDb } from '../../core/money.js';
import { POS_FIELD_TABLE, POS_STORED_FIELDS, posFieldLabel, type PosLine, type PosStoredField } from '../../core/pos/index.js';

/** The fields two rows of one sale must agree on. */
export const SALE_FIELDS = POS_STORED_FIELDS.filter((f) => f !== 'invoiceNumber' && f !== 'invoiceLine') as Exclude<
  PosStoredField,
  'invoiceNumber' | 'invoiceLine'
>[];
export type SaleField = (typeof SALE_FIELDS)[number];

/** A sale's values as a parsed line has them (dates `YYYY-MM-DD`, amounts as decimal text). */
export type SaleValues = Pick<PosLine, SaleField>;

/** Where the line on file came from: a row of this file, or of an earlier import (null: not from an import). */
export interface SaleOnFile {
  values: SaleValues;
  importId: number | null;
  fileName: string | null;
  /** the file's row (the header is row 1), null when not recorded */
  row: number | null;
}

/** A field that differs: its value on file and in the row. */
export interface SaleDifference {
  field: SaleField;
  onFile: string | number | null;
  row: string | number | null;
}

const sameMoney = (a: string | null, b: string | null) => (a === null || b === null ? a === b : moneyFromDb(a).eq(moneyFromDb(b)));

/** The fields in which `row` says something else than the line on file (empty: the same sale, said again). */
export function saleDifferences(onFile: SaleValues, row: SaleValues): SaleDifference[] {
  const out: SaleDifference[] = [];
  for (const field of SALE_FIELDS) {
    const a = onFile[field];
    const b = row[field];
    const same =
      POS_FIELD_TABLE[field].kind === 'money'
        ? sameMoney(a as string | null, b as string | null)
        : POS_FIELD_TABLE[field].kind === 'quantity'
          ? Number(a) === Number(b)
          : (a ?? null) === (b ?? null);
    if (!same) out.push({ field, onFile: a ?? null, row: b ?? null });
  }
  return out;
}

/** A value in a message: numbers as they are (amounts without the zeros past the cents), text quoted and cut when long. */
function shown(field: SaleField, v: string | number | null): string {
  if (v === null || v === '') return '(empty)';
  if (POS_FIELD_TABLE[field].kind === 'quantity') return String(v);
  if (POS_FIELD_TABLE[field].kind === 'money') {
    const m = moneyFromDb(String(v));
    return m.decimalPlaces() <= 2 ? m.toFixed(2) : m.toString();
  }
  const s = String(v);
  return `"${s.length > 40 ? `${s.slice(0, 39)}…` : s}"`;
}

/**
 * The row error of a row whose sale is on file with other values (SALE_ALREADY_ON_FILE): its
 * column is the first field that differs; the message names the earlier row (this file's row, or
 * the import and its row), every field that differs (there, here) and how to correct the sale.
 * `importId`: the import the row is read into (null: a preview, nothing is stored yet).
 */
export function saleConflict(
  importId: number | null,
  row: { row: number; invoiceNumber: string; invoiceLine: string },
  earlier: SaleOnFile & { thisFile: boolean },
  differences: SaleDifference[],
) {
  const where = earlier.thisFile
    ? `in this file, row ${earlier.row ?? '?'},`
    : earlier.importId === null
      ? 'on file'
      : `on file from import ${earlier.importId}${earlier.fileName ? ` (${earlier.fileName})` : ''}${earlier.row !== null ? `, row ${earlier.row},` : ''}`;
  const changes = differences.map((d) => `${posFieldLabel(d.field)} ${shown(d.field, d.onFile)} there, ${shown(d.field, d.row)} here`);
  const kept = importId === null ? 'the import will not keep this row' : 'this row was not kept';
  const fix = earlier.thisFile
    ? importId === null
      ? 'send one row per sale'
      : `correct the file (one row per sale), void this import (POST /api/imports/${importId}/void) and send it again`
    : earlier.importId === null
      ? 'the sale on file was not sent in a file and stays as it is'
      : `to change the sale, void import ${earlier.importId} (POST /api/imports/${earlier.importId}/void) and send the corrected file`;
  return {
    rowNumber: row.row,
    column: differences[0]!.field as string,
    code: 'SALE_ALREADY_ON_FILE' as const,
    message: `invoice ${row.invoiceNumber} line ${row.invoiceLine} is already ${where} with other values (${changes.join('; ')}): ${kept}; ${fix}`,
    raw: null,
  };
}
