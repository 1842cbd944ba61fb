/**
 * A cap on the length of one physical line of an uploaded file, in front of the CSV parser.
 *
 * Papaparse, reading a stream, parses each chunk together with the line left unfinished by the
 * previous ones: a line without a line break is parsed again at every chunk, so its cost grows
 * with the square of its length (8 MB 1.8 s, 32 MB 27 s of one core, the server stalled
 * meanwhile). No POS report or claim file has a line anywhere near 1 MiB; a longer one stops the
 * import with 422 LINE_TOO_LONG naming the line, before the parser has seen more than the cap of it.
 */
import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { checkedStream } from '../http/body-limit.js';

/** The longest physical line (bytes between two line breaks) an import reads: 1 MiB. */
export const MAX_LINE_BYTES = 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

export function lineTooLong(line: number, maxBytes: number) {
  return new AppError(
    'LINE_TOO_LONG',
    `line ${line} of the file is longer than ${maxBytes} bytes without a line break: the file is not a CSV this import reads`,
    422,
    { line, maxLineBytes: maxBytes },
  );
}

/**
 * `input`, passed on unchanged, failing with 422 LINE_TOO_LONG once a line passes `maxBytes`.
 * Lines end at LF, CR or CRLF (counted once), as the parser reads them; line numbers count them
 * from 1 (a quoted cell that holds a line break spans two physical lines).
 */
export function limitLineLength(input: Readable, maxBytes = MAX_LINE_BYTES): Readable {
  let line = 1;
  let length = 0;
  let afterCr = false;
  return checkedStream(input, (chunk) => {
    let i = 0;
    // The next LF and CR at or after i, each searched again only once passed (-1: none left).
    let lf = chunk.indexOf(LF);
    let cr = chunk.indexOf(CR);
    for (;;) {
      if (lf !== -1 && lf < i) lf = chunk.indexOf(LF, i);
      if (cr !== -1 && cr < i) cr = chunk.indexOf(CR, i);
      const at = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      const end = at === -1 ? chunk.length : at;
      if (end > i) {
        length += end - i;
        afterCr = false;
      }
      if (length > maxBytes) throw lineTooLong(line, maxBytes);
      if (at === -1) return;
      const isLf = chunk[at] === LF;
      // The LF of a CRLF ends no second line.
      if (!(isLf && afterCr)) line++;
      afterCr = !isLf;
      length = 0;
      i = at + 1;
    }
  });
}
