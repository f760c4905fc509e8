import { afterAll, beforeAll, vi } from 'vitest';
import { getHandle, migrate } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { session } from './session';

// Point the app's one database handle at the test database before anything opens it.
if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
}

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
});
