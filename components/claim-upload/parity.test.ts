/**
 * One parser: the browser preflight's parser (core/pos, in Chromium) reads the fixture corpus
 * to the same lines and the same row errors as the server's import. The server's results are
 * test/fixtures/parity/pos-parity.json, written and kept fresh by test/api/pos-parity.test.ts.
 */
import { expect } from '@open-wc/testing';
import { fatalCode, parsePosBytes, type PosColumnMapping, type PosRowError } from '../../core/pos/index.js';
import {
  PARITY_CURRENCY,
  PARITY_FIXTURES,
  fatalStatus,
  parityErrorOf,
  parityKey,
  parityLineOf,
  type ParityLine,
  type ParityResult,
} from '../../test/support/pos-parity.js';

/** The file as the preflight reads it: a File's byte stream, read in the file's encoding chunk by chunk (preflightPosFile). */
async function preflight(text: Blob, query: Record<string, string>, fields: Record<string, string> = {}): Promise<ParityResult> {
  const mapping: PosColumnMapping = {
    fields,
    ...(query.decimalMark ? { decimalMark: query.decimalMark as '.' | ',' } : {}),
    ...(query.dateOrder ? { dateOrder: query.dateOrder as 'DMY' | 'MDY' } : {}),
  };
  const lines: ParityLine[] = [];
  const errors: PosRowError[] = [];
  const fatal: PosRowError[] = [];
  const chunks = text.stream() as unknown as AsyncIterable<Uint8Array>;
  for await (const e of parsePosBytes(chunks, { mapping, currency: PARITY_CURRENCY })) {
    if (e.type === 'line') lines.push(parityLineOf(e.line));
    else if (e.error.fatal) fatal.push(e.error);
    else errors.push(e.error);
  }
  if (fatal.length) return { status: fatalStatus(fatalCode(fatal)), code: fatalCode(fatal), lines: [], errors: [] };
  return { status: 201, lines, errors: errors.map(parityErrorOf) };
}

/** The server's results (served by the test runner from the repository). */
const serverResults = (): Promise<Record<string, ParityResult>> =>
  fetch('/test/fixtures/parity/pos-parity.json').then((r) => r.json() as Promise<Record<string, ParityResult>>);

describe('POS parser parity: browser preflight', () => {
  it('covers every fixture the server imported', async () => {
    expect(Object.keys(await serverResults()).sort()).to.deep.equal(PARITY_FIXTURES.map(parityKey).sort());
  });

  for (const fixture of PARITY_FIXTURES) {
    it(`reads ${parityKey(fixture)} to the server's lines and row errors`, async () => {
      const blob = await (await fetch(`/test/fixtures/${fixture.file}`)).blob();
      const got = await preflight(blob, fixture.query, fixture.mapping);
      expect(got).to.deep.equal((await serverResults())[parityKey(fixture)]);
    });
  }
});
