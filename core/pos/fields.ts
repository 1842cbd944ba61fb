/**
 * The POS line's fields: the one table the rest is derived from. The parsed line's type
 * (`PosLine` in parser.ts), the column matching's header names (mapping.ts), the database insert
 * columns of `pos_lines` (server/imports/imports.repository.ts) and the bench's CSV headers
 * (bench/run.ts) all read it; add a field here and each of them follows.
 *
 * - `kind`: how a cell is read (values.ts);
 * - `column`: the `pos_lines` column that stores it, or null: the field then travels in the
 *   line's `extra` JSON under its own name (no migration for a field few files carry);
 * - `maxLength`: a text longer than this cannot be stored (its column's width): a row error;
 * - `headers`: the names distributors give its column, most specific first (DOMAIN.md's CSV POS
 *   report). The field's own name ("invoiceNumber", "invoice_number") is always recognised too.
 *   A name that could mean two things ("Amount", "Memo", "Customer" for the end customer) is not
 *   listed: such a column stays in `extra` until the distributor maps it.
 */

export type PosFieldKind = 'text' | 'date' | 'money' | 'quantity' | 'flag';

export interface PosFieldSpec {
  readonly kind: PosFieldKind;
  readonly column: string | null;
  readonly maxLength?: number;
  readonly headers: readonly string[];
}

export const POS_FIELD_TABLE = {
  distributorId: {
    kind: 'text',
    column: null,
    maxLength: 64,
    headers: ['Distributor ID', 'Distributor Id', 'Distributor Code', 'Distributor', 'Dist ID'],
  },
  branch: { kind: 'text', column: null, maxLength: 200, headers: ['Branch', 'Branch Code', 'Branch ID', 'Location'] },
  invoiceNumber: {
    kind: 'text',
    column: 'invoice_number',
    maxLength: 64,
    headers: [
      'Invoice Number',
      'Invoice No',
      'Invoice #',
      'Invoice Num',
      'Invoice Nbr',
      'Invoice ID',
      'Distributor Invoice',
      'Inv No',
      'Inv Number',
      'Inv Nbr',
      'Inv #',
      'Invoice',
      'Inv',
    ],
  },
  invoiceLine: {
    kind: 'text',
    column: 'invoice_line',
    maxLength: 16,
    headers: [
      'Invoice Line',
      'Invoice Line Number',
      'Invoice Line No',
      'Inv Line',
      'Inv Ln',
      'Line Number',
      'Line No',
      'Line Nbr',
      'Line #',
      'Ln No',
      'Ln #',
      'Line',
      'Ln',
    ],
  },
  invoiceDate: { kind: 'date', column: 'invoice_date', headers: ['Invoice Date', 'Inv Date', 'Date Invoiced', 'Sale Date', 'Date'] },
  shipDate: { kind: 'date', column: 'ship_date', headers: ['Ship Date', 'Shipped Date', 'Shipment Date', 'Shipping Date', 'Date Shipped'] },
  distributorPartNumber: {
    kind: 'text',
    column: 'distributor_part_number',
    maxLength: 64,
    headers: ['Distributor Part Number', 'Distributor Part', 'Dist Part Number', 'Dist Part', 'Dist PN', 'Internal Part Number', 'DPN'],
  },
  vendorPartNumber: {
    kind: 'text',
    column: 'vendor_part_number',
    maxLength: 64,
    headers: [
      'Vendor Part Number',
      'Vendor Part',
      'Vendor PN',
      'Manufacturer Part Number',
      'Mfr Part Number',
      'Mfg Part Number',
      'Mfr Part',
      'MPN',
      'VPN',
      'Part Number',
      'Part',
      'SKU',
    ],
  },
  quantity: {
    kind: 'quantity',
    column: 'quantity',
    headers: ['Quantity', 'Qty', 'Quantity Shipped', 'Qty Shipped', 'Ship Qty', 'Shipped Qty', 'Units'],
  },
  unitOfMeasure: { kind: 'text', column: null, maxLength: 20, headers: ['Unit of Measure', 'UOM', 'Unit'] },
  resalePrice: {
    kind: 'money',
    column: 'resale_price',
    headers: ['Resale Unit Price', 'Resale Price', 'Resale', 'Unit Resale', 'Sell Price', 'Selling Price', 'Unit Price'],
  },
  bookCost: { kind: 'money', column: 'book_cost', headers: ['Book Cost', 'Book', 'Distributor Cost', 'Dist Cost', 'Unit Cost', 'Cost'] },
  authorizedCost: {
    kind: 'money',
    column: 'authorized_cost',
    headers: [
      'Authorized Cost',
      'Authorized Debit Cost',
      'Approved Cost',
      'Debit Cost',
      'Auth Cost',
      'Ship and Debit Cost',
      'SD Cost',
      'Special Cost',
    ],
  },
  claimedAmount: {
    kind: 'money',
    column: 'claimed_amount',
    headers: ['Debit Amount', 'Claimed Amount', 'Claim Amount', 'Extended Debit', 'Ext Debit Amount', 'Credit Amount', 'Debit'],
  },
  authorizationNumber: {
    kind: 'text',
    column: 'authorization_number',
    maxLength: 40,
    headers: [
      'Authorization Number',
      'Authorization No',
      'Authorization',
      'Auth Number',
      'Auth No',
      'Debit Authorization',
      'Ship and Debit Number',
      'SD Number',
      'S&D Number',
      'S&D No',
      'SPA Number',
      'SPA #',
      'Auth #',
      'Quote Number',
      'Contract Number',
      'Agreement Number',
    ],
  },
  customerPo: {
    kind: 'text',
    column: 'customer_po',
    maxLength: 64,
    headers: ['Customer PO', 'Customer PO Number', 'Reseller PO Number', 'Reseller PO', 'PO Number', 'PO'],
  },
  endCustomerName: {
    kind: 'text',
    column: 'end_customer_name',
    maxLength: 200,
    headers: ['End Customer Name', 'End Customer', 'End User Name', 'End User'],
  },
  soldToName: { kind: 'text', column: null, maxLength: 200, headers: ['Sold To Name', 'Sold To', 'Customer Name', 'Customer', 'Reseller'] },
  shipToName: { kind: 'text', column: null, maxLength: 200, headers: ['Ship To Name', 'Ship To'] },
  endCustomerAddress: {
    kind: 'text',
    column: null,
    maxLength: 500,
    headers: ['End Customer Address', 'End User Address', 'Ship To Address', 'Address'],
  },
  country: { kind: 'text', column: null, maxLength: 60, headers: ['Country', 'End Customer Country', 'Ship To Country', 'Country Code'] },
  debitMemoNumber: {
    kind: 'text',
    column: 'debit_memo_number',
    maxLength: 64,
    headers: ['Debit Memo Number', 'Debit Memo', 'Debit Memo No', 'Memo Number', 'DM Number'],
  },
  creditReturn: {
    kind: 'flag',
    column: null,
    headers: ['Credit Return Flag', 'Credit/Return Flag', 'Return Flag', 'Credit Flag', 'Credit/Return', 'Return'],
  },
} as const satisfies Record<string, PosFieldSpec>;

export type PosField = keyof typeof POS_FIELD_TABLE;
export const POS_FIELDS = Object.keys(POS_FIELD_TABLE) as PosField[];

/** The fields a `pos_lines` row has a column for, in table order. */
export type PosStoredField = { [F in PosField]: (typeof POS_FIELD_TABLE)[F]['column'] extends string ? F : never }[PosField];
export const POS_STORED_FIELDS = POS_FIELDS.filter((f) => POS_FIELD_TABLE[f].column !== null) as PosStoredField[];
/** Fields without a column: stored in `extra` under their own name. */
export const POS_EXTRA_FIELDS = POS_FIELDS.filter((f) => POS_FIELD_TABLE[f].column === null);

/** The label of a field in messages: its first header name ("Invoice Date"). */
export const posFieldLabel = (field: PosField): string => POS_FIELD_TABLE[field].headers[0]!;

/** "invoiceNumber" → "invoice_number": the CSV header a file written by us uses (the bench, exports). */
export const snakeCaseHeader = (field: PosField): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
