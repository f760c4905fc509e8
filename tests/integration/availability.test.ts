import { Pool } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { action } from '@/lib/auth/action';
import { databaseRecentlyDown, markDatabaseUp } from '@/lib/availability';
import { signInAs } from '../session';

afterEach(() => markDatabaseUp());

describe('a save while the database is unreachable', () => {
  it('answers "nothing was saved, try again" (503), not "unexpected error", and marks the outage', async () => {
    await signInAs('W0001');
    // The handler meets the real error pg gives for a server that does not answer.
    const unreachable = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
    const save = action({ name: 'test.save', can: 'cases.apply', schema: z.object({ note: z.string() }) }, async () => {
      await unreachable.query('SELECT 1');
      throw new Error('not reached');
    });
    expect(await save({ note: '草稿' })).toEqual({
      ok: false,
      code: 'unavailable',
      error: 'databaseUnavailable',
      fieldErrors: undefined,
    });
    await unreachable.end();
    expect(databaseRecentlyDown()).toBe(true);
  });

  it('still answers "unexpected" for other failures', async () => {
    await signInAs('W0001');
    const broken = action({ name: 'test.broken', can: 'cases.apply', schema: z.object({}) }, async () => {
      throw new Error('a bug');
    });
    expect(await broken({})).toMatchObject({ ok: false, code: 'error', error: 'unexpected' });
    expect(databaseRecentlyDown()).toBe(false);
  });
});
