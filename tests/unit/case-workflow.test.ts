import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseActor,
  type CaseFacts,
  type CaseState,
  DEFAULT_PUBLICITY_DAYS,
  FINAL_STATES,
  STEPS,
  TRANSITIONS,
  barredFrom,
  canAct,
  canClosePublicity,
  isFinal,
  needsComment,
  nextState,
  publicityEndsOn,
  queueState,
  recordStepActor,
  stepsOf,
  waitingOn,
} from '@/lib/workflow/case-workflow';

// The people of the role table: all of them in the applicant's chain of units.
const applicant: CaseActor = { userId: 1, role: 'worker', unitPath: '1.2.5.' };
const coworker: CaseActor = { userId: 2, role: 'worker', unitPath: '1.2.5.' };
const sub: CaseActor = { userId: 3, role: 'sub_branch_official', unitPath: '1.2.5.' };
const branch: CaseActor = { userId: 4, role: 'branch_official', unitPath: '1.2.' };
const leader: CaseActor = { userId: 5, role: 'leader', unitPath: '1.' };
const admin: CaseActor = { userId: 6, role: 'admin', unitPath: '1.' };
const otherLeader: CaseActor = { userId: 7, role: 'leader', unitPath: '1.' };
const thirdLeader: CaseActor = { userId: 8, role: 'leader', unitPath: '1.' };
const PEOPLE = { applicant, coworker, sub, branch, leader, admin } as const;
type Person = keyof typeof PEOPLE;

const facts = (state: CaseState, more: Partial<CaseFacts> = {}): CaseFacts => ({
  state,
  applicantId: applicant.userId,
  filedBy: null,
  applicantUnitPath: applicant.unitPath,
  stepActors: {},
  ...more,
});

// The allowed moves written out by hand — the specification the module's table is checked against.
type Who = 'applicant' | 'system' | readonly Person[];
const SPEC: readonly [CaseState, CaseAction, CaseState, Who][] = [
  ['draft', 'submit', 'submitted', 'applicant'],
  ['draft', 'withdraw', 'withdrawn', 'applicant'],
  ['submitted', 'withdraw', 'withdrawn', 'applicant'],
  ['submitted', 'approve', 'verified', ['sub']],
  ['submitted', 'return', 'returned_from_verification', ['sub']],
  ['submitted', 'reject', 'rejected', ['sub']],
  ['verified', 'approve', 'reviewed', ['branch']],
  ['verified', 'return', 'returned_from_review', ['branch']],
  ['verified', 'reject', 'rejected', ['branch']],
  ['reviewed', 'approve', 'in_publicity', ['leader']],
  ['reviewed', 'return', 'returned_from_approval', ['leader']],
  ['reviewed', 'reject', 'rejected', ['leader']],
  ['returned_from_verification', 'resubmit', 'submitted', 'applicant'],
  ['returned_from_review', 'resubmit', 'verified', 'applicant'],
  ['returned_from_approval', 'resubmit', 'reviewed', 'applicant'],
  ['in_publicity', 'uphold_objection', 'reviewed', ['branch', 'leader']],
  ['in_publicity', 'dismiss_objection', 'in_publicity', ['branch', 'leader']],
  ['in_publicity', 'close_publicity', 'ready_for_payment', 'system'],
  ['ready_for_payment', 'pay', 'paid', ['leader']],
];

function expected(state: CaseState, action: CaseAction, person: Person) {
  const row = SPEC.find(([from, a]) => from === state && a === action);
  if (!row) return { ok: false, reason: 'wrongState' };
  const [, , to, who] = row;
  if (who === 'system') return { ok: false, reason: 'systemOnly' };
  if (who === 'applicant')
    return person === 'applicant' ? { ok: true, to, step: null } : { ok: false, reason: 'notApplicant' };
  return who.includes(person) ? { ok: true, to } : { ok: false, reason: 'wrongRole' };
}

describe('every state × action × role', () => {
  describe.each(CASE_STATES)('in %s', (state) => {
    it.each(CASE_ACTIONS)('%s', (action) => {
      const row = SPEC.find(([from, a]) => from === state && a === action);
      expect(nextState(state, action)).toBe(row ? row[2] : null);
      for (const [name, actor] of Object.entries(PEOPLE) as [Person, CaseActor][]) {
        expect({ name, ...canAct({ actor, case: facts(state), action }) }).toMatchObject({
          name,
          ...expected(state, action, name),
        });
      }
    });
  });

  it('has exactly the specified transitions, each (state, action) once', () => {
    const key = (from: string, action: string, to: string) => `${from} ${action} ${to}`;
    const actual = TRANSITIONS.map((t) => key(t.from, t.action, t.to)).sort();
    expect(actual).toEqual(SPEC.map(([from, action, to]) => key(from, action, to)).sort());
    expect(new Set(TRANSITIONS.map((t) => `${t.from} ${t.action}`)).size).toBe(TRANSITIONS.length);
  });

  it('reaches every state from a draft; nothing leaves paid, rejected or withdrawn', () => {
    const reached = new Set<CaseState>(['draft']);
    // As many passes as there are states is enough to reach every reachable one.
    for (const _ of CASE_STATES) for (const t of TRANSITIONS) if (reached.has(t.from)) reached.add(t.to);
    expect([...reached].sort()).toEqual([...CASE_STATES].sort());
    expect([...FINAL_STATES].sort()).toEqual(['paid', 'rejected', 'withdrawn']);
    expect(isFinal('paid')).toBe(true);
    expect(isFinal('returned_from_review')).toBe(false);
  });

  it('records the step of each decision, none for the applicant’s own moves', () => {
    expect(canAct({ actor: sub, case: facts('submitted'), action: 'return' })).toEqual({
      ok: true,
      to: 'returned_from_verification',
      step: 'verification',
    });
    expect(canAct({ actor: branch, case: facts('in_publicity'), action: 'uphold_objection' })).toEqual({
      ok: true,
      to: 'reviewed',
      step: 'publicity',
    });
    expect(canAct({ actor: leader, case: facts('ready_for_payment'), action: 'pay' })).toEqual({
      ok: true,
      to: 'paid',
      step: 'payment',
    });
    expect(canAct({ actor: applicant, case: facts('draft'), action: 'submit' })).toEqual({
      ok: true,
      to: 'submitted',
      step: null,
    });
  });
});

describe('scope', () => {
  const decide = (actor: CaseActor, state: CaseState, applicantUnitPath: string, action: CaseAction = 'approve') =>
    canAct({ actor, case: facts(state, { applicantUnitPath }), action });

  it('lets officials act only in their own unit subtree', () => {
    expect(decide(sub, 'submitted', '1.2.5.')).toMatchObject({ ok: true });
    expect(decide({ ...sub, unitPath: '1.2.6.' }, 'submitted', '1.2.5.')).toEqual({ ok: false, reason: 'outOfScope' });
    expect(decide(branch, 'verified', '1.2.9.')).toMatchObject({ ok: true });
    expect(decide({ ...branch, unitPath: '1.3.' }, 'verified', '1.2.5.')).toEqual({ ok: false, reason: 'outOfScope' });
    expect(decide({ ...branch, unitPath: '1.3.' }, 'in_publicity', '1.2.5.', 'dismiss_objection')).toEqual({
      ok: false,
      reason: 'outOfScope',
    });
  });

  it("never lets '1.2.' match '1.20.'", () => {
    expect(decide(branch, 'verified', '1.20.5.')).toEqual({ ok: false, reason: 'outOfScope' });
    expect(decide(sub, 'submitted', '1.2.50.')).toEqual({ ok: false, reason: 'outOfScope' });
  });

  it('lets leaders act anywhere in the mine', () => {
    expect(decide(leader, 'reviewed', '1.20.5.')).toMatchObject({ ok: true });
    expect(decide(leader, 'in_publicity', '1.9.3.', 'uphold_objection')).toMatchObject({ ok: true });
    expect(decide(leader, 'ready_for_payment', '1.3.7.', 'pay')).toMatchObject({ ok: true });
  });

  it('checks the role before the scope', () => {
    expect(decide({ ...sub, unitPath: '1.3.1.' }, 'verified', '1.2.5.')).toEqual({ ok: false, reason: 'wrongRole' });
  });
});

describe('own application', () => {
  it('lets an official apply like any worker but never decide their own case', () => {
    const own = (actor: CaseActor, state: CaseState, action: CaseAction) =>
      canAct({ actor, case: facts(state, { applicantId: actor.userId, applicantUnitPath: actor.unitPath }), action });
    expect(own(sub, 'draft', 'submit')).toMatchObject({ ok: true, to: 'submitted' });
    expect(own(sub, 'submitted', 'approve')).toEqual({ ok: false, reason: 'ownApplication' });
    expect(own(branch, 'verified', 'reject')).toEqual({ ok: false, reason: 'ownApplication' });
    expect(own(branch, 'in_publicity', 'dismiss_objection')).toEqual({ ok: false, reason: 'ownApplication' });
    expect(own(leader, 'reviewed', 'approve')).toEqual({ ok: false, reason: 'ownApplication' });
    expect(own(leader, 'ready_for_payment', 'pay')).toEqual({ ok: false, reason: 'ownApplication' });
  });

  it('lets only the applicant submit, resubmit and withdraw', () => {
    expect(canAct({ actor: leader, case: facts('draft'), action: 'submit' })).toEqual({
      ok: false,
      reason: 'notApplicant',
    });
    expect(canAct({ actor: sub, case: facts('returned_from_review'), action: 'resubmit' })).toEqual({
      ok: false,
      reason: 'notApplicant',
    });
    expect(canAct({ actor: coworker, case: facts('submitted'), action: 'withdraw' })).toEqual({
      ok: false,
      reason: 'notApplicant',
    });
  });
});

describe('two steps', () => {
  it('keeps the approver away from objections and payment', () => {
    const approved = { stepActors: { approval: [leader.userId] } };
    expect(canAct({ actor: leader, case: facts('in_publicity', approved), action: 'dismiss_objection' })).toEqual({
      ok: false,
      reason: 'actedAtAnotherStep',
    });
    expect(canAct({ actor: leader, case: facts('ready_for_payment', approved), action: 'pay' })).toEqual({
      ok: false,
      reason: 'actedAtAnotherStep',
    });
    expect(canAct({ actor: otherLeader, case: facts('ready_for_payment', approved), action: 'pay' })).toMatchObject({
      ok: true,
    });
  });

  it('keeps the reviewer away from objections, and the objection decider away from payment', () => {
    const reviewed = { stepActors: { review: [branch.userId] } };
    expect(canAct({ actor: branch, case: facts('in_publicity', reviewed), action: 'uphold_objection' })).toEqual({
      ok: false,
      reason: 'actedAtAnotherStep',
    });
    const decided = { stepActors: { approval: [leader.userId], publicity: [otherLeader.userId] } };
    expect(canAct({ actor: otherLeader, case: facts('ready_for_payment', decided), action: 'pay' })).toEqual({
      ok: false,
      reason: 'actedAtAnotherStep',
    });
    expect(canAct({ actor: thirdLeader, case: facts('ready_for_payment', decided), action: 'pay' })).toMatchObject({
      ok: true,
    });
  });

  it('lets the same person act again at the same step', () => {
    const returned = { stepActors: { verification: [sub.userId] } };
    expect(canAct({ actor: sub, case: facts('submitted', returned), action: 'approve' })).toMatchObject({ ok: true });
    const upheld = { stepActors: { approval: [leader.userId], publicity: [otherLeader.userId] } };
    expect(canAct({ actor: leader, case: facts('reviewed', upheld), action: 'approve' })).toMatchObject({ ok: true });
    expect(canAct({ actor: otherLeader, case: facts('reviewed', upheld), action: 'approve' })).toEqual({
      ok: false,
      reason: 'actedAtAnotherStep',
    });
  });
});

describe('withdrawal', () => {
  it('is possible only before anyone has acted', () => {
    expect(canAct({ actor: applicant, case: facts('draft'), action: 'withdraw' })).toMatchObject({
      ok: true,
      to: 'withdrawn',
    });
    expect(canAct({ actor: applicant, case: facts('submitted'), action: 'withdraw' })).toMatchObject({
      ok: true,
      to: 'withdrawn',
    });
    // Returned by the sub-branch official and resubmitted: back in "submitted", but someone acted.
    const actedOn = facts('submitted', { stepActors: { verification: [sub.userId] } });
    expect(canAct({ actor: applicant, case: actedOn, action: 'withdraw' })).toEqual({
      ok: false,
      reason: 'alreadyActedOn',
    });
    expect(canAct({ actor: applicant, case: facts('returned_from_verification'), action: 'withdraw' })).toEqual({
      ok: false,
      reason: 'wrongState',
    });
  });
});

/** Takes an action through canAct, as the action layer will: refusals throw. */
function act(c: CaseFacts, actor: CaseActor, action: CaseAction): CaseFacts {
  const p = canAct({ actor, case: c, action });
  if (!p.ok) throw new Error(`${action} by ${actor.userId} refused: ${p.reason}`);
  return { ...c, state: p.to, stepActors: p.step ? recordStepActor(c.stepActors, p.step, actor.userId) : c.stepActors };
}

describe('the chain end to end', () => {
  it('brings a returned case back to the step that returned it', () => {
    let c = act(facts('draft'), applicant, 'submit');
    c = act(c, sub, 'return');
    expect(c.state).toBe('returned_from_verification');
    c = act(c, applicant, 'resubmit');
    expect(c.state).toBe('submitted');
    c = act(act(c, sub, 'approve'), branch, 'return');
    expect(c.state).toBe('returned_from_review');
    c = act(c, applicant, 'resubmit');
    expect(c.state).toBe('verified');
    c = act(act(c, branch, 'approve'), leader, 'return');
    expect(c.state).toBe('returned_from_approval');
    c = act(c, applicant, 'resubmit');
    expect(c.state).toBe('reviewed');
    expect(c.stepActors).toEqual({ verification: [3], review: [4], approval: [5] });
  });

  it('sends a case back to the leader on an upheld objection, then on to payment', () => {
    let c = act(
      act(act(act(facts('draft'), applicant, 'submit'), sub, 'approve'), branch, 'approve'),
      leader,
      'approve',
    );
    expect(c.state).toBe('in_publicity');
    c = act(c, otherLeader, 'dismiss_objection');
    expect(c.state).toBe('in_publicity');
    c = act(c, otherLeader, 'uphold_objection');
    expect(c.state).toBe('reviewed');
    c = act(c, leader, 'approve');
    expect(c.state).toBe('in_publicity');
    expect(canAct({ actor: leader, case: c, action: 'close_publicity' })).toEqual({ ok: false, reason: 'systemOnly' });
    c = { ...c, state: nextState(c.state, 'close_publicity')! };
    expect(c.state).toBe('ready_for_payment');
    c = act(c, thirdLeader, 'pay');
    expect(c.state).toBe('paid');
    expect(c.stepActors).toEqual({ verification: [3], review: [4], approval: [5], publicity: [7], payment: [8] });
    for (const action of CASE_ACTIONS) expect(nextState('paid', action)).toBeNull();
  });

  it('ends a case rejected at any decision step', () => {
    expect(act(facts('submitted'), sub, 'reject').state).toBe('rejected');
    expect(act(facts('verified'), branch, 'reject').state).toBe('rejected');
    expect(act(facts('reviewed'), leader, 'reject').state).toBe('rejected');
  });
});

describe('queues', () => {
  it('says whose move each state waits for', () => {
    const waits: Record<CaseState, ReturnType<typeof waitingOn>> = {
      draft: 'applicant',
      submitted: 'verification',
      verified: 'review',
      reviewed: 'approval',
      in_publicity: 'publicity',
      ready_for_payment: 'payment',
      paid: null,
      returned_from_verification: 'applicant',
      returned_from_review: 'applicant',
      returned_from_approval: 'applicant',
      rejected: null,
      withdrawn: null,
    };
    for (const state of CASE_STATES) expect([state, waitingOn(state)]).toEqual([state, waits[state]]);
  });

  it('maps each step to its queue state and each role to its steps', () => {
    expect(STEPS.map(queueState)).toEqual(['submitted', 'verified', 'reviewed', 'in_publicity', 'ready_for_payment']);
    expect(stepsOf('sub_branch_official')).toEqual(['verification']);
    expect(stepsOf('branch_official')).toEqual(['review', 'publicity']);
    expect(stepsOf('leader')).toEqual(['approval', 'publicity', 'payment']);
    expect(stepsOf('worker')).toEqual([]);
    expect(stepsOf('admin')).toEqual([]);
  });

  it('asks for a written reason to return, reject or decide an objection', () => {
    expect(CASE_ACTIONS.filter(needsComment)).toEqual(['return', 'reject', 'uphold_objection', 'dismiss_objection']);
  });

  it('records each actor once per step', () => {
    const once = recordStepActor({}, 'verification', 3);
    expect(recordStepActor(once, 'verification', 3)).toBe(once);
    expect(recordStepActor(once, 'verification', 9)).toEqual({ verification: [3, 9] });
  });
});

describe('publicity window', () => {
  it('counts calendar days from the day of publication', () => {
    expect(DEFAULT_PUBLICITY_DAYS).toBe(5);
    expect(publicityEndsOn('2026-03-02', 5)).toBe('2026-03-06');
    expect(publicityEndsOn('2026-02-26', 5)).toBe('2026-03-02');
    expect(publicityEndsOn('2026-12-30', 5)).toBe('2027-01-03');
    expect(publicityEndsOn('2026-03-02', 1)).toBe('2026-03-02');
    expect(() => publicityEndsOn('2026-03-02', 0)).toThrow(RangeError);
    expect(() => publicityEndsOn('2026-03-02', 2.5)).toThrow(RangeError);
  });

  it('closes the day after the last day, unless an objection is undecided', () => {
    const window = { endsOn: publicityEndsOn('2026-03-02', 5), pendingObjections: 0 };
    expect(canClosePublicity({ ...window, today: '2026-03-06' })).toEqual({ ok: false, reason: 'windowOpen' });
    expect(canClosePublicity({ ...window, today: '2026-03-07' })).toEqual({ ok: true });
    expect(canClosePublicity({ ...window, today: '2026-03-07', pendingObjections: 1 })).toEqual({
      ok: false,
      reason: 'objectionPending',
    });
  });
});

describe('barredFrom (why the case page shows no form)', () => {
  it('tells the approver that another leader records the payment', () => {
    const approved = { stepActors: { approval: [leader.userId] } };
    expect(barredFrom(leader, facts('ready_for_payment', approved))).toEqual({
      step: 'payment',
      reason: 'actedAtAnotherStep',
      actedAt: 'approval',
    });
    expect(barredFrom(otherLeader, facts('ready_for_payment', approved))).toBeNull();
  });

  it('tells an official that their own application goes to a colleague', () => {
    const own = { applicantId: sub.userId, applicantUnitPath: sub.unitPath };
    expect(barredFrom(sub, facts('submitted', own))).toEqual({
      step: 'verification',
      reason: 'ownApplication',
      actedAt: null,
    });
  });

  it('keeps the official who filed a claim for a member from every step of it, and says why', () => {
    const filed = facts('submitted', { filedBy: sub.userId });
    expect(canAct({ actor: sub, case: filed, action: 'approve' })).toEqual({ ok: false, reason: 'filedForApplicant' });
    expect(barredFrom(sub, filed)).toEqual({ step: 'verification', reason: 'filedForApplicant', actedAt: null });
    // Another official of the unit verifies it; the filer is no one else's concern at later steps either.
    expect(canAct({ actor: { ...sub, userId: 99 }, case: filed, action: 'approve' }).ok).toBe(true);
    expect(canAct({ actor: leader, case: facts('reviewed', { filedBy: leader.userId }), action: 'approve' })).toEqual({
      ok: false,
      reason: 'filedForApplicant',
    });
  });

  it('says nothing to those the step is not for, or when nothing waits on a step', () => {
    expect(barredFrom(branch, facts('submitted'))).toBeNull(); // another role's step
    expect(barredFrom(sub, facts('submitted'))).toBeNull(); // may act
    expect(barredFrom(leader, facts('paid', { stepActors: { approval: [leader.userId] } }))).toBeNull();
    expect(barredFrom(applicant, facts('draft'))).toBeNull();
  });
});
