/** Helpers of the strict-HTTP tests: requests of any media type, raw bytes back, streamed uploads. */
import { request as httpRequest } from 'node:http';
import type { Test } from 'supertest';
import { bearerOf as bearer, waitFor, type Client, type TestApp } from './harness.js';

export { bearerOf as bearer } from './harness.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A request signed in as `c` with this Content-Type, and `body` as it is (none when undefined). */
export function send(t: TestApp, c: Client, method: Method, path: string, type: string, body?: string | Buffer): Test {
  const url = method === 'post' ? waitFor(path) : path;
  const req = (t.http[method] as unknown as (url: string) => Test)(url).set('Authorization', bearer(c)).set('Content-Type', type);
  return body === undefined ? req : req.send(body);
}

/** A supertest parser keeping the response's bytes as they came. */
export const binary = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => cb(null, Buffer.concat(parts)));
};

/** POS rows the import keeps (no authorization needed), `count` of them numbered from `from`. */
export const posRows = (prefix: string, count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(from + i).padStart(6, '0')},1,2026-11-12,VS-MCU-32F4,1`);
export const POS_HEADER = 'Invoice No,Line,Invoice Date,Mfr Part,Qty';

/**
 * POSTs `body` in 64 KiB chunks over a connection of its own: chunked (no length declared) unless
 * `declare`. Stops writing once answered (a server refusing a body need not read it).
 */
export function streamPost(
  port: number,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  declare: boolean,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: waitFor(path),
        agent: false,
        headers: { ...headers, ...(declare ? { 'Content-Length': String(body.length) } : {}) },
      },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
        res.on('error', reject);
      },
    );
    // The server closes the connection after a 413: a write after the answer may fail, and is no news.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    (async () => {
      const chunk = 64 * 1024;
      for (let at = 0; at < body.length && !answered && !req.destroyed; at += chunk) {
        if (!req.write(body.subarray(at, at + chunk))) {
          await new Promise<void>((r) => {
            const done = () => {
              req.off('drain', done).off('close', done);
              r();
            };
            req.on('drain', done).on('close', done);
          });
        }
        await new Promise((r) => setImmediate(r));
      }
      if (!answered && !req.destroyed) req.end();
    })().catch(reject);
  });
}
