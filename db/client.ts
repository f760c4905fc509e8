import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import { config, piiKeyring } from '@/lib/config';
import { blindIndex, open, seal } from '@/lib/pii';
import { lockFolder } from './folder-lock';
import { rewritePii } from './pii-rewrite';
import { nameStatements } from './named-statements';
import * as schema from './schema';
import { installPiiCodec } from './schema/pii';

// The encrypted columns (db/schema/pii.ts) seal and open with the configured keys from here on.
installPiiCodec({
  seal: (kind, plain) => seal(piiKeyring(), kind, plain),
  open: (kind, stored) => open(piiKeyring(), kind, stored),
  blindIndex: (kind, plain) => blindIndex(piiKeyring(), kind, plain),
});

/**
 * The app always talks to one drizzle database: node-postgres when DATABASE_URL is set, the
 * embedded PGlite otherwise. Both are PgDatabase underneath; we type them as the pg one so
 * that every query and transaction has a single type.
 */
export { FolderInUseError } from './folder-lock';

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
  return config().DATABASE_URL;
}

export function pgliteDir(): string {
  const dir = config().PGLITE_DIR;
  return dir.startsWith('memory://') ? dir : path.resolve(/* turbopackIgnore: true */ dir);
}

async function openPg(url: string): Promise<DbHandle> {
  const pool = new Pool({
    connectionString: url,
    max: config().PG_POOL_MAX,
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

/**
 * Applies the committed SQL migrations, then seals any identifier still stored in plain text (a
 * database from before encryption, or rows a bulk load wrote in SQL): a migration cannot, as it
 * does not know the key. Safe to run from several processes at once.
 */
export async function migrate(handle: DbHandle): Promise<void> {
  await handle.migrate();
  await handle.db.transaction((tx) => rewritePii(tx, piiKeyring(), 'seal'));
}
