import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';

const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));

// tests/setup.ts replaces this module for the other tests; here we want the real one.
const { readSession } = await vi.importActual<typeof import('@/lib/auth/session-token')>('@/lib/auth/session-token');
const SECRET = 'a-test-secret-that-is-long-enough-123456';
const SALT = 'authjs.session-token';

describe('reading the session cookie', () => {
  it('returns the user id and version of a valid token and nothing for anything else', async () => {
    vi.stubEnv('AUTH_SECRET', SECRET);
    jar.clear();
    expect(await readSession()).toBeNull();

    jar.set(SALT, await encode({ token: { uid: 42, ver: 3 }, secret: SECRET, salt: SALT, maxAge: 60 }));
    expect(await readSession()).toEqual({ uid: 42, ver: 3 });

    jar.set(SALT, jar.get(SALT)!.slice(0, -4) + 'AAAA');
    expect(await readSession()).toBeNull();

    jar.set(
      SALT,
      await encode({
        token: { uid: 42, ver: 3 },
        secret: 'another-secret-another-secret-12345',
        salt: SALT,
        maxAge: 60,
      }),
    );
    expect(await readSession()).toBeNull();

    jar.set(SALT, await encode({ token: { uid: 42, ver: 3 }, secret: SECRET, salt: SALT, maxAge: -60 }));
    expect(await readSession()).toBeNull();

    jar.set(SALT, await encode({ token: { uid: '42' }, secret: SECRET, salt: SALT, maxAge: 60 }));
    expect(await readSession()).toBeNull();
    vi.unstubAllEnvs();
  });
});
