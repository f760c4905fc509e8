import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { cachedFigures, figuresGeneration } from '@/db/queries/figures-cache';

/**
 * The dashboards' figure cache is exact: a figure is reused only while no statement that could
 * change it has committed. Writers append to a log by trigger; readers consume it and move the
 * generation on.
 */

let n = 0;
function counter() {
  const calls = { count: 0 };
  const key = `test-${++n}`;
  const read = async () => cachedFigures(await getDb(), key, async () => ++calls.count);
  return { calls, read };
}

describe('the dashboards’ figure cache', () => {
  it('reuses a figure until a change commits, then computes it again', async () => {
    const db = await getDb();
    const { calls, read } = counter();
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    await db.execute(sql`UPDATE cases SET updated_at = updated_at WHERE id = (SELECT min(id) FROM cases)`);
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
    // Register, budget and worker changes count too.
    for (const change of [
      sql`UPDATE households SET review_due = review_due WHERE id = (SELECT min(id) FROM households)`,
      sql`UPDATE budgets SET amount_fen = amount_fen WHERE id = (SELECT min(id) FROM budgets)`,
      sql`UPDATE users SET disabled = disabled WHERE id = (SELECT min(id) FROM users WHERE role = 'worker')`,
    ]) {
      const before = calls.count;
      await db.execute(change);
      await read();
      expect(calls.count).toBe(before + 1);
    }
  });

  it('is not moved by a change that rolls back, nor by a password change', async () => {
    const db = await getDb();
    const { calls, read } = counter();
    await read();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE cases SET updated_at = updated_at WHERE id = (SELECT min(id) FROM cases)`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await db.execute(sql`UPDATE users SET password_hash = password_hash WHERE id = (SELECT min(id) FROM users)`);
    await read();
    expect(calls.count).toBe(1);
  });

  it('moves the generation once for changes consumed by requests arriving together', async () => {
    const db = await getDb();
    const start = BigInt(await figuresGeneration(db));
    await db.execute(sql`UPDATE tasks SET due_on = due_on WHERE id = (SELECT min(id) FROM tasks)`);
    await db.execute(sql`UPDATE visits SET notes = notes WHERE id = (SELECT min(id) FROM visits)`);
    const seen = await Promise.all(Array.from({ length: 8 }, () => figuresGeneration(db)));
    expect(new Set(seen)).toEqual(new Set([String(start + 1n)]));
  });

  it('computes a figure once for requests arriving together', async () => {
    const { calls, read } = counter();
    const values = await Promise.all(Array.from({ length: 10 }, read));
    expect(values).toEqual(Array(10).fill(1));
    expect(calls.count).toBe(1);
  });
});
