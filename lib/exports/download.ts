/**
 * The browser's side of an export, free of React: what the download is called and how many CSV
 * rows have arrived so far (progress against the X-Total-Rows header).
 */

/** The file name from Content-Disposition: the UTF-8 `filename*` when there is one, else `filename`. */
export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      /* a malformed name: fall back to the plain one */
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
}

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Counts the CSV's records as its bytes arrive, however the chunks split them: a line feed ends a
 * record unless it sits inside a quoted field (a doubled quote toggles twice, so it changes
 * nothing). Both bytes are ASCII and never occur inside a UTF-8 sequence. The header is not a row.
 */
export function csvRowCounter() {
  let quoted = false;
  let lines = 0;
  return {
    add(chunk: Uint8Array): number {
      for (const byte of chunk) {
        if (byte === QUOTE) quoted = !quoted;
        else if (byte === LINE_FEED && !quoted) lines++;
      }
      return Math.max(0, lines - 1);
    },
  };
}
