import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one place the portal reads its configuration from the environment. Every variable the app,
 * its scripts and its tests use is declared here with its check and default; nothing else reads
 * `process.env` for settings. A bad value stops the server at start with every problem listed
 * (instrumentation.ts → lib/startup.ts), rather than surfacing later as a strange failure.
 */

// An empty variable (`FOO=` in a unit file or .env) means "not set", not "set to nothing".
const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);

const POOL_MESSAGE = 'PG_POOL_MAX must be a whole number from 1 to 500.';

const schema = z.object({
  NODE_ENV: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['development', 'production', 'test']).default('development'),
  ),
  /** The PostgreSQL server. `npm run dev` starts a local one and sets it (scripts/dev.ts). */
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://.')
      .optional(),
  ),
  /** Signs sessions; production refuses to start without one. */
  AUTH_SECRET: optionalText.pipe(z.string().min(32, 'AUTH_SECRET is shorter than 32 characters.').optional()),
  /**
   * Connections per server process. A dashboard sends up to five queries at once and a process
   * has a few dozen requests in flight under load: with 10, a request that queued several times
   * in the pool made the slowest percentile (the worker's dashboard at 50 connections: p99
   * ~510–660 ms with 10, ~290–420 with 20). Keep instances × PG_POOL_MAX under the server's
   * max_connections (100 by default).
   */
  PG_POOL_MAX: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ message: POOL_MESSAGE })
      .int(POOL_MESSAGE)
      .min(1, POOL_MESSAGE)
      .max(500, POOL_MESSAGE)
      .default(20),
  ),
});

export type Config = z.output<typeof schema>;

export class ConfigError extends Error {}

/** The configuration in `env`, checked; throws a ConfigError naming every problem. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  // Checked apart from the schema so that it is reported together with any other problem.
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET?.trim()) {
    problems.push('AUTH_SECRET is not set. Generate one with `openssl rand -base64 32`.');
  }
  if (parsed.success && problems.length === 0) return parsed.data;
  throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
}

/**
 * The current configuration. Read afresh each time (a parse of five variables costs microseconds)
 * so that tests and scripts that set a variable see it at once.
 */
export const config = (): Config => readConfig();

/**
 * The signing secret. Outside production a random one is generated once and kept under ./data
 * (ignored by git) so that `npm run dev` works with nothing set and sessions survive restarts.
 */
let devSecret: string | undefined;

export function authSecret(): string | undefined {
  const { AUTH_SECRET, NODE_ENV } = config();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === 'production') return undefined;
  if (devSecret) return devSecret;
  const file = path.resolve(/* turbopackIgnore: true */ 'data', 'dev-auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  devSecret = readFileSync(file, 'utf8').trim();
  return devSecret;
}
