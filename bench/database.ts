import { Client } from 'pg';
import { config } from '@/lib/config';

/** A plain SQL connection for the bench's own queries (targets, cursors, the SQL ceiling). */
export interface SqlClient {
  rows<T extends object>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface DataSize {
  users: number;
  households: number;
  cases: number;
  payments: number;
}

export interface BenchDatabase {
  /** Which data: the provincial-scale set (never seeded or reset here) or the demo mine. */
  data: 'scale' | 'demo';
  /** What the report says about the database. */
  description: string;
  /** Environment for `db/prepare.ts` and the server (`npm start`). */
  env: Record<string, string | undefined>;
  /** Arguments for `db/prepare.ts`: migrations only on the scale data, plus the demo seed on demo data. */
  prepareArgs: string[];
  /** A connection for the bench's own queries. */
  connect(): Promise<SqlClient>;
  /** Removes what the run created and should not keep. */
  cleanup(): void;
}

/** The maintenance database used to create the throwaway one; trust auth on this machine. */
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DEMO_DB = 'uap_bench';
export const SCALE_URL = 'postgres://postgres@127.0.0.1:5432/uap_scale';

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

function pgClient(url: string): () => Promise<SqlClient> {
  return async () => {
    const client = new Client({
      connectionString: url,
      connectionTimeoutMillis: 10_000,
      application_name: 'uap-bench',
    });
    await client.connect();
    return {
      rows: async <T extends object>(text: string, params: unknown[] = []) =>
        (await client.query<T>(text, params)).rows,
      close: () => client.end().catch(() => {}),
    };
  };
}

const pool = () => `pool of ${config().PG_POOL_MAX} connections per server process (PG_POOL_MAX)`;

/**
 * Chooses the database the servers will use (a real PostgreSQL server: the bench runs several
 * instances):
 * - default: DATABASE_URL, else the local uap_scale database; it must already hold the
 *   provincial-scale data (`npm run seed:scale`), which is migrated but never seeded or reset;
 * - `--demo`: a fresh `uap_bench` database on the local PostgreSQL server with the demo seed,
 *   recreated every run (DATABASE_URL is ignored, so the demo seed never lands in a real database);
 */
export async function chooseDatabase(opts: { demo: boolean }): Promise<BenchDatabase> {
  if (opts.demo) {
    const url = await freshDemoDatabase();
    return {
      data: 'demo',
      description: `PostgreSQL ${await serverVersion(url)} on ${new URL(url).host}, fresh database ${DEMO_DB} with the demo seed (recreated every run), ${pool()}`,
      env: { DATABASE_URL: url },
      prepareArgs: ['--seed'],
      connect: pgClient(url),
      cleanup: () => {}, // kept on purpose, to look at after a run; the next run recreates it
    };
  }
  const url = process.env.DATABASE_URL || SCALE_URL;
  const seed = await scaleSeed(url);
  return {
    data: 'scale',
    description:
      `PostgreSQL ${await serverVersion(url)} at ${redact(url)}${process.env.DATABASE_URL ? ' (DATABASE_URL)' : ''}, filled by \`npm run seed:scale\`` +
      `${seed.workers ? ` with ${seed.workers.toLocaleString('en')} workers` : ''}${seed.today ? ` for ${seed.today}` : ''} (migrated here, never seeded or reset); ${pool()}`,
    env: { DATABASE_URL: url },
    prepareArgs: [],
    connect: pgClient(url),
    cleanup: () => {},
  };
}

async function freshDemoDatabase(): Promise<string> {
  const admin = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    // WITH (FORCE) ends sessions a previous, interrupted run may have left behind.
    await admin.query(`DROP DATABASE IF EXISTS ${DEMO_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DEMO_DB}`);
  } catch (err) {
    throw new Error(
      `Could not create the ${DEMO_DB} database via ${redact(ADMIN_URL)}: ${(err as Error).message}\n` +
        'Start PostgreSQL.',
    );
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DEMO_DB}`;
  return url.toString();
}

/**
 * What seed:scale recorded about the data set (its audit row, written in the same transaction as
 * the data), or a clear refusal when the database is missing or holds no scale data.
 */
async function scaleSeed(url: string): Promise<{ workers?: number; today?: string }> {
  const howTo =
    `Generate it first (a few minutes; see the README's "Provincial-scale data"):\n` +
    `  createdb ${new URL(url).pathname.slice(1) || 'uap_scale'}   # if it does not exist\n` +
    `  DATABASE_URL=${redact(url)} npm run seed:scale\n` +
    'or run the quick bench on the demo data instead: npm run bench -- --demo';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    const e = err as { code?: string; message: string };
    if (e.code === '3D000') throw new Error(`The database ${redact(url)} does not exist.\n${howTo}`);
    throw new Error(`Could not connect to ${redact(url)}: ${e.message}\nStart PostgreSQL, or set DATABASE_URL.`);
  }
  try {
    const { rows } = await client.query<{ workers: string | null; today: string | null }>(
      `SELECT after->>'workers' AS workers, after->>'today' AS today FROM audit_log
       WHERE action = 'system.seed' AND entity = 'scale' ORDER BY id DESC LIMIT 1`,
    );
    if (!rows.length) throw new Error(`The database ${redact(url)} holds no provincial-scale data.\n${howTo}`);
    return { workers: rows[0].workers ? Number(rows[0].workers) : undefined, today: rows[0].today ?? undefined };
  } catch (err) {
    if ((err as { code?: string }).code === '42P01')
      throw new Error(`The database ${redact(url)} holds no provincial-scale data (no tables yet).\n${howTo}`);
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Rows of the tables that say how big the data is (exact counts: a few seconds at scale). */
export async function dataSize(sql: SqlClient): Promise<DataSize> {
  const [row] = await sql.rows<Record<keyof DataSize, string>>(
    `SELECT (SELECT count(*) FROM users)::text AS users, (SELECT count(*) FROM households)::text AS households,
            (SELECT count(*) FROM cases)::text AS cases, (SELECT count(*) FROM payments)::text AS payments`,
  );
  return {
    users: Number(row.users),
    households: Number(row.households),
    cases: Number(row.cases),
    payments: Number(row.payments),
  };
}

export const formatSize = (s: DataSize) =>
  `${s.users.toLocaleString('en')} users · ${s.households.toLocaleString('en')} households · ${s.cases.toLocaleString('en')} cases · ${s.payments.toLocaleString('en')} payments`;

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
