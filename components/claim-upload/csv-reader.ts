/**
 * A small RFC 4180 reader for the browser preflight: BOM, CRLF, quoted separators and quotes,
 * and the separator guessed from the header (`,` `;` tab `|`), as distributors' files vary.
 */
export function guessDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = headerLine.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Yields each record as cells, with the 1-based line where the record starts. */
export function* readCsv(text: string, delimiter?: string): Generator<{ cells: string[]; line: number }> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const d = delimiter ?? guessDelimiter(text.slice(0, text.search(/\r?\n|$/)));
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (;;) {
      if (i >= n) {
        cells.push(cell);
        break;
      }
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === '\n') line++;
          cell += c;
          i++;
        }
      } else if (c === '"' && cell === '') {
        quoted = true;
        i++;
      } else if (c === d) {
        cells.push(cell);
        cell = '';
        i++;
      } else if (c === '\r' || c === '\n') {
        cells.push(cell);
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      } else {
        cell += c;
        i++;
      }
    }
    if (cells.length === 1 && cells[0] === '') continue;
    yield { cells, line: start };
  }
}
