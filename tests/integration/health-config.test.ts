import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/health/route';
import { generatePiiSettings } from '@/lib/pii';
import { ConfigError, readConfig } from '@/lib/config';

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
    expect(() => readConfig()).not.toThrow();
  });

  it('refuses production without a strong AUTH_SECRET, saying what to do', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('AUTH_SECRET', '');
    expect(() => readConfig()).toThrow(ConfigError);
    expect(() => readConfig()).toThrow(/AUTH_SECRET is not set/);
    vi.stubEnv('AUTH_SECRET', 'short');
    expect(() => readConfig()).toThrow(/shorter than 32/);
    vi.stubEnv('AUTH_SECRET', 'x'.repeat(32));
    // On PostgreSQL production also needs the personal-data keys (tests/unit/pii.test.ts).
    for (const [k, v] of Object.entries(generatePiiSettings())) vi.stubEnv(k, v);
    expect(() => readConfig()).not.toThrow();
  });

  it('rejects a DATABASE_URL that is not Postgres', () => {
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('DATABASE_URL', 'mysql://x');
    expect(() => readConfig()).toThrow(/DATABASE_URL/);
  });
});

describe('one configuration reader', () => {
  it('reads every variable with its default, an empty one as unset', () => {
    const c = readConfig({ NODE_ENV: 'development', DATABASE_URL: '', PG_POOL_MAX: ' ' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PG_POOL_MAX).toBe(20);
    expect(readConfig({ PG_POOL_MAX: '8', DATABASE_URL: 'postgresql://h/db' })).toMatchObject({
      PG_POOL_MAX: 8,
      DATABASE_URL: 'postgresql://h/db',
    });
  });

  it('names every bad value at once instead of running on a guess', () => {
    const bad = () => readConfig({ NODE_ENV: 'production', PG_POOL_MAX: '2.5', DATABASE_URL: 'mysql://x' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PG_POOL_MAX must be a whole number/);
    expect(bad).toThrow(/DATABASE_URL must start with postgres/);
    expect(bad).toThrow(/AUTH_SECRET is not set/);
    expect(() => readConfig({ PG_POOL_MAX: 'twenty' })).toThrow(/PG_POOL_MAX/);
    expect(() => readConfig({ PG_POOL_MAX: '0' })).toThrow(/PG_POOL_MAX/);
  });
});
