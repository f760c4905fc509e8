/**
 * Keyset pagination's cursor in a list page's URL (`?after=…` for the next page, `?before=…` for
 * the previous one): the sort key of the row at the page's edge, as the text Postgres printed for
 * each term (so a timestamp keeps its microseconds), packed as base64url JSON. Opaque to people,
 * bookmarkable, and never trusted: a cursor that does not decode to the list's number of text
 * values is ignored and the list starts at its first page.
 */
export type Cursor = string[];

export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string | undefined | null, terms: number): Cursor | null {
  if (!raw || raw.length > 2048) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== terms) return null;
    if (!parsed.every((v) => typeof v === 'string' && v.length <= 256)) return null;
    return parsed as Cursor;
  } catch {
    return null;
  }
}
