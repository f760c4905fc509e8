import 'server-only';
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { caseSteps, cases, objections, orgUnits, users } from '@/db/schema';
import type { AidKind } from '@/lib/aid/standards';
import type { Fen } from '@/lib/money';
import type { Actor } from '@/lib/scope';
import { queueState, stepsOf, type CaseKind, type Step } from '@/lib/workflow/case-workflow';
import { caseVisible } from './cases';
import {
  cappedCount,
  cursorOf,
  keysetPage,
  pageOf,
  type KeysetPage,
  type PageAt,
  type SortTerm,
  type Total,
} from './keyset';

/** The to-do queues: the cases waiting at each step the actor works on, oldest first, in scope. */

export const QUEUE_PAGE_SIZE = 20;

export interface QueueRow {
  id: number;
  kind: CaseKind;
  aidKind: AidKind | null;
  applicantName: string;
  employeeNo: string;
  unitName: string;
  amountFen: Fen | null;
  /** When the case reached the step (for publicity: when its oldest undecided objection came). */
  waitingSince: Date;
}

export interface QueueStep extends KeysetPage<QueueRow> {
  step: Step;
  total: Total;
}

const hasPendingObjection = sql`EXISTS (SELECT 1 FROM ${objections} o WHERE o.case_id = ${cases.id} AND o.status = 'pending')`;

/**
 * When a case reached its step: its latest move (a case arrives at a step by the move before
 * it), or its submission when the history has none. A published case waits on the publicity step
 * only once someone objects, so its clock starts with the oldest undecided objection.
 */
function waitingSince(step: Step) {
  return (
    step === 'publicity'
      ? sql`(SELECT min(o.created_at) FROM ${objections} o WHERE o.case_id = ${cases.id} AND o.status = 'pending')`
      : sql`coalesce((SELECT max(s.at) FROM ${caseSteps} s WHERE s.case_id = ${cases.id}), ${cases.submittedAt})`
  ).mapWith(cases.submittedAt);
}

/**
 * The cases waiting at a step that this actor may act on, in SQL what `canAct` says in code: the
 * step's state within the actor's scope, not their own application, and not a case where they
 * acted at another step (the two-steps rule). The publicity step holds only cases with an
 * undecided objection.
 */
function queueWhere(actor: Actor, step: Step): SQL {
  return and(
    caseVisible(actor),
    eq(cases.state, queueState(step)),
    ne(cases.applicantId, actor.userId),
    sql`NOT EXISTS (SELECT 1 FROM ${caseSteps} s WHERE s.case_id = ${cases.id} AND s.actor_id = ${actor.userId} AND s.step IS NOT NULL AND s.step <> ${step})`,
    step === 'publicity' ? hasPendingObjection : undefined,
  )!;
}

/**
 * One step's queue: its count and one keyset page of its cases, oldest first. A queue grows with
 * the mine (a leader's spans every branch), so a page is the cases after the edge row's (waiting
 * since, id): the id breaks ties of cases that reached the step at the same instant.
 */
export async function queueOf(db: Queryable, actor: Actor, step: Step, at: PageAt = {}): Promise<QueueStep> {
  const where = queueWhere(actor, step);
  const since = waitingSince(step);
  const order: SortTerm[] = [
    { expr: since, dir: 'asc' },
    { expr: cases.id, dir: 'asc' },
  ];
  const [page, total] = await Promise.all([
    keysetPage(order, at, QUEUE_PAGE_SIZE, (req) =>
      pageOf(
        db
          .select({
            id: cases.id,
            kind: cases.kind,
            aidKind: cases.aidKind,
            applicantName: users.name,
            employeeNo: users.employeeNo,
            unitName: orgUnits.name,
            amountFen: cases.amountFen,
            waitingSince: since,
            cursor: cursorOf(order),
          })
          .from(cases)
          .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
          .innerJoin(users, eq(users.id, cases.applicantId))
          .$dynamic(),
        where,
        req,
      ),
    ),
    cappedCount(
      db,
      db
        .select({ id: cases.id })
        .from(cases)
        .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
        .where(where)
        .$dynamic(),
    ),
  ]);
  return { step, total, ...page };
}

/** Every queue the actor works on (none for workers and administrators), in chain order; `step` is the one paged. */
export function listQueues(db: Queryable, actor: Actor, opts: { step?: Step } & PageAt = {}): Promise<QueueStep[]> {
  const { step: paged, ...at } = opts;
  return Promise.all(stepsOf(actor.role).map((step) => queueOf(db, actor, step, step === paged ? at : {})));
}
