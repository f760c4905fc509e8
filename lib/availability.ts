/**
 * Whether the database can be reached, as this server process last found it. Free of server-only
 * imports: proxy.ts reads it before a page renders, and the action wrapper and the request-error
 * hook (instrumentation.ts) write it.
 */

/** Connection-level failures: the server is down, restarting, refusing or out of connections. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Cannot use a pool after calling end/i,
];

/** Whether an error (or what it wraps: drizzle's DrizzleQueryError, AggregateError) means "database unreachable". */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/**
 * After a failure, pages answer 503 for a few seconds without trying the database; then the next
 * request tries again (and either clears the mark or renews it). One process's mark, kept on
 * globalThis because the proxy and the pages are separate bundles in one process.
 */
export const RETRY_AFTER_SECONDS = 5;
const KEY = Symbol.for('uap.databaseDownAt');
type Holder = { [KEY]?: number };

export function markDatabaseDown(now = Date.now()): void {
  (globalThis as Holder)[KEY] = now;
}

export function markDatabaseUp(): void {
  delete (globalThis as Holder)[KEY];
}

export function databaseRecentlyDown(now = Date.now()): boolean {
  const at = (globalThis as Holder)[KEY];
  return at !== undefined && now - at < RETRY_AFTER_SECONDS * 1000;
}
