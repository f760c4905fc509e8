import { addDays, format, parseISO } from 'date-fns';
import { rolesWith } from '@/lib/permissions';
import type { Role } from '@/lib/roles';
import { type Actor, scopeOf, unitInScope } from '@/lib/scope';

/**
 * The case workflow (办理流程): one chain shared by every kind of case, free of the framework.
 *
 *   draft ─submit→ submitted ─approve→ verified ─approve→ reviewed ─approve→ in_publicity
 *     (sub-branch official verifies) (branch official reviews) (mine leader approves)
 *   in_publicity ─close_publicity→ ready_for_payment ─pay→ paid
 *   in_publicity ─uphold_objection→ reviewed            (back to the leader's step)
 *
 * At each of the three decision steps the decider may also `return` the case to the worker
 * (→ returned_from_<step>; `resubmit` brings it back to that same step) or `reject` it.
 * The applicant may `withdraw` a draft or a submitted case until anyone has acted on it.
 *
 * The returned states name their step so that the state alone says where a resubmission goes:
 * every transition is then a fixed (from, action, to) triple, which is what the database
 * layer's guarded UPDATE (`… WHERE state = from AND version = $v`) needs.
 *
 * Decisions the issue leaves open, taken here:
 * - Objections (异议) are decided at a step of their own, `publicity`, by a branch official
 *   whose unit covers the applicant or by a mine leader. The two-steps rule applies, so
 *   neither the reviewer nor the approver judges an objection to their own decision.
 * - Payment is recorded by a mine leader (leaders hold the budgets), never the one who
 *   approved the case: payment is a step too, so the two-steps rule keeps them apart.
 * - Closing the publicity window is done by the system (a sweep or a lazy check), never by a
 *   person: see `canClosePublicity`.
 */

/**
 * Every kind of case runs on this one chain; issue 5's student aid is a kind, not a copy, and so are
 * issue 19's mutual-aid claims (互助金 / 理赔, facts in mutual_claims).
 */
export const CASE_KINDS = ['aid', 'student_aid', 'student_award', 'mutual_aid'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATES = [
  'draft',
  'submitted', // awaiting verification by the sub-branch official
  'verified', // awaiting review by the branch official
  'reviewed', // awaiting approval by a mine leader
  'in_publicity', // approved and published (公示)
  'ready_for_payment', // the window closed with no upheld objection
  'paid',
  'returned_from_verification', // with the worker for more information
  'returned_from_review',
  'returned_from_approval',
  'rejected',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** The steps at which someone other than the applicant acts. */
export const STEPS = ['verification', 'review', 'approval', 'publicity', 'payment'] as const;
export type Step = (typeof STEPS)[number];

export const CASE_ACTIONS = [
  'submit',
  'resubmit',
  'withdraw',
  'approve',
  'return',
  'reject',
  'uphold_objection',
  'dismiss_objection',
  'close_publicity',
  'pay',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who may act at each step (scope, own-application and two-steps rules come on top). */
export const STEP_ROLES: Record<Step, readonly Role[]> = {
  verification: rolesWith('cases.verify'),
  review: rolesWith('cases.review'),
  approval: rolesWith('cases.approve'),
  publicity: rolesWith('publicity.decideObjection'),
  payment: rolesWith('cases.pay'),
};

/** Who takes a transition: the applicant, a person acting at a step, or the system. */
export type Mover = 'applicant' | 'system' | Step;

export interface Transition {
  from: CaseState;
  action: CaseAction;
  to: CaseState;
  by: Mover;
}

/** The three decision steps: where their cases wait, and where approve and return send them. */
const DECISION_STEPS = [
  { step: 'verification', awaiting: 'submitted', approved: 'verified', returned: 'returned_from_verification' },
  { step: 'review', awaiting: 'verified', approved: 'reviewed', returned: 'returned_from_review' },
  { step: 'approval', awaiting: 'reviewed', approved: 'in_publicity', returned: 'returned_from_approval' },
] as const satisfies readonly { step: Step; awaiting: CaseState; approved: CaseState; returned: CaseState }[];

/** Every allowed transition. A (from, action) pair appears at most once. */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', action: 'submit', to: 'submitted', by: 'applicant' },
  { from: 'draft', action: 'withdraw', to: 'withdrawn', by: 'applicant' },
  { from: 'submitted', action: 'withdraw', to: 'withdrawn', by: 'applicant' },
  ...DECISION_STEPS.flatMap(({ step, awaiting, approved, returned }): Transition[] => [
    { from: awaiting, action: 'approve', to: approved, by: step },
    { from: awaiting, action: 'return', to: returned, by: step },
    { from: awaiting, action: 'reject', to: 'rejected', by: step },
    { from: returned, action: 'resubmit', to: awaiting, by: 'applicant' },
  ]),
  { from: 'in_publicity', action: 'uphold_objection', to: 'reviewed', by: 'publicity' },
  // Dismissing an objection leaves the state as it is; it is still a guarded update (the version
  // moves on), so it cannot cross an upholding or the window's closing unnoticed.
  { from: 'in_publicity', action: 'dismiss_objection', to: 'in_publicity', by: 'publicity' },
  { from: 'in_publicity', action: 'close_publicity', to: 'ready_for_payment', by: 'system' },
  { from: 'ready_for_payment', action: 'pay', to: 'paid', by: 'payment' },
];

const BY_STATE_ACTION = new Map(TRANSITIONS.map((t) => [`${t.from}:${t.action}`, t]));

export function transitionOf(state: CaseState, action: CaseAction): Transition | undefined {
  return BY_STATE_ACTION.get(`${state}:${action}`);
}

/** The state an action leads to, or null when the action is not possible in this state. */
export function nextState(state: CaseState, action: CaseAction): CaseState | null {
  return transitionOf(state, action)?.to ?? null;
}

/** States nothing leaves: paid, rejected, withdrawn. */
export const FINAL_STATES: readonly CaseState[] = CASE_STATES.filter((s) => !TRANSITIONS.some((t) => t.from === s));

export function isFinal(state: CaseState): boolean {
  return FINAL_STATES.includes(state);
}

/**
 * Whose move it is: a step (the to-do queue of that step's people), the applicant (a draft or a
 * returned case), or nobody (a final state). An in-publicity case is in the `publicity` queue
 * only while it has an undecided objection; the query adds that condition.
 */
export function waitingOn(state: CaseState): Step | 'applicant' | null {
  const movers = TRANSITIONS.filter((t) => t.from === state).map((t) => t.by);
  const step = movers.find((m): m is Step => (STEPS as readonly string[]).includes(m));
  if (step) return step;
  return movers.includes('applicant') ? 'applicant' : null;
}

/** The state each step's queue holds. */
export function queueState(step: Step): CaseState {
  const t = TRANSITIONS.find((tr) => tr.by === step);
  if (!t) throw new Error(`no transition for step ${step}`);
  return t.from;
}

/** The steps whose queues a role works on, in chain order. */
export function stepsOf(role: Role): Step[] {
  return STEPS.filter((s) => STEP_ROLES[s].includes(role));
}

/** Returning, rejecting and deciding an objection need a written comment (the reason). */
const COMMENT_REQUIRED: readonly CaseAction[] = ['return', 'reject', 'uphold_objection', 'dismiss_objection'];

export function needsComment(action: CaseAction): boolean {
  return COMMENT_REQUIRED.includes(action);
}

export type CaseActor = Pick<Actor, 'userId' | 'role' | 'unitPath'>;

/** Who acted at which step so far (any decision counts, a return included). */
export type StepActors = Partial<Record<Step, readonly number[]>>;

export interface CaseFacts {
  state: CaseState;
  applicantId: number;
  /** The official who filed the case for the applicant, if one did. */
  filedBy: number | null;
  applicantUnitPath: string;
  stepActors: StepActors;
}

export type Refusal =
  | 'wrongState' // the action is not possible in the case's state
  | 'notApplicant' // only the applicant submits, resubmits or withdraws
  | 'alreadyActedOn' // withdrawal after someone has acted
  | 'systemOnly' // the publicity window is closed by the system, not a person
  | 'wrongRole' // the step belongs to another role
  | 'outOfScope' // the applicant's unit is outside the official's subtree
  | 'ownApplication' // nobody acts on their own application
  | 'filedForApplicant' // nor on one they filed for the applicant
  | 'actedAtAnotherStep'; // nobody acts at two steps of one case

/** The workflow's facts of a case as the database reads it (the applicant's unit path as `unitPath`). */
export function caseFactsOf(c: Omit<CaseFacts, 'applicantUnitPath'> & { unitPath: string }): CaseFacts {
  return {
    state: c.state,
    applicantId: c.applicantId,
    filedBy: c.filedBy,
    applicantUnitPath: c.unitPath,
    stepActors: c.stepActors,
  };
}

/** On success: the state to write and the step to record the actor under (null for the applicant's moves). */
export type Permission = { ok: true; to: CaseState; step: Step | null } | { ok: false; reason: Refusal };

function anyoneActed(actors: StepActors): boolean {
  return Object.values(actors).some((ids) => ids.length > 0);
}

function actedAtAnotherStep(actors: StepActors, userId: number, step: Step): boolean {
  return STEPS.some((s) => s !== step && (actors[s] ?? []).includes(userId));
}

/** Whether this actor may take this action on this case, and if not, why. */
export function canAct({
  actor,
  case: c,
  action,
}: {
  actor: CaseActor;
  case: CaseFacts;
  action: CaseAction;
}): Permission {
  const t = transitionOf(c.state, action);
  if (!t) return { ok: false, reason: 'wrongState' };
  if (t.by === 'system') return { ok: false, reason: 'systemOnly' };
  if (t.by === 'applicant') {
    if (actor.userId !== c.applicantId) return { ok: false, reason: 'notApplicant' };
    if (action === 'withdraw' && anyoneActed(c.stepActors)) return { ok: false, reason: 'alreadyActedOn' };
    return { ok: true, to: t.to, step: null };
  }
  const step = t.by;
  if (!STEP_ROLES[step].includes(actor.role)) return { ok: false, reason: 'wrongRole' };
  if (!unitInScope(scopeOf(actor), c.applicantUnitPath)) return { ok: false, reason: 'outOfScope' };
  if (actor.userId === c.applicantId) return { ok: false, reason: 'ownApplication' };
  if (actor.userId === c.filedBy) return { ok: false, reason: 'filedForApplicant' };
  if (actedAtAnotherStep(c.stepActors, actor.userId, step)) return { ok: false, reason: 'actedAtAnotherStep' };
  return { ok: true, to: t.to, step };
}

/** Why separation of duties keeps this actor from the step the case waits at; null when it does not. */
export interface Barred {
  /** The step the case waits at, which the actor's role would otherwise take. */
  step: Step;
  reason: 'ownApplication' | 'filedForApplicant' | 'actedAtAnotherStep';
  /** For `actedAtAnotherStep`: the step at which the actor already acted. */
  actedAt: Step | null;
}

/**
 * For the case page: whether the actor is someone whose role and unit would act at the step the
 * case now waits at, but whom the own-application or the two-steps rule keeps out, and why.
 */
export function barredFrom(actor: CaseActor, c: CaseFacts): Barred | null {
  // Publicity waits on nobody until someone objects; the objection panel speaks for itself.
  const t = TRANSITIONS.find(
    (tr) => tr.from === c.state && tr.by !== 'publicity' && (STEPS as readonly string[]).includes(tr.by),
  );
  if (!t) return null;
  const p = canAct({ actor, case: c, action: t.action });
  if (p.ok || (p.reason !== 'ownApplication' && p.reason !== 'filedForApplicant' && p.reason !== 'actedAtAnotherStep'))
    return null;
  const step = t.by as Step;
  const actedAt =
    p.reason === 'actedAtAnotherStep'
      ? (STEPS.find((s) => s !== step && (c.stepActors[s] ?? []).includes(actor.userId)) ?? null)
      : null;
  return { step, reason: p.reason, actedAt };
}

/** Adds an actor to the record of a step (returns a new record). */
export function recordStepActor(actors: StepActors, step: Step, userId: number): StepActors {
  const ids = actors[step] ?? [];
  return ids.includes(userId) ? actors : { ...actors, [step]: [...ids, userId] };
}

// ── Publicity (公示) window ──────────────────────────────────────────────────────────────────

export const DEFAULT_PUBLICITY_DAYS = 5;

/**
 * The last day of the window. The window counts calendar days and includes the day of
 * publication: published 2 March for 5 days → 2–6 March, ready for payment from 7 March.
 */
export function publicityEndsOn(publishedOn: string, days: number): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`publicity days must be a whole number ≥ 1: ${days}`);
  return format(addDays(parseISO(publishedOn), days - 1), 'yyyy-MM-dd');
}

/**
 * Whether the system may close the window (in_publicity → ready_for_payment) today. The window's
 * last day is fixed on the case at publication (the length leaders set may change later). An
 * upheld objection has already taken the case back to the leader, so only undecided ones block.
 */
export function canClosePublicity(p: {
  endsOn: string;
  today: string;
  pendingObjections: number;
}): { ok: true } | { ok: false; reason: 'windowOpen' | 'objectionPending' } {
  if (p.today <= p.endsOn) return { ok: false, reason: 'windowOpen' };
  if (p.pendingObjections > 0) return { ok: false, reason: 'objectionPending' };
  return { ok: true };
}
