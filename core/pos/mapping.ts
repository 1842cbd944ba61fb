/**
 * Which column of a POS file holds which of our fields. Headers are matched after reduction to
 * lower-case letters and digits ("Invoice No." = "invoice no" = "INVOICE_NO"), first against the
 * mapping's own names for a field, else against the usual names of DOMAIN.md's CSV POS report.
 */
import type { DateOrder, DecimalMark } from './values.js';

/** Our POS fields and how each cell is read. */
export const POS_FIELD_KINDS = {
  distributorId: 'text',
  branch: 'text',
  invoiceNumber: 'text',
  invoiceLine: 'text',
  invoiceDate: 'date',
  shipDate: 'date',
  distributorPartNumber: 'text',
  vendorPartNumber: 'text',
  quantity: 'quantity',
  unitOfMeasure: 'text',
  resalePrice: 'money',
  bookCost: 'money',
  authorizedCost: 'money',
  claimedAmount: 'money',
  authorizationNumber: 'text',
  customerPo: 'text',
  endCustomerName: 'text',
  soldToName: 'text',
  shipToName: 'text',
  endCustomerAddress: 'text',
  country: 'text',
  debitMemoNumber: 'text',
  creditReturn: 'flag',
} as const;
export type PosField = keyof typeof POS_FIELD_KINDS;
export type PosFieldKind = (typeof POS_FIELD_KINDS)[PosField];
export const POS_FIELDS = Object.keys(POS_FIELD_KINDS) as PosField[];

/** The usual header names, most specific first. */
export const DEFAULT_POS_HEADERS: Readonly<Record<PosField, readonly string[]>> = {
  distributorId: ['Distributor ID', 'Distributor Id', 'Distributor Code', 'Distributor', 'Dist ID'],
  branch: ['Branch', 'Branch Code', 'Branch ID', 'Location'],
  invoiceNumber: ['Invoice Number', 'Invoice No', 'Invoice #', 'Invoice Num', 'Distributor Invoice', 'Inv No', 'Inv Number', 'Invoice'],
  invoiceLine: ['Invoice Line', 'Invoice Line Number', 'Invoice Line No', 'Inv Line', 'Line Number', 'Line No', 'Line #', 'Line'],
  invoiceDate: ['Invoice Date', 'Inv Date', 'Date Invoiced', 'Date'],
  shipDate: ['Ship Date', 'Shipped Date', 'Shipment Date', 'Date Shipped'],
  distributorPartNumber: ['Distributor Part Number', 'Distributor Part', 'Dist Part Number', 'Dist Part', 'Internal Part Number', 'DPN'],
  vendorPartNumber: [
    'Vendor Part Number',
    'Vendor Part',
    'Manufacturer Part Number',
    'Mfr Part Number',
    'Mfg Part Number',
    'MPN',
    'VPN',
    'Part Number',
    'Part',
    'SKU',
  ],
  quantity: ['Quantity', 'Qty', 'Quantity Shipped', 'Ship Qty', 'Shipped Qty', 'Units'],
  unitOfMeasure: ['Unit of Measure', 'UOM', 'Unit'],
  resalePrice: ['Resale Unit Price', 'Resale Price', 'Resale', 'Unit Resale', 'Sell Price', 'Selling Price', 'Unit Price'],
  bookCost: ['Book Cost', 'Book', 'Distributor Cost', 'Dist Cost', 'Unit Cost', 'Cost'],
  authorizedCost: ['Authorized Cost', 'Authorized Debit Cost', 'Debit Cost', 'Auth Cost', 'Ship and Debit Cost', 'SD Cost', 'Special Cost'],
  claimedAmount: ['Debit Amount', 'Claimed Amount', 'Claim Amount', 'Extended Debit', 'Ext Debit Amount', 'Credit Amount', 'Debit'],
  authorizationNumber: [
    'Authorization Number',
    'Authorization No',
    'Authorization',
    'Auth Number',
    'Auth No',
    'Debit Authorization',
    'Ship and Debit Number',
    'SD Number',
    'SPA Number',
    'Contract Number',
    'Agreement Number',
  ],
  customerPo: ['Customer PO', 'Customer PO Number', 'PO Number', 'PO'],
  endCustomerName: ['End Customer Name', 'End Customer', 'End User Name', 'End User'],
  soldToName: ['Sold To Name', 'Sold To', 'Customer Name', 'Customer', 'Reseller'],
  shipToName: ['Ship To Name', 'Ship To'],
  endCustomerAddress: ['End Customer Address', 'End User Address', 'Ship To Address', 'Address'],
  country: ['Country', 'End Customer Country', 'Ship To Country', 'Country Code'],
  debitMemoNumber: ['Debit Memo Number', 'Debit Memo', 'Memo Number', 'Debit Memo No'],
  creditReturn: ['Credit Return Flag', 'Credit/Return Flag', 'Return Flag', 'Credit Flag', 'Credit/Return', 'Return'],
};

/** The fields a POS row needs by default (and a vendor or a distributor part number). */
export const DEFAULT_REQUIRED_POS_FIELDS: readonly PosField[] = ['invoiceNumber', 'invoiceLine', 'invoiceDate', 'quantity'];

export interface PosColumnMapping {
  /** our field → the header name(s) of its column; replaces the default names for that field */
  fields?: Partial<Record<PosField, string | readonly string[]>>;
  /** how d/m/y dates are ordered; 'auto' reads `.` and `-` as day first and `/` as month first */
  dateOrder?: DateOrder | 'auto';
  /** the decimal mark of numbers; 'auto' reads each cell (see parseDecimalText) */
  decimalMark?: DecimalMark | 'auto';
  /** the fields a row must carry (default DEFAULT_REQUIRED_POS_FIELDS); a part number is always required */
  required?: readonly PosField[];
}

/** "Invoice No." → "invoiceno": what header names are compared by. */
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

export interface ResolvedColumns {
  /** column index per field, -1 when the file has no such column */
  index: Record<PosField, number>;
  /** unmapped columns: index and `extra` key */
  extra: { index: number; key: string }[];
  /** fields the mapping named explicitly whose column is absent */
  unmatched: { field: PosField; names: readonly string[] }[];
}

/** Matches a header row against the mapping. */
export function resolveColumns(headers: readonly string[], mapping: PosColumnMapping = {}): ResolvedColumns {
  const normalized = headers.map(normalizeHeader);
  const used = new Array<boolean>(headers.length).fill(false);
  const index = {} as Record<PosField, number>;
  const unmatched: ResolvedColumns['unmatched'] = [];
  // explicitly mapped fields first, so they win a header over a default alias
  const order = [...POS_FIELDS].sort((a, b) => Number(!mapping.fields?.[b]) - Number(!mapping.fields?.[a]));
  for (const field of order) {
    const explicit = mapping.fields?.[field];
    const names = explicit === undefined ? DEFAULT_POS_HEADERS[field] : typeof explicit === 'string' ? [explicit] : explicit;
    index[field] = -1;
    for (const name of names) {
      const key = normalizeHeader(name);
      const at = normalized.findIndex((h, i) => !used[i] && h === key);
      if (at >= 0) {
        index[field] = at;
        used[at] = true;
        break;
      }
    }
    if (index[field] < 0 && explicit !== undefined) unmatched.push({ field, names });
  }
  const extra: ResolvedColumns['extra'] = [];
  const keys = new Set<string>();
  headers.forEach((header, i) => {
    if (used[i] || normalized[i] === '') return;
    let key = extraFieldKey(header);
    for (let k = 2; keys.has(key); k++) key = `${extraFieldKey(header)}${k}`;
    keys.add(key);
    extra.push({ index: i, key });
  });
  return { index, extra, unmatched };
}
