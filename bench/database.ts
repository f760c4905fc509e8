import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface BenchDatabase {
  /** What the report says about the database. */
  description: string;
  /** Environment for `db/prepare.ts` and `next start`. */
  env: Record<string, string | undefined>;
  /** Removes what the run created and should not keep (the temporary PGlite folder). */
  cleanup(): void;
}

/** The maintenance database used to create the throwaway one; trust auth on this machine. */
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'uap_bench';

/** Hides a password, if the URL has one, before the URL goes into a report. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/**
 * Chooses the database the server will use:
 * - `--pglite`: a fresh embedded PGlite in a temporary folder (DATABASE_URL is ignored);
 * - DATABASE_URL set: that database, as it is (the demo accounts are seeded into it if missing);
 * - otherwise: a fresh `uap_bench` database on the local PostgreSQL server, recreated every run.
 */
export async function chooseDatabase(pglite: boolean): Promise<BenchDatabase> {
  if (pglite) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'uap-bench-'));
    return {
      description: `PGlite (embedded, fresh temporary folder ${dir}); PGlite runs one query at a time, so every request waits its turn for the database`,
      env: { DATABASE_URL: undefined, PGLITE_DIR: path.join(dir, 'db') },
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const pool = `pool of ${process.env.PG_POOL_MAX || 10} connections per server process (PG_POOL_MAX)`;
  if (process.env.DATABASE_URL) {
    return {
      description: `PostgreSQL from DATABASE_URL (${redact(process.env.DATABASE_URL)}), ${pool}`,
      env: { DATABASE_URL: process.env.DATABASE_URL },
      cleanup: () => {},
    };
  }
  const admin = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    // WITH (FORCE) ends sessions a previous, interrupted run may have left behind.
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  } catch (err) {
    throw new Error(
      `Could not create the ${BENCH_DB} database via ${redact(ADMIN_URL)}: ${(err as Error).message}\n` +
        'Start PostgreSQL, set DATABASE_URL to a database to use, or pass --pglite.',
    );
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DB}`;
  const version = await serverVersion(url.toString());
  return {
    description: `PostgreSQL ${version} on ${url.host}, fresh database ${BENCH_DB} (recreated every run), ${pool}`,
    env: { DATABASE_URL: url.toString() },
    cleanup: () => {}, // kept on purpose, to look at after a run; the next run recreates it
  };
}

async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version.split(' ')[0] ?? '?';
  } catch {
    return '?';
  } finally {
    await client.end().catch(() => {});
  }
}
