import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { X12FileReader, sample867 } from '../../../core/edi/index.js';

// A full collection on demand, so what is measured is what is kept, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
import { PARTNER } from './x12.js';

describe('streaming', () => {
  it('reads a large generated 867 in bounded memory (the heap does not grow with the file)', () => {
    const lines = 200_000;
    const reader = new X12FileReader(PARTNER);
    let read = 0;
    let errors = 0;
    let chars = 0;
    const kept: number[] = [];
    let chunks = 0;
    for (const chunk of sample867({ lines, partner: PARTNER, linesPerTransaction: 20_000 })) {
      chars += chunk.length;
      for (const e of reader.push(chunk)) {
        if (e.type === 'line') read++;
        else if (e.type === 'error') errors++;
      }
      if (++chunks % 50 === 0) kept.push(liveHeap());
    }
    for (const e of reader.end()) if (e.type === 'line') read++;
    expect(errors).toBe(0);
    expect(read).toBe(lines);
    expect(chars).toBeGreaterThan(30 * 2 ** 20);
    // What the reader keeps between chunks does not grow with the file: holding the lines read
    // would add ~1 KB a line (~150 MB from the first sample to the last).
    expect(kept.length).toBeGreaterThan(4);
    const growth = (kept[kept.length - 1]! - kept[0]!) / 2 ** 20;
    expect(growth).toBeLessThan(4);
  });
});
