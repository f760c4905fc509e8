import { NextRequest } from 'next/server';
import { Pool } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  databaseRecentlyDown,
  isDatabaseUnavailable,
  markDatabaseDown,
  markDatabaseUp,
  RETRY_AFTER_SECONDS,
} from '@/lib/availability';
import { proxy } from '@/proxy';

afterEach(() => markDatabaseUp());

describe('isDatabaseUnavailable', () => {
  it('recognises a real refused connection from pg', async () => {
    const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
    const err = await pool.query('SELECT 1').catch((e: unknown) => e);
    await pool.end();
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('looks through wrappers, and does not take a query’s own error for an outage', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused]))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe('pages while the database is down', () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    proxy(new NextRequest(`http://localhost${path}`, { headers }));

  it('answer 503 "temporarily unavailable" in the reader’s language, with Retry-After', async () => {
    markDatabaseDown();
    const page = get('/cases/1', { cookie: 'authjs.session-token=x' });
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(await page.text()).toContain('服务暂时不可用');
    const english = get('/dashboard', { cookie: 'NEXT_LOCALE=en; authjs.session-token=x' });
    expect(await english.text()).toContain('Temporarily unavailable');
    const api = get('/api/exports/cases');
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: 'unavailable' });
  });

  it('still let the health check and server actions through, and stop once the mark is old', () => {
    markDatabaseDown();
    expect(get('/api/health').status).not.toBe(503);
    expect(get('/cases/1', { 'next-action': 'abc', cookie: 'authjs.session-token=x' }).status).not.toBe(503);
    markDatabaseDown(Date.now() - RETRY_AFTER_SECONDS * 1000 - 1);
    expect(databaseRecentlyDown()).toBe(false);
    expect(get('/cases/1', { cookie: 'authjs.session-token=x' }).status).toBe(200);
  });
});
