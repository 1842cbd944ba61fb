/** The grid's CSV export uses the shared, formula-safe writer from core, in the dialect of the grid's locale. */
export {
  csvCell,
  csvDecimalColumn,
  csvDialectForLocale,
  resolveCsvDialect,
  toCsv,
  type CsvDecimalName,
  type CsvDelimiterName,
} from '../../core/csv.js';

/** Orders two decimal strings exactly (no float): "-1.5" < "0.2" < "10.0000". */
export function compareDecimal(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return -1;
  if (b === null || b === undefined || b === '') return 1;
  const na = a.startsWith('-');
  const nb = b.startsWith('-');
  if (na !== nb) return na ? -1 : 1;
  const sign = na ? -1 : 1;
  const [ia, fa = ''] = (na ? a.slice(1) : a).split('.');
  const [ib, fb = ''] = (nb ? b.slice(1) : b).split('.');
  const ia2 = ia.replace(/^0+(?=\d)/, '');
  const ib2 = ib.replace(/^0+(?=\d)/, '');
  if (ia2.length !== ib2.length) return sign * (ia2.length - ib2.length);
  if (ia2 !== ib2) return sign * (ia2 < ib2 ? -1 : 1);
  const len = Math.max(fa.length, fb.length);
  const pa = fa.padEnd(len, '0');
  const pb = fb.padEnd(len, '0');
  return pa === pb ? 0 : sign * (pa < pb ? -1 : 1);
}
