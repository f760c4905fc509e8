/**
 * `npm run test:e2e`: a production build (`next build` into .next-e2e), a fresh database with the
 * demo seed, then Playwright against `npm start`'s server (started and stopped by Playwright itself).
 * Fresh database: with TEST_DATABASE_URL, a new database `<name>_e2e` on that server; without it,
 * a new PGlite folder in a temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function freshPostgres(baseUrl: string): Promise<string> {
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1) || 'test'}_e2e`;
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
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: process.env.E2E_DIST_DIR || '.next-e2e',
    AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64'),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  let tempDir: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    env.DATABASE_URL = await freshPostgres(process.env.TEST_DATABASE_URL);
    env.E2E_DB = 'pg';
  } else {
    delete env.DATABASE_URL;
    tempDir = mkdtempSync(path.join(tmpdir(), 'uap-e2e-'));
    env.PGLITE_DIR = path.join(tempDir, 'pglite');
    env.E2E_DB = 'pglite';
  }
  try {
    if (!process.env.E2E_SKIP_BUILD) run('npx', ['next', 'build'], env);
    run('npx', ['tsx', 'db/prepare.ts', '--seed'], env);
    run('npx', ['playwright', 'test', ...process.argv.slice(2)], env);
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
