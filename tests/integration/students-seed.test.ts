import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { standardInForce } from '@/db/queries/cases';
import { fundReport } from '@/db/queries/fund-report';
import { computeAmount, type StandardCategory } from '@/lib/aid/standards';
import { budgets, caseDocuments, caseSteps, cases, payments, students } from '@/db/schema';
import { seedCases } from '@/db/seed-cases';
import { seedStudents } from '@/db/seed-students';
import { idNumberError } from '@/lib/id-number';
import { schoolingProblems, schoolYearOf } from '@/lib/students/stages';
import { todayInChina } from '@/lib/dates';
import { signInAs } from '../session';

const today = todayInChina();
const current = schoolYearOf(today);
let seeded: Awaited<ReturnType<typeof seedStudents>>;

beforeAll(async () => {
  const db = await getDb();
  await seedCases(db, today);
  seeded = await seedStudents(db, today);
});

describe('the fund’s demo seed', () => {
  it('is at about the mine’s scale over three school years, and runs once', async () => {
    const r = await fundReport(await getDb(), await signInAs('L0001'), current - 2, current);
    expect(seeded.students).toBeGreaterThan(140);
    // The mine's own three years: 369 person-times, ¥190,000+, 26 honoured.
    expect(r.total.aid.count).toBeGreaterThan(320);
    expect(r.total.aid.count).toBeLessThan(420);
    expect(r.total.paidFen).toBeGreaterThan(19_000_000);
    expect(r.total.awards.count).toBeGreaterThan(15);
    expect(r.total.awards.count).toBeLessThanOrEqual(27);
    expect(await seedStudents(await getDb(), today)).toEqual({ students: 0, cases: 0, payments: 0 });
  });

  it('keeps every rule the actions keep', async () => {
    const db = await getDb();
    for (const s of await db.select().from(students)) {
      expect(idNumberError(s.idNumber)).toBeNull();
      expect(schoolingProblems(s, current)).toEqual([]);
    }
    const fund = await db
      .select()
      .from(cases)
      .where(inArray(cases.kind, ['student_aid', 'student_award']));
    const history = await db
      .select()
      .from(caseSteps)
      .where(
        inArray(
          caseSteps.caseId,
          fund.map((c) => c.id),
        ),
      )
      .orderBy(caseSteps.id);
    for (const c of fund) {
      const moves = history.filter((h) => h.caseId === c.id);
      // Nobody acts on their own application, nor at two steps of one case.
      expect(moves.filter((m) => m.step).map((m) => m.actorId)).not.toContain(c.applicantId);
      const actors = moves.filter((m) => m.step).map((m) => m.actorId);
      expect(new Set(actors).size).toBe(actors.length);
      expect(moves.at(-1)?.toState).toBe(c.state);
      if (c.kind === 'student_aid' || c.awardTier) {
        // The amount is the one the standard in force on the application date gives.
        const standard = await standardInForce(db, c.appliedOn!);
        const computed = computeAmount(
          standard!,
          c.kind as 'student_aid' | 'student_award',
          c.category as StandardCategory,
          c.awardTier ?? c.stage!,
        );
        expect(computed.ok && computed.amount.fen).toBe(c.amountFen);
        expect(c.standardId).toBe(standard!.id);
      }
    }
    // Every paid case has one payment; every budget's spent figure is its payments' sum.
    const paid = fund.filter((c) => c.state === 'paid');
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(payments)
      .where(
        inArray(
          payments.caseId,
          paid.map((c) => c.id),
        ),
      );
    expect(n).toBe(paid.length);
    for (const b of await db.select().from(budgets).where(eq(budgets.aidKind, 'student_aid'))) {
      const [{ sum }] = await db
        .select({ sum: sql<number>`coalesce(sum(${payments.amountFen}), 0)::int` })
        .from(payments)
        .where(eq(payments.budgetId, b.id));
      expect(b.spentFen).toBe(sum);
      expect(b.spentFen).toBeLessThanOrEqual(b.amountFen);
    }
    // Each application carries the proof it needed.
    const [{ missing }] = await db
      .select({ missing: sql<number>`count(*)::int` })
      .from(cases)
      .where(
        and(
          eq(cases.kind, 'student_aid'),
          sql`NOT EXISTS (SELECT 1 FROM ${caseDocuments} d WHERE d.case_id = ${cases.id} AND d.purpose IN ('admission_letter', 'enrolment_certificate'))`,
        ),
      );
    expect(missing).toBe(0);
  });
});
