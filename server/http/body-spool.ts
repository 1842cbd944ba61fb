/**
 * A streamed request body (a CSV upload, up to the byte cap of ./body-limit.ts) read to its end
 * before the route runs: written to a private temp file while it is hashed (constant memory), then
 * given back to the route as the request's own stream, read from that file. The idempotency check
 * needs the whole body's hash before the route may act on it.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type ReadableOptions } from 'node:stream';
import { bodyIncomplete, payloadTooLarge } from './body-limit.js';

export interface SpooledBody {
  /** SHA-256 of the body's bytes, hex. */
  sha256: string;
  bytes: number;
  /** The temp file, alone in a private folder; `discardSpool` removes both. */
  file: string;
  dir: string;
}

/** True when the request has a body no parser has read (express.json reads only JSON). */
export function hasUnreadBody(req: IncomingMessage): boolean {
  const declared = req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
  return declared && !req.readableEnded;
}

/**
 * Reads the request's body to its end into a temp file, hashing it on the way. A body over
 * `maxBytes` (a chunked upload declares no length) stops the spooling with 413; the rest of the
 * upload is read and dropped, as the HTTP connection needs.
 */
export async function spoolBody(req: IncomingMessage, maxBytes: number): Promise<SpooledBody> {
  const dir = await mkdtemp(join(tmpdir(), `bec-body-${process.pid}-`));
  const file = join(dir, 'body');
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
      let settled = false;
      const stop = (err: Error | null) => {
        if (settled) return;
        settled = true;
        req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
        if (err) {
          // Whatever still comes is dropped (flowing, no listener); nothing more is kept.
          req.resume();
          out.destroy();
          reject(err);
        } else resolve();
      };
      const onData = (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes) return stop(payloadTooLarge());
        hash.update(chunk);
        if (!out.write(chunk)) {
          req.pause();
          out.once('drain', () => req.resume());
        }
      };
      const onEnd = () => out.end();
      // The client went away before the body's end (Node reports it as ECONNRESET, or only closes).
      const onAbort = () => stop(bodyIncomplete());
      const onClose = () => {
        if (!req.complete) onAbort();
      };
      out.on('error', stop).on('finish', () => stop(null));
      req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
    });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return { sha256: hash.digest('hex'), bytes, file, dir };
}

/**
 * Makes the request readable again, from the spooled file: the route reads `req` as it would
 * have read the network (events, pause/resume, setEncoding, pipe, async iteration,
 * backpressure). The request's stream ended when it was spooled; its readable state starts
 * afresh here (the Readable constructor run again on it, keeping its listeners), with a source
 * that pushes the file's chunks. Returns `release`, which closes the file once the route has
 * answered (a route that answers without reading the body leaves it open otherwise).
 */
export function replayBody(req: IncomingMessage, body: SpooledBody): () => void {
  const source = createReadStream(body.file);
  const options: ReadableOptions = {
    read: () => void source.resume(),
    destroy: (err, callback) => {
      source.destroy();
      callback(err);
    },
  };
  (Readable as unknown as (this: Readable, options: ReadableOptions) => void).call(req, options);
  source.on('data', (chunk) => {
    if (!req.push(chunk)) source.pause();
  });
  source.on('end', () => req.push(null));
  source.on('error', (err) => req.destroy(err));
  return () => void source.destroy();
}

/** Removes the spooled file (a reader that still has it open keeps reading it). */
export async function discardSpool(body: SpooledBody): Promise<void> {
  await rm(body.dir, { recursive: true, force: true });
}
