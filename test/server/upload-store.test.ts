/**
 * The upload store hashes what it writes: the SHA-256 a stored upload carries is that of the
 * bytes on disk (a claim file sent again is told by it), for a streamed body in many chunks and
 * for JSON lines; a body cut short leaves no file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { UploadStore } from '../../server/jobs/uploads.js';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('UploadStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bec-uploads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const store = new UploadStore(dir);

  it('stores a streamed body and its SHA-256, that of the bytes written', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.from(`INV-${i},1,2026-10-0${(i % 9) + 1},Müller ${i}\n`));
    const stored = await store.store(Readable.from(chunks));
    const written = readFileSync(stored.path);
    expect(written).toEqual(Buffer.concat(chunks));
    expect(stored.bytes).toBe(written.length);
    expect(stored.sha256).toBe(sha256(written));
    // one byte more, another hash
    const other = await store.store(Readable.from([...chunks, Buffer.from('\n')]));
    expect(other.sha256).not.toBe(stored.sha256);
  });

  it('hashes JSON lines as stored', async () => {
    const stored = await store.storeJson([{ invoiceNumber: 'A-1', quantity: 2 }]);
    expect(stored.sha256).toBe(sha256(readFileSync(stored.path)));
  });

  it('leaves no file when the body breaks off', async () => {
    const before = readdirSync(dir).length;
    const broken = new Readable({
      read() {
        this.push(Buffer.from('INV-1,1\n'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.store(broken)).rejects.toThrow('connection reset');
    expect(readdirSync(dir).length).toBe(before);
    expect(existsSync(dir)).toBe(true);
  });
});
