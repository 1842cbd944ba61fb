/** Helpers of the strict-HTTP tests: requests of any media type, raw bytes back. */
import type { Test } from 'supertest';
import type { Client, TestApp } from './harness.js';

export const bearer = (c: Client) => (c.get('/x') as unknown as { _header: Record<string, string> })._header.authorization;

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A request signed in as `c` with this Content-Type, and `body` as it is (none when undefined). */
export function send(t: TestApp, c: Client, method: Method, path: string, type: string, body?: string | Buffer): Test {
  const req = (t.http[method] as unknown as (url: string) => Test)(path).set('Authorization', bearer(c)).set('Content-Type', type);
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
