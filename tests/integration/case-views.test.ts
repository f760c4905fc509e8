import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setBudget } from '@/lib/aid/aid-admin-actions';
import { decideCase, objectToCase, recordPayment, saveDraft, submitCase } from '@/lib/cases/case-actions';
import { getDb } from '@/db/client';
import { listCases } from '@/db/queries/case-list';
import { getCaseView } from '@/db/queries/case-page';
import { listQueues, queueOf } from '@/db/queries/case-queues';
import { getCaseHead } from '@/db/queries/cases';
import { caseSteps, cases, orgUnits, users } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { canAct, caseFactsOf, queueState, type Step } from '@/lib/workflow/case-workflow';
import { insertCase, saveTestStandard } from '../cases-fixtures';
import { signInAs } from '../session';

const today = todayInChina();

function ok<T>(r: { ok: true; data: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

const application = () => ({
  token: randomUUID(),
  aidKind: 'poverty' as const,
  eventOn: today,
  eventKey: '',
  whatHappened: '家中困难',
  helpAsked: '生活补助',
});

async function pathOf(employeeNo: string): Promise<string> {
  const [row] = await (
    await getDb()
  )
    .select({ path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(eq(users.employeeNo, employeeNo));
  return row.path;
}

/** The first demo worker (after W0001) whose unit path passes the test. */
async function workerWhere(test: (path: string) => boolean): Promise<string> {
  const rows = await (
    await getDb()
  )
    .select({ no: users.employeeNo, path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(eq(users.role, 'worker'))
    .orderBy(users.employeeNo);
  const found = rows.find((r) => r.no !== 'W0001' && test(r.path));
  if (!found) throw new Error('no such worker in the demo mine');
  return found.no;
}

async function notFoundFor(employeeNo: string, caseId: number) {
  const actor = await signInAs(employeeNo);
  const err = await getCaseView(await getDb(), actor, caseId).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('not_found');
}

async function listed(employeeNo: string, filter: Partial<Parameters<typeof listCases>[2]> = {}) {
  const actor = await signInAs(employeeNo);
  const { rows, total } = await listCases(await getDb(), actor, filter);
  return { ids: rows.map((r) => r.id), rows, total: total.count };
}

async function queued(employeeNo: string, step: Step) {
  const actor = await signInAs(employeeNo);
  return (await queueOf(await getDb(), actor, step)).rows.map((r) => r.id);
}

/** Puts the time a case reached its step (its latest history row) at `at`. */
async function reachedAt(caseId: number, at: string) {
  const db = await getDb();
  await db
    .update(cases)
    .set({ submittedAt: new Date(at) })
    .where(eq(cases.id, caseId));
  await db
    .update(caseSteps)
    .set({ at: new Date(at) })
    .where(eq(caseSteps.caseId, caseId));
}

let sameSub: string; // a worker of S0001's sub-branch
let sameBranch: string; // a worker of B0001's branch, another sub-branch
let otherBranch: string; // a worker of another branch

beforeAll(async () => {
  await saveTestStandard();
  const sub = await pathOf('S0001');
  const branch = await pathOf('B0001');
  expect(await pathOf('W0001')).toBe(sub);
  sameSub = await workerWhere((p) => p === sub);
  sameBranch = await workerWhere((p) => p.startsWith(branch) && p !== sub);
  otherBranch = await workerWhere((p) => !p.startsWith(branch));
});

describe('the case list', () => {
  it('shows each person the cases of their scope; drafts only to their applicant', async () => {
    await signInAs('W0001');
    const draft = ok(await saveDraft(application()));
    const own = ok(await submitCase(application())).id;
    const neighbour = await insertCase({ applicant: sameSub, state: 'submitted' });
    const neighbourDraft = await insertCase({ applicant: sameSub, state: 'draft' });
    await (await getDb()).update(cases).set({ submittedAt: null }).where(eq(cases.id, neighbourDraft));
    const branchCase = await insertCase({ applicant: sameBranch, state: 'verified' });
    const farCase = await insertCase({ applicant: otherBranch, state: 'reviewed' });

    const w = await listed('W0001');
    expect(w.ids).toEqual(expect.arrayContaining([draft.id, own]));
    expect(w.ids).not.toContain(neighbour);
    expect(w.rows.every((r) => r.employeeNo === 'W0001')).toBe(true);
    expect(w.rows.find((r) => r.id === draft.id)?.state).toBe('draft');

    const s = await listed('S0001');
    expect(s.ids).toEqual(expect.arrayContaining([own, neighbour]));
    for (const hidden of [draft.id, neighbourDraft, branchCase, farCase]) expect(s.ids).not.toContain(hidden);

    const b = await listed('B0001');
    expect(b.ids).toEqual(expect.arrayContaining([own, neighbour, branchCase]));
    for (const hidden of [draft.id, neighbourDraft, farCase]) expect(b.ids).not.toContain(hidden);

    const l = await listed('L0001');
    expect(l.ids).toEqual(expect.arrayContaining([own, neighbour, branchCase, farCase]));
    expect(l.ids).not.toContain(draft.id);

    // Administrators see no cases at all.
    expect((await listed('A0001')).total).toBe(0);
  });

  it('filters by state, kind, year, unit and applicant', async () => {
    const bereavement = await insertCase({
      applicant: sameBranch,
      state: 'in_publicity',
      aidKind: 'death_of_parent',
      appliedOn: '2024-06-01',
    });
    const byState = await listed('B0001', { state: 'in_publicity' });
    expect(byState.ids).toContain(bereavement);
    expect(byState.rows.every((r) => r.state === 'in_publicity')).toBe(true);
    expect((await listed('B0001', { aidKind: 'death_of_parent' })).ids).toEqual([bereavement]);
    expect((await listed('B0001', { year: 2024 })).ids).toEqual([bereavement]);
    expect((await listed('B0001', { q: sameBranch })).ids).toContain(bereavement);
    expect((await listed('B0001', { q: 'W0001' })).ids).not.toContain(bereavement);
    const [{ unitId }] = await (
      await getDb()
    )
      .select({ unitId: users.unitId })
      .from(users)
      .where(eq(users.employeeNo, sameBranch));
    const byUnit = await listed('B0001', { unitId });
    expect(byUnit.ids).toContain(bereavement);
    expect(byUnit.rows.every((r) => r.employeeNo !== 'W0001')).toBe(true);
    // A unit outside the scope finds nothing, rather than widening it.
    const [{ farUnit }] = await (
      await getDb()
    )
      .select({ farUnit: users.unitId })
      .from(users)
      .where(eq(users.employeeNo, otherBranch));
    expect((await listed('B0001', { unitId: farUnit })).total).toBe(0);
  });
});

describe('the case page', () => {
  it('is not found outside the scope and for other people’s drafts', async () => {
    await signInAs('W0001');
    const draft = ok(await saveDraft(application()));
    const far = await insertCase({ applicant: otherBranch, state: 'submitted' });
    await notFoundFor('S0001', draft.id);
    await notFoundFor('L0001', draft.id);
    await notFoundFor('S0001', far);
    await notFoundFor('B0001', far);
    await notFoundFor('W0002', far);
    await notFoundFor('A0001', far);
    const leader = await signInAs('L0001');
    expect((await getCaseView(await getDb(), leader, far)).id).toBe(far);
  });

  it('holds no ID number or token; says what each person may do; shows the ledger and its repeat warning', async () => {
    const db = await getDb();
    const [applicant] = await db.select({ idNumber: users.idNumber }).from(users).where(eq(users.employeeNo, 'W0001'));
    expect(applicant.idNumber).toBeTruthy();

    // A poverty payment to W0001 this year, then a second poverty case: a repeat within the year.
    const paid = await insertCase({
      applicant: 'W0001',
      state: 'ready_for_payment',
      appliedOn: today,
      amountFen: 150_000,
      steps: [['approval', 'L0002']],
    });
    await signInAs('L0001');
    ok(await setBudget({ year: today.slice(0, 4), aidKind: 'poverty', unitId: '', amount: '100000' }));
    ok(await recordPayment({ caseId: paid, version: 1, paidOn: today, method: 'cash', reference: 'R1' }));

    await signInAs('W0001');
    const { id } = ok(await submitCase(application()));
    const [{ token }] = await db.select({ token: cases.submitToken }).from(cases).where(eq(cases.id, id));

    const mine = await getCaseView(db, await signInAs('W0001'), id);
    const text = JSON.stringify(mine);
    expect(text).not.toContain(applicant.idNumber!);
    expect(text).not.toContain(token);
    expect(mine).toMatchObject({
      state: 'submitted',
      isApplicant: true,
      objections: null,
      can: { withdraw: true, decideAt: null, pay: false, edit: false },
    });
    expect(mine.history.map((h) => h.action)).toEqual(['submit']);
    expect(mine.ledger).toMatchObject({
      year: Number(today.slice(0, 4)),
      totalFen: 150_000,
      count: 1,
      byKind: [{ kind: 'poverty', fen: 150_000 }],
    });
    expect(mine.ledger!.repeats.map((r) => r.caseId)).toEqual([paid]);
    expect(mine.amount).toMatchObject({
      amountFen: 200_000,
      rule: { type: 'range', minFen: 100_000, maxFen: 300_000 },
      standard: { name: '测试标准' },
    });

    const official = await getCaseView(db, await signInAs('S0001'), id);
    expect(official).toMatchObject({
      isApplicant: false,
      objections: [],
      can: { decideAt: 'verification', withdraw: false },
    });
    expect(JSON.stringify(official)).not.toContain(applicant.idNumber!);
    expect((await getCaseView(db, await signInAs('B0001'), id)).can.decideAt).toBeNull();

    // The payment page of the paid case shows who paid; only the payment step sees a budget.
    const paidView = await getCaseView(db, await signInAs('L0001'), paid);
    expect(paidView.payment).toMatchObject({ amountFen: 150_000, method: 'cash', reference: 'R1' });
    expect(paidView.ledger!.repeats).toEqual([]);
    const payable = await insertCase({
      applicant: sameSub,
      state: 'ready_for_payment',
      appliedOn: today,
      steps: [['approval', 'L0002']],
    });
    const payView = await getCaseView(db, await signInAs('L0001'), payable);
    expect(payView.can.pay).toBe(true);
    expect(payView.budget).toMatchObject({
      amountFen: 10_000_000,
      spentFen: 150_000,
      leftFen: 9_850_000,
      unitName: null,
    });
    expect((await getCaseView(db, await signInAs('L0002'), payable)).can.pay).toBe(false); // the approver

    // Returned: the applicant may edit and sees why.
    await signInAs('S0001');
    ok(await decideCase({ caseId: id, version: mine.version, decision: 'return', comment: '请补充证明' }));
    const back = await getCaseView(db, await signInAs('W0001'), id);
    expect(back).toMatchObject({
      state: 'returned_from_verification',
      can: { edit: true, withdraw: false },
      returned: { step: 'verification', comment: '请补充证明' },
      unread: 1,
    });
    expect(back.history.map((h) => [h.action, h.actorRole])).toEqual([
      ['submit', 'worker'],
      ['return', 'sub_branch_official'],
    ]);
  });
});

describe('the to-do queues', () => {
  it('lists the cases waiting at each step within scope, oldest first', async () => {
    const newer = await insertCase({ applicant: sameSub, state: 'submitted' });
    const older = await insertCase({ applicant: 'W0001', state: 'submitted' });
    const oldest = await insertCase({ applicant: sameSub, state: 'submitted' });
    await reachedAt(newer, '2025-03-03T08:00:00Z');
    await reachedAt(older, '2025-03-02T08:00:00Z');
    await reachedAt(oldest, '2025-03-01T08:00:00Z');
    const far = await insertCase({ applicant: otherBranch, state: 'submitted' });

    const ids = await queued('S0001', 'verification');
    expect(ids).not.toContain(far);
    const mineInOrder = ids.filter((x) => [newer, older, oldest].includes(x));
    expect(mineInOrder).toEqual([oldest, older, newer]);

    const actor = await signInAs('S0001');
    const queues = await listQueues(await getDb(), actor);
    expect(queues.map((q) => q.step)).toEqual(['verification']);
    expect(queues[0].total).toEqual({ count: ids.length, capped: false });
    const row = queues[0].rows.find((r) => r.id === oldest)!;
    expect(row.waitingSince.toISOString()).toBe('2025-03-01T08:00:00.000Z');

    // Workers have no queues.
    expect(await listQueues(await getDb(), await signInAs('W0001'))).toEqual([]);
  });

  it('leaves out the actor’s own application and cases where they acted at another step', async () => {
    const own = await insertCase({ applicant: 'L0001', state: 'reviewed' });
    const approvedByL1 = await insertCase({
      applicant: sameSub,
      state: 'ready_for_payment',
      steps: [['approval', 'L0001']],
    });
    const reviewedByB1 = await insertCase({
      applicant: sameSub,
      state: 'in_publicity',
      steps: [
        ['review', 'B0001'],
        ['approval', 'L0002'],
      ],
    });
    await signInAs('W0003');
    await (
      await getDb()
    )
      .update(cases)
      .set({ publicityStart: today, publicityEnd: today })
      .where(eq(cases.id, reviewedByB1));
    ok(await objectToCase({ caseId: reviewedByB1, reason: '情况不实' }));

    expect(await queued('L0001', 'approval')).not.toContain(own);
    expect(await queued('L0002', 'approval')).toContain(own);
    expect(await queued('L0001', 'payment')).not.toContain(approvedByL1);
    expect(await queued('L0002', 'payment')).toContain(approvedByL1);
    expect(await queued('B0001', 'publicity')).not.toContain(reviewedByB1);
    expect(await queued('L0002', 'publicity')).not.toContain(reviewedByB1);
    expect(await queued('L0003', 'publicity')).toContain(reviewedByB1);
    // Published without an objection: nothing to do.
    const quiet = await insertCase({ applicant: sameSub, state: 'in_publicity' });
    expect(await queued('L0003', 'publicity')).not.toContain(quiet);
  });

  it('holds only cases the workflow lets the actor act on', async () => {
    const db = await getDb();
    for (const who of ['S0001', 'B0001', 'L0001', 'L0002', 'L0003']) {
      const actor = await signInAs(who);
      for (const q of await listQueues(db, actor)) {
        for (const r of q.rows) {
          const c = await getCaseHead(db, actor, r.id);
          expect(c.state).toBe(queueState(q.step));
          const action = q.step === 'payment' ? 'pay' : q.step === 'publicity' ? 'dismiss_objection' : 'approve';
          expect(
            canAct({
              actor,
              case: caseFactsOf(c),
              action,
            }).ok,
          ).toBe(true);
        }
      }
    }
  });
});
