import type { TestProject } from 'vitest/node';
import { startLocalPostgres } from '@/db/local-postgres';
import { dropTestDatabases } from './test-databases';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server every test file makes its database on (tests/setup.ts). */
    testDatabaseUrl: string;
  }
}

/**
 * Every test runs on a real PostgreSQL server: TEST_DATABASE_URL when set (CI sets it to the local
 * server), otherwise a throw-away one started here (db/local-postgres.ts) and stopped at the
 * end. Each test file works on its own database, copied from a template built once per run
 * (tests/setup.ts, tests/test-databases.ts); this clears what an earlier run left.
 */
export default async function globalSetup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  const embedded = given ? undefined : await startLocalPostgres();
  const url = given ?? new URL('/uap_test', embedded!.url).toString();
  if (embedded) console.log('[tests] TEST_DATABASE_URL is not set: started a throw-away PostgreSQL server');
  await dropTestDatabases(url);
  project.provide('testDatabaseUrl', url);
  return async () => {
    if (embedded) await embedded.stop();
    else await dropTestDatabases(url);
  };
}
