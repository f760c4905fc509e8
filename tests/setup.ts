import { afterAll, beforeAll, inject, vi } from 'vitest';
import { getHandle, migrate, openDatabase } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { session } from './session';
import { copyTemplate, createEmpty, dropDatabase, templateExists, templateName } from './test-databases';

// Point the app's one database handle at this file's own database before anything opens it. The
// server is TEST_DATABASE_URL or the run's throw-away one (tests/global-setup.ts).
const testUrl = inject('testDatabaseUrl');
process.env.TEST_DATABASE_URL = testUrl;
if (!(await templateExists(testUrl))) {
  // The first file of the run builds the template: migrated, with the demo mine.
  process.env.DATABASE_URL = await createEmpty(testUrl, templateName(testUrl));
  const template = await openDatabase();
  await migrate(template);
  await seedDemo(template.db);
  await template.close();
}
process.env.DATABASE_URL = await copyTemplate(testUrl);

// The session comes from Auth.js's cookie in the app; here the test says who is asking. Everything
// after it (version check against the database, role, scope) is the real code.
vi.mock('@/lib/auth/session-token', () => ({ readSession: vi.fn(async () => session.current) }));
vi.mock('@/lib/auth/config', () => ({
  auth: vi.fn(async () => session.current),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  unstable_update: vi.fn(async () => undefined),
}));

beforeAll(async () => {
  const handle = await getHandle();
  await migrate(handle);
  await seedDemo(handle.db);
});

afterAll(async () => {
  const holder = globalThis as unknown as { __uapDb?: Promise<{ close(): Promise<void> }> };
  if (holder.__uapDb) await (await holder.__uapDb).close();
  holder.__uapDb = undefined;
  await dropDatabase(process.env.DATABASE_URL!);
});
