import {
  barredFrom,
  canAct,
  waitingOn,
  type Barred,
  type CaseAction,
  type CaseFacts,
} from '@/lib/workflow/case-workflow';
import type { Actor } from '@/lib/scope';

export type DecisionStep = 'verification' | 'review' | 'approval';

/** What the actor may do on the case now, each answer from the workflow's `canAct`. */
export interface CaseAbilities {
  /** The step at which the actor may approve, return or reject; null when none. */
  decideAt: DecisionStep | null;
  pay: boolean;
  withdraw: boolean;
  /** The applicant may edit (a draft, or a case returned for more information). */
  edit: boolean;
  /** The actor may decide the case's undecided objections. */
  decideObjection: boolean;
  /** Why separation of duties keeps the actor from the step the case waits at (shown, not hidden). */
  barred: Barred | null;
}

export function abilitiesOf(
  actor: Pick<Actor, 'userId' | 'role' | 'unitPath'>,
  facts: CaseFacts,
  pendingObjections: number,
): CaseAbilities {
  const may = (action: CaseAction) => canAct({ actor, case: facts, action }).ok;
  return {
    decideAt: may('approve') ? (waitingOn(facts.state) as DecisionStep) : null,
    pay: may('pay'),
    withdraw: may('withdraw'),
    edit: may('submit') || may('resubmit'),
    decideObjection: pendingObjections > 0 && may('dismiss_objection'),
    barred: barredFrom(actor, facts),
  };
}
