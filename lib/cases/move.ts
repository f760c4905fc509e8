import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import type { CaseHead } from '@/db/queries/cases';
import { caseSteps, cases, notifications } from '@/db/schema';
import { AppError, conflict, notFound } from '@/lib/errors';
import type { Actor } from '@/lib/scope';
import {
  canAct,
  caseFactsOf,
  STEPS,
  waitingOn,
  type CaseAction,
  type CaseState,
  type Refusal,
  type Step,
} from '@/lib/workflow/case-workflow';
import { stepPeople } from '@/db/queries/notifications';
import { applyStatDeltas, APPROVED_STATES, countDeltas, statDeltas, type CaseFacts } from '@/lib/stats/case-stats';

/** How each refusal of the workflow reaches the user. Out of scope is "not found", like everywhere. */
export function refusalError(reason: Refusal): AppError {
  switch (reason) {
    case 'wrongState':
      return conflict('caseWrongState');
    case 'alreadyActedOn':
      return conflict('caseAlreadyActedOn');
    case 'notApplicant':
    case 'outOfScope':
      return notFound();
    case 'systemOnly':
      return new AppError('forbidden', 'forbidden');
    case 'wrongRole':
      return new AppError('forbidden', 'caseWrongStep');
    case 'ownApplication':
      return new AppError('forbidden', 'caseOwnApplication');
    case 'filedForApplicant':
      return new AppError('forbidden', 'caseFiledForApplicant');
    case 'actedAtAnotherStep':
      return new AppError('forbidden', 'caseTwoSteps');
  }
}

/** Whether the actor may take this action on the case as read; throws the user-facing refusal. */
export function permit(
  actor: Pick<Actor, 'userId' | 'role' | 'unitPath'>,
  c: CaseHead,
  action: CaseAction,
): { to: CaseState; step: Step | null } {
  const p = canAct({ actor, case: caseFactsOf(c), action });
  if (!p.ok) throw refusalError(p.reason);
  return p;
}

export interface Moved {
  from: CaseState;
  to: CaseState;
  step: Step | null;
  version: number;
}

/**
 * Moves a case by one transition: asks the workflow whether this actor may (against the case as
 * read), then writes it as a guarded UPDATE on (id, state, version). Zero rows means someone else
 * moved the case first (or the caller's `expectedVersion` is stale): a conflict, nothing written.
 * Records the move in the history and tells the applicant of every decision others make.
 */
export async function moveCase(
  tx: Tx,
  actor: Pick<Actor, 'userId' | 'role' | 'unitPath'> | null,
  c: CaseHead,
  action: CaseAction,
  opts: { expectedVersion?: number; comment?: string; set?: Partial<typeof cases.$inferInsert> } = {},
): Promise<Moved> {
  let to: CaseState;
  let step: Step | null;
  if (actor) {
    ({ to, step } = permit(actor, c, action));
  } else {
    // The system's own moves (closing publicity): the workflow marks them `by: 'system'`.
    if (action !== 'close_publicity' || c.state !== 'in_publicity') throw conflict('caseWrongState');
    to = 'ready_for_payment';
    step = null;
  }
  const version = opts.expectedVersion ?? c.version;
  if (version !== c.version) throw conflict();
  // An approved case's publicity date is not in the head; read it (locked, as the guard expects) to take it off the figures.
  let before: CaseFacts | null = null;
  if (APPROVED_STATES.includes(c.state)) {
    const [old] = await tx
      .select({ publicityStart: cases.publicityStart, amountFen: cases.amountFen })
      .from(cases)
      .where(and(eq(cases.id, c.id), eq(cases.state, c.state), eq(cases.version, version)))
      .for('update');
    if (!old) throw conflict();
    before = { state: c.state, unitId: c.unitId, aidKind: c.aidKind, ...old };
  }
  const [row] = await tx
    .update(cases)
    .set({ ...opts.set, state: to, version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(cases.id, c.id), eq(cases.state, c.state), eq(cases.version, version)))
    .returning({
      version: cases.version,
      unitId: cases.unitId,
      aidKind: cases.aidKind,
      amountFen: cases.amountFen,
      publicityStart: cases.publicityStart,
    });
  if (!row) throw conflict();
  // The dashboards' aggregates move with the case, in this transaction (db/schema/stats.ts).
  await applyStatDeltas(tx, statDeltas(before, { ...row, state: to }), countDeltas(c.unitId, c.state, to));
  const [recorded] = await tx
    .insert(caseSteps)
    .values({
      caseId: c.id,
      step,
      action,
      fromState: c.state,
      toState: to,
      actorId: actor?.userId ?? null,
      comment: opts.comment ?? '',
    })
    .returning({ id: caseSteps.id });
  if (actor?.userId !== c.applicantId) {
    // The step is referenced, so the notification quotes this decision's reason, not a later one.
    await tx.insert(notifications).values({ userId: c.applicantId, caseId: c.id, kind: action, stepId: recorded.id });
  }
  await notifyNextStep(tx, c, to, actor?.userId ?? null);
  return { from: c.state, to, step, version: row.version };
}

/**
 * Tells the people of the step a case has just reached that it waits for them (kind
 * `todo:<step>`). Publicity is left out: a published case waits on nobody until someone objects,
 * and the objection tells that step's people itself. Whoever acted at another step of the case
 * is left out too, since the two-steps rule bars them.
 */
export async function notifyNextStep(tx: Tx, c: CaseHead, state: CaseState, actorId: number | null): Promise<void> {
  const step = waitingOn(state);
  if (!step || step === 'applicant' || step === 'publicity') return;
  await notifyStep(tx, c, step, actorId);
}

export async function notifyStep(tx: Tx, c: CaseHead, step: Step, actorId: number | null): Promise<void> {
  const barred = STEPS.filter((s) => s !== step).flatMap((s) => c.stepActors[s] ?? []);
  const people = await stepPeople(tx, step, c.unitPath, [c.applicantId, ...(actorId ? [actorId] : []), ...barred]);
  if (people.length)
    await tx.insert(notifications).values(people.map((userId) => ({ userId, caseId: c.id, kind: `todo:${step}` })));
}
