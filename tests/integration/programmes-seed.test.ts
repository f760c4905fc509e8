import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { seedProgrammes } from '@/db/seed-programmes';
import { employmentFiles, lonelyElders, premiumBatches, premiumEntries, survivors } from '@/db/schema';

const today = '2026-12-06';

describe('the programmes demo seed', () => {
  it('adds three paid premium batches, survivors, lone elderly and about ten jobs a year, once', async () => {
    const db = await getDb();
    const seeded = await seedProgrammes(db, today);
    expect(seeded.batches).toBe(3);
    expect(seeded.survivors).toBeGreaterThan(10);
    expect(seeded.elders).toBeGreaterThan(10);
    expect(seeded.files).toBeGreaterThanOrEqual(25);

    const batches = await db.select().from(premiumBatches).orderBy(premiumBatches.year);
    expect(batches.map((b) => b.year)).toEqual([2024, 2025, 2026]);
    for (const b of batches) {
      expect(b.state).toBe('paid');
      const [sum] = await db
        .select({
          fen: sql<number>`coalesce(sum(${premiumEntries.amountFen}), 0)::int`,
          missing: sql<number>`count(*) FILTER (WHERE ${premiumEntries.idNumber} IS NULL)::int`,
        })
        .from(premiumEntries)
        .where(eq(premiumEntries.batchId, b.id));
      expect(b.spentFen).toBe(sum.fen);
      expect(sum.missing).toBe(0);
      expect(b.spentFen).toBeLessThanOrEqual(b.budgetFen);
    }
    const [stopped] = await db.select({ n: count() }).from(survivors).where(eq(survivors.status, 'stopped'));
    expect(stopped.n).toBe(2);
    const [linked] = await db
      .select({ n: count() })
      .from(employmentFiles)
      .where(sql`${employmentFiles.exitEventId} IS NOT NULL`);
    expect(linked.n).toBeGreaterThan(0);
    const [elders] = await db.select({ n: count() }).from(lonelyElders);
    expect(elders.n).toBe(seeded.elders);

    expect(await seedProgrammes(db, today)).toEqual({ batches: 0, survivors: 0, elders: 0, files: 0 });
  });
});
