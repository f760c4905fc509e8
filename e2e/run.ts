/**
 * `npm run test:e2e`: a production build (`next build` into .next-e2e), a fresh database with the
 * demo seed, then Playwright against `npm start`'s server (started and stopped by Playwright itself).
 * The database is a new `<name>_e2e` on TEST_DATABASE_URL's server, or — when TEST_DATABASE_URL is
 * not set — on a throw-away PostgreSQL server started here (db/local-postgres.ts) and stopped
 * at the end, so the browser tests always run on the real engine.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { generatePiiSettings } from '../lib/pii';
import { startLocalPostgres, type LocalServer } from '../db/local-postgres';

class Failed extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

// Asynchronous on purpose: the embedded server's log is read by this process's event loop, which a
// spawnSync would block (and the server would then stall on a full pipe).
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Failed(code ?? (signal ? 1 : 1)))));
  });
}

async function freshDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new URL(baseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: process.env.E2E_DIST_DIR || '.next-e2e',
    AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64'),
    // A production server on PostgreSQL refuses to start without these; a fresh database per run
    // can take fresh keys (prepare and the server get the same ones).
    ...(process.env.PII_KEYS && process.env.PII_HMAC_KEY ? {} : generatePiiSettings('e2e')),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  let embedded: LocalServer | undefined;
  try {
    const given = process.env.TEST_DATABASE_URL;
    if (!given) {
      embedded = await startLocalPostgres();
      console.log('[e2e] TEST_DATABASE_URL is not set: started a throw-away PostgreSQL server');
    }
    const base = given ?? embedded!.url;
    env.DATABASE_URL = await freshDatabase(
      base,
      `${new URL(given ?? 'postgres://x/uap_test').pathname.slice(1) || 'test'}_e2e`,
    );
    if (!process.env.E2E_SKIP_BUILD) await run('npx', ['next', 'build'], env);
    await run('npx', ['tsx', 'db/prepare.ts', '--seed'], env);
    await run('npx', ['playwright', 'test', ...process.argv.slice(2)], env);
  } finally {
    await embedded?.stop();
  }
}

main().catch((err) => {
  if (!(err instanceof Failed)) console.error(err);
  process.exitCode = err instanceof Failed ? err.code : 1;
});
