/**
 * The production server's tunables, read from the environment in one place: scripts/start.mjs
 * (workers, young generation), scripts/serve.mjs (the admission gate) and the bench's report all
 * use these, so the report names what the server actually runs. Pure, tested on its own
 * (tests/unit/settings.test.ts).
 */
import os from 'node:os';

/**
 * A positive whole number from `env[name]`, or `fallback` when it is unset. A value that is set
 * but not a positive whole number also gives `fallback`, with a warning: a typo must not pass
 * silently, nor stop a server that can run on the default.
 *
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 * @param {(message: string) => void} [warn]
 */
export function positiveInt(env, name, fallback, warn = console.warn) {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1) return n;
  warn(`[settings] ${name}=${JSON.stringify(text)} is not a positive whole number; using ${fallback}.`);
  return fallback;
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {(message: string) => void} [warn]
 */
export function serverSettings(env, warn = console.warn) {
  return {
    // The embedded PGlite allows one process only; a real PostgreSQL server, one worker per core.
    workers: env.DATABASE_URL ? positiveInt(env, 'WEB_CONCURRENCY', os.availableParallelism(), warn) : 1,
    semiSpaceMb: positiveInt(env, 'SEMI_SPACE_MB', 128, warn),
    renderConcurrency: positiveInt(env, 'RENDER_CONCURRENCY', 4, warn),
    renderQueueMax: positiveInt(env, 'RENDER_QUEUE_MAX', 2_000, warn),
  };
}
