/**
 * Master data through the admin API (issue 15 item 1): products, book costs by effective date
 * (and the engine picking the one on record for a claim line's invoice date), distributor part
 * numbers, end customers and resellers with merging, distributors with contacts and users, and
 * bulk CSV loads that preview, and apply all rows or none. Vendor admins change; channel managers
 * read; nobody else sees any of it.
 */
import { checkLedger } from '../../server/settlement/invariants.repository.js';
import { QueryTypes } from 'sequelize';
import { PARTY_REFERENCES } from '../../server/masterdata/masterdata.repository.js';
import {
  approvedAuthorization,
  bearerOf,
  describeDb,
  startTestApp,
  USERS,
  waitFor,
  type Client,
  type TestApp,
} from '../support/harness.js';

describeDb('master data (admin API)', () => {
  let t: TestApp;
  let admin: Client;
  let cm: Client;
  let arrowheadId: number;
  const q = <T>(sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;
  const csv = (c: Client, path: string, body: string) =>
    t.http.post(path).set('Authorization', bearerOf(c)).set('Content-Type', 'text/csv').send(body);
  const auditOf = async (entityType: string, entityId: number) =>
    (
      (await admin.get(`/api/audit?entityType=${entityType}&entityId=${entityId}&limit=50`)).body.items as {
        action: string;
        before: unknown;
        after: unknown;
      }[]
    ).map((e) => e.action);
  const productId = async (part: string) =>
    (await q<{ id: number }>('SELECT id FROM products WHERE vendor_part_number = ?', [part]))[0]!.id;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as(USERS.admin);
    cm = await t.as(USERS.cm);
    arrowheadId = (await q<{ id: number }>("SELECT id FROM accounts WHERE name = 'Arrowhead Components'"))[0]!.id;
  });
  afterAll(() => t.close());

  it('lets channel managers read and only vendor admins change; a distributor user or finance sees none of it', async () => {
    expect((await cm.get('/api/masterdata/products')).status).toBe(200);
    expect((await cm.get(`/api/masterdata/book-costs?distributorId=${arrowheadId}`)).status).toBe(200);
    const refused = await cm.post('/api/masterdata/products', { vendorPartNumber: 'VS-CM-1', description: 'cm' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    for (const email of [USERS.arrowhead, USERS.finance]) {
      const c = await t.as(email);
      for (const path of [
        '/api/masterdata/products',
        '/api/masterdata/accounts',
        '/api/masterdata/distributors',
        `/api/masterdata/distributors/${arrowheadId}`,
        '/api/masterdata/book-costs',
      ])
        expect([path, (await c.get(path)).status]).toEqual([path, 403]);
      expect((await csv(c, '/api/masterdata/products/bulk', 'Part Number,Description\nX-1,x')).status).toBe(403);
    }
    expect(await q('SELECT id FROM products WHERE vendor_part_number IN (?)', [['VS-CM-1', 'X-1']])).toEqual([]);
  });

  it('creates, edits and deactivates a product, each change audited; a deactivated product is no longer offered', async () => {
    const created = await admin.post('/api/masterdata/products', {
      vendorPartNumber: 'VS-GAN-900',
      description: 'GaN FET 650 V',
      family: 'Power',
      listPrice: '4.2',
      currency: 'eur',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      vendorPartNumber: 'VS-GAN-900',
      listPrice: '4.2000',
      currency: 'EUR',
      family: 'Power',
      active: true,
    });
    const id = created.body.id as number;
    const taken = await admin.post('/api/masterdata/products', { vendorPartNumber: 'VS-GAN-900', description: 'again' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('PRODUCT_EXISTS');
    const bad = await admin.post('/api/masterdata/products', { vendorPartNumber: '', description: 'x', listPrice: '-1' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['listPrice', 'vendorPartNumber']);

    const edited = await admin.patch(`/api/masterdata/products/${id}`, { listPrice: '4.5000', family: 'Power GaN' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ listPrice: '4.5000', family: 'Power GaN' });
    expect((await cm.get('/api/products?q=VS-GAN-900')).body.items).toHaveLength(1);
    const off = await admin.post(`/api/masterdata/products/${id}/deactivate`, {});
    expect(off.body.active).toBe(false);
    expect((await cm.get('/api/products?q=VS-GAN-900')).body.items).toHaveLength(0);
    expect((await cm.get('/api/masterdata/products?active=false')).body.items.map((p: { id: number }) => p.id)).toContain(id);
    expect(await auditOf('product', id)).toEqual(expect.arrayContaining(['product.created', 'product.updated', 'product.deactivated']));
    expect((await admin.patch('/api/masterdata/products/999999', { family: 'x' })).status).toBe(404);
  });

  it('keeps book cost periods from overlapping, lists their history, and the engine takes the one of each line’s invoice date', async () => {
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '5.0000', part: 'VS-ADC-24S' });
    const adc = await productId('VS-ADC-24S');
    const put = (cost: string, effectiveFrom: string) =>
      admin.post('/api/masterdata/book-costs', { distributorId: arrowheadId, productId: adc, cost, effectiveFrom });
    const october = await put('7', '2026-10-01');
    expect(october.status).toBe(201);
    expect(october.body).toMatchObject({
      cost: '7.0000',
      effectiveFrom: '2026-10-01',
      effectiveTo: null,
      currency: 'USD',
      vendorPartNumber: 'VS-ADC-24S',
    });
    expect((await put('8.0000', '2026-11-01')).body).toMatchObject({ effectiveTo: null });
    // A back-dated cost slots in before the next period, never over it.
    expect((await put('6.5', '2026-06-01')).body).toMatchObject({ effectiveFrom: '2026-06-01', effectiveTo: '2026-09-30' });
    expect((await put('8.0000', '2026-11-01')).status).toBe(201); // the same again: nothing changes

    const history = (await cm.get(`/api/masterdata/book-costs?distributorId=${arrowheadId}&productId=${adc}`)).body.items as {
      cost: string;
      effectiveFrom: string;
      effectiveTo: string | null;
    }[];
    expect(history.map((h) => [h.effectiveFrom, h.effectiveTo, h.cost])).toEqual([
      ['2026-11-01', null, '8.0000'],
      ['2026-10-01', '2026-10-31', '7.0000'],
      ['2026-06-01', '2026-09-30', '6.5000'],
      ['2026-01-01', '2026-05-31', expect.any(String)],
    ]);
    const refused = await admin.post('/api/masterdata/book-costs', {
      distributorId: 999999,
      productId: adc,
      cost: '1',
      effectiveFrom: '2026-13-01',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['effectiveFrom']);
    const unknown = await admin.post('/api/masterdata/book-costs', {
      distributorId: 999999,
      productId: adc,
      cost: '1',
      effectiveFrom: '2026-12-01',
    });
    expect(unknown.body.errors).toEqual([{ field: 'distributorId', message: 'no distributor has the id 999999' }]);

    // The file says 6.0000; the vendor's cost on record for each invoice date wins: 7 in October, 8 in November.
    const arrow = await t.as(USERS.arrowhead);
    const header = 'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer';
    const file = [
      header,
      `MD-1,1,2026-10-20,VS-ADC-24S,1,6.0000,5.0000,${auth.number},${auth.customer}`,
      `MD-1,2,2026-11-10,VS-ADC-24S,1,6.0000,5.0000,${auth.number},${auth.customer}`,
    ].join('\n');
    const res = await csv(arrow, waitFor('/api/claims/file'), file);
    expect(res.status).toBe(201);
    const claim = (await arrow.get(`/api/claims/${res.body.claim.id}`)).body as {
      lines: { invoiceLine: string; verdict: string; approvedAmount: string }[];
    };
    expect(claim.lines.map((l) => [l.invoiceLine, l.verdict, l.approvedAmount])).toEqual([
      ['1', 'accepted', '2.0000'],
      ['2', 'accepted', '3.0000'],
    ]);
    // The same sale claimed as JSON with the file's 6.0000: the line keeps the cost its credit came
    // from (8.0000 on record), the claimed one in its inputs, and the ledger check agrees.
    const sent = await arrow.post('/api/claims', {
      debitMemoNumber: 'MD-JSON-1',
      submit: true,
      lines: [
        {
          authorizationNumber: auth.number,
          vendorPartNumber: 'VS-ADC-24S',
          endCustomerName: auth.customer,
          invoiceNumber: 'MD-2',
          invoiceLine: '1',
          invoiceDate: '2026-11-10',
          quantity: 1,
          bookCost: '6.0000',
          authorizedCost: '5.0000',
        },
      ],
    });
    expect(sent.status).toBe(201);
    expect(sent.body.lines[0]).toMatchObject({ verdict: 'accepted', bookCost: '8.0000', approvedAmount: '1.0000' });
    expect(sent.body.lines[0].verdictInputs).toMatchObject({ bookCost: '8.0000', claimedBookCost: '6.0000' });
    expect((await checkLedger(t.db.sequelize)).violations).toEqual([]);
    const [latest] = await q<{ id: number }>(
      'SELECT id FROM book_costs WHERE distributor_id = ? AND product_id = ? AND effective_from = ?',
      [arrowheadId, adc, '2026-11-01'],
    );
    expect(await auditOf('book_cost', latest!.id)).toEqual(['book_cost.set']);
  });

  it('maps a distributor part number to one product per distributor', async () => {
    const mcu = await productId('VS-MCU-32F4');
    const created = await admin.post('/api/masterdata/part-numbers', {
      distributorId: arrowheadId,
      distributorPartNumber: 'ARW-NEW-1',
      productId: mcu,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ distributorPartNumber: 'ARW-NEW-1', vendorPartNumber: 'VS-MCU-32F4' });
    const again = await admin.post('/api/masterdata/part-numbers', {
      distributorId: arrowheadId,
      distributorPartNumber: 'ARW-NEW-1',
      productId: await productId('VS-ADC-24S'),
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PART_NUMBER_EXISTS');
    const listed = (await cm.get(`/api/masterdata/part-numbers?distributorId=${arrowheadId}`)).body.items as {
      id: number;
      distributorId: number;
    }[];
    expect(listed.every((p) => p.distributorId === arrowheadId)).toBe(true);
    expect((await admin.delete(`/api/masterdata/part-numbers/${created.body.id}`)).status).toBe(204);
    expect(await auditOf('part_number', created.body.id)).toEqual(expect.arrayContaining(['part_number.created', 'part_number.removed']));
  });

  it('merges a duplicate end customer: everything that named it names the survivor, in one go, audited, and never again', async () => {
    const dup = await admin.post('/api/masterdata/accounts', {
      type: 'end_customer',
      name: 'Cascade Robotics Inc.',
      country: 'us',
      crmId: '001XX000003DHP0',
    });
    expect(dup.status).toBe(201);
    expect(dup.body).toMatchObject({ type: 'end_customer', country: 'US', crmId: '001XX000003DHP0', mergedIntoId: null });
    const loser = dup.body.id as number;
    const survivor = (await q<{ id: number }>("SELECT id FROM accounts WHERE name = 'Cascade Robotics'"))[0]!.id;
    expect((await admin.post('/api/masterdata/accounts', { type: 'end_customer', name: ' cascade robotics inc. ' })).status).toBe(409);
    expect((await admin.patch(`/api/masterdata/accounts/${loser}`, { externalRef: 'ERP-77' })).body.externalRef).toBe('ERP-77');

    // A request for the duplicate, approved: a request, an authorization and its lines name it.
    const arrow = await t.as(USERS.arrowhead);
    const program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    const request = await arrow.post('/api/requests', {
      programId: program.id,
      endCustomerId: loser,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      justification: 'for the duplicate',
      lines: [{ productId: await productId('VS-MCU-32F4'), quantity: 10, requestedCost: '3.0000' }],
    });
    expect(request.status).toBe(201);
    expect((await cm.post(`/api/requests/${request.body.id}/approve`, { comment: 'ok' })).status).toBe(200);
    // POS and claim lines the enrichment matched to it, and a program that lists it.
    const pos = await csv(
      arrow,
      waitFor('/api/imports'),
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,End Customer\nMD-POS-1,1,2026-10-20,VS-MCU-32F4,1,Cascade Robotics Inc.',
    );
    expect(pos.status).toBe(201);
    await t.db.sequelize.query('UPDATE pos_lines SET end_customer_id = ? WHERE id = (SELECT MIN(id) FROM (SELECT id FROM pos_lines) p)', {
      replacements: [loser],
    });
    await t.db.sequelize.query(
      'UPDATE claim_lines SET end_customer_id = ? WHERE id = (SELECT MIN(id) FROM (SELECT id FROM claim_lines) c)',
      { replacements: [loser] },
    );
    await t.db.sequelize.query('UPDATE price_requests SET reseller_id = ? WHERE id = ?', { replacements: [loser, request.body.id] });
    await t.db.sequelize.query('UPDATE programs SET end_customer_ids = ? WHERE id = ?', {
      replacements: [JSON.stringify([loser, survivor]), program.id],
    });
    // A spelling confirmed for it, and a review that suggested it and was confirmed to it (POS enrichment).
    const arrowId = (await q<{ id: number }>("SELECT id FROM accounts WHERE name = 'Arrowhead Components'"))[0]!.id;
    const adminId = (await q<{ id: number }>("SELECT id FROM users WHERE email = 'admin@voltaic.example'"))[0]!.id;
    await t.db.sequelize.query(
      `INSERT INTO end_customer_aliases (distributor_id, alias_key, spelling, end_customer_id, confirmed_by_user_id, created_at, updated_at)
       VALUES (?, 'cascade robo', 'Cascade Robo', ?, ?, ?, ?)`,
      { replacements: [arrowId, loser, adminId, new Date(), new Date()] },
    );
    await t.db.sequelize.query(
      `INSERT INTO end_customer_reviews (distributor_id, name_key, spelling, suggested_end_customer_id, confidence_milli, status, end_customer_id, created_at, updated_at)
       VALUES (?, 'cascade rbtcs', 'Cascade Rbtcs', ?, 700, 'confirmed', ?, ?, ?)`,
      { replacements: [arrowId, loser, loser, new Date(), new Date()] },
    );
    const refsTo = async (id: number) => {
      const out: Record<string, number> = {};
      for (const ref of PARTY_REFERENCES) {
        const [table, column] = ref.split('.');
        out[ref] = Number((await q<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`, [id]))[0]!.n);
      }
      return out;
    };
    const before = await refsTo(loser);
    for (const ref of PARTY_REFERENCES) expect([ref, before[ref]! > 0]).toEqual([ref, true]);
    const survivorBefore = await refsTo(survivor);

    expect((await admin.post(`/api/masterdata/accounts/${loser}/merge`, { intoId: loser })).status).toBe(400);
    const northbridge = (await q<{ id: number }>("SELECT id FROM accounts WHERE name = 'Northbridge Electronics'"))[0]!.id;
    const wrongType = await admin.post(`/api/masterdata/accounts/${loser}/merge`, { intoId: northbridge });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].field).toBe('intoId');
    expect((await cm.post(`/api/masterdata/accounts/${loser}/merge`, { intoId: survivor })).status).toBe(403);

    const merged = await admin.post(`/api/masterdata/accounts/${loser}/merge`, { intoId: survivor, reason: 'same company' });
    expect(merged.status).toBe(200);
    expect(merged.body.merged).toMatchObject({ id: loser, mergedIntoId: survivor });
    expect(merged.body.survivor.id).toBe(survivor);
    expect(merged.body.repointed).toMatchObject({ ...before, 'programs.end_customer_ids': 1 });
    expect(Object.values(await refsTo(loser)).every((n) => n === 0)).toBe(true);
    const after = await refsTo(survivor);
    for (const ref of PARTY_REFERENCES) expect([ref, after[ref]]).toEqual([ref, survivorBefore[ref]! + before[ref]!]);
    const [p] = await q<{ ids: string }>('SELECT end_customer_ids AS ids FROM programs WHERE id = ?', [program.id]);
    expect(JSON.parse(p!.ids)).toEqual([survivor]);
    // The loser is kept, marked; not offered in lists, not merged or changed again.
    expect((await admin.get(`/api/masterdata/accounts/${loser}`)).body.mergedIntoId).toBe(survivor);
    expect((await cm.get('/api/masterdata/accounts?q=Cascade')).body.items.map((a: { id: number }) => a.id)).toEqual([survivor]);
    expect((await cm.get('/api/masterdata/accounts?q=Cascade&includeMerged=true')).body.items).toHaveLength(2);
    expect((await cm.get('/api/accounts?q=Cascade')).body.items.map((a: { id: number }) => a.id)).toEqual([survivor]);
    const twice = await admin.post(`/api/masterdata/accounts/${loser}/merge`, { intoId: survivor });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ACCOUNT_MERGED');
    expect((await admin.patch(`/api/masterdata/accounts/${loser}`, { name: 'x' })).status).toBe(409);
    const [event] = (await admin.get(`/api/audit?entityType=account&entityId=${loser}&action=end_customer.merged`)).body.items as {
      action: string;
      reason: string;
      after: { mergedIntoId: number; repointed: Record<string, number> };
    }[];
    expect(event).toMatchObject({
      action: 'end_customer.merged',
      reason: 'same company',
      after: { mergedIntoId: survivor, repointed: merged.body.repointed },
    });
  });

  it('keeps distributors: currency, region, contacts and their users', async () => {
    const created = await admin.post('/api/masterdata/distributors', {
      name: 'Fjord Components',
      currency: 'nok',
      region: 'Nordics',
      country: 'NO',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'distributor', currency: 'NOK', region: 'Nordics', country: 'NO' });
    const id = created.body.id as number;
    expect((await admin.patch(`/api/masterdata/distributors/${id}`, { currency: 'SEK' })).body.currency).toBe('SEK');
    const inUse = await admin.patch(`/api/masterdata/distributors/${arrowheadId}`, { currency: 'EUR' });
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('CURRENCY_IN_USE');
    expect((await admin.patch(`/api/masterdata/distributors/${arrowheadId}`, { region: 'North America' })).body.region).toBe(
      'North America',
    );

    const contact = await admin.post(`/api/masterdata/distributors/${arrowheadId}/contacts`, {
      name: 'Ada Price',
      email: 'Ada@Arrowhead.example',
      role: 'pricing',
    });
    expect(contact.status).toBe(201);
    expect(
      (await admin.post(`/api/masterdata/distributors/${arrowheadId}/contacts`, { name: 'Ada', email: 'ada@arrowhead.example' })).status,
    ).toBe(409);
    const detail = (await cm.get(`/api/masterdata/distributors/${arrowheadId}`)).body;
    expect(detail).toMatchObject({ name: 'Arrowhead Components', currency: 'USD', region: 'North America' });
    expect(detail.contacts).toEqual([
      { id: contact.body.id, distributorId: arrowheadId, name: 'Ada Price', email: 'ada@arrowhead.example', role: 'pricing' },
    ]);
    expect(detail.users.map((u: { email: string }) => u.email)).toEqual([USERS.arrowhead]);
    expect((await admin.delete(`/api/masterdata/distributors/${id}/contacts/${contact.body.id}`)).status).toBe(404);
    expect((await admin.delete(`/api/masterdata/distributors/${arrowheadId}/contacts/${contact.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/masterdata/distributors/${arrowheadId}`)).body.contacts).toEqual([]);
    expect((await admin.get('/api/masterdata/distributors/999999')).status).toBe(404);
    expect(await auditOf('account', id)).toEqual(expect.arrayContaining(['distributor.created', 'distributor.updated']));
  });

  describe('bulk loads from CSV', () => {
    const products =
      'Part Number,Description,Product Family,List Price,Currency\nVS-BLK-1,Bulk one,Power,"1,250.50",usd\nVS-BLK-2,Bulk two,,3.10,\n';

    it('previews a dry run row by row, writing nothing; then applies; then the same file changes nothing', async () => {
      const dry = await csv(admin, '/api/masterdata/products/bulk?dryRun=true', products);
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ dryRun: true, rows: 2, created: 2, updated: 0, errors: [] });
      expect(dry.body.preview).toEqual([
        { row: 2, line: 2, action: 'create', key: 'vs-blk-1' },
        { row: 3, line: 3, action: 'create', key: 'vs-blk-2' },
      ]);
      expect(await q("SELECT id FROM products WHERE vendor_part_number LIKE 'VS-BLK-%'")).toEqual([]);

      const applied = await csv(admin, '/api/masterdata/products/bulk', products);
      expect(applied.status).toBe(200);
      expect(applied.body).toMatchObject({ dryRun: false, created: 2 });
      const rows = await q<{ part: string; price: string | number; currency: string }>(
        "SELECT vendor_part_number AS part, list_price AS price, currency FROM products WHERE vendor_part_number LIKE 'VS-BLK-%' ORDER BY 1",
      );
      expect(rows.map((r) => [r.part, Number(r.price), r.currency])).toEqual([
        ['VS-BLK-1', 1250.5, 'USD'],
        ['VS-BLK-2', 3.1, 'USD'],
      ]);
      const again = await csv(admin, '/api/masterdata/products/bulk', products.replace('Bulk two', 'Bulk two renamed'));
      expect(again.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      const events = await q<{ action: string }>(
        "SELECT action FROM audit_events WHERE entity_type = 'product' AND action IN ('product.created', 'product.updated')",
      );
      expect(events.length).toBeGreaterThanOrEqual(3);
    });

    it('refuses the whole file with every row error and its line when any row is wrong: nothing is written', async () => {
      const bad = [
        'Part Number,Description,List Price,Currency',
        'VS-OK-1,Fine,1.00,USD',
        'VS-OK-2,,2.00,USD', // no description
        'VS-OK-3,Bad money,1.2.3,USD',
        'VS-OK-4,Bad currency,1.00,ZZZ',
        'VS-OK-1,Twice,1.00,USD', // the same part again
      ].join('\n');
      const res = await csv(admin, '/api/masterdata/products/bulk', bad);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('BULK_LOAD_REJECTED');
      expect(res.body.rowErrors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
        [3, 'description'],
        [4, 'listPrice'],
        [5, 'currency'],
        [6, 'vendorPartNumber'],
      ]);
      expect(await q("SELECT id FROM products WHERE vendor_part_number LIKE 'VS-OK-%'")).toEqual([]);
      // The dry run names the same errors and answers 200.
      const dry = await csv(admin, '/api/masterdata/products/bulk?dryRun=true', bad);
      expect(dry.status).toBe(200);
      expect(dry.body.errors).toHaveLength(4);

      const ambiguous = await csv(admin, '/api/masterdata/products/bulk?dryRun=true', 'Part Number,part number,Description\nA,B,C');
      expect(ambiguous.body.errors).toEqual([
        {
          row: 1,
          line: 1,
          field: 'vendorPartNumber',
          message: 'two columns could be Vendor Part Number (vendorPartNumber): "Part Number" and "part number"',
        },
      ]);
      const missing = await csv(admin, '/api/masterdata/products/bulk', 'Description\nA');
      expect(missing.status).toBe(422);
      expect(missing.body.rowErrors[0]).toMatchObject({ row: 1, field: 'vendorPartNumber' });
      const json = await admin.post('/api/masterdata/products/bulk', { rows: [] });
      expect(json.status).toBe(415);
    });

    it('loads book costs, part numbers, end customers, resellers and distributors, resolving names, all or nothing', async () => {
      const costs =
        'Distributor,Part Number,Book Cost,Effective From\nArrowhead Components,VS-MCU-32F4,4.1000,2026-12-15\nNobody Inc,VS-MCU-32F4,1,2026-12-15\nArrowhead Components,VS-NOPE,1,12/15/2026\n';
      const refused = await csv(admin, '/api/masterdata/book-costs/bulk', costs);
      expect(refused.status).toBe(422);
      expect(refused.body.rowErrors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
        [3, 'distributor'],
        [4, 'vendorPartNumber'],
      ]);
      const mcu = await productId('VS-MCU-32F4');
      expect(await q('SELECT id FROM book_costs WHERE product_id = ? AND effective_from = ?', [mcu, '2026-12-15'])).toEqual([]);
      const ok = await csv(admin, '/api/masterdata/book-costs/bulk', costs.split('\n').slice(0, 2).join('\n'));
      expect(ok.body).toMatchObject({ created: 1 });
      expect(
        (
          await q<{ to: string | null }>(
            'SELECT effective_to AS "to" FROM book_costs WHERE distributor_id = ? AND product_id = ? AND effective_from = ?',
            [arrowheadId, mcu, '2026-12-15'],
          )
        )[0]!.to,
      ).toBeNull();

      const parts = await csv(
        admin,
        '/api/masterdata/part-numbers/bulk',
        'Distributor,Distributor Part Number,Part Number\narrowhead components,ARW-BLK-9,VS-MCU-32F4\n',
      );
      expect(parts.body).toMatchObject({ created: 1, errors: [] });
      const customers = await csv(
        admin,
        '/api/masterdata/end-customers/bulk',
        'Name,Country,CRM Id\nBoreal Wind,CA,001A\nHelios Medical Devices,US,001B\n',
      );
      expect(customers.body).toMatchObject({ created: 1, updated: 1 });
      expect((await q<{ crm: string }>("SELECT crm_id AS crm FROM accounts WHERE name = 'Helios Medical Devices'"))[0]!.crm).toBe('001B');
      const resellers = await csv(admin, '/api/masterdata/resellers/bulk', 'Reseller,Country\nNorth Star VAR,US\n');
      expect(resellers.body).toMatchObject({ created: 1 });
      const distributors = await csv(
        admin,
        '/api/masterdata/distributors/bulk',
        'Name,Currency,Region,Country\nAndes Electronica,CLP,LATAM,CL\n',
      );
      expect(distributors.body).toMatchObject({ created: 1 });
      expect(
        (await q<{ currency: string }>("SELECT currency FROM accounts WHERE name = 'Andes Electronica' AND type = 'distributor'"))[0]!
          .currency,
      ).toBe('CLP');
    });
  });
});
