import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const isProduction = () => process.env.NODE_ENV === 'production';

export class ConfigError extends Error {}

/**
 * Checks the configuration once at start. Development needs nothing; production must have a
 * real AUTH_SECRET, otherwise every session could be forged.
 */
export function validateEnv(): void {
  const problems: string[] = [];
  if (isProduction()) {
    const secret = process.env.AUTH_SECRET;
    if (!secret) problems.push('AUTH_SECRET is not set. Generate one with `openssl rand -base64 32`.');
    else if (secret.length < 32) problems.push('AUTH_SECRET is shorter than 32 characters.');
  }
  const url = process.env.DATABASE_URL;
  if (url && !/^postgres(ql)?:\/\//.test(url))
    problems.push('DATABASE_URL must start with postgres:// or postgresql://.');
  if (problems.length) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * The signing secret. Outside production a random one is generated once and kept under ./data
 * (ignored by git) so that `npm run dev` works with nothing set and sessions survive restarts.
 */
let devSecret: string | undefined;

export function authSecret(): string | undefined {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (isProduction()) return undefined;
  if (devSecret) return devSecret;
  const file = path.resolve(/* turbopackIgnore: true */ 'data', 'dev-auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  devSecret = readFileSync(file, 'utf8').trim();
  return devSecret;
}
