/**
 * The master data files a vendor loads, and the columns of each: the one list the server's bulk
 * loads read with (core/masterdata/table.ts), the admin components describe, and docs/admin.md
 * shows. Header names are matched as POS headers are (exact first, then loosely).
 */
import type { TableColumn } from './table.js';

export const MASTER_DATA_KINDS = ['products', 'book-costs', 'part-numbers', 'end-customers', 'resellers', 'distributors'] as const;
export type MasterDataKind = (typeof MASTER_DATA_KINDS)[number];

const distributor: TableColumn = { key: 'distributor', names: ['Distributor', 'Distributor Name'], required: true };
const vendorPart: TableColumn = {
  key: 'vendorPartNumber',
  names: ['Vendor Part Number', 'Part Number', 'Mfr Part', 'Manufacturer Part Number', 'Part'],
  required: true,
};
const country: TableColumn = { key: 'country', names: ['Country', 'Country Code'] };
const crmId: TableColumn = { key: 'crmId', names: ['CRM Id', 'CRM ID', 'Salesforce Id', 'Account Id'] };
const externalRef: TableColumn = { key: 'externalRef', names: ['External Ref', 'External Reference', 'ERP Id'] };

export const MASTER_DATA_COLUMNS: Readonly<Record<MasterDataKind, readonly TableColumn[]>> = {
  products: [
    vendorPart,
    { key: 'description', names: ['Description', 'Product Description'], required: true },
    { key: 'family', names: ['Product Family', 'Family'] },
    { key: 'listPrice', names: ['List Price', 'List'] },
    { key: 'currency', names: ['Currency'] },
  ],
  'book-costs': [
    distributor,
    vendorPart,
    { key: 'cost', names: ['Book Cost', 'Cost'], required: true },
    { key: 'effectiveFrom', names: ['Effective From', 'Effective Date', 'From'], required: true },
  ],
  'part-numbers': [
    distributor,
    { key: 'distributorPartNumber', names: ['Distributor Part Number', 'Distributor Part', 'Dist Part'], required: true },
    vendorPart,
  ],
  'end-customers': [{ key: 'name', names: ['Name', 'End Customer', 'Customer'], required: true }, country, crmId, externalRef],
  resellers: [{ key: 'name', names: ['Name', 'Reseller'], required: true }, country, crmId, externalRef],
  distributors: [
    { key: 'name', names: ['Name', 'Distributor'], required: true },
    { key: 'currency', names: ['Currency'] },
    { key: 'region', names: ['Region'] },
    country,
    crmId,
    externalRef,
  ],
};

/** The columns whose cells hold money and dates, read as POS cells are (core/pos/values.ts). */
export const MONEY_COLUMNS: ReadonlySet<string> = new Set(['listPrice', 'cost']);
export const DATE_COLUMNS: ReadonlySet<string> = new Set(['effectiveFrom']);
