import { Client } from 'pg';

/**
 * With TEST_DATABASE_URL (CI, race tests) the schema of that database is wiped once per run;
 * each test file then migrates and seeds it (idempotently) in tests/setup.ts. Without it every
 * file gets its own in-memory PGlite.
 */
export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
}
