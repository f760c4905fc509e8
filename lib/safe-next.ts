const FALLBACK = '/dashboard';
// Any origin we own would do: the value is resolved against it and must stay on it.
const BASE = 'http://portal.invalid';

/**
 * Only same-origin paths may follow sign-in; anything else goes to the dashboard.
 *
 * The value is resolved with the WHATWG URL parser — the one the browser will use — rather than
 * inspected as a string: the parser drops tabs and newlines and reads `\` as `/`, so `/\t/evil`,
 * `/\/evil` and `/%5C/evil` once slipped past prefix checks and left the site. What we return is
 * the parser's own serialisation of the path, which is checked once more so that a path the
 * parser normalised into `//host` (e.g. `/a/..//evil`) cannot become a protocol-relative URL.
 */
export function safeNext(value: string | undefined | null): string {
  if (!value || !value.startsWith('/')) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  const path = url.pathname + url.search + url.hash;
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return FALLBACK;
  // Re-read the result as the browser will when it follows it.
  if (new URL(path, BASE).origin !== BASE) return FALLBACK;
  return path;
}
