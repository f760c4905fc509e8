import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { threeYearReport, type ThreeYearReport } from '@/db/queries/reports';
import {
  budgets,
  cases,
  householdEvents,
  households,
  orgUnits,
  payments,
  students,
  tasks,
  users,
  visits,
} from '@/db/schema';
import type { ReportLine } from '@/lib/reports/lines';
import { insertCase } from '../cases-fixtures';
import { signInAs, userId } from '../session';
import { childId } from './students-fixtures';

/**
 * A known data set in 2010–2014 (the demo mine's own register lies in the last three years, so
 * these years hold only what is made here). Units: W0001 and W0017 in 一采区支会 (S0001), W0002 in
 * 二采区支会 — both under 采矿场分会 (B0001) — and W0005 in 破碎车间支会 under 选矿厂分会 (B02).
 *
 * Hardship aid, by payment year:
 *   W0001 poverty ¥1,000 paid 2011-03-20; W0001 poverty ¥2,000 applied 2011-12-20, paid 2012-01-05;
 *   W0017 death of a parent ¥1,000 paid 2013; W0002 illness ¥1,500 paid 2012;
 *   W0005 poverty ¥3,000 paid 2011 and ¥2,500 paid 2013.
 *   Noise: paid 2010-12-31 and 2014-01-10; a case ready for payment (unpaid); the fund's payments.
 * Dream Come True fund, by school year: A (W0001's child) aid ¥3,000 in 2011 and 2012, first award
 *   ¥2,000 in 2012; B (W0005's) aid ¥500 in 2012 and 2013; C (W0002's) aid ¥1,000 in 2013. Noise: A 2010.
 * Register: H1 W0001 filed 2011-03-01, exited 2012-06-01, filed again 2013-02-01 (a category change
 *   in 2012 does not count); H2 W0017 filed 2010, exited 2013; H3 W0002 filed 2011; H4 W0005 filed
 *   2013-01-10, exited 2013-11-01.
 * Visits: H1 2011 ×2 and 2012; H2 2012; H3 2013; H4 2013. Noise: H1 2010 and 2014.
 * Deeds done: H1 2012; H3 2013; H4 2013. Noise: H2 open; H1 done 2014.
 */
const yuan = (y: number) => y * 100;
const fig = (count: number, y = 0) => ({ count, fen: yuan(y) });
const NIL = fig(0);

let budgetId: number;
let recorder: number;

async function unitOf(employeeNo: string) {
  const db = await getDb();
  const [u] = await db
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .where(eq(users.employeeNo, employeeNo));
  return u;
}

async function pay(caseId: number, y: number, paidOn: string) {
  const db = await getDb();
  await db
    .insert(payments)
    .values({ caseId, budgetId, amountFen: yuan(y), paidOn, method: 'bank_transfer', recordedBy: recorder });
}

async function hardship(
  applicant: string,
  aidKind: 'poverty' | 'illness' | 'death_of_parent',
  y: number,
  paidOn: string,
  appliedOn = paidOn,
) {
  await pay(await insertCase({ applicant, state: 'paid', aidKind, amountFen: yuan(y), appliedOn }), y, paidOn);
}

async function student(parent: string) {
  const db = await getDb();
  const w = await unitOf(parent);
  const [{ id }] = await db
    .insert(students)
    .values({
      workerId: w.id,
      name: `学生${parent}`,
      idNumber: childId('20000101'),
      birthDate: '2000-01-01',
      school: '学校',
      stage: 'undergraduate',
      grade: 1,
      admissionYear: 2011,
      createdBy: w.id,
    })
    .returning({ id: students.id });
  return { id, workerId: w.id, unitId: w.unitId };
}

async function fundCase(
  s: { id: number; workerId: number; unitId: number },
  kind: 'student_aid' | 'student_award',
  schoolYear: number,
  y: number,
) {
  const db = await getDb();
  const [{ id }] = await db
    .insert(cases)
    .values({
      kind,
      aidKind: kind,
      applicantId: s.workerId,
      unitId: s.unitId,
      category: 'none',
      state: 'paid',
      eventOn: `${schoolYear}-09-01`,
      whatHappened: '',
      studentId: s.id,
      schoolYear,
      stage: 'undergraduate',
      grade: 1,
      awardTier: kind === 'student_award' ? 'first' : null,
      amountFen: yuan(y),
      computedFen: yuan(y),
      rule: { type: 'fixed', fen: yuan(y) },
      frequency: 'per_event',
      appliedOn: `${schoolYear}-09-01`,
      submittedAt: new Date(`${schoolYear}-09-01T08:00:00Z`),
      submitToken: randomUUID(),
    })
    .returning({ id: cases.id });
  await pay(id, y, `${schoolYear}-10-01`);
}

/** A household with its timeline: [kind, day] events; exited when the last one is an exit. */
async function household(worker: string, events: ['filed' | 'refiled' | 'exited' | 'category_changed', string][]) {
  const db = await getDb();
  const w = await unitOf(worker);
  const last = events.filter(([k]) => k !== 'category_changed').at(-1)!;
  const exited = last[0] === 'exited';
  const [{ id }] = await db
    .insert(households)
    .values({
      workerId: w.id,
      unitId: w.unitId,
      status: exited ? 'exited' : 'active',
      category: 'hardship',
      keepingLevel: 'sub_branch',
      causes: ['poverty'],
      monthlyIncomeFen: yuan(1500),
      address: '矿区',
      phone: '13800000000',
      filedOn: events[0][1],
      reviewDue: '2014-12-31',
      exitedOn: exited ? last[1] : null,
      exitReason: exited ? '就业' : null,
    })
    .returning({ id: households.id });
  await db
    .insert(householdEvents)
    .values(events.map(([kind, on]) => ({ householdId: id, kind, on, toCategory: 'hardship' as const })));
  return { id, unitId: w.unitId };
}

async function visit(householdId: number, visitedOn: string) {
  const db = await getDb();
  await db
    .insert(visits)
    .values({ householdId, visitedOn, visitors: '工会干部', knows: ['name'], recordedBy: recorder });
}

async function deed(h: { id: number; unitId: number }, doneOn: string | null) {
  const db = await getDb();
  await db.insert(tasks).values({
    householdId: h.id,
    unitId: h.unitId,
    appeal: '诉求',
    ownerId: recorder,
    dueOn: '2012-12-31',
    status: doneOn ? 'done' : 'open',
    outcome: doneOn ? '已办结' : null,
    doneOn,
  });
}

beforeAll(async () => {
  const db = await getDb();
  recorder = await userId('L0002');
  [{ id: budgetId }] = await db
    .insert(budgets)
    .values({ year: 2012, aidKind: 'poverty', amountFen: yuan(1_000_000) })
    .returning({ id: budgets.id });

  await hardship('W0001', 'poverty', 1000, '2011-03-20', '2011-03-01');
  await hardship('W0001', 'poverty', 2000, '2012-01-05', '2011-12-20');
  await hardship('W0017', 'death_of_parent', 1000, '2013-05-01');
  await hardship('W0002', 'illness', 1500, '2012-06-01');
  await hardship('W0005', 'poverty', 3000, '2011-08-01');
  await hardship('W0005', 'poverty', 2500, '2013-02-01');
  await hardship('W0002', 'poverty', 9000, '2010-12-31');
  await hardship('W0001', 'poverty', 9000, '2014-01-10');
  await insertCase({ applicant: 'W0005', state: 'ready_for_payment', amountFen: yuan(9000), appliedOn: '2012-05-01' });

  const [a, b, c] = [await student('W0001'), await student('W0005'), await student('W0002')];
  await fundCase(a, 'student_aid', 2011, 3000);
  await fundCase(a, 'student_aid', 2012, 3000);
  await fundCase(a, 'student_award', 2012, 2000);
  await fundCase(b, 'student_aid', 2012, 500);
  await fundCase(b, 'student_aid', 2013, 500);
  await fundCase(c, 'student_aid', 2013, 1000);
  await fundCase(a, 'student_aid', 2010, 3000);

  const h1 = await household('W0001', [
    ['filed', '2011-03-01'],
    ['category_changed', '2012-01-01'],
    ['exited', '2012-06-01'],
    ['refiled', '2013-02-01'],
  ]);
  const h2 = await household('W0017', [
    ['filed', '2010-05-01'],
    ['exited', '2013-04-01'],
  ]);
  const h3 = await household('W0002', [['filed', '2011-07-01']]);
  const h4 = await household('W0005', [
    ['filed', '2013-01-10'],
    ['exited', '2013-11-01'],
  ]);
  for (const [h, day] of [
    [h1, '2011-04-01'],
    [h1, '2011-09-01'],
    [h1, '2012-03-01'],
    [h2, '2012-05-01'],
    [h3, '2013-02-01'],
    [h4, '2013-03-01'],
    [h1, '2010-12-01'],
    [h1, '2014-01-02'],
  ] as const) {
    await visit(h.id, day);
  }
  await deed(h1, '2012-04-01');
  await deed(h3, '2013-03-01');
  await deed(h4, '2013-04-01');
  await deed(h2, null);
  await deed(h1, '2014-02-01');
});

/** The report's lines as `name: [per year…, total]`, a hardship kind's line under its kind. */
function table(r: ThreeYearReport): Record<string, { count: number; fen: number }[]> {
  const name = (l: ReportLine) => (l.key === 'aidKind' ? l.aidKind! : l.key);
  return Object.fromEntries(r.sections.flatMap((s) => s.lines).map((l) => [name(l), [...l.years, l.total]]));
}
const counts = (figures: { count: number }[]) => figures.map((f) => f.count);
const cohorts = (r: ThreeYearReport) => r.sections.flatMap((s) => s.lines).find((l) => l.key === 'exitRate')?.cohorts;

async function unitId(code: string) {
  const [u] = await (await getDb()).select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
  return u.id;
}

describe('the three-year report', () => {
  it('gives a leader the whole mine per year and in total, each programme in its order', async () => {
    const r = await threeYearReport(await getDb(), await signInAs('L0001'), { from: 2011, to: 2013 });
    expect(r.years).toEqual([2011, 2012, 2013]);
    expect(r.unit).toBeNull();
    expect(r.sections.map((s) => s.programme)).toEqual([
      'hardship',
      'students',
      'mutual',
      'campaigns',
      'register',
      'visits',
      'tasks',
      'premiums',
      'employment',
      'care',
    ]);
    expect(r.sections[0].lines.map((l) => l.aidKind ?? l.key)).toEqual([
      'poverty',
      'illness',
      'death_of_parent',
      'aidSubtotal',
    ]);
    const t = table(r);
    expect(t.poverty).toEqual([fig(2, 4000), fig(1, 2000), fig(1, 2500), fig(4, 8500)]);
    expect(t.illness).toEqual([NIL, fig(1, 1500), NIL, fig(1, 1500)]);
    expect(t.death_of_parent).toEqual([NIL, NIL, fig(1, 1000), fig(1, 1000)]);
    expect(t.aidSubtotal).toEqual([fig(2, 4000), fig(2, 3500), fig(2, 3500), fig(6, 11_000)]);
    expect(t.studentAid).toEqual([fig(1, 3000), fig(2, 3500), fig(2, 1500), fig(5, 8000)]);
    // Three different students over the span, though the years add up to five.
    expect(counts(t.students)).toEqual([1, 2, 2, 3]);
    expect(t.awards).toEqual([NIL, fig(1, 2000), NIL, fig(1, 2000)]);
    expect(counts(t.filed)).toEqual([2, 0, 2, 4]);
    expect(counts(t.exited)).toEqual([0, 1, 2, 3]);
    // On the register on 1 January: 2011 H2; 2012 H1, H2, H3 (H1 left); 2013 H2, H3 (H2 left; H4
    // filed and left within 2013, so it is in the year's exits but not in its cohort).
    expect(cohorts(r)).toEqual([
      { atStart: 1, left: 0 },
      { atStart: 3, left: 1 },
      { atStart: 2, left: 1 },
    ]);
    expect(counts(t.visits)).toEqual([2, 2, 2, 6]);
    expect(counts(t.visitedHouseholds)).toEqual([1, 2, 2, 4]);
    expect(counts(t.tasksDone)).toEqual([0, 1, 2, 3]);
    expect(
      r.sections
        .flatMap((s) => s.lines)
        .filter((l) => l.money)
        .map((l) => l.aidKind ?? l.key),
    ).toEqual([
      'poverty',
      'illness',
      'death_of_parent',
      'aidSubtotal',
      'studentAid',
      'awards',
      'mutualMedical',
      'mutualInsurance',
      'campaignHandovers',
      'campaignPersons',
      'premiumsPaid',
      'survivorSubsidies',
      'elderAdvances',
    ]);
    // No mutual-aid claim in this fixture either: its lines are there, at zero.
    expect(t.mutualMedical).toEqual([NIL, NIL, NIL, NIL]);
    // No campaign in this fixture: the campaign lines are there, at zero.
    expect(t.campaignHandovers).toEqual([NIL, NIL, NIL, NIL]);
  });

  it('gives a sub-branch official only their unit’s share', async () => {
    const s1 = await signInAs('S0001');
    const r = await threeYearReport(await getDb(), s1, { from: 2011, to: 2013 });
    expect(r.unit).toMatchObject({ id: s1.unitId, name: '一采区支会' });
    const t = table(r);
    expect(r.sections[0].lines.map((l) => l.aidKind ?? l.key)).toEqual(['poverty', 'death_of_parent', 'aidSubtotal']);
    expect(t.poverty).toEqual([fig(1, 1000), fig(1, 2000), NIL, fig(2, 3000)]);
    expect(t.aidSubtotal).toEqual([fig(1, 1000), fig(1, 2000), fig(1, 1000), fig(3, 4000)]);
    expect(t.studentAid).toEqual([fig(1, 3000), fig(1, 3000), NIL, fig(2, 6000)]);
    expect(counts(t.students)).toEqual([1, 1, 0, 1]);
    expect(t.awards).toEqual([NIL, fig(1, 2000), NIL, fig(1, 2000)]);
    expect(counts(t.filed)).toEqual([1, 0, 1, 2]);
    expect(counts(t.exited)).toEqual([0, 1, 1, 2]);
    expect(cohorts(r)).toEqual([
      { atStart: 1, left: 0 },
      { atStart: 2, left: 1 },
      { atStart: 1, left: 1 },
    ]);
    expect(counts(t.visits)).toEqual([2, 2, 0, 4]);
    expect(counts(t.visitedHouseholds)).toEqual([1, 2, 0, 2]);
    expect(counts(t.tasksDone)).toEqual([0, 1, 0, 1]);
  });

  it('lets a leader choose any unit, and a branch official their branch', async () => {
    const b02 = await unitId('B02');
    const r = await threeYearReport(await getDb(), await signInAs('L0001'), { from: 2011, to: 2013 }, b02);
    expect(r.unit).toMatchObject({ id: b02, name: '选矿厂分会', level: 'branch' });
    const t = table(r);
    expect(t.aidSubtotal).toEqual([fig(1, 3000), NIL, fig(1, 2500), fig(2, 5500)]);
    expect(t.studentAid).toEqual([NIL, fig(1, 500), fig(1, 500), fig(2, 1000)]);
    expect(counts(t.students)).toEqual([0, 1, 1, 1]);
    expect(counts(t.filed)).toEqual([0, 0, 1, 1]);
    expect(counts(t.exited)).toEqual([0, 0, 1, 1]);
    expect(counts(t.visits)).toEqual([0, 0, 1, 1]);
    expect(counts(t.tasksDone)).toEqual([0, 0, 1, 1]);

    const b1 = table(await threeYearReport(await getDb(), await signInAs('B0001'), { from: 2011, to: 2013 }));
    expect(b1.aidSubtotal).toEqual([fig(1, 1000), fig(2, 3500), fig(1, 1000), fig(4, 5500)]);
    expect(b1.studentAid).toEqual([fig(1, 3000), fig(1, 3000), fig(1, 1000), fig(3, 7000)]);
    expect(counts(b1.filed)).toEqual([2, 0, 1, 3]);
    expect(counts(b1.visitedHouseholds)).toEqual([1, 2, 1, 3]);
  });

  it('answers a unit outside an official’s scope like one that does not exist', async () => {
    const db = await getDb();
    const s1 = await signInAs('S0001');
    for (const id of [await unitId('B02'), await unitId('B01'), 999_999]) {
      await expect(threeYearReport(db, s1, { from: 2011, to: 2013 }, id)).rejects.toMatchObject({ code: 'not_found' });
    }
  });

  it('covers only the span asked for; kinds with nothing paid in it have no line', async () => {
    const r = await threeYearReport(await getDb(), await signInAs('L0001'), { from: 2012, to: 2012 });
    expect(r.years).toEqual([2012]);
    expect(r.sections[0].lines.map((l) => l.aidKind ?? l.key)).toEqual(['poverty', 'illness', 'aidSubtotal']);
    const t = table(r);
    expect(t.aidSubtotal).toEqual([fig(2, 3500), fig(2, 3500)]);
    expect(t.studentAid).toEqual([fig(2, 3500), fig(2, 3500)]);
    expect(counts(t.filed)).toEqual([0, 0]);
    expect(counts(t.exited)).toEqual([1, 1]);
    expect(counts(t.visitedHouseholds)).toEqual([2, 2]);
    expect(counts(t.tasksDone)).toEqual([1, 1]);

    // The noise years appear once the span reaches them.
    const wide = table(await threeYearReport(await getDb(), await signInAs('L0001'), { from: 2010, to: 2014 }));
    expect(wide.poverty.at(-1)).toEqual(fig(6, 26_500));
    expect(counts(wide.studentAid)).toEqual([1, 1, 2, 2, 0, 6]);
    expect(counts(wide.filed)).toEqual([1, 2, 0, 2, 0, 5]);
    expect(counts(wide.visits)).toEqual([1, 2, 2, 2, 1, 8]);
    expect(counts(wide.tasksDone)).toEqual([0, 0, 1, 2, 1, 4]);
  });
});
