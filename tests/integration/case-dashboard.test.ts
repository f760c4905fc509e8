import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBudget } from '@/lib/aid/aid-admin-actions';
import { recordPayment } from '@/lib/cases/case-actions';
import { getDb } from '@/db/client';
import { caseFigures, workerCaseFigures, type CaseFigures } from '@/db/queries/case-dashboard';
import { budgets, caseSteps, cases, notifications, objections, orgUnits, payments } from '@/db/schema';
import type { AidKind } from '@/lib/aid/standards';
import type { CaseState, Step } from '@/lib/workflow/case-workflow';
import { rebuildCaseStats } from '@/lib/stats/case-stats';
import { insertCase } from '../cases-fixtures';
import { signInAs, userId } from '../session';

/**
 * A small known set of cases in a year nobody else's tests use (2011), so that the year's figures
 * are exactly the ones computed by hand below even on the shared test server. The queues' counts
 * are not bound to a year: they are checked as differences from before the cases were made, and
 * the cases are dated so that theirs are the oldest waits. The cases and budgets made here are
 * removed after (their audit rows stay, as audit rows do).
 *
 * Applicants: W0033 (一采区, the sub-branch of S0001, in B0001's branch), W0034 (二采区, also in
 * B0001's branch), W0037 (破碎车间, in the second branch).
 */
const YEAR = 2011;
const TODAY = `${YEAR}-12-31`;
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const made: number[] = [];

async function makeCase(o: {
  applicant: string;
  kind: AidKind;
  state: CaseState;
  fen: number;
  steps?: [Step, string][];
  approvedOn?: string;
  reachedOn?: string;
}) {
  // The publicity date goes in with the case: the fixture keeps the dashboards' aggregates from the row it inserts.
  const id = await insertCase({
    applicant: o.applicant,
    aidKind: o.kind,
    state: o.state,
    amountFen: o.fen,
    steps: o.steps,
    appliedOn: `${YEAR}-01-10`,
    publicityStart: o.approvedOn ?? null,
  });
  made.push(id);
  if (o.reachedOn)
    await (
      await getDb()
    )
      .update(cases)
      .set({ updatedAt: at(o.reachedOn) })
      .where(eq(cases.id, id));
  return id;
}

/** Pays a ready case as L0002 (who acted at no other step), on a day of the test year. */
async function pay(id: number, paidOn: string) {
  await signInAs('L0002');
  const r = await recordPayment({
    caseId: id,
    version: 1,
    paidOn,
    method: 'bank_transfer',
    reference: `T-${id}`,
    repeatReason: '测试',
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
}

const chain = (verifier: string, reviewer: string): [Step, string][] => [
  ['verification', verifier],
  ['review', reviewer],
  ['approval', 'L0001'],
];

async function figures(employeeNo: string): Promise<CaseFigures> {
  const f = await caseFigures(await getDb(), await signInAs(employeeNo), TODAY);
  if (!f) throw new Error(`no figures for ${employeeNo}`);
  return f;
}

const waitCounts = (f: CaseFigures) => Object.fromEntries(f.waits.map((w) => [w.step, w.count]));
const oldest = (f: CaseFigures) => Object.fromEntries(f.waits.map((w) => [w.step, w.oldestDays]));
const diff = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
const kindRow = (f: CaseFigures, kind: AidKind) => f.perKind.find((k) => k.kind === kind);

const before: Record<string, Record<string, number>> = {};
let branchName = '';
let branchId = 0;
let workerCases: number[] = [];

beforeAll(async () => {
  for (const who of ['L0001', 'B0001', 'S0001']) before[who] = waitCounts(await figures(who));
  const db = await getDb();
  const [b01] = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.code, 'B01'));
  branchName = b01.name;
  branchId = b01.id;

  await signInAs('L0001');
  for (const [aidKind, unitId, amount] of [
    ['poverty', '', '10000'],
    ['poverty', String(b01.id), '5000'],
    ['illness', '', '8000'],
    ['death_of_parent', '', '3000'],
  ] as const) {
    const r = await setBudget({ year: YEAR, aidKind, unitId, amount });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }

  // Paid in the year: A (B0001's branch, its poverty split), B (illness, mine-wide), C (the other
  // branch, poverty mine-wide), K (approved the year before, paid in this one).
  const a = await makeCase({
    applicant: 'W0033',
    kind: 'poverty',
    state: 'ready_for_payment',
    fen: 200_000,
    steps: chain('S0001', 'B0001'),
    approvedOn: `${YEAR}-06-01`,
  });
  const b = await makeCase({
    applicant: 'W0034',
    kind: 'illness',
    state: 'ready_for_payment',
    fen: 300_000,
    steps: chain('S0002', 'B0001'),
    approvedOn: `${YEAR}-06-20`,
  });
  const c = await makeCase({
    applicant: 'W0037',
    kind: 'poverty',
    state: 'ready_for_payment',
    fen: 150_000,
    steps: chain('S0005', 'B0002'),
    approvedOn: `${YEAR}-07-20`,
  });
  const k = await makeCase({
    applicant: 'W0037',
    kind: 'death_of_parent',
    state: 'ready_for_payment',
    fen: 100_000,
    steps: chain('S0005', 'B0002'),
    approvedOn: `${YEAR - 1}-12-20`,
  });
  await pay(a, `${YEAR}-06-10`);
  await pay(b, `${YEAR}-07-01`);
  await pay(c, `${YEAR}-08-01`);
  await pay(k, `${YEAR}-01-05`);

  // Approved, not paid: D in publicity with an undecided objection, E in publicity, I ready for payment.
  const d = await makeCase({
    applicant: 'W0033',
    kind: 'illness',
    state: 'in_publicity',
    fen: 250_000,
    steps: chain('S0001', 'B0001'),
    approvedOn: `${YEAR}-12-20`,
  });
  await (
    await getDb()
  )
    .insert(objections)
    .values({ caseId: d, byId: await userId('W0040'), reason: '测试异议', createdAt: at(`${YEAR}-12-25`) });
  await makeCase({
    applicant: 'W0034',
    kind: 'poverty',
    state: 'in_publicity',
    fen: 100_000,
    steps: chain('S0002', 'B0001'),
    approvedOn: `${YEAR}-11-01`,
  });
  await makeCase({
    applicant: 'W0034',
    kind: 'illness',
    state: 'ready_for_payment',
    fen: 120_000,
    steps: chain('S0002', 'B0001'),
    approvedOn: `${YEAR}-12-01`,
    reachedOn: `${YEAR}-12-11`,
  });

  // Waiting at the decision steps, and a rejected case and a draft that count nowhere.
  await makeCase({ applicant: 'W0037', kind: 'poverty', state: 'submitted', fen: 200_000, reachedOn: `${YEAR}-12-01` });
  await makeCase({
    applicant: 'W0033',
    kind: 'poverty',
    state: 'verified',
    fen: 200_000,
    steps: [['verification', 'S0001']],
    reachedOn: `${YEAR}-12-21`,
  });
  await makeCase({
    applicant: 'W0037',
    kind: 'poverty',
    state: 'reviewed',
    fen: 200_000,
    steps: chain('S0005', 'B0002').slice(0, 2),
    reachedOn: `${YEAR}-12-29`,
  });
  await makeCase({
    applicant: 'W0033',
    kind: 'poverty',
    state: 'rejected',
    fen: 200_000,
    steps: [['verification', 'S0001']],
  });
  await makeCase({ applicant: 'W0033', kind: 'special_hardship', state: 'draft', fen: 300_000 });
  workerCases = made.filter((_, i) => [0, 4, 8, 10, 11].includes(i)).reverse();
});

afterAll(async () => {
  const db = await getDb();
  await db.delete(payments).where(inArray(payments.caseId, made));
  await db.delete(objections).where(inArray(objections.caseId, made));
  await db.delete(notifications).where(inArray(notifications.caseId, made));
  await db.delete(caseSteps).where(inArray(caseSteps.caseId, made));
  await db.delete(cases).where(inArray(cases.id, made));
  await db.delete(budgets).where(eq(budgets.year, YEAR));
  // Deleting cases is no action of the app: the aggregates are put back from the tables.
  await db.transaction((tx) => rebuildCaseStats(tx));
});

describe('a leader’s case figures', () => {
  it('count the waiting cases of the whole mine per step, with the oldest wait', async () => {
    const f = await figures('L0001');
    expect(diff(waitCounts(f), before.L0001)).toEqual({
      verification: 1,
      review: 1,
      approval: 1,
      publicity: 1,
      payment: 1,
    });
    // Reached on 12-01, 12-21, 12-29; the objection came 12-25; ready since 12-11.
    expect(oldest(f)).toEqual({ verification: 30, review: 10, approval: 2, publicity: 6, payment: 20 });
  });

  it('add up approved and paid per kind in the year, and every budget line of the kind', async () => {
    const f = await figures('L0001');
    expect(f.year).toBe(YEAR);
    expect(f.budgetView).toBe('mine');
    expect(f.perKind).toEqual([
      {
        kind: 'poverty',
        approvedCount: 3,
        approvedFen: 450_000,
        paidCount: 2,
        paidFen: 350_000,
        budget: { amountFen: 1_500_000, spentFen: 350_000, leftFen: 1_150_000, unitName: null },
      },
      {
        kind: 'illness',
        approvedCount: 3,
        approvedFen: 670_000,
        paidCount: 1,
        paidFen: 300_000,
        budget: { amountFen: 800_000, spentFen: 300_000, leftFen: 500_000, unitName: null },
      },
      {
        kind: 'death_of_parent',
        approvedCount: 0,
        approvedFen: 0,
        paidCount: 1,
        paidFen: 100_000,
        budget: { amountFen: 300_000, spentFen: 100_000, leftFen: 200_000, unitName: null },
      },
    ]);
    // The split kind's lines: the mine's own (C drew on it) and the branch's (A drew on it).
    expect(f.splits).toEqual([
      { kind: 'poverty', unitName: null, unitId: null, amountFen: 1_000_000, spentFen: 150_000, leftFen: 850_000 },
      {
        kind: 'poverty',
        unitName: branchName,
        unitId: branchId,
        amountFen: 500_000,
        spentFen: 200_000,
        leftFen: 300_000,
      },
    ]);
  });
});

describe('an official’s case figures', () => {
  it('count only their unit’s cases: the branch official', async () => {
    const f = await figures('B0001');
    expect(diff(waitCounts(f), before.B0001)).toEqual({
      verification: 0,
      review: 1,
      approval: 0,
      publicity: 1,
      payment: 1,
    });
    expect(oldest(f)).toMatchObject({ review: 10, publicity: 6, payment: 20 });
    expect(f.budgetView).toBe('drawn');
    expect(f.splits).toEqual([]);
    expect(f.perKind).toEqual([
      // A and E; A paid from the branch's split, which is the budget shown.
      {
        kind: 'poverty',
        approvedCount: 2,
        approvedFen: 300_000,
        paidCount: 1,
        paidFen: 200_000,
        budget: { amountFen: 500_000, spentFen: 200_000, leftFen: 300_000, unitName: branchName },
      },
      // B, D and I; no split for illness: the mine-wide budget, spent by B.
      {
        kind: 'illness',
        approvedCount: 3,
        approvedFen: 670_000,
        paidCount: 1,
        paidFen: 300_000,
        budget: { amountFen: 800_000, spentFen: 300_000, leftFen: 500_000, unitName: null },
      },
      // Nothing of the branch's, but the budget its payments would draw on is shown.
      {
        kind: 'death_of_parent',
        approvedCount: 0,
        approvedFen: 0,
        paidCount: 0,
        paidFen: 0,
        budget: { amountFen: 300_000, spentFen: 100_000, leftFen: 200_000, unitName: null },
      },
    ]);
  });

  it('count only their unit’s cases: the sub-branch official, who draws on their branch’s split', async () => {
    const f = await figures('S0001');
    expect(diff(waitCounts(f), before.S0001)).toEqual({
      verification: 0,
      review: 1,
      approval: 0,
      publicity: 1,
      payment: 0,
    });
    expect(kindRow(f, 'poverty')).toEqual({
      kind: 'poverty',
      approvedCount: 1,
      approvedFen: 200_000,
      paidCount: 1,
      paidFen: 200_000,
      budget: { amountFen: 500_000, spentFen: 200_000, leftFen: 300_000, unitName: branchName },
    });
    expect(kindRow(f, 'illness')).toMatchObject({ approvedCount: 1, approvedFen: 250_000, paidCount: 0, paidFen: 0 });
  });

  it('are not given to workers or administrators', async () => {
    const db = await getDb();
    expect(await caseFigures(db, await signInAs('W0033'), TODAY)).toBeNull();
    expect(await caseFigures(db, await signInAs('A0001'), TODAY)).toBeNull();
  });
});

describe('a worker’s own cases', () => {
  it('list their latest cases, drafts included, and what the household received in the year', async () => {
    const f = await workerCaseFigures(await getDb(), await signInAs('W0033'), TODAY);
    expect(f.cases.map((c) => c.id)).toEqual(workerCases);
    expect(f.cases[0]).toMatchObject({ state: 'draft', aidKind: 'special_hardship', kind: 'aid' });
    expect(f.total).toBeGreaterThanOrEqual(5);
    expect(f.received).toEqual({ totalFen: 200_000, count: 1, byKind: [{ kind: 'poverty', count: 1, fen: 200_000 }] });
  });

  it('see nothing of another worker’s household', async () => {
    const f = await workerCaseFigures(await getDb(), await signInAs('W0034'), TODAY);
    expect(f.cases.every((c) => !workerCases.includes(c.id))).toBe(true);
    expect(f.received).toEqual({ totalFen: 300_000, count: 1, byKind: [{ kind: 'illness', count: 1, fen: 300_000 }] });
  });
});
