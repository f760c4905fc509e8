/**
 * Runs once when the server starts, before it serves: checks the configuration and applies the
 * committed migrations (lib/startup.ts), so a fresh database is ready for the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startup } = await import('./lib/startup');
    await startup();
  }
}

/**
 * Next calls this for every error a request ends with. A database that cannot be reached marks the
 * process's availability (lib/availability.ts), so the next page requests answer 503 at once
 * (proxy.ts) instead of each failing with a 500.
 */
export async function onRequestError(err: unknown) {
  const { isDatabaseUnavailable, markDatabaseDown } = await import('./lib/availability');
  if (isDatabaseUnavailable(err)) markDatabaseDown();
}
