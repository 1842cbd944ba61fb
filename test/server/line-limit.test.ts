import { Readable } from 'node:stream';
import { AppError } from '../../server/errors.js';
import { limitLineLength } from '../../server/imports/line-limit.js';

/** Reads `chunks` through the line cap: the bytes passed on, or the error it stopped with. */
async function through(chunks: string[], maxBytes: number) {
  const out: Buffer[] = [];
  try {
    for await (const c of limitLineLength(Readable.from(chunks.map((c) => Buffer.from(c))), maxBytes)) out.push(c as Buffer);
    return { text: Buffer.concat(out).toString() };
  } catch (err) {
    return { error: err as AppError };
  }
}

describe('the line-length cap in front of the CSV parser', () => {
  it('passes every byte of lines up to the cap, whatever their line breaks and chunks', async () => {
    const chunks = ['abcd\r', '\nefgh\n', 'ij', 'kl\rmnop', '\r\n'];
    expect(await through(chunks, 4)).toEqual({ text: chunks.join('') });
  });

  it('stops at the first line over the cap, naming it: LF, CR and CRLF each end one line', async () => {
    const r = await through(['ab\r', '\ncd\ref\n\n', 'g', 'hijk'], 4);
    expect(r.error).toBeInstanceOf(AppError);
    expect(r.error).toMatchObject({ code: 'LINE_TOO_LONG', status: 422, details: { line: 5, maxLineBytes: 4 } });
  });

  it('stops a line without any line break as soon as it passes the cap', async () => {
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 1000; i++) yield Buffer.alloc(1024, 0x78);
      })(),
    );
    const chunks: Buffer[] = [];
    await expect(
      (async () => {
        for await (const c of limitLineLength(source, 16 * 1024)) chunks.push(c as Buffer);
      })(),
    ).rejects.toMatchObject({ code: 'LINE_TOO_LONG', details: { line: 1 } });
    // The parser saw the cap's worth of the line, not one byte more.
    expect(Buffer.concat(chunks).length).toBeLessThanOrEqual(16 * 1024);
  });
});
