/**
 * Keyset (cursor) pagination, the one helper every big list uses (claims, a claim's lines, the
 * approval queue, an import's lines). A page by number (`OFFSET`) makes the database walk past
 * every row before it: page 2,000 of the claims list read 100,000 rows to answer 50. A cursor
 * names the last row of the previous page by its key in the list's order, and the next page is
 * read from there through the list's index: a deep page costs what the first does.
 *
 * The cursor is opaque to callers: the list's name and the key, as base64url JSON. A cursor of
 * another list, or one that was edited, is a 400 naming the `cursor` field.
 */
import { z } from './openapi.js';

/** The lists paged by cursor; a cursor says which list it belongs to. */
export type CursorList = 'claims' | 'claim-lines' | 'requests' | 'import-lines' | 'credit-memos';
/** The key of a row in its list's order (whole numbers: ids, line numbers). */
export type CursorKey = number[];

export function encodeCursor(list: CursorList, key: CursorKey): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

function decodeCursor(list: CursorList, keyLength: number, text: string): CursorKey | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== keyLength + 1 || value[0] !== list) return null;
  const key = value.slice(1) as unknown[];
  return key.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) ? (key as number[]) : null;
}

/** The `cursor` query parameter of a list: decodes to the key of the previous page's last row. */
export const cursorQuery = (list: CursorList, keyLength = 1) =>
  z
    .string()
    .max(256)
    .transform((text, ctx) => {
      const key = decodeCursor(list, keyLength, text);
      if (key) return key;
      ctx.addIssue({ code: 'custom', message: "not a cursor of this list: send the previous page's nextCursor as it came" });
      return z.NEVER;
    })
    .optional()
    .openapi({
      type: 'string',
      description: "the previous page's nextCursor (opaque): the page after it, read through the list's index (keyset)",
    });

/**
 * The response field naming the next page: always sent; optional in the schema so that clients
 * and stand-ins written before cursors (which send a page without it) keep their types.
 */
export const NextCursor = z.string().nullable().optional().openapi({
  description: 'pass as cursor for the next page (keyset: a deep page costs what the first does); null on the last page',
});

/**
 * The page out of the rows a list read with `limit + 1` (one more than it answers, which says
 * whether there is a next page without counting), and the cursor of the next page.
 */
export function keysetPage<T>(list: CursorList, rows: T[], limit: number, key: (row: T) => CursorKey) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(list, key(items[items.length - 1]!)) : null };
}
