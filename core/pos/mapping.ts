/**
 * Which column of a POS file holds which of our fields. For each field the names it goes by
 * (the distributor's mapping for it, else the usual names of the field table, fields.ts) are
 * compared with the headers twice: exactly first (ignoring case and surrounding space), then
 * loosely (letters and digits only: "Invoice No." = "invoice_no"). An exact match wins over a
 * loose one, an earlier name over a later one; two columns that match the same name equally well
 * are an error naming both, never a silent pick ("Auth #" mapped, "Auth #" and "Auth $" present:
 * the exact "Auth #" wins; mapped "Auth" with only those two: an error).
 *
 * A mapped name may instead be a column's position, "#5" (the fifth column, counted from 1, as
 * the error names it): the only way to choose between two columns with the same header
 * ("Quantity,Quantity"). A column without a header (an empty cell, or one without a letter or a
 * digit) is kept in a line's `extra` under its position, `column7`.
 */
import { POS_FIELDS, POS_FIELD_TABLE, type PosField, type PosFieldKind } from './fields.js';
import type { CsvSeparator } from './csv.js';
import type { DateOrder, DecimalMark } from './values.js';

/** Our POS fields and how each cell is read. */
export const POS_FIELD_KINDS = Object.fromEntries(POS_FIELDS.map((f) => [f, POS_FIELD_TABLE[f].kind])) as Record<PosField, PosFieldKind>;

/** The usual header names, most specific first. */
export const DEFAULT_POS_HEADERS = Object.fromEntries(
  POS_FIELDS.map((f) => [f, POS_FIELD_TABLE[f].headers as readonly string[]]),
) as Readonly<Record<PosField, readonly string[]>>;

/** The fields a POS row needs by default (and a vendor or a distributor part number). */
export const DEFAULT_REQUIRED_POS_FIELDS: readonly PosField[] = ['invoiceNumber', 'invoiceLine', 'invoiceDate', 'quantity'];

/** How a file is read: each setting is chosen, or inferred from the whole file when absent / 'auto'. */
export interface PosFileSettings {
  decimalMark?: DecimalMark | 'auto';
  dateOrder?: DateOrder | 'auto';
  delimiter?: CsvSeparator | 'auto';
}

export interface PosColumnMapping extends PosFileSettings {
  /** our field → the header name(s) of its column; replaces the usual names for that field */
  fields?: Partial<Record<PosField, string | readonly string[]>>;
  /** the fields a row must carry (default DEFAULT_REQUIRED_POS_FIELDS); a part number is always required */
  required?: readonly PosField[];
}

/** " Invoice No. " → "invoice no.": the exact comparison. */
export function exactHeader(header: string): string {
  return header.trim().toLowerCase();
}

/** "Invoice No." → "invoiceno": the loose comparison. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "Reseller PO Number" → "resellerPoNumber": the key of an unmapped column in `PosLine.extra`. */
export function extraFieldKey(header: string): string {
  const words = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return 'column';
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
}

export interface ColumnProblem {
  field: PosField;
  /** 'missing': a mapped name is absent; 'ambiguous': two columns match one name equally well */
  kind: 'missing' | 'ambiguous';
  names: readonly string[];
  /** the headers of the competing columns (ambiguous) */
  columns: string[];
  /** their positions, from 1 (ambiguous); the header's width (missing) */
  positions: number[];
}

/** The column position a mapped name gives ("#5", "# 5": 5, counted from 1), or null when it is a header name. */
export function mappedPosition(name: string): number | null {
  const m = /^#\s*(\d{1,4})$/.exec(name.trim());
  return m ? Number(m[1]) : null;
}

export interface ResolvedColumns {
  /** column index per field, -1 when the file has no such column */
  index: Record<PosField, number>;
  /** the header each resolved field was read from, and how it matched ('position': mapped as "#5") */
  matched: Partial<Record<PosField, { header: string; how: 'exact' | 'loose' | 'position' }>>;
  /** unmapped columns: index and `extra` key */
  extra: { index: number; key: string }[];
  /** fields the mapping named explicitly whose column is absent, and ambiguous matches */
  problems: ColumnProblem[];
}

/**
 * The column one of `names` heads, among the columns not yet `used` (`exact` and `loose`: the
 * headers through exactHeader and normalizeHeader): every name exactly first, then every name
 * loosely; an earlier name wins over a later one. Two columns matching the same name equally well
 * are `ambiguous` (never a silent pick); null when no column matches. The one header rule of every
 * CSV we read: POS files here, master data loads (core/masterdata/table.ts).
 */
export function findColumn(
  names: readonly string[],
  exact: readonly string[],
  loose: readonly string[],
  used: readonly boolean[],
): { index: number; how: 'exact' | 'loose'; name: string } | { ambiguous: number[]; name: string } | null {
  for (const how of ['exact', 'loose'] as const) {
    const keys = how === 'exact' ? exact : loose;
    for (const name of names) {
      const key = how === 'exact' ? exactHeader(name) : normalizeHeader(name);
      if (key === '') continue;
      const hits: number[] = [];
      for (let i = 0; i < keys.length; i++) if (!used[i] && keys[i] === key) hits.push(i);
      if (hits.length === 0) continue;
      return hits.length > 1 ? { ambiguous: hits, name } : { index: hits[0]!, how, name };
    }
  }
  return null;
}

/** Matches a header row against the mapping. */
export function resolveColumns(headers: readonly string[], mapping: PosColumnMapping = {}): ResolvedColumns {
  const exact = headers.map(exactHeader);
  const loose = headers.map(normalizeHeader);
  const used = new Array<boolean>(headers.length).fill(false);
  const index = {} as Record<PosField, number>;
  const matched: ResolvedColumns['matched'] = {};
  const problems: ColumnProblem[] = [];
  // explicitly mapped fields first, so they win a header over a usual name
  const order = [...POS_FIELDS].sort((a, b) => Number(!mapping.fields?.[a]) - Number(!mapping.fields?.[b]));
  for (const field of order) {
    const explicit = mapping.fields?.[field];
    // a mapped field is looked for by its mapped names, then by its own name (JSON lines use it)
    const names: readonly string[] =
      explicit === undefined
        ? [field, ...POS_FIELD_TABLE[field].headers]
        : [...(typeof explicit === 'string' ? [explicit] : (explicit as readonly string[])), field];
    index[field] = -1;
    // a mapped position ("#5") names its column whatever its header (and only positions: no name is then looked for)
    const positions = names.map(mappedPosition);
    const position = positions.find((p) => p !== null && p >= 1 && p <= headers.length && !used[p - 1]) ?? null;
    const byName = names.filter((_, k) => positions[k] === null);
    const onlyPositions = explicit !== undefined && byName.length === 1;
    const hit =
      position !== null
        ? { index: position - 1, how: 'position' as const, name: `#${position}` }
        : onlyPositions
          ? null
          : findColumn(byName, exact, loose, used);
    if (hit && 'ambiguous' in hit) {
      problems.push({
        field,
        kind: 'ambiguous',
        names: [hit.name],
        columns: hit.ambiguous.map((i) => headers[i]!.trim()),
        positions: hit.ambiguous.map((i) => i + 1),
      });
    } else if (hit) {
      index[field] = hit.index;
      used[hit.index] = true;
      matched[field] = { header: headers[hit.index]!.trim(), how: hit.how };
    }
    if (!hit && explicit !== undefined)
      problems.push({ field, kind: 'missing', names: names.slice(0, -1), columns: [], positions: [headers.length] });
  }
  const extra: ResolvedColumns['extra'] = [];
  // extra keys never take a field's name: fields without a column of their own travel in `extra` too
  const keys = new Set<string>(POS_FIELDS);
  headers.forEach((header, i) => {
    if (used[i]) return;
    // a column without a header is named by its position ("column7"), so its values are not lost
    const base = loose[i] === '' ? `column${i + 1}` : extraFieldKey(header);
    let key = base;
    for (let k = 2; keys.has(key); k++) key = loose[i] === '' ? `${base}_${k}` : `${base}${k}`;
    keys.add(key);
    extra.push({ index: i, key });
  });
  return { index, matched, extra, problems };
}

/**
 * What is wrong with a field's column, said of the field (the message starts with it: "quantity
 * could be ..."), and what to send to settle it: the column mapping's value naming one column.
 */
export function columnProblemText(p: ColumnProblem): string {
  if (p.kind === 'ambiguous') {
    const list = p.columns.map((c, i) => `"${c}" (#${p.positions[i]})`);
    const choices = p.positions.map((n) => `{"${p.field}": "#${n}"}`);
    const count = p.columns.length === 2 ? 'two' : String(p.columns.length);
    return `could be ${count} columns, ${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}: map ${p.field} to one of them by its position in the column mapping, ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  }
  if (p.names.every((n) => mappedPosition(n) !== null))
    return `has no column ${p.names.join(' or ')} (its position in the column mapping): the header has ${p.positions[0]} columns`;
  return `has no column named ${p.names.map((n) => `"${n}"`).join(' or ')} (its name in the column mapping)`;
}
