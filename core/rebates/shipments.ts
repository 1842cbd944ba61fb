/**
 * Sell-in (issue 16): the vendor's shipments to its distributors, one line per invoice line, what
 * a rebate program with `basis: "sell_in"` counts. One definition of a shipment line: the CSV's
 * columns (SHIPMENT_COLUMNS, read by core/masterdata/table.ts like every table the vendor loads),
 * the cell readers (the POS file's, so `1.000,50` with a decimal comma reads as it does there) and
 * the rules beyond the shape (`shipmentProblems`), which the JSON API and the CSV load both apply.
 */
import type { TableColumn } from '../masterdata/table.js';
import { parseDateText, parseMoneyText, parseQuantityText, type DateOrder, type DecimalMark } from '../pos/values.js';

/** One shipment line as loaded: the distributor by BEC id or name, the product by vendor part number. */
export interface ShipmentInput {
  /** a BEC account id (digits) or the distributor's name */
  distributor: string;
  /** the vendor's invoice or delivery number; with `lineNumber`, unique per distributor */
  documentNumber: string;
  lineNumber: string;
  shipDate: string;
  vendorPartNumber: string;
  /** units; negative for a return */
  quantity: number;
  /** the line's invoiced value, a decimal string (negative for a return) */
  amount: string;
  /** ISO 4217; the distributor's currency */
  currency: string;
}

export type ShipmentField = keyof ShipmentInput;

export const SHIPMENT_COLUMNS: readonly TableColumn<ShipmentField>[] = [
  { key: 'distributor', names: ['Distributor', 'Distributor Id', 'Sold To', 'Customer'], required: true },
  { key: 'documentNumber', names: ['Document Number', 'Invoice Number', 'Invoice', 'Delivery Number', 'Document'], required: true },
  { key: 'lineNumber', names: ['Line Number', 'Invoice Line', 'Line'], required: true },
  { key: 'shipDate', names: ['Ship Date', 'Invoice Date', 'Date'], required: true },
  { key: 'vendorPartNumber', names: ['Vendor Part Number', 'Part Number', 'Part', 'SKU'], required: true },
  { key: 'quantity', names: ['Quantity', 'Qty', 'Units'], required: true },
  { key: 'amount', names: ['Amount', 'Invoiced Amount', 'Net Amount', 'Value', 'Extended Price'], required: true },
  { key: 'currency', names: ['Currency', 'Currency Code'], required: true },
];

export interface ShipmentProblem {
  field: ShipmentField | null;
  message: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._\/-]{0,39}$/;
const LINE = /^[A-Za-z0-9._-]{1,20}$/;

/**
 * A line as it is stored and compared: the document and line numbers trimmed and upper-cased (an
 * ERP's "inv-1" and "INV-1" are one document, on MariaDB as on SQLite), the currency upper-cased.
 */
export function normalizeShipment(s: ShipmentInput): ShipmentInput {
  return {
    ...s,
    distributor: s.distributor.trim(),
    documentNumber: s.documentNumber.trim().toUpperCase(),
    lineNumber: s.lineNumber.trim().toUpperCase(),
    vendorPartNumber: s.vendorPartNumber.trim(),
    currency: s.currency.trim().toUpperCase(),
  };
}

/** What is wrong with a line beyond its shape (both roads check it): a zero quantity, a value of the wrong sign, a malformed key. */
export function shipmentProblems(s: ShipmentInput): ShipmentProblem[] {
  const out: ShipmentProblem[] = [];
  if (!s.distributor.trim()) out.push({ field: 'distributor', message: 'the distributor shipped to: its BEC id or name' });
  if (!CODE.test(s.documentNumber)) out.push({ field: 'documentNumber', message: 'letters, digits and . _ / - (at most 40)' });
  if (!LINE.test(s.lineNumber)) out.push({ field: 'lineNumber', message: 'letters, digits and . _ - (at most 20)' });
  if (!s.vendorPartNumber.trim()) out.push({ field: 'vendorPartNumber', message: 'the vendor part number shipped' });
  if (s.quantity === 0) out.push({ field: 'quantity', message: 'a shipment of 0 units counts nothing: leave the line out' });
  const negative = s.amount.trim().startsWith('-') && /[1-9]/.test(s.amount);
  if (s.quantity > 0 && negative) out.push({ field: 'amount', message: 'a shipment (quantity above 0) has a value of 0 or more' });
  if (s.quantity < 0 && !negative && /[1-9]/.test(s.amount))
    out.push({ field: 'amount', message: 'a return (quantity below 0) has a value below 0' });
  return out;
}

/** A CSV row's cells as a line, or each cell's problem; numbers and dates read as the POS file's are. */
export function shipmentFromCells(
  cells: Record<ShipmentField, string>,
  options: { decimalMark?: DecimalMark | null; dateOrder?: DateOrder | null } = {},
): { ok: true; value: ShipmentInput } | { ok: false; problems: ShipmentProblem[] } {
  const problems: ShipmentProblem[] = [];
  const numbers = { decimalMark: options.decimalMark ?? null };
  const day = parseDateText(cells.shipDate, options.dateOrder ?? null);
  const quantity = parseQuantityText(cells.quantity, numbers);
  const amount = parseMoneyText(cells.amount, numbers);
  if (!day.ok) problems.push({ field: 'shipDate', message: `"${cells.shipDate}" ${day.reason}` });
  if (!quantity.ok) problems.push({ field: 'quantity', message: `"${cells.quantity}" ${quantity.reason}` });
  if (!amount.ok) problems.push({ field: 'amount', message: `"${cells.amount}" ${amount.reason}` });
  if (!day.ok || !quantity.ok || !amount.ok) return { ok: false, problems };
  const value: ShipmentInput = normalizeShipment({
    distributor: cells.distributor,
    documentNumber: cells.documentNumber,
    lineNumber: cells.lineNumber,
    shipDate: day.value,
    vendorPartNumber: cells.vendorPartNumber,
    quantity: quantity.value,
    amount: amount.value,
    currency: cells.currency,
  });
  const more = shipmentProblems(value);
  return more.length ? { ok: false, problems: more } : { ok: true, value };
}
