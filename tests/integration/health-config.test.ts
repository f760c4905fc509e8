import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/health/route';
import { ConfigError, validateEnv } from '@/lib/env';

describe('GET /api/health', () => {
  it('answers 200 when the database answers', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers 503 when it does not, without the error text', async () => {
    const holder = globalThis as unknown as { __uapDb?: Promise<unknown> };
    const real = holder.__uapDb;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    holder.__uapDb = Promise.resolve({
      kind: 'pg',
      db: { execute: () => Promise.reject(new Error('connection refused: secret-host')) },
      close: async () => {},
    });
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      const body = await res.text();
      expect(JSON.parse(body)).toEqual({ status: 'error', db: 'unavailable' });
      expect(body).not.toContain('secret-host');
    } finally {
      holder.__uapDb = real;
      quiet.mockRestore();
    }
  });
});

describe('configuration at start', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('needs nothing in development', () => {
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('AUTH_SECRET', '');
    expect(() => validateEnv()).not.toThrow();
  });

  it('refuses production without a strong AUTH_SECRET, saying what to do', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('AUTH_SECRET', '');
    expect(() => validateEnv()).toThrow(ConfigError);
    expect(() => validateEnv()).toThrow(/AUTH_SECRET is not set/);
    vi.stubEnv('AUTH_SECRET', 'short');
    expect(() => validateEnv()).toThrow(/shorter than 32/);
    vi.stubEnv('AUTH_SECRET', 'x'.repeat(32));
    expect(() => validateEnv()).not.toThrow();
  });

  it('rejects a DATABASE_URL that is not Postgres', () => {
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('DATABASE_URL', 'mysql://x');
    expect(() => validateEnv()).toThrow(/DATABASE_URL/);
  });
});
