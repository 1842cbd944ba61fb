/**
 * The canonical POS key: the one definition of "the same sale" (distributor + invoice number +
 * invoice line). Every path (explicit claim, claim file, POS import, dispute, EDI) computes it once
 * at its edge and stores it (`invoice_key`, `line_key`); the ledger's unique key, the engine's
 * duplicate check and the import's dedup all compare it. The text as the distributor wrote it is
 * kept beside it for display.
 *
 * A part is canonical when it is: Unicode NFKC; without format characters (zero-width space and
 * joiners, BOM, soft hyphen: \p{Cf}) and control characters (\p{Cc}); with its whitespace trimmed
 * and each run collapsed to one space; upper case (a full-width "ｉｎｖ" is "INV"). An invoice line
 * that is a whole number is that integer in decimal ("01", "1.0", " 1", "１" are all "1").
 */

/** Longest canonical invoice number / invoice line the key columns hold (VARCHAR(64) / VARCHAR(16)). */
export const INVOICE_KEY_MAX = 64;
export const LINE_KEY_MAX = 16;

const FORMAT = /\p{Cf}/gu;
const CONTROL = /\p{Cc}/gu;
const SPACES = /\s+/gu;
const SPACE_RUNS = / {2,}/g;
/** A decimal number whose fraction, if any, is zeros: a whole number written as one. */
const WHOLE = /^\+?0*(\d+?)(?:\.0*)?$/;

/**
 * The general canonical form of a key part (see the module comment). The debit memo key
 * (core/claims/debit-memo-key.ts) is this form too.
 */
export function canonicalText(text: string): string {
  // Fast path: printable ASCII without spaces needs only upper-casing.
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127) {
      plain = false;
      break;
    }
  }
  if (plain) return text.toUpperCase();
  // NFKC first (it can produce spaces and format characters), then again after upper-casing
  // (a few characters upper-case into a decomposable form).
  // Whitespace (tabs and line breaks too) becomes one space before other control characters go.
  const once = text.normalize('NFKC').replace(FORMAT, '').replace(SPACES, ' ').replace(CONTROL, '').replace(SPACE_RUNS, ' ').trim();
  return once.toUpperCase().normalize('NFKC');
}

/** The canonical invoice number. */
export function canonicalInvoiceNumber(invoiceNumber: string): string {
  return canonicalText(invoiceNumber);
}

/** The canonical invoice line: a whole number is its integer ("001", "1.0" → "1"). */
export function canonicalInvoiceLine(invoiceLine: string): string {
  const t = canonicalText(invoiceLine);
  const m = WHOLE.exec(t);
  return m ? m[1]! : t;
}

/** Both parts of a POS key, canonical. */
export interface PosKeyParts {
  invoiceKey: string;
  lineKey: string;
}

export function canonicalPosKeyParts(invoiceNumber: string, invoiceLine: string): PosKeyParts {
  return { invoiceKey: canonicalInvoiceNumber(invoiceNumber), lineKey: canonicalInvoiceLine(invoiceLine) };
}

/** Separates the two parts in a one-string key (canonical parts never hold control characters). */
export const POS_KEY_SEPARATOR = '\u0001';

/** The one-string form of the canonical key, for in-memory sets and maps. */
export function posKey(invoiceNumber: string, invoiceLine: string): string {
  return canonicalInvoiceNumber(invoiceNumber) + POS_KEY_SEPARATOR + canonicalInvoiceLine(invoiceLine);
}

/** The one-string key of parts already canonical (as stored in `invoice_key`, `line_key`). */
export const joinPosKey = (invoiceKey: string, lineKey: string) => invoiceKey + POS_KEY_SEPARATOR + lineKey;

/**
 * Why a key cannot be stored, or null: a part empty once canonical, or longer than its column.
 * `field` names the part as the caller's input does.
 */
export function posKeyProblem(
  invoiceNumber: string,
  invoiceLine: string,
): { field: 'invoiceNumber' | 'invoiceLine'; message: string } | null {
  const inv = canonicalInvoiceNumber(invoiceNumber);
  if (!inv) return { field: 'invoiceNumber', message: 'is empty once spaces and invisible characters are removed' };
  if (inv.length > INVOICE_KEY_MAX)
    return { field: 'invoiceNumber', message: `is longer than ${INVOICE_KEY_MAX} characters once normalized` };
  const line = canonicalInvoiceLine(invoiceLine);
  if (!line) return { field: 'invoiceLine', message: 'is empty once spaces and invisible characters are removed' };
  if (line.length > LINE_KEY_MAX) return { field: 'invoiceLine', message: `is longer than ${LINE_KEY_MAX} characters once normalized` };
  return null;
}
