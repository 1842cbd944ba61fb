/**
 * Master data administration (issue 15 item 1) under /api/masterdata: vendor admins change it,
 * channel managers read it, distributor users see none of it (other distributors' costs and
 * contacts are other tenants' data). Thin: validation at the edge, the rules in the services.
 */
import { Router, type Request } from 'express';
import type { MasterDataKind } from '../../core/masterdata/kinds.js';
import { authorize } from '../auth/actor.js';
import type { Config } from '../config.js';
import { fileUpload } from '../http/body-limit.js';
import { describeRoute, IdParam, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { bulkLoad } from './bulk.service.js';
import {
  AccountView,
  BookCostInput,
  BookCostQuery,
  BookCostView,
  BulkQuery,
  BulkResult,
  ContactInput,
  ContactParams,
  ContactView,
  DistributorDetail,
  DistributorInput,
  DistributorPatch,
  MergeInput,
  MergeResult,
  PartNumberInput,
  PartNumberQuery,
  PartNumberView,
  PartyInput,
  PartyPatch,
  PartyQuery,
  ProductInput,
  ProductPatch,
  ProductQuery,
  ProductView,
} from './masterdata.schemas.js';
import * as service from './masterdata.service.js';

const tags = ['masterdata'];
const READ = { 403: 'FORBIDDEN: vendor admins and channel managers only' } as const;
const MANAGE = 'FORBIDDEN: vendor admins only';
const list = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const Empty = z.object({}).strict();

describeRoute({
  method: 'get',
  path: '/api/masterdata/products',
  summary: 'Products with list price, currency, family and whether active',
  tags,
  query: ProductQuery,
  response: list(ProductView),
  errors: READ,
});
describeRoute({
  method: 'get',
  path: '/api/masterdata/products/:id',
  summary: 'One product',
  tags,
  params: IdParam,
  response: ProductView,
  errors: READ,
});
describeRoute({
  method: 'post',
  path: '/api/masterdata/products',
  summary: 'Create a product',
  tags,
  body: ProductInput,
  response: ProductView,
  status: 201,
  errors: { 403: MANAGE, 409: 'PRODUCT_EXISTS: the vendor part number is taken' },
});
describeRoute({
  method: 'patch',
  path: '/api/masterdata/products/:id',
  summary: 'Edit a product (part number, description, family, list price, currency)',
  tags,
  params: IdParam,
  body: ProductPatch,
  response: ProductView,
  errors: { 403: MANAGE, 409: 'PRODUCT_EXISTS: the vendor part number is taken' },
});
for (const [verb, what] of [
  ['deactivate', 'Deactivate a product: kept for the claims and authorizations that name it, no longer offered to new requests'],
  ['reactivate', 'Reactivate a product'],
] as const)
  describeRoute({
    method: 'post',
    path: `/api/masterdata/products/:id/${verb}`,
    summary: what,
    tags,
    params: IdParam,
    response: ProductView,
    errors: { 403: MANAGE },
  });

describeRoute({
  method: 'get',
  path: '/api/masterdata/book-costs',
  summary: 'Book cost periods (history), by distributor and product, latest first',
  tags,
  query: BookCostQuery,
  response: list(BookCostView),
  errors: READ,
});
describeRoute({
  method: 'post',
  path: '/api/masterdata/book-costs',
  summary:
    "Put a distributor's book cost for a product on record from a day on: the period before ends the day before, the new one runs to the next period or open-ended (the same cost from the same day changes nothing; another cost from the same day corrects it)",
  tags,
  body: BookCostInput,
  response: BookCostView,
  status: 201,
  errors: { 400: 'VALIDATION_FAILED: an unknown distributorId or productId', 403: MANAGE },
});

describeRoute({
  method: 'get',
  path: '/api/masterdata/part-numbers',
  summary: "Distributors' part numbers and the product each names",
  tags,
  query: PartNumberQuery,
  response: list(PartNumberView),
  errors: READ,
});
describeRoute({
  method: 'post',
  path: '/api/masterdata/part-numbers',
  summary: "Map a distributor's part number to a product (one product per distributor part number)",
  tags,
  body: PartNumberInput,
  response: PartNumberView,
  status: 201,
  errors: {
    400: 'VALIDATION_FAILED: an unknown distributorId or productId',
    403: MANAGE,
    409: 'PART_NUMBER_EXISTS: the part names another product already',
  },
});
describeRoute({
  method: 'delete',
  path: '/api/masterdata/part-numbers/:id',
  summary: "Remove a distributor's part number",
  tags,
  params: IdParam,
  errors: { 403: MANAGE },
});

describeRoute({
  method: 'get',
  path: '/api/masterdata/accounts',
  summary: 'End customers and resellers (merged ones with includeMerged=true)',
  tags,
  query: PartyQuery,
  response: list(AccountView),
  errors: READ,
});
describeRoute({
  method: 'get',
  path: '/api/masterdata/accounts/:id',
  summary: 'One end customer or reseller',
  tags,
  params: IdParam,
  response: AccountView,
  errors: READ,
});
describeRoute({
  method: 'post',
  path: '/api/masterdata/accounts',
  summary: 'Create an end customer or a reseller',
  tags,
  body: PartyInput,
  response: AccountView,
  status: 201,
  errors: { 403: MANAGE, 409: 'ACCOUNT_EXISTS: the name is taken' },
});
describeRoute({
  method: 'patch',
  path: '/api/masterdata/accounts/:id',
  summary: 'Edit an end customer or a reseller (name, country, CRM id, external reference)',
  tags,
  params: IdParam,
  body: PartyPatch,
  response: AccountView,
  errors: { 403: MANAGE, 409: 'ACCOUNT_EXISTS: the name is taken; ACCOUNT_MERGED: the account was merged' },
});
describeRoute({
  method: 'post',
  path: '/api/masterdata/accounts/:id/merge',
  summary:
    'Merge a duplicate end customer or reseller into another: its requests, authorizations, POS and claim lines and program eligibility move to the survivor in one transaction; it is kept, marked merged',
  tags,
  params: IdParam,
  body: MergeInput,
  response: MergeResult,
  errors: {
    400: 'VALIDATION_FAILED: intoId is the account itself, unknown, of another type, or merged',
    403: MANAGE,
    409: 'ACCOUNT_MERGED: merged already',
  },
});

describeRoute({
  method: 'get',
  path: '/api/masterdata/distributors',
  summary: 'Distributors with currency and region',
  tags,
  response: list(AccountView),
  errors: READ,
});
describeRoute({
  method: 'get',
  path: '/api/masterdata/distributors/:id',
  summary: 'One distributor with its contacts and its users',
  tags,
  params: IdParam,
  response: DistributorDetail,
  errors: READ,
});
describeRoute({
  method: 'post',
  path: '/api/masterdata/distributors',
  summary: 'Create a distributor',
  tags,
  body: DistributorInput,
  response: AccountView,
  status: 201,
  errors: { 403: MANAGE, 409: 'ACCOUNT_EXISTS: the name is taken' },
});
describeRoute({
  method: 'patch',
  path: '/api/masterdata/distributors/:id',
  summary: 'Edit a distributor (its currency only while it has no book cost, authorization or claim)',
  tags,
  params: IdParam,
  body: DistributorPatch,
  response: AccountView,
  errors: { 403: MANAGE, 409: 'ACCOUNT_EXISTS: the name is taken; CURRENCY_IN_USE: it has figures in its currency' },
});
describeRoute({
  method: 'post',
  path: '/api/masterdata/distributors/:id/contacts',
  summary: 'Add a contact (name, e-mail, role) to a distributor',
  tags,
  params: IdParam,
  body: ContactInput,
  response: ContactView,
  status: 201,
  errors: { 403: MANAGE, 409: 'CONTACT_EXISTS: the e-mail is a contact already' },
});
describeRoute({
  method: 'delete',
  path: '/api/masterdata/distributors/:id/contacts/:contactId',
  summary: "Remove a distributor's contact",
  tags,
  params: ContactParams,
  errors: { 403: MANAGE },
});

const BULK: [string, MasterDataKind, string][] = [
  ['products', 'products', 'Part Number, Description, Family, List Price, Currency'],
  ['book-costs', 'book-costs', 'Distributor (its name), Part Number, Book Cost, Effective From'],
  ['part-numbers', 'part-numbers', 'Distributor, Distributor Part Number, Part Number'],
  ['end-customers', 'end-customers', 'Name, Country, CRM Id, External Ref'],
  ['resellers', 'resellers', 'Name, Country, CRM Id, External Ref'],
  ['distributors', 'distributors', 'Name, Currency, Region, Country, CRM Id, External Ref'],
];
for (const [path, , columns] of BULK)
  describeRoute({
    method: 'post',
    path: `/api/masterdata/${path}/bulk`,
    summary: `Load ${path.replace('-', ' ')} from CSV (${columns}); dryRun=true previews; otherwise all rows or none`,
    tags,
    query: BulkQuery,
    upload: `a CSV file with a header row: ${columns}`,
    response: BulkResult,
    errors: { 403: MANAGE, 422: 'BULK_LOAD_REJECTED: row errors (rowErrors[] with row, line, field, message); nothing was loaded' },
  });

export function masterDataRouter(config: Pick<Config, 'baseCurrency'>) {
  const r = Router();
  const base = config.baseCurrency;
  const read = (req: Request) => authorize(req, 'masterdata.read');
  const manage = (req: Request) => authorize(req, 'masterdata.manage');
  const id = (req: Request) => parse(IdParam, req.params, 'params').id;
  const tx = service.inTransaction;

  r.get('/products', async (req, res) => {
    read(req);
    const q = parse(ProductQuery, req.query, 'query');
    res.json({
      items: await service.listProducts({ q: q.q, family: q.family, active: q.active === undefined ? undefined : q.active === 'true' }),
    });
  });
  r.get('/products/:id', async (req, res) => {
    read(req);
    res.json(await service.getProduct(id(req)));
  });
  r.post('/products', async (req, res) => {
    const actor = manage(req);
    const input = parse(ProductInput, req.body);
    res.status(201).json((await tx((t) => service.saveProduct(actor, input, base, t)))[0]);
  });
  r.patch('/products/:id', async (req, res) => {
    const actor = manage(req);
    const productId = id(req);
    const patch = parse(ProductPatch, req.body);
    res.json(await tx((t) => service.changeProduct(actor, productId, patch, t)));
  });
  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const)
    r.post(`/products/:id/${verb}`, async (req, res) => {
      const actor = manage(req);
      const productId = id(req);
      parse(Empty, req.body ?? {});
      res.json(await tx((t) => service.changeProduct(actor, productId, { active }, t)));
    });

  r.get('/book-costs', async (req, res) => {
    read(req);
    res.json({ items: await service.listBookCosts(parse(BookCostQuery, req.query, 'query')) });
  });
  r.post('/book-costs', async (req, res) => {
    const actor = manage(req);
    const input = parse(BookCostInput, req.body);
    const [row] = await tx((t) => service.setBookCost(actor, input, t));
    res.status(201).json(await service.bookCostView(row));
  });

  r.get('/part-numbers', async (req, res) => {
    read(req);
    res.json({ items: await service.listPartNumbers(parse(PartNumberQuery, req.query, 'query')) });
  });
  r.post('/part-numbers', async (req, res) => {
    const actor = manage(req);
    const input = parse(PartNumberInput, req.body);
    const [row] = await tx((t) => service.setPartNumber(actor, input, t));
    res.status(201).json((await service.listPartNumbers({ distributorId: row.distributorId })).find((p) => p.id === row.id));
  });
  r.delete('/part-numbers/:id', async (req, res) => {
    const actor = manage(req);
    const partId = id(req);
    await tx((t) => service.removePartNumber(actor, partId, t));
    res.status(204).end();
  });

  const PARTIES = ['end_customer', 'reseller'] as const;
  r.get('/accounts', async (req, res) => {
    read(req);
    const q = parse(PartyQuery, req.query, 'query');
    res.json({
      items: await service.listAccounts({ types: q.type ? [q.type] : [...PARTIES], q: q.q, includeMerged: q.includeMerged === 'true' }),
    });
  });
  r.get('/accounts/:id', async (req, res) => {
    read(req);
    res.json(await service.getAccount(id(req), PARTIES));
  });
  r.post('/accounts', async (req, res) => {
    const actor = manage(req);
    const { type, ...input } = parse(PartyInput, req.body);
    res.status(201).json((await tx((t) => service.saveAccount(actor, type, input, base, t)))[0]);
  });
  r.patch('/accounts/:id', async (req, res) => {
    const actor = manage(req);
    const accountId = id(req);
    const patch = parse(PartyPatch, req.body);
    res.json(await tx((t) => service.changeAccount(actor, accountId, PARTIES, patch, t)));
  });
  r.post('/accounts/:id/merge', async (req, res) => {
    const actor = manage(req);
    const loserId = id(req);
    const input = parse(MergeInput, req.body);
    res.json(await tx((t) => service.mergeAccount(actor, loserId, input.intoId, input.reason, t)));
  });

  r.get('/distributors', async (req, res) => {
    read(req);
    res.json({ items: await service.listAccounts({ types: ['distributor'] }) });
  });
  r.get('/distributors/:id', async (req, res) => {
    read(req);
    res.json(await service.distributorDetail(id(req)));
  });
  r.post('/distributors', async (req, res) => {
    const actor = manage(req);
    const input = parse(DistributorInput, req.body);
    res.status(201).json((await tx((t) => service.saveAccount(actor, 'distributor', input, base, t)))[0]);
  });
  r.patch('/distributors/:id', async (req, res) => {
    const actor = manage(req);
    const distributorId = id(req);
    const patch = parse(DistributorPatch, req.body);
    res.json(await tx((t) => service.changeAccount(actor, distributorId, ['distributor'], patch, t)));
  });
  r.post('/distributors/:id/contacts', async (req, res) => {
    const actor = manage(req);
    const distributorId = id(req);
    const input = parse(ContactInput, req.body);
    res.status(201).json(await tx((t) => service.addContact(actor, distributorId, input, t)));
  });
  r.delete('/distributors/:id/contacts/:contactId', async (req, res) => {
    const actor = manage(req);
    const p = parse(ContactParams, req.params, 'params');
    await tx((t) => service.removeContact(actor, p.id, p.contactId, t));
    res.status(204).end();
  });

  for (const [path, kind] of BULK)
    r.post(`/${path}/bulk`, async (req, res) => {
      const actor = manage(req);
      const q = parse(BulkQuery, req.query, 'query');
      const upload = fileUpload(req, 'send the file as text/csv');
      res.json(await bulkLoad(actor, kind, upload.body, q.dryRun === 'true', base));
    });
  return r;
}
