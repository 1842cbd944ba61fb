/**
 * The preflight: a POS file (or lines typed in a form) read by the one POS parser (core/pos),
 * then checked by the rules engine against the distributor's authorizations. It is its own chunk
 * of the bundle, loaded when a file is chosen or a line typed (claim-upload.ts and claim-form.ts
 * import it dynamically): the parser and the engine are not in what every page loads first.
 */
import { parsePosBytes, parsePosChunks, parsePosJson, type PosColumnMapping, type PosEvent, type PosLine } from '../../core/pos/index.js';
import type { AuthorizationLineFact } from '../../core/claims/engine.js';
import { engineProblems, type Wording } from './engine-preflight.js';
import { msg } from '../shared/i18n.js';
import { posProblemText } from './i18n-preflight.js';

export type { Wording };

export interface PreflightError {
  row: number;
  field?: string;
  message: string;
  /** Set when the rules engine, not the parser, found it: the line reads, the server would reject or cut it. */
  verdict?: 'partial' | 'rejected';
}
export interface PreflightResult {
  /** Data rows in the file (blank rows aside). */
  rows: number;
  /** Rows the parser reads (no row error, not a duplicate in the file): what the server imports. */
  valid: number;
  /** Of `valid`, the rows the rules engine would accept as they are (all of `valid` when not checked against authorizations). */
  ready: number;
  errors: PreflightError[];
  /** Fields whose column is missing or ambiguous: the file cannot be read until the mapping names them. */
  missingColumns: string[];
  /**
   * Why the file cannot be read at all when it is not a column: not text (a compressed file, a
   * workbook), its encoding, a setting to choose, no header. The parser's sentence, the server's
   * answer too, in the reader's language; null when the file reads.
   */
  fileProblem: string | null;
  /** Rows the rules engine would reject or cut, checked against the distributor's authorizations. */
  rejectedByRules: number;
}

/** Collects parser events into the preflight result, adding duplicate invoice lines within the file. */
async function collect(
  events: AsyncIterable<PosEvent> | Iterable<PosEvent>,
  facts: readonly AuthorizationLineFact[] | null = null,
  out: PosLine[] | null = null,
  wording: Wording = {},
): Promise<PreflightResult> {
  // Lines are kept only when the engine checks them or the caller asks (a big file never sits in memory).
  const kept = out ?? [];
  const keep = out !== null || facts !== null;
  const errors: PreflightError[] = [];
  const missingColumns: string[] = [];
  let fileProblem: string | null = null;
  const badRows = new Set<number>();
  const seen = new Map<string, number>();
  let valid = 0;
  let maxRow = 1;
  for await (const e of events) {
    if (e.type === 'error') {
      const err = e.error;
      const message = posProblemText(err, wording.locale);
      if (err.fatal && (err.code === 'MAPPING_INCOMPLETE' || err.code === 'MAPPING_AMBIGUOUS')) missingColumns.push(err.column ?? err.code);
      else if (err.fatal) fileProblem ??= message;
      errors.push({ row: err.row, field: err.column ?? undefined, message });
      badRows.add(err.row);
      maxRow = Math.max(maxRow, err.row);
      continue;
    }
    const line = e.line;
    maxRow = Math.max(maxRow, line.row);
    const key = `${line.invoiceNumber}\u0000${line.invoiceLine}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row: line.row,
        field: 'invoiceLine',
        message: msg(wording.locale, 'preflight.duplicate', { row: first, invoice: line.invoiceNumber, line: line.invoiceLine }),
      });
      badRows.add(line.row);
      continue;
    }
    seen.set(key, line.row);
    valid++;
    if (keep) kept.push(line);
  }
  const unreadable = missingColumns.length > 0 || fileProblem !== null;
  let rejectedByRules = 0;
  if (facts && facts.length && !unreadable) {
    const problems = engineProblems(kept, facts, facts[0].distributorId, wording);
    rejectedByRules = problems.length;
    errors.push(...problems.map(({ row, field, message, verdict }) => ({ row, field, message, verdict })));
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    rows: unreadable ? 0 : valid + badRows.size,
    valid: unreadable ? 0 : valid,
    ready: unreadable ? 0 : valid - rejectedByRules,
    errors,
    missingColumns,
    fileProblem,
    rejectedByRules,
  };
}

/**
 * Checks a POS CSV text in the browser: header, each row's fields, duplicate invoice lines. The
 * file is read in `wording.currency` (the distributor's, as the server reads it): an amount in
 * another currency is the server's row error CURRENCY_MISMATCH here too.
 */
export function preflightPosCsv(
  text: string,
  mapping: PosColumnMapping = {},
  facts: readonly AuthorizationLineFact[] | null = null,
  wording: Wording = {},
): Promise<PreflightResult> {
  return collect(parsePosChunks([text], { mapping, currency: wording.currency }), facts, null, wording);
}

/**
 * The same check over rows typed in a form (`{ invoiceNumber: 'INV-1', quantity: '3', ... }`, one
 * object per line, keyed by POS field name): the lines the parser read are pushed to `lines`.
 */
export function preflightPosRows(
  rows: readonly Record<string, string>[],
  mapping: PosColumnMapping,
  facts: readonly AuthorizationLineFact[] | null,
  lines: PosLine[],
  wording: Wording = {},
): Promise<PreflightResult> {
  return collect(parsePosJson(rows, { mapping, currency: wording.currency }), facts, lines, wording);
}

/**
 * The same check, streaming a File chunk by chunk (large files never sit in memory twice), its
 * bytes read in the file's encoding as the server reads them (UTF-8, Windows-1252, UTF-16).
 */
export function preflightPosFile(
  file: Blob,
  mapping: PosColumnMapping = {},
  facts: readonly AuthorizationLineFact[] | null = null,
  wording: Wording = {},
): Promise<PreflightResult> {
  const chunks = file.stream() as unknown as AsyncIterable<Uint8Array>;
  return collect(parsePosBytes(chunks, { mapping, currency: wording.currency }), facts, null, wording);
}
