import { dropTestDatabases } from './test-databases';

/**
 * With TEST_DATABASE_URL (CI, race tests) each test file works on its own database, copied from
 * a template built once per run (tests/setup.ts, tests/test-databases.ts); this clears what an
 * earlier run left. Without it every file gets its own in-memory PGlite.
 */
export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) await dropTestDatabases(url);
  return async () => {
    if (url) await dropTestDatabases(url);
  };
}
