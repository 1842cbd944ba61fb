/**
 * Uploads kept until their job has ended: the request body streams to a file (constant memory,
 * whatever its size), and the job reads it from there, in this process or in a worker. Every
 * process that runs jobs must reach the same folder (UPLOAD_DIR: a local folder for one machine,
 * a shared volume for several).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredUpload {
  path: string;
  bytes: number;
  /** the SHA-256 (hex) of its bytes, taken as they were written (a claim file sent again is told by it) */
  sha256: string;
}

export class UploadStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  private async next() {
    await mkdir(this.dir, { recursive: true });
    return resolve(this.dir, randomUUID());
  }

  /** Streams a request body to a new file, hashing it on the way; a body cut short leaves no file. */
  async store(input: Readable): Promise<StoredUpload> {
    const path = await this.next();
    const hash = createHash('sha256');
    try {
      await pipeline(
        input,
        async function* (chunks: AsyncIterable<Buffer | string>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(path, { flags: 'wx' }),
      );
    } catch (err) {
      await rm(path, { force: true });
      throw err;
    }
    return { path, bytes: (await stat(path)).size, sha256: hash.digest('hex') };
  }

  /** Keeps JSON lines (already parsed by the request) as a file. */
  async storeJson(value: unknown): Promise<StoredUpload> {
    const path = await this.next();
    const text = JSON.stringify(value);
    await writeFile(path, text, { flag: 'wx' });
    return { path, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
  }
}

/** Runs `work` (which records the stored upload on a job); the file goes if it throws. */
export async function keepIf<T>(upload: StoredUpload, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    await rm(upload.path, { force: true });
    throw err;
  }
}

export const openUpload = (path: string) => createReadStream(path);

export const readJsonUpload = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as unknown;

export async function removeUpload(path: string | null) {
  if (path) await rm(path, { force: true });
}
