import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveStandard, setBudget } from '@/lib/aid/aid-admin-actions';
import {
  decideCase,
  decideObjection,
  markNotificationsRead,
  objectToCase,
  recordPayment,
  resubmitCase,
  saveDraft,
  submitCase,
  withdrawCase,
} from '@/lib/cases/case-actions';
import { getDb } from '@/db/client';
import { auditLog, budgets, cases, notifications, payments, users } from '@/db/schema';
import { getCaseView } from '@/db/queries/case-page';
import { closeDuePublicity } from '@/lib/cases/publicity';
import { todayInChina } from '@/lib/dates';
import { insertCase, saveTestStandard } from '../cases-fixtures';
import { signInAs, userId } from '../session';

const today = todayInChina();
const year = today.slice(0, 4);

function ok<T>(r: { ok: true; data: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

const application = (token = randomUUID()) => ({
  token,
  aidKind: 'poverty' as const,
  eventOn: today,
  eventKey: '',
  whatHappened: '家中困难',
  helpAsked: '生活补助',
});

async function stateOf(id: number) {
  const [c] = await (
    await getDb()
  )
    .select({ state: cases.state, version: cases.version, amountFen: cases.amountFen })
    .from(cases)
    .where(eq(cases.id, id));
  return c;
}

beforeAll(async () => {
  await saveTestStandard();
});

describe('the whole chain', () => {
  it('draft → submit (twice, one case) → verify → review → approve with an amount → objection dismissed → publicity closes → paid', async () => {
    const db = await getDb();
    const token = randomUUID();
    await signInAs('W0001');
    const draft = ok(await saveDraft(application(token)));
    const again = ok(await saveDraft({ ...application(token), helpAsked: '改过' }));
    expect(again.id).toBe(draft.id);
    const [a, b] = await Promise.all([submitCase(application(token)), submitCase(application(token))]);
    expect(ok(a).id).toBe(draft.id);
    expect(ok(b).id).toBe(draft.id);
    expect([ok(a).repeated, ok(b).repeated].sort()).toEqual([false, true]);
    const [{ n }] = await db.select({ n: count() }).from(cases).where(eq(cases.submitToken, token));
    expect(n).toBe(1);
    const id = draft.id;
    let c = await stateOf(id);
    expect(c).toMatchObject({ state: 'submitted', amountFen: 200_000 });

    await signInAs('S0001');
    expect(await decideCase({ caseId: id, version: c.version, decision: 'approve', amount: '2000' })).toMatchObject({
      ok: false,
      fieldErrors: { amount: ['amountNotAllowedHere'] },
    });
    ok(await decideCase({ caseId: id, version: c.version, decision: 'approve' }));
    c = await stateOf(id);
    // S0001 verified; the review belongs to the branch official.
    expect(await decideCase({ caseId: id, version: c.version, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'forbidden',
      error: 'caseWrongStep',
    });
    await signInAs('B0001');
    ok(await decideCase({ caseId: id, version: c.version, decision: 'approve', comment: '属实' }));
    c = await stateOf(id);

    await signInAs('L0001');
    expect(
      await decideCase({ caseId: id, version: c.version, decision: 'approve', amount: '5000', amountReason: 'x' }),
    ).toMatchObject({ fieldErrors: { amount: ['amountOutOfRange'] } });
    expect(await decideCase({ caseId: id, version: c.version, decision: 'approve', amount: '2500' })).toMatchObject({
      fieldErrors: { amountReason: ['amountReasonRequired'] },
    });
    expect(await decideCase({ caseId: id, version: c.version - 1, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    ok(
      await decideCase({
        caseId: id,
        version: c.version,
        decision: 'approve',
        amount: '2500',
        amountReason: '子女就医',
      }),
    );
    c = await stateOf(id);
    expect(c).toMatchObject({ state: 'in_publicity', amountFen: 250_000 });

    await signInAs('W0002');
    const objection = ok(await objectToCase({ caseId: id, reason: '情况不实' }));
    // The reviewer may not judge an objection to the case they reviewed.
    await signInAs('B0001');
    expect(await decideObjection({ objectionId: objection.id, uphold: false, comment: '不成立' })).toMatchObject({
      ok: false,
      error: 'caseTwoSteps',
    });
    expect(await closeDuePublicity(db, '2999-01-01')).not.toContain(id); // an undecided objection holds the window
    await signInAs('L0002');
    ok(await decideObjection({ objectionId: objection.id, uphold: false, comment: '经核实不成立' }));
    expect(await decideObjection({ objectionId: objection.id, uphold: true, comment: '再议' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });

    expect(await closeDuePublicity(db, today)).not.toContain(id); // the window is still open
    expect(await closeDuePublicity(db, '2999-01-01')).toContain(id);
    c = await stateOf(id);
    expect(c.state).toBe('ready_for_payment');

    await signInAs('L0003');
    const budget = ok(await setBudget({ year, aidKind: 'poverty', unitId: '', amount: '100000' }));
    await signInAs('L0001');
    expect(
      await recordPayment({ caseId: id, version: c.version, paidOn: today, method: 'bank_transfer', reference: 'B1' }),
    ).toMatchObject({ ok: false, error: 'caseTwoSteps' });
    await signInAs('L0003');
    ok(
      await recordPayment({ caseId: id, version: c.version, paidOn: today, method: 'bank_transfer', reference: 'B1' }),
    );
    expect(
      await recordPayment({
        caseId: id,
        version: c.version + 1,
        paidOn: today,
        method: 'bank_transfer',
        reference: 'B1',
      }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    expect((await stateOf(id)).state).toBe('paid');
    const [bRow] = await db.select().from(budgets).where(eq(budgets.id, budget.id));
    expect(bRow.spentFen).toBe(250_000);
    const [{ paid }] = await db.select({ paid: count() }).from(payments).where(eq(payments.caseId, id));
    expect(paid).toBe(1);

    // Every decision of others told the applicant: 3 approvals, the objection dismissed, publicity closed, payment.
    const [{ unread }] = await db
      .select({ unread: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, await userId('W0001')), eq(notifications.caseId, id)));
    expect(unread).toBe(6);
    await signInAs('W0001');
    expect(ok(await markNotificationsRead({ caseId: id })).read).toBe(6);
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'case'), eq(auditLog.entityId, String(id))));
    expect(actions.map((r) => r.action)).toEqual([
      'case.create',
      'case.update',
      'case.submit',
      'case.submitRepeated',
      'case.approve',
      'case.approve',
      'case.approve',
      'case.close_publicity',
      'case.pay',
    ]);
  });
});

describe('refusals and other paths', () => {
  it('return needs a comment; the worker edits and resubmits to the same step', async () => {
    await signInAs('W0001');
    const token = randomUUID();
    const { id } = ok(await submitCase(application(token)));
    await signInAs('S0001');
    expect(await decideCase({ caseId: id, version: 2, decision: 'return' })).toMatchObject({
      fieldErrors: { comment: ['commentRequired'] },
    });
    expect(await decideCase({ caseId: id, version: 2, decision: 'reject' })).toMatchObject({
      fieldErrors: { comment: ['commentRequired'] },
    });
    ok(await decideCase({ caseId: id, version: 2, decision: 'return', comment: '请补充诊断证明' }));
    await signInAs('W0001');
    expect(await withdrawCase({ caseId: id, version: 3 })).toMatchObject({ ok: false, code: 'conflict' }); // returned: not withdrawable
    // The kind (and so the amount's rule) stays what was submitted.
    expect(await saveDraft({ ...application(token), aidKind: 'death_of_parent' })).toMatchObject({
      fieldErrors: { aidKind: ['kindFixedAfterSubmit'] },
    });
    const edited = ok(await saveDraft({ ...application(token), whatHappened: '补充了材料' }));
    ok(await resubmitCase({ caseId: id, version: edited.version }));
    expect((await stateOf(id)).state).toBe('submitted');
    // Someone acted: no withdrawal now.
    expect(await withdrawCase({ caseId: id, version: (await stateOf(id)).version })).toMatchObject({
      ok: false,
      error: 'caseAlreadyActedOn',
    });
    await signInAs('S0001');
    ok(
      await decideCase({ caseId: id, version: (await stateOf(id)).version, decision: 'reject', comment: '不符合条件' }),
    );
    expect(await decideCase({ caseId: id, version: (await stateOf(id)).version, decision: 'approve' })).toMatchObject({
      ok: false,
      error: 'caseWrongState',
    });
  });

  it('a decision that loses the race says a colleague decided first, and the case page says who and what', async () => {
    const db = await getDb();
    // A second sub-branch official of S0001's unit: both open the same submitted case.
    const [s1] = await db.select().from(users).where(eq(users.employeeNo, 'S0001'));
    await db.insert(users).values({
      employeeNo: 'S9001',
      name: '李核实',
      role: 'sub_branch_official',
      unitId: s1.unitId,
      passwordHash: s1.passwordHash,
    });
    await signInAs('W0001');
    const { id } = ok(await submitCase(application()));
    const shown = (await stateOf(id)).version;
    await signInAs('S9001');
    ok(await decideCase({ caseId: id, version: shown, decision: 'approve', comment: '属实' }));
    const late = await signInAs('S0001');
    expect(await decideCase({ caseId: id, version: shown, decision: 'return', comment: '补材料' })).toEqual({
      ok: false,
      code: 'conflict',
      error: 'caseDecidedMeanwhile',
    });
    expect((await stateOf(id)).state).toBe('verified');
    // What the page's notice reads: the latest decision by someone else.
    const view = await getCaseView(db, late, id);
    expect(view.history.findLast((h) => h.step !== null && !h.byViewer)).toMatchObject({
      actorName: '李核实',
      step: 'verification',
      action: 'approve',
    });
  });

  it('a repeat application is shown to every decider from submission on, and approval needs the audited reason', async () => {
    const db = await getDb();
    // W0017's first poverty case this year is approved and in publicity; a second one follows.
    const first = await insertCase({
      applicant: 'W0017',
      state: 'in_publicity',
      appliedOn: today,
      steps: [['approval', 'L0002']],
    });
    await signInAs('W0017');
    const { id: second } = ok(await submitCase(application()));
    for (const decider of ['S0001', 'B0001', 'L0001']) {
      const view = await getCaseView(db, await signInAs(decider), second);
      expect(view.ledger?.repeatsInProgress).toEqual([{ caseId: first, state: 'in_publicity', appliedOn: today }]);
    }
    await signInAs('S0001');
    ok(await decideCase({ caseId: second, version: (await stateOf(second)).version, decision: 'approve' }));
    await signInAs('B0001');
    ok(await decideCase({ caseId: second, version: (await stateOf(second)).version, decision: 'approve' }));
    await signInAs('L0001');
    const version = (await stateOf(second)).version;
    expect(await decideCase({ caseId: second, version, decision: 'approve' })).toMatchObject({
      ok: false,
      fieldErrors: { repeatReason: ['repeatNeedsReasonAtApproval'] },
    });
    expect((await stateOf(second)).state).toBe('reviewed');
    ok(await decideCase({ caseId: second, version, decision: 'approve', repeatReason: '火灾后再次致困' }));
    const audits = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.approve'), eq(auditLog.entityId, String(second))));
    expect(audits.map((a) => a.after)).toContainEqual(
      expect.objectContaining({ step: 'approval', repeatOf: [first], repeatReason: '火灾后再次致困' }),
    );
  });

  it('a bereavement names whose death it is before it is submitted', async () => {
    await signInAs('W0001');
    const bereavement = { ...application(), aidKind: 'death_of_parent' as const };
    expect(await submitCase(bereavement)).toMatchObject({ ok: false, fieldErrors: { eventKey: ['eventKeyRequired'] } });
    const [{ n }] = await (
      await getDb()
    )
      .select({ n: count() })
      .from(cases)
      .where(and(eq(cases.submitToken, bereavement.token), eq(cases.state, 'submitted')));
    expect(n).toBe(0);
    expect(ok(await submitCase({ ...bereavement, eventKey: '父亲 张某' })).state).toBe('submitted');
  });

  it('a draft or an untouched submission can be withdrawn; not by someone else', async () => {
    await signInAs('W0001');
    const d = ok(await saveDraft(application()));
    const s = ok(await submitCase(application()));
    await signInAs('W0002');
    expect(await withdrawCase({ caseId: s.id, version: 2 })).toMatchObject({ ok: false, code: 'not_found' });
    await signInAs('W0001');
    ok(await withdrawCase({ caseId: d.id, version: d.version }));
    ok(await withdrawCase({ caseId: s.id, version: 2 }));
    expect((await stateOf(s.id)).state).toBe('withdrawn');
  });

  it('out of scope is not found; wrong role is forbidden; nobody acts on their own application', async () => {
    await signInAs('W0001');
    const { id } = ok(await submitCase(application()));
    await signInAs('S0002');
    expect(await decideCase({ caseId: id, version: 2, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    await signInAs('W0001');
    expect(await decideCase({ caseId: id, version: 2, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    await signInAs('A0001');
    expect(await decideCase({ caseId: id, version: 2, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const own = await insertCase({ applicant: 'S0001', state: 'submitted' });
    await signInAs('S0001');
    expect(await decideCase({ caseId: own, version: 1, decision: 'approve' })).toMatchObject({
      ok: false,
      error: 'caseOwnApplication',
    });
  });

  it('submission needs a standard covering the kind', async () => {
    await signInAs('W0001');
    expect(await submitCase({ ...application(), aidKind: 'chronic_illness' })).toMatchObject({
      ok: false,
      fieldErrors: { aidKind: ['kindNotInStandard'] },
    });
    expect(await submitCase({ ...application(), eventOn: '2999-01-01' })).toMatchObject({
      ok: false,
      fieldErrors: { eventOn: ['dateInFuture'] },
    });
  });

  it('an upheld objection sends the case back to the leader', async () => {
    const id = await insertCase({ applicant: 'W0001', state: 'in_publicity', steps: [['approval', 'L0001']] });
    const db = await getDb();
    await db.update(cases).set({ publicityStart: today, publicityEnd: today }).where(eq(cases.id, id));
    await signInAs('W0003');
    const o = ok(await objectToCase({ caseId: id, reason: '他家不困难' }));
    await signInAs('B0002'); // another branch: not in scope
    expect(await decideObjection({ objectionId: o.id, uphold: true, comment: '成立' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    await signInAs('B0001');
    ok(await decideObjection({ objectionId: o.id, uphold: true, comment: '成立' }));
    expect((await stateOf(id)).state).toBe('reviewed');
    await signInAs('W0003');
    expect(await objectToCase({ caseId: id, reason: '再提' })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('payment: over budget, no budget, a repeat within the year needs a written reason', async () => {
    const db = await getDb();
    await signInAs('L0001');
    ok(await setBudget({ year, aidKind: 'death_of_parent', unitId: '', amount: '500' }));
    const big = await insertCase({
      applicant: 'W0010',
      state: 'ready_for_payment',
      aidKind: 'death_of_parent',
      appliedOn: today,
      steps: [['approval', 'L0002']],
    });
    expect(
      await recordPayment({ caseId: big, version: 1, paidOn: today, method: 'cash', reference: '' }),
    ).toMatchObject({ ok: false, fieldErrors: { amount: ['overBudget'] } });
    expect((await stateOf(big)).state).toBe('ready_for_payment');
    const noBudget = await insertCase({
      applicant: 'W0010',
      state: 'ready_for_payment',
      aidKind: 'illness',
      appliedOn: today,
      steps: [['approval', 'L0002']],
    });
    expect(
      await recordPayment({ caseId: noBudget, version: 1, paidOn: today, method: 'cash', reference: '' }),
    ).toMatchObject({ fieldErrors: { paidOn: ['noBudget'] } });
    expect(await setBudget({ year, aidKind: 'death_of_parent', unitId: '', amount: '-1' })).toMatchObject({
      fieldErrors: { amount: ['amountNegative'] },
    });

    // W0011 paid poverty aid this year; a second poverty case the same year is a repeat.
    const first = await insertCase({
      applicant: 'W0011',
      state: 'ready_for_payment',
      appliedOn: today,
      steps: [['approval', 'L0002']],
    });
    ok(await setBudget({ year, aidKind: 'poverty', unitId: '', amount: '200000' }));
    ok(await recordPayment({ caseId: first, version: 1, paidOn: today, method: 'cash', reference: '' }));
    const second = await insertCase({
      applicant: 'W0011',
      state: 'ready_for_payment',
      appliedOn: today,
      steps: [['approval', 'L0002']],
    });
    expect(
      await recordPayment({ caseId: second, version: 1, paidOn: today, method: 'cash', reference: '' }),
    ).toMatchObject({ fieldErrors: { repeatReason: ['repeatNeedsReason'] } });
    ok(
      await recordPayment({
        caseId: second,
        version: 1,
        paidOn: today,
        method: 'cash',
        reference: '',
        repeatReason: '年内再次遭灾',
      }),
    );
    const [audit] = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.pay'), eq(auditLog.entityId, String(second))));
    expect(audit.after).toMatchObject({ repeats: [first], repeatReason: '年内再次遭灾' });
    // A budget cannot drop below what it has paid.
    expect(await setBudget({ year, aidKind: 'poverty', unitId: '', amount: '1' })).toMatchObject({
      fieldErrors: { amount: ['budgetBelowSpent'] },
    });
  });

  it('standards: editing makes a new version; bad amounts are refused', async () => {
    await signInAs('L0001');
    const r = await saveStandard({
      name: '坏',
      effectiveOn: today,
      kinds: [
        {
          kind: 'poverty',
          frequency: 'yearly',
          amounts: [{ category: 'none', type: 'range', min: '3000', max: '1000', suggested: '2000' }],
        },
      ],
    });
    expect(r).toMatchObject({ ok: false, fieldErrors: { kinds: ['standardRuleProblem'] } });
    const subBranch = (await signInAs('S0001')).unitId;
    expect(await setBudget({ year, aidKind: 'poverty', unitId: '', amount: '1' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    await signInAs('L0001');
    expect(await setBudget({ year, aidKind: 'poverty', unitId: String(subBranch), amount: '1' })).toMatchObject({
      ok: false,
      fieldErrors: { unitId: ['budgetUnitNotBranch'] },
    });
    const v2 = ok(
      await saveStandard({
        name: '第二版',
        effectiveOn: today,
        kinds: [{ kind: 'poverty', frequency: 'yearly', amounts: [{ category: 'none', type: 'fixed', fixed: '800' }] }],
      }),
    );
    expect(v2.id).toBeGreaterThan(0);
  });
});
