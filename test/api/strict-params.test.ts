/**
 * Integers in paths and queries are decimal digits within range: `0x1F` is not 31, `%20%31` is not
 * 1, a page of twenty digits is a 400, not a 500. The server binds this machine only unless HOST
 * says otherwise, and serves no source map in production.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../server/config.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

describeDb('strict parameters', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses ids and numbers that are not plain decimal digits within range', async () => {
    const finance = await t.as(USERS.finance);
    const id = (await finance.get('/api/claims')).body.items[0].id as number;
    expect((await finance.get(`/api/claims/${id}`)).status).toBe(200);
    for (const bad of ['0x1F', '%20%31', '1.0', '+1', '1e1', '-1', '0', '99999999999999999999']) {
      const res = await finance.get(`/api/claims/${bad}`);
      expect({ bad, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ bad, status: 400, field: 'id' });
    }
    for (const path of ['/api/claims', '/api/requests', '/api/authorizations']) {
      const res = await finance.get(`${path}?page=99999999999999999999`);
      expect({ path, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ path, status: 400, field: 'page' });
      expect((await finance.get(`${path}?page=0x2`)).status).toBe(400);
      expect((await finance.get(`${path}?page=2`)).status).toBe(200);
    }
    // A token id written loosely revokes nothing.
    const made = await finance.post('/api/tokens', { name: 'loose', scopes: ['read'] });
    expect((await finance.delete(`/api/tokens/%20${made.body.id}`)).status).toBe(400);
    const still = (await finance.get('/api/tokens')).body.items.find((x: { id: number }) => x.id === made.body.id);
    expect(still.revokedAt).toBeNull();
  });

  it('binds 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('serves no source map in production', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bec-static-'));
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'demo'));
    writeFileSync(join(root, 'dist', 'bec.js'), 'export {};\n//# sourceMappingURL=bec.js.map\n');
    writeFileSync(join(root, 'dist', 'bec.js.map'), '{"version":3}');
    const dev = t.appWith({}, { staticRoot: root });
    expect((await request(dev).get('/dist/bec.js.map')).status).toBe(200);
    const prod = t.appWith({ NODE_ENV: 'production' }, { staticRoot: root });
    expect((await request(prod).get('/dist/bec.js.map')).status).toBe(404);
    expect((await request(prod).get('/dist/bec.js')).status).toBe(200);
  });
});
