import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../server/errors.js';
import { discardSpool, replayBody, spoolBody, type SpooledBody } from '../../server/http/body-spool.js';

/**
 * A streamed body spooled to a temp file while hashed, then read again as the request's own
 * stream, over a real HTTP server: every byte comes back, whatever way the route reads it.
 */
describe('spooled request bodies', () => {
  let server: Server;
  let port: number;
  /** How the route reads the replayed request; what the last request left. */
  let consume: (req: IncomingMessage) => Promise<Buffer>;
  let maxBytes = 10 * 1024 * 1024;
  let last: { spooled?: SpooledBody; error?: unknown } = {};

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      last = {};
      try {
        const spooled = await spoolBody(req, maxBytes);
        last.spooled = spooled;
        const release = replayBody(req, spooled);
        const read = await consume(req);
        release();
        await discardSpool(spooled);
        res.end(
          JSON.stringify({ sha256: spooled.sha256, bytes: spooled.bytes, readSha256: createHash('sha256').update(read).digest('hex') }),
        );
      } catch (err) {
        last.error = err;
        res.statusCode = err instanceof AppError ? err.status : 500;
        res.end(err instanceof AppError ? err.code : String(err));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** POSTs `chunks` (chunked when there are several), or aborts after `abortAfter` of them. */
  const post = (chunks: Buffer[], abortAfter?: number) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/', headers: { 'Content-Type': 'text/csv' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', (err) => (abortAfter !== undefined ? resolve({ status: 0, text: String(err) }) : reject(err)));
      (async () => {
        for (const [i, chunk] of chunks.entries()) {
          if (i === abortAfter) {
            req.destroy();
            return;
          }
          if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
        }
        req.end();
      })().catch(reject);
    });

  const body = Array.from({ length: 40 }, () => randomBytes(64 * 1024)); // 2.5 MB in 40 chunks
  const sha = createHash('sha256').update(Buffer.concat(body)).digest('hex');

  it.each([
    [
      'data events, with pause and resume',
      (req: IncomingMessage) =>
        new Promise<Buffer>((resolve, reject) => {
          const parts: Buffer[] = [];
          req.on('data', (c: Buffer) => {
            parts.push(c);
            req.pause();
            setImmediate(() => req.resume());
          });
          req.on('end', () => resolve(Buffer.concat(parts)));
          req.on('error', reject);
        }),
    ],
    [
      'async iteration',
      async (req: IncomingMessage) => {
        const parts: Buffer[] = [];
        for await (const c of req) parts.push(c as Buffer);
        return Buffer.concat(parts);
      },
    ],
    [
      'a pipeline into a slow writer (backpressure)',
      async (req: IncomingMessage) => {
        const parts: Buffer[] = [];
        await pipeline(
          req,
          new Writable({
            highWaterMark: 1024,
            write(c: Buffer, _e, cb) {
              parts.push(c);
              setTimeout(cb, 1);
            },
          }),
        );
        return Buffer.concat(parts);
      },
    ],
  ])('gives every byte back to a route reading with %s', async (_name, read) => {
    consume = read;
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ sha256: sha, bytes: 2.5 * 1024 * 1024, readSha256: sha });
    expect(existsSync(last.spooled!.file)).toBe(false);
  });

  it('reads text with setEncoding, a character split across chunks kept whole', async () => {
    consume = (req) =>
      new Promise<Buffer>((resolve) => {
        let text = '';
        req.setEncoding('utf8');
        req.on('data', (c: string) => (text += c));
        req.on('end', () => resolve(Buffer.from(text, 'utf8')));
      });
    const euro = Buffer.from('€', 'utf8');
    const res = await post([Buffer.from('a'), euro.subarray(0, 2), euro.subarray(2), Buffer.from('b')]);
    expect(JSON.parse(res.text).readSha256).toBe(createHash('sha256').update('a€b').digest('hex'));
  });

  it('refuses a body over the limit with 413 and keeps no file', async () => {
    maxBytes = 256 * 1024;
    try {
      const res = await post(body);
      expect(res.status).toBe(413);
      expect(res.text).toBe('PAYLOAD_TOO_LARGE');
      expect(last.spooled).toBeUndefined();
    } finally {
      maxBytes = 10 * 1024 * 1024;
    }
  });

  it('keeps no file of a body whose client went away before its end', async () => {
    const before = new Set(await listSpools());
    last = {};
    await post(body, 5);
    for (let i = 0; i < 50 && !last.error; i++) await new Promise((r) => setTimeout(r, 20));
    expect((last.error as AppError).code).toBe('BODY_INCOMPLETE');
    expect((await listSpools()).filter((n) => !before.has(n))).toEqual([]);
  });
});

async function listSpools() {
  const { readdir } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  return (await readdir(tmpdir())).filter((n) => n.startsWith(`bec-body-${process.pid}-`));
}
