/**
 * What a document's bytes are, from their first bytes (never from the name or the declared type):
 * PDF, PNG, JPEG, or CSV (UTF-8 text with no control characters but tab, CR and LF, sent with a
 * .csv name). Anything else is not a document this server keeps.
 */
export interface SniffedType {
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg' | 'text/csv';
  extension: 'pdf' | 'png' | 'jpg' | 'csv';
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** True when every byte is UTF-8 text without control characters other than tab, CR and LF. */
function isPlainText(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
    if (b === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The type of these bytes, or null when they are none of the accepted ones. */
export function sniffDocumentType(bytes: Uint8Array, fileName: string): SniffedType | null {
  if (startsWith(bytes, PDF)) return { contentType: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, PNG)) return { contentType: 'image/png', extension: 'png' };
  if (startsWith(bytes, JPEG)) return { contentType: 'image/jpeg', extension: 'jpg' };
  if (/\.csv$/i.test(fileName) && bytes.length > 0 && isPlainText(bytes)) return { contentType: 'text/csv', extension: 'csv' };
  return null;
}

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment, no
 * control characters, quotes, backslashes or separators, at most 200 characters, with the
 * extension of the type its bytes show.
 */
export function safeFileName(name: string, type: SniffedType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"*:<>?|;,]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 190) || 'document';
  return `${stem}.${type.extension}`;
}
