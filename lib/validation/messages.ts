/**
 * A validation message is a key of the `errors` catalog. A rule with a limit carries the limit
 * with it, as URL parameters after the key ("tooLong?max=500"), so the message next to the field
 * can say what is allowed ("at most 500 characters") in the reader's language, while schemas,
 * server errors and forms keep passing plain strings.
 */
export function withValues(key: string, values: Record<string, string | number>): string {
  const q = new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]));
  return `${key}?${q}`;
}

export function splitMessage(message: string): { key: string; values: Record<string, string> } {
  const at = message.indexOf('?');
  if (at < 0) return { key: message, values: {} };
  return { key: message.slice(0, at), values: Object.fromEntries(new URLSearchParams(message.slice(at + 1))) };
}

/** "Too long" that says the limit. */
export const tooLong = (max: number) => withValues('tooLong', { max });
/** "Too many" (rows of a list) that says the limit. */
export const tooMany = (max: number) => withValues('tooMany', { max });
