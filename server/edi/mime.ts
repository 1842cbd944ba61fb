/**
 * The little of MIME (RFC 2045-2047, 2231) the e-mail intake needs: a message's headers and its
 * attachments (multipart, nested; base64, quoted-printable or plain bodies; file names plain,
 * RFC 2231 or encoded words). `mailparser` is not a dependency of the project; this reads what a
 * mail client sends with an attached file, binary-safe (bytes are kept as Latin-1 text until decoded).
 */

export interface MimeAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface MimeMessage {
  /** header name (lower case) → value, unfolded; the first of a repeated header */
  headers: Map<string, string>;
  attachments: MimeAttachment[];
}

function splitHead(text: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { head: text, body: '' };
  return { head: text.slice(0, m.index), body: text.slice(m.index + m[0].length) };
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(i + 1).trim());
  }
  return headers;
}

/** A header's parameters (`type/sub; a=b; c="d"`), RFC 2231 `name*=charset''%xx` and continuations decoded. */
export function headerParams(value: string): { value: string; params: Map<string, string> } {
  const parts = value.match(/(?:[^;"]+|"(?:\\.|[^"\\])*")+/g) ?? [];
  const params = new Map<string, string>();
  const extended = new Map<string, string[]>();
  for (const p of parts.slice(1)) {
    const i = p.indexOf('=');
    if (i < 0) continue;
    let name = p.slice(0, i).trim().toLowerCase();
    let v = p.slice(i + 1).trim();
    if (v.startsWith('"')) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    const cont = /^(.*?)\*(\d+)?\*?$/.exec(name);
    if (cont && name.includes('*')) {
      name = cont[1]!;
      const list = extended.get(name) ?? [];
      list[Number(cont[2] ?? 0)] = p
        .slice(p.indexOf('=') + 1)
        .trim()
        .replace(/^"|"$/g, '');
      extended.set(name, list);
    } else params.set(name, v);
  }
  for (const [name, list] of extended) {
    const joined = list.join('');
    const m = /^([^']*)'[^']*'(.*)$/.exec(joined);
    try {
      params.set(name, m ? decodeURIComponent(m[2]!) : decodeURIComponent(joined));
    } catch {
      params.set(name, joined);
    }
  }
  return { value: (parts[0] ?? '').trim().toLowerCase(), params };
}

/** RFC 2047 encoded words (`=?utf-8?B?...?=`, `=?utf-8?Q?...?=`) to text. */
export function decodeWords(text: string): string {
  return text.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=(\s+(?==\?))?/g, (_m, _charset: string, enc: string, data: string) => {
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data.replace(/_/g, ' '));
    return bytes.toString('utf8');
  });
}

function quotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(soft.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

function decodeBody(body: string, encoding: string): Buffer {
  const e = encoding.trim().toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (e === 'quoted-printable') return quotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

/** Depth limit for nested multiparts (a message is not a tree of a thousand levels). */
const MAX_DEPTH = 10;

function walk(text: string, out: MimeAttachment[], depth: number): Map<string, string> {
  const { head, body } = splitHead(text);
  const headers = parseHeaders(head);
  const type = headerParams(headers.get('content-type') ?? 'text/plain');
  const boundary = type.params.get('boundary');
  if (type.value.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    // The parts lie between delimiter lines (`--boundary`); the one ending in `--` closes them.
    const esc = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const delimiter = new RegExp(`(?:^|\\r?\\n)--${esc}(--)?[ \\t]*(?:\\r?\\n|$)`, 'g');
    let start = -1;
    for (let m = delimiter.exec(body); m; m = delimiter.exec(body)) {
      if (start >= 0) walk(body.slice(start, m.index), out, depth + 1);
      if (m[1]) break;
      start = m.index + m[0].length;
    }
    return headers;
  }
  const disposition = headerParams(headers.get('content-disposition') ?? '');
  const rawName = disposition.params.get('filename') ?? type.params.get('name');
  if (rawName) {
    out.push({
      fileName: decodeWords(rawName).replace(/[/\\]/g, '_'),
      contentType: type.value,
      content: decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit'),
    });
  }
  return headers;
}

/** Reads a whole message (as received: headers, blank line, body). */
export function parseMessage(raw: Buffer): MimeMessage {
  const attachments: MimeAttachment[] = [];
  const headers = walk(raw.toString('latin1'), attachments, 0);
  for (const [k, v] of headers) headers.set(k, decodeWords(Buffer.from(v, 'latin1').toString('utf8')));
  return { headers, attachments };
}

/** The address of a From header (`Name <a@b>` or `a@b`), lower case; null when there is none. */
export function addressOf(from: string | undefined): string | null {
  if (!from) return null;
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(from) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from);
  return m ? m[1]!.toLowerCase() : null;
}
