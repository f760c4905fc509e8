import { Client } from 'pg';

/**
 * Every test file gets a database of its own on the run's server (TEST_DATABASE_URL, or the
 * throw-away one of tests/global-setup.ts), copied from a template that holds the migrated schema
 * and the demo mine, so one file's standards, budgets or cases never change another's results.
 * The template is built once per run by the first file that needs it (files run one at a time).
 */

function server(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const baseName = (url: string) => new URL(url).pathname.slice(1) || 'test';
export const templateName = (url: string) => `${baseName(url)}_tpl`;

async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: server(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops the run's template and any file databases a crashed run left behind. */
export async function dropTestDatabases(url: string): Promise<void> {
  await admin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [templateName(url), `${baseName(url).replace(/[\\%_]/g, (ch) => `\\${ch}`)}\\_f%`],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

export async function templateExists(url: string): Promise<boolean> {
  return admin(
    url,
    async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [templateName(url)])).rowCount === 1,
  );
}

export async function createEmpty(url: string, name: string): Promise<string> {
  await admin(url, (c) => c.query(`CREATE DATABASE "${name}"`));
  return server(url, name);
}

/** A new database for one test file, copied from the template; returns its URL. */
export async function copyTemplate(url: string): Promise<string> {
  const name = `${baseName(url)}_f${process.pid}_${Date.now() % 1_000_000}`;
  await admin(url, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName(url)}"`));
  return server(url, name);
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
