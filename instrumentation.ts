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
