import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import { nameStatements } from './named-statements';
import * as schema from './schema';

/**
 * The app always talks to one drizzle database: node-postgres when DATABASE_URL is set, the
 * embedded PGlite otherwise. Both are PgDatabase underneath; we type them as the pg one so
 * that every query and transaction has a single type.
 */
export type Database = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Database | Tx;

export interface DbHandle {
  db: Database;
  kind: 'pg' | 'pglite';
  /** Applies the committed SQL migrations (each driver with its own migrator). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

// turbopackIgnore: these are run-time paths; traced, they make Turbopack follow (and, in
// `next dev`, watch) the whole project, including the database files it then sees change.
const MIGRATIONS = path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations');
const MIGRATION_LOCK = 726_351; // arbitrary advisory-lock key shared by every migrating process

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function pgliteDir(): string {
  const dir = process.env.PGLITE_DIR || path.join(/* turbopackIgnore: true */ 'data', 'pglite');
  return dir.startsWith('memory://') ? dir : path.resolve(/* turbopackIgnore: true */ dir);
}

/**
 * PGlite takes no lock on its folder and two processes writing one folder silently lose rows,
 * so we keep a pid file beside it and refuse to open a folder a live process holds.
 */
function lockFolder(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = Number(readFileSync(lockPath, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database folder ${dir} is in use by process ${holder}. ` +
          'Stop that process (or set PGLITE_DIR to another folder) and try again.',
      );
    }
    writeFileSync(lockPath, String(process.pid));
  }
  const release = () => {
    try {
      if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Connections per server process (PG_POOL_MAX, default 20). A dashboard sends up to five queries at
 * once, and under load a process has a few dozen requests in flight: with 10 connections their
 * queries queued in the pool, and a request that queued several times in a row made the slowest
 * percentile (the worker's dashboard at 50 connections: p99 ~510–660 ms with 10, ~290–420 with 20).
 * Two processes at 20 stay well inside PostgreSQL's default 100 connections.
 */
export function poolMax(): number {
  return Number(process.env.PG_POOL_MAX) || 20;
}

async function openPg(url: string): Promise<DbHandle> {
  const pool = new Pool({
    connectionString: url,
    max: poolMax(),
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (err) => console.error('[db] idle client error', err));
  pool.on('connect', nameStatements);
  const db = drizzlePg(pool, { schema });
  return {
    db,
    kind: 'pg',
    // Several processes may start at once (cluster workers, scripts): they take turns on an
    // advisory lock, which must live on one connection for the whole run.
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dir: string): Promise<DbHandle> {
  const inMemory = dir.startsWith('memory://');
  const release = inMemory ? () => {} : lockFolder(dir);
  try {
    const [{ PGlite }, { drizzle }, { migrate: migratePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    if (!inMemory) mkdirSync(dir, { recursive: true });
    const client = await PGlite.create(dir);
    const pglite = drizzle(client, { schema });
    return {
      // Both drivers are PgDatabase underneath; queries and transactions behave alike.
      db: pglite as unknown as Database,
      kind: 'pglite',
      migrate: () => migratePglite(pglite, { migrationsFolder: MIGRATIONS }),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Opens a database explicitly (scripts, tests); the app uses getDb(). */
export function openDatabase(url = databaseUrl()): Promise<DbHandle> {
  return url ? openPg(url) : openPglite(pgliteDir());
}

// One handle per process, kept on globalThis so that `next dev` reloads reuse it. A failed open
// clears the cached promise so the next request can try again.
const holder = globalThis as unknown as { __uapDb?: Promise<DbHandle> };

export function getHandle(): Promise<DbHandle> {
  if (!holder.__uapDb) {
    holder.__uapDb = openDatabase().catch((err) => {
      holder.__uapDb = undefined;
      throw err;
    });
  }
  return holder.__uapDb;
}

export async function getDb(): Promise<Database> {
  return (await getHandle()).db;
}

/** Applies the committed SQL migrations; safe to run from several processes at once. */
export function migrate(handle: DbHandle): Promise<void> {
  return handle.migrate();
}
