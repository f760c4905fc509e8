import { and, count, eq, sql, sum } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setBudget } from '@/lib/aid/aid-admin-actions';
import { decideCase, recordPayment } from '@/lib/cases/case-actions';
import { getDb } from '@/db/client';
import { auditLog, budgets, caseSteps, cases, notifications, payments } from '@/db/schema';
import { insertCase, saveTestStandard } from '../cases-fixtures';
import { signInAs } from '../session';

// Enough connections that the parallel calls really run at once on the server.
process.env.PG_POOL_MAX = '30';

const PARALLEL = 25;
const TRIALS = 10;

// On the real PostgreSQL server, as every test run is (tests/global-setup.ts): PGlite runs one
// transaction at a time, so every "parallel" call would run alone and a race would pass unnoticed.
describe('races on the real server', () => {
  beforeAll(async () => {
    await saveTestStandard();
  });

  it(`${PARALLEL} parallel approvals of one case give exactly one approval and one audit row (${TRIALS} trials)`, async () => {
    const db = await getDb();
    for (let trial = 0; trial < TRIALS; trial++) {
      const id = await insertCase({
        applicant: 'W0001',
        state: 'reviewed',
        steps: [
          ['verification', 'S0001'],
          ['review', 'B0001'],
        ],
      });
      await signInAs('L0001');
      const results = await Promise.all(
        // Each trial's case repeats the last one's (same worker, kind and year): approval needs a reason.
        Array.from({ length: PARALLEL }, () =>
          decideCase({ caseId: id, version: 1, decision: 'approve', repeatReason: '测试' }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results) if (!r.ok) expect(r.code).toBe('conflict');
      const [c] = await db.select({ state: cases.state, version: cases.version }).from(cases).where(eq(cases.id, id));
      expect(c).toEqual({ state: 'in_publicity', version: 2 });
      const [audits] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'case.approve'), eq(auditLog.entityId, String(id))));
      expect(audits.n).toBe(1);
      const [steps] = await db
        .select({ n: count() })
        .from(caseSteps)
        .where(and(eq(caseSteps.caseId, id), eq(caseSteps.step, 'approval')));
      expect(steps.n).toBe(1);
      const [notes] = await db.select({ n: count() }).from(notifications).where(eq(notifications.caseId, id));
      expect(notes.n).toBe(1);
    }
  });

  it(`${PARALLEL} parallel payments against a small budget never overspend and the sums balance (${TRIALS} trials)`, async () => {
    const db = await getDb();
    for (let trial = 0; trial < TRIALS; trial++) {
      const year = 2010 + trial;
      await signInAs('L0001');
      const b = await setBudget({ year: String(year), aidKind: 'poverty', unitId: '', amount: '5500' }); // room for 5 of 1,000 yuan
      if (!b.ok) throw new Error(JSON.stringify(b));
      const ids: number[] = [];
      for (let i = 0; i < PARALLEL; i++) {
        const applicant = `W${String(2 + i).padStart(4, '0')}`;
        ids.push(
          await insertCase({
            applicant,
            state: 'ready_for_payment',
            appliedOn: `${year}-03-01`,
            steps: [
              ['verification', 'S0001'],
              ['review', 'B0001'],
              ['approval', 'L0002'],
            ],
          }),
        );
      }
      await signInAs('L0001');
      const results = await Promise.all(
        ids.map((caseId) =>
          recordPayment({
            caseId,
            version: 1,
            paidOn: `${year}-06-01`,
            method: 'bank_transfer',
            reference: `T${caseId}`,
          }),
        ),
      );
      const ok = results.filter((r) => r.ok);
      expect(ok).toHaveLength(5);
      for (const r of results) if (!r.ok) expect(r.fieldErrors).toEqual({ amount: ['overBudget'] });
      const [budget] = await db.select().from(budgets).where(eq(budgets.id, b.data.id));
      const [paid] = await db
        .select({ n: count(), total: sum(payments.amountFen).mapWith(Number) })
        .from(payments)
        .where(eq(payments.budgetId, b.data.id));
      expect(budget.spentFen).toBe(paid.total);
      expect(budget.spentFen).toBeLessThanOrEqual(budget.amountFen);
      expect(paid.n).toBe(5);
      const [paidCases] = await db
        .select({ n: count() })
        .from(cases)
        .where(and(sql`${cases.id} IN ${ids}`, eq(cases.state, 'paid')));
      expect(paidCases.n).toBe(5);
    }
  });

  it(`${PARALLEL} parallel payments of one case pay it exactly once (${TRIALS} trials)`, async () => {
    const db = await getDb();
    await signInAs('L0001');
    const b = await setBudget({ year: '2009', aidKind: 'poverty', unitId: '', amount: '1000000' });
    if (!b.ok) throw new Error(JSON.stringify(b));
    for (let trial = 0; trial < TRIALS; trial++) {
      const id = await insertCase({
        applicant: `W${String(100 + trial).padStart(4, '0')}`,
        state: 'ready_for_payment',
        appliedOn: '2009-03-01',
        steps: [['approval', 'L0002']],
      });
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          recordPayment({ caseId: id, version: 1, paidOn: '2009-06-01', method: 'cash', reference: '' }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results) if (!r.ok) expect(r.code).toBe('conflict');
      const [paid] = await db.select({ n: count() }).from(payments).where(eq(payments.caseId, id));
      expect(paid.n).toBe(1);
    }
    const [budget] = await db.select().from(budgets).where(eq(budgets.id, b.data.id));
    const [paid] = await db
      .select({ total: sum(payments.amountFen).mapWith(Number) })
      .from(payments)
      .where(eq(payments.budgetId, b.data.id));
    expect(budget.spentFen).toBe(paid.total);
    expect(budget.spentFen).toBe(TRIALS * 100_000);
  });
});
