import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, premiumBatches, premiumEntries } from '@/db/schema';
import { addPremiumEntry, approveBatch, changePremiumEntry, payBatch } from '@/lib/premiums/premium-actions';
import {
  confirmAllParts,
  eligibleMembers,
  fillIdNumbers,
  openPremiumBatch,
  premiumEntriesOf,
} from '../premiums-fixtures';
import { signInAs } from '../session';

// Enough connections that the parallel calls really run at once on the server.
process.env.PG_POOL_MAX = '30';

const PARALLEL = 25;
const TRIALS = 3;

// Only against the real PostgreSQL server: PGlite runs one transaction at a time, so every
// "parallel" call would run alone and a read-then-write bug would pass unnoticed.
describe.skipIf(!process.env.TEST_DATABASE_URL)('premium races on the real server', () => {
  it(`${PARALLEL} parallel payments of one batch pay it once and draw the budget once (${TRIALS} trials)`, async () => {
    const db = await getDb();
    for (let trial = 0; trial < TRIALS; trial++) {
      const b = await openPremiumBatch(2040 + trial, { rateYuan: 400, budgetYuan: 1_000_000 });
      await fillIdNumbers(b.id);
      await confirmAllParts(b.id);
      await signInAs('L0001');
      expect((await approveBatch({ batchId: b.id, version: 1 })).ok).toBe(true);
      const people = (await premiumEntriesOf(b.id)).length;
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          payBatch({ batchId: b.id, version: 2, paidOn: '2026-01-10', reference: `SB-${i}` }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const [batch] = await db.select().from(premiumBatches).where(eq(premiumBatches.id, b.id));
      expect(batch.spentFen).toBe(people * 40_000);
      const [paid] = await db
        .select({ n: count() })
        .from(premiumEntries)
        .where(and(eq(premiumEntries.batchId, b.id), eq(premiumEntries.state, 'paid')));
      expect(paid.n).toBe(people);
      const [audits] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'premium.pay'), eq(auditLog.entityId, String(b.id))));
      expect(audits.n).toBe(1);
    }
  });

  it(`a batch whose budget covers too little is refused by every one of ${PARALLEL} parallel payments`, async () => {
    const db = await getDb();
    const b = await openPremiumBatch(2050, { rateYuan: 400, budgetYuan: 400 });
    await fillIdNumbers(b.id);
    await confirmAllParts(b.id);
    await signInAs('L0001');
    expect((await approveBatch({ batchId: b.id, version: 1 })).ok).toBe(true);
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        payBatch({ batchId: b.id, version: 2, paidOn: '2026-01-10', reference: 'X' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    const [batch] = await db.select().from(premiumBatches).where(eq(premiumBatches.id, b.id));
    expect(batch).toMatchObject({ spentFen: 0, state: 'approved' });
  });

  it(`${PARALLEL} parallel additions of one person list them once (${TRIALS} trials)`, async () => {
    const db = await getDb();
    const b = await openPremiumBatch(2060);
    const members = (await eligibleMembers()).filter((m) => !m.employeeInsurance);
    for (let trial = 0; trial < TRIALS; trial++) {
      const m = members[trial];
      const entry = (await premiumEntriesOf(b.id)).find((e) => e.householdId === m.householdId && e.name === m.name)!;
      await signInAs('L0001');
      expect((await changePremiumEntry({ entryId: entry.id, version: 1, change: 'remove', reason: '核实' })).ok).toBe(
        true,
      );
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          addPremiumEntry({ batchId: b.id, employeeNo: m.employeeNo, memberName: m.name, reason: '核实后恢复' }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results) if (!r.ok) expect(r.fieldErrors).toEqual({ memberName: ['alreadyInBatch'] });
      const [{ n }] = await db
        .select({ n: count() })
        .from(premiumEntries)
        .where(
          and(
            eq(premiumEntries.batchId, b.id),
            eq(premiumEntries.householdId, m.householdId),
            eq(premiumEntries.name, m.name),
            eq(premiumEntries.state, 'listed'),
          ),
        );
      expect(n).toBe(1);
    }
  });
});
