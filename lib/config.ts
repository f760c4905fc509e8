import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { generatePiiSettings, parseHmacKey, parsePiiKeys, PiiError, type PiiKeyring } from './pii';

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
  /**
   * Keys that encrypt ID numbers and phones at rest: `kid1:base64key,kid2:base64key`, newest first
   * (32 bytes each). Values are sealed under the first; older ones still open what they sealed until
   * `npm run pii:rotate`. Unset outside production: a development keyring kept under ./data.
   */
  PII_KEYS: optionalText.pipe(z.string().optional()).superRefine((v, ctx) => {
    if (v === undefined) return;
    try {
      parsePiiKeys(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof PiiError ? err.message : String(err) });
    }
  }),
  /** The blind index's key (HMAC-SHA256 of ID numbers and phones), at least 32 bytes of base64. */
  PII_HMAC_KEY: optionalText.pipe(z.string().optional()).superRefine((v, ctx) => {
    if (v === undefined) return;
    try {
      parseHmacKey(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof PiiError ? err.message : String(err) });
    }
  }),
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
  // A production server must be given its keys, kept apart from the database (a key kept next to
  // the data it protects protects nothing); only development falls back to a generated keyring.
  if (env.NODE_ENV === 'production') {
    for (const name of ['PII_KEYS', 'PII_HMAC_KEY'] as const) {
      if (!env[name]?.trim())
        problems.push(
          `${name} is not set: production refuses to start without the keys that encrypt ID numbers and phones. See README "Key management" (e.g. ${name === 'PII_KEYS' ? 'PII_KEYS=k1:$(openssl rand -base64 32)' : 'PII_HMAC_KEY=$(openssl rand -base64 32)'}).`,
        );
    }
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

/**
 * The keyring for personal identifiers (lib/pii.ts). From PII_KEYS and PII_HMAC_KEY when set;
 * otherwise, outside production, a development keyring generated once and kept under
 * ./data (ignored by git), as the signing secret is, so a dev database stays readable across restarts.
 * Parsed once per distinct setting: sealing and opening run per row.
 */
const rings = new Map<string, PiiKeyring>();

export function piiKeyring(env: Record<string, string | undefined> = process.env): PiiKeyring {
  // Per row of a list or an export: the raw settings are the cache key, so no parse on a hit.
  const raw = `${env.PII_KEYS ?? ''}\n${env.PII_HMAC_KEY ?? ''}\n${env.NODE_ENV ?? ''}`;
  const hit = rings.get(raw);
  if (hit) return hit;
  const { PII_KEYS, PII_HMAC_KEY, NODE_ENV } = readConfig(env);
  let keys = PII_KEYS;
  let hmac = PII_HMAC_KEY;
  if (!keys || !hmac) {
    if (NODE_ENV === 'production') throw new ConfigError('PII_KEYS and PII_HMAC_KEY are not set.');
    const dev = devPiiSettings();
    keys ??= dev.PII_KEYS;
    hmac ??= dev.PII_HMAC_KEY;
  }
  const ring = { keys: parsePiiKeys(keys), hmacKey: parseHmacKey(hmac) };
  rings.set(raw, ring);
  return ring;
}

let devPii: { PII_KEYS: string; PII_HMAC_KEY: string } | undefined;

/** The development keyring's settings (./data/dev-pii-keys.json, made on first use). */
export function devPiiSettings(): { PII_KEYS: string; PII_HMAC_KEY: string } {
  if (devPii) return devPii;
  const file = path.resolve(/* turbopackIgnore: true */ 'data', 'dev-pii-keys.json');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, JSON.stringify(generatePiiSettings('dev1')), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process (a test file, the dev server) wrote it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  devPii = JSON.parse(readFileSync(file, 'utf8')) as { PII_KEYS: string; PII_HMAC_KEY: string };
  return devPii;
}
