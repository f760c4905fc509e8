import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { fundReport } from '@/db/queries/fund-report';
import { budgets, cases, payments, students, users } from '@/db/schema';
import type { CaseState } from '@/lib/workflow/case-workflow';
import { reportWorkbook } from '@/lib/students/report-xlsx';
import type { AwardTier, Stage } from '@/lib/students/stages';
import { signInAs, userId } from '../session';
import { childId } from './students-fixtures';

/**
 * A known data set, hand-checked. Three students of three branches' workers:
 *   A — W0001 (采矿场分会, B01), undergraduate; B — W0005 (选矿厂分会, B02), primary;
 *   C — W0008 (机修厂分会, B03), senior secondary.
 *
 *   school year | student aid paid                      | awards paid
 *   2023        | A ¥3,000   B ¥500                     | —
 *   2024        | A ¥3,000   B ¥500   C ¥1,000          | A first ¥2,000
 *   2025        | A ¥3,500   C ¥1,000                   | C second ¥1,000, B third ¥800
 * Noise that must not count: a 2025 case still in publicity, a paid 2022 case, a paid hardship case.
 *
 * 2023–2025: aid 7 person-times, ¥12,500, 3 students; by stage undergraduate 3 / ¥9,500, primary
 * 2 / ¥1,000, senior 2 / ¥2,000; by branch B01 3 / ¥9,500, B02 2 / ¥1,000, B03 2 / ¥2,000;
 * awards 3 / ¥3,800 (first 1 / ¥2,000, second 1 / ¥1,000, third 1 / ¥800); paid ¥16,300.
 */
const yuan = (y: number) => y * 100;

let budgetId: number;
const student: Record<'A' | 'B' | 'C', { id: number; workerId: number; unitId: number; stage: Stage }> = {} as never;

async function paidCase(o: {
  who: 'A' | 'B' | 'C';
  kind: 'student_aid' | 'student_award';
  year: number;
  fen: number;
  tier?: AwardTier;
  state?: CaseState;
}) {
  const db = await getDb();
  const s = student[o.who];
  const state = o.state ?? 'paid';
  const [{ id }] = await db
    .insert(cases)
    .values({
      kind: o.kind,
      aidKind: o.kind,
      applicantId: s.workerId,
      unitId: s.unitId,
      category: 'none',
      state,
      eventOn: `${o.year}-09-01`,
      whatHappened: '',
      studentId: s.id,
      schoolYear: o.year,
      stage: s.stage,
      grade: 1,
      awardTier: o.tier ?? null,
      amountFen: o.fen,
      computedFen: o.fen,
      rule: { type: 'fixed', fen: o.fen },
      frequency: 'per_event',
      appliedOn: `${o.year}-09-01`,
      submittedAt: new Date(`${o.year}-09-01T08:00:00Z`),
      publicityStart: state === 'in_publicity' ? `${o.year}-09-10` : null,
      publicityEnd: state === 'in_publicity' ? `${o.year}-09-14` : null,
      submitToken: randomUUID(),
    })
    .returning({ id: cases.id });
  if (state === 'paid') {
    await db.insert(payments).values({
      caseId: id,
      budgetId,
      amountFen: o.fen,
      paidOn: `${o.year}-10-01`,
      method: 'bank_transfer',
      recordedBy: await userId('L0002'),
    });
  }
  return id;
}

beforeAll(async () => {
  const db = await getDb();
  [{ id: budgetId }] = await db
    .insert(budgets)
    .values({ year: 2025, aidKind: 'student_aid', amountFen: yuan(1_000_000) })
    .returning({ id: budgets.id });
  const people = { A: ['W0001', 'undergraduate'], B: ['W0005', 'primary'], C: ['W0008', 'senior_secondary'] } as const;
  for (const [key, [employeeNo, stage]] of Object.entries(people)) {
    const [w] = await db
      .select({ id: users.id, unitId: users.unitId })
      .from(users)
      .where(eq(users.employeeNo, employeeNo));
    const [{ id }] = await db
      .insert(students)
      .values({
        workerId: w.id,
        name: `学生${key}`,
        idNumber: childId('20080101'),
        birthDate: '2008-01-01',
        school: '学校',
        stage,
        grade: 1,
        admissionYear: 2023,
        createdBy: w.id,
      })
      .returning({ id: students.id });
    student[key as 'A' | 'B' | 'C'] = { id, workerId: w.id, unitId: w.unitId, stage };
  }
  const aid = (who: 'A' | 'B' | 'C', year: number, y: number, state?: CaseState) =>
    paidCase({ who, kind: 'student_aid', year, fen: yuan(y), state });
  const award = (who: 'A' | 'B' | 'C', year: number, tier: AwardTier, y: number) =>
    paidCase({ who, kind: 'student_award', year, fen: yuan(y), tier });
  await aid('A', 2023, 3000);
  await aid('B', 2023, 500);
  await aid('A', 2024, 3000);
  await aid('B', 2024, 500);
  await aid('C', 2024, 1000);
  await award('A', 2024, 'first', 2000);
  await aid('A', 2025, 3500);
  await aid('C', 2025, 1000);
  await award('C', 2025, 'second', 1000);
  await award('B', 2025, 'third', 800);
  // Noise.
  await aid('B', 2025, 500, 'in_publicity');
  await aid('B', 2022, 500);
  const hardship = await paidCase({ who: 'A', kind: 'student_aid', year: 2090, fen: yuan(999), state: 'draft' });
  await db
    .update(cases)
    .set({ kind: 'aid', aidKind: 'poverty', studentId: null, schoolYear: null, state: 'paid' })
    .where(eq(cases.id, hardship));
  await db.insert(payments).values({
    caseId: hardship,
    budgetId,
    amountFen: yuan(999),
    paidOn: '2024-10-01',
    method: 'cash',
    recordedBy: await userId('L0002'),
  });
});

describe('the fund report', () => {
  it('gives the hand-checked figures per year and over the span, for a leader', async () => {
    const r = await fundReport(await getDb(), await signInAs('L0001'), 2023, 2025);
    expect(r.years.map((y) => y.schoolYear)).toEqual([2023, 2024, 2025]);
    const [y23, y24, y25] = r.years;
    expect([y23.aid, y24.aid, y25.aid]).toEqual([
      { count: 2, fen: yuan(3500) },
      { count: 3, fen: yuan(4500) },
      { count: 2, fen: yuan(4500) },
    ]);
    expect([y23.students, y24.students, y25.students, r.total.students]).toEqual([2, 3, 2, 3]);
    expect(r.total.aid).toEqual({ count: 7, fen: yuan(12_500) });
    expect(r.total.byStage).toEqual({
      primary: { count: 2, fen: yuan(1000) },
      junior_secondary: { count: 0, fen: 0 },
      senior_secondary: { count: 2, fen: yuan(2000) },
      vocational: { count: 0, fen: 0 },
      undergraduate: { count: 3, fen: yuan(9500) },
      postgraduate: { count: 0, fen: 0 },
    });
    expect(r.total.byBranch.map(({ branchName, count, fen }) => ({ branchName, count, fen }))).toEqual([
      { branchName: '采矿场分会', count: 3, fen: yuan(9500) },
      { branchName: '选矿厂分会', count: 2, fen: yuan(1000) },
      { branchName: '机修厂分会', count: 2, fen: yuan(2000) },
    ]);
    expect(r.total.awards).toEqual({ count: 3, fen: yuan(3800) });
    expect(r.total.byTier).toEqual({
      first: { count: 1, fen: yuan(2000) },
      second: { count: 1, fen: yuan(1000) },
      third: { count: 1, fen: yuan(800) },
    });
    expect(y24.byTier.first).toEqual({ count: 1, fen: yuan(2000) });
    expect(r.total.paidFen).toBe(yuan(16_300));
    // The years add up to the total.
    expect(r.years.reduce((s, y) => s + y.paidFen, 0)).toBe(r.total.paidFen);
  });

  it('one year alone, and a branch official sees only their branch', async () => {
    const one = await fundReport(await getDb(), await signInAs('L0001'), 2024, 2024);
    expect(one.total).toMatchObject({
      aid: { count: 3, fen: yuan(4500) },
      awards: { count: 1, fen: yuan(2000) },
      students: 3,
      paidFen: yuan(6500),
    });

    const b1 = await fundReport(await getDb(), await signInAs('B0001'), 2023, 2025);
    expect(b1.total).toMatchObject({
      aid: { count: 3, fen: yuan(9500) },
      students: 1,
      awards: { count: 1, fen: yuan(2000) },
      paidFen: yuan(11_500),
    });
    expect(b1.total.byBranch.map((b) => b.branchName)).toEqual(['采矿场分会']);
    const b2 = await fundReport(await getDb(), await signInAs('B0002'), 2023, 2025);
    expect(b2.total).toMatchObject({ aid: { count: 2, fen: yuan(1000) }, awards: { count: 1, fen: yuan(800) } });
  });

  it('exports the same figures to XLSX', async () => {
    const r = await fundReport(await getDb(), await signInAs('L0001'), 2023, 2025);
    const t = (key: string, v?: Record<string, string | number>) => (v ? `${key}:${Object.values(v).join('-')}` : key);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(r, t)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'students.report.summary',
      'students.report.byStage',
      'students.report.byBranch',
      'students.report.byTier',
    ]);
    const summary = wb.worksheets[0];
    expect(summary.getRow(2).values).toEqual([undefined, 'students.schoolYear:2023-2024', 2, 2, 3500, 0, 0, 3500]);
    expect(summary.getRow(5).values).toEqual([undefined, 'students.report.total', 7, 3, 12500, 3, 3800, 16300]);
    const tiers = wb.worksheets[3];
    expect(tiers.getRow(5).values).toEqual([undefined, 'students.report.total', 1, 2000, 1, 1000, 1, 800]);
  });
});
