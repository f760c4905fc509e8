import { and, count, eq, inArray, like, or, sql, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { cases, mutualClaims, mutualEnrolments, mutualFunds, payments, users } from '@/db/schema';
import { seedMutualAid } from '@/db/seed-mutual-aid';
import { REBUILD_CASE_STATS } from '@/lib/stats/case-stats';
import { CASE_STATES } from '@/lib/workflow/case-workflow';
import { today, year } from '../mutual-aid-fixtures';

describe('the mutual-aid demo seed', () => {
  it('adds three years whose funds, caps and payments add up, every state, and leaves W0001–W0010 and W0161 alone', async () => {
    const db = await getDb();
    const seeded = await seedMutualAid(db, today);
    expect(seeded.claims).toBeGreaterThan(1_000);
    expect(await seedMutualAid(db, today)).toEqual({ enrolments: 0, claims: 0 });

    // About 500 medical and 190 insurance claims in each full year.
    const perYear = await db
      .select({ capYear: mutualClaims.capYear, n: count() })
      .from(mutualClaims)
      .groupBy(mutualClaims.capYear);
    const last = perYear.find((p) => p.capYear === year - 1)!;
    expect(last.n).toBeGreaterThan(600);
    expect(last.n).toBeLessThan(760);

    const states = await db.selectDistinct({ state: cases.state }).from(cases).where(eq(cases.kind, 'mutual_aid'));
    expect(states.map((s) => s.state).sort()).toEqual([...CASE_STATES].sort());

    // Each fund's payouts are the payments of its claims; its contributions those not unpaid.
    const funds = await db.select().from(mutualFunds);
    for (const f of funds) {
      const [paid] = await db
        .select({ total: sum(payments.amountFen).mapWith(Number), n: count() })
        .from(payments)
        .innerJoin(mutualClaims, eq(mutualClaims.caseId, payments.caseId))
        .where(and(eq(mutualClaims.schemeId, f.schemeId), eq(mutualClaims.capYear, f.year)));
      expect(f.payoutsFen).toBe(paid.total ?? 0);
      expect(f.payouts).toBe(paid.n);
      const [inflow] = await db
        .select({ total: sum(mutualEnrolments.contributionFen).mapWith(Number) })
        .from(mutualEnrolments)
        .where(
          and(
            eq(mutualEnrolments.schemeId, f.schemeId),
            eq(mutualEnrolments.year, f.year),
            inArray(mutualEnrolments.contributionStatus, ['paid', 'payroll']),
          ),
        );
      expect(f.contributionsFen).toBe(inflow.total ?? 0);
    }
    const [{ drift }] = await db
      .execute<{ drift: number }>(
        sql`SELECT count(*)::int AS drift FROM mutual_caps c WHERE c.used_fen <> coalesce((SELECT sum(cap_drawn_fen)
          FROM mutual_claims m WHERE m.enrolment_id = c.enrolment_id AND m.cap_year = c.year), 0)`,
      )
      .then((r) => r.rows);
    expect(drift).toBe(0);

    const [{ firstTen }] = await db
      .select({ firstTen: count() })
      .from(mutualEnrolments)
      .innerJoin(users, eq(users.id, mutualEnrolments.memberId))
      .where(or(like(users.employeeNo, 'W000%'), eq(users.employeeNo, 'W0010'), eq(users.employeeNo, 'W0161')));
    expect(firstTen).toBe(0);

    // The seeded figures are the aggregates' own definition: rebuilding changes nothing.
    const before = await db.execute(sql`SELECT * FROM payment_months ORDER BY year, month, unit_id`);
    for (const s of REBUILD_CASE_STATS) await db.execute(sql.raw(s));
    const after = await db.execute(sql`SELECT * FROM payment_months ORDER BY year, month, unit_id`);
    expect(after.rows).toEqual(before.rows);
  });
});
