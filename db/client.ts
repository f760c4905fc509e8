import path from 'node:path';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import { config, ConfigError, piiKeyring } from '@/lib/config';
import { blindIndex, open, seal } from '@/lib/pii';
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
 * The app always talks to one PostgreSQL server through node-postgres: DATABASE_URL's. In
 * development `npm run dev` starts a local one and sets it (scripts/dev.ts); tests start a
 * throw-away one (db/local-postgres.ts). One engine, one driver, one migrator everywhere.
 */

export type Database = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Database | Tx;

export interface DbHandle {
  db: Database;
  /** Applies the committed SQL migrations. */
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

async function openPg(url: string): Promise<DbHandle> {
  const pool = new Pool({
    connectionString: url,
    max: config().PG_POOL_MAX,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    // No JIT: the portal's statements are short, and PostgreSQL compiles any whose estimated cost
    // passes jit_above_cost — which list queries over a province's claims do. On the scale data
    // the compile took 30 ms to 4.6 s (under load) for statements that run in 0.4-30 ms; the
    // bench's claims list had a p95 of 1 s from it. Sent in the startup packet, so every session
    // of the pool, and nothing else on the server, has it off.
    options: '-c jit=off',
  });
  // The message is what matters (a server restart, a dropped connection); the client object is noise.
  pool.on('error', (err) => console.error('[db] idle client error:', err.message));
  pool.on('connect', nameStatements);
  const db = drizzlePg(pool, { schema });
  return {
    db,
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

/** Opens a database explicitly (scripts, tests); the app uses getDb(). */
export async function openDatabase(url = databaseUrl()): Promise<DbHandle> {
  if (!url) {
    throw new ConfigError(
      'DATABASE_URL is not set. `npm run dev` starts a local PostgreSQL server and sets it; elsewhere set DATABASE_URL=postgres://…',
    );
  }
  return openPg(url);
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
