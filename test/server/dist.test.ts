/**
 * The component bundle as another origin loads it: CORS for the configured origins only,
 * compressed (brotli or gzip, whichever the browser takes), hashed files cached for good and the
 * stable entry revalidated on every use.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { get } from 'node:http';
import express from 'express';
import request from 'supertest';
import { loadConfig } from '../../server/config.js';
import { distRouter, IMMUTABLE } from '../../server/http/dist.js';

const PORTAL = 'https://portal.example.com';
const HASHED = 'bec.0123456789abcdef.js';
const bundle = `export const hello = ${JSON.stringify('x'.repeat(5000))};\n`;
const stub = `export * from './${HASHED}';\n`;

function distApp(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bec-dist-'));
  mkdirSync(join(dir, 'chunks'));
  for (const [name, text] of [
    [HASHED, bundle],
    ['bec.js', stub],
    ['chunks/lit.fedcba9876543210.js', bundle],
  ]) {
    writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, `${name}.gz`), gzipSync(text));
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(text));
  }
  writeFileSync(join(dir, 'plain.js'), 'export {};\n');
  const app = express();
  app.use('/dist', distRouter(loadConfig({ CORS_ORIGINS: `${PORTAL},https://crm.example.com`, ...env }), dir));
  return app;
}
/** The bytes as sent (supertest would decompress them). */
const raw = (path: string, encoding: string) =>
  new Promise<{ headers: Record<string, string>; body: Buffer }>((ok, fail) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': encoding } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          server.close();
          ok({ headers: res.headers as Record<string, string>, body: Buffer.concat(parts) });
        });
      }).on('error', fail);
    });
  });
const app = distApp();

describe('/dist, loaded from another origin', () => {
  it('answers with CORS for a configured origin and not for others', async () => {
    const ok = await request(app).get('/dist/bec.js').set('Origin', PORTAL);
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    expect(ok.headers.vary).toMatch(/Origin/);
    expect(ok.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const other = await request(app).get('/dist/bec.js').set('Origin', 'https://evil.example.net');
    expect(other.status).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const hashed = await request(app).get(`/dist/${HASHED}`).set('Origin', PORTAL);
    expect(hashed.headers['access-control-allow-origin']).toBe(PORTAL);
  });

  it('sends brotli or gzip, whichever the browser accepts, as JavaScript', async () => {
    // What Chromium sends: brotli is chosen although gzip comes first.
    const br = await raw(`/dist/${HASHED}`, 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(br.body).toString()).toBe(bundle);
    const gz = await raw(`/dist/${HASHED}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(bundle);
    expect(Number(gz.headers['content-length'])).toBeLessThan(bundle.length / 10);
    const identity = await request(app).get(`/dist/${HASHED}`).set('Accept-Encoding', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.text).toBe(bundle);
    // A file without compressed copies is served as it is.
    const plain = await request(app).get('/dist/plain.js').set('Accept-Encoding', 'br');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('export {};\n');
  });

  it('caches hashed files for good and revalidates the stable entry', async () => {
    for (const path of [`/dist/${HASHED}`, '/dist/chunks/lit.fedcba9876543210.js']) {
      for (const enc of ['br', 'gzip', 'identity']) {
        const res = await request(app).get(path).set('Accept-Encoding', enc);
        expect({ path, enc, cache: res.headers['cache-control'] }).toEqual({ path, enc, cache: IMMUTABLE });
      }
    }
    const entry = await raw('/dist/bec.js', 'gzip');
    expect(entry.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(entry.body).toString()).toBe(stub);
    const again = await request(app).get('/dist/bec.js').set('Accept-Encoding', 'gzip').set('If-None-Match', entry.headers.etag);
    expect(again.status).toBe(304);
  });

  it('answers a CORS preflight for a configured origin only', async () => {
    const ok = await request(app).options('/dist/bec.js').set('Origin', PORTAL).set('Access-Control-Request-Method', 'GET');
    expect(ok.headers['access-control-allow-origin']).toBe(PORTAL);
    const other = await request(app)
      .options('/dist/bec.js')
      .set('Origin', 'https://evil.example.net')
      .set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('does not leave the folder', async () => {
    expect((await request(app).get('/dist/..%2f..%2fetc%2fpasswd.js')).status).toBe(404);
  });
});
