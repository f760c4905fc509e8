import type { HelperKind, Role, TaskStatus } from '@/db/schema';
import { SIX_KNOWS } from '@/db/schema/register';
import { plusOneYear } from '@/lib/dates';

/**
 * Rules of the hardship register, free of the framework so they can be tested on their own.
 */

/** Per-head monthly income in fen: household income over the worker plus the listed members, rounded down. */
export function perHeadIncomeFen(householdIncomeFen: number, memberCount: number): number {
  return Math.floor(householdIncomeFen / (1 + memberCount));
}

/** A file is reviewed one year after filing or after its last review. */
export function nextReviewDue(from: string): string {
  return plusOneYear(from);
}

export function isOverdue(dueOn: string, today: string): boolean {
  return dueOn < today;
}

const TASK_MOVES: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['in_progress', 'done'],
  in_progress: ['done'],
  done: [],
};

/** open → in progress → done; "done" is final. */
export function canMoveTask(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_MOVES[from].includes(to);
}

/** Whether every one of the six knows is among those confirmed. */
export function allSixKnown(knows: readonly string[]): boolean {
  return SIX_KNOWS.every((k) => knows.includes(k));
}

export type HelperProblem = 'helperNotInChain' | 'helperNotLeader' | 'helperIsWorker' | 'helperDisabled';

/**
 * A helper comes from the household's own unit or a unit above it; the first helper
 * (第一帮扶人) must be a mine leader; nobody helps their own household.
 */
export function helperProblem(
  kind: HelperKind,
  household: { unitPath: string; workerId: number },
  candidate: { userId: number; role: Role; unitPath: string; disabled: boolean },
): HelperProblem | null {
  if (candidate.disabled) return 'helperDisabled';
  if (candidate.userId === household.workerId) return 'helperIsWorker';
  if (kind === 'first_helper') return candidate.role === 'leader' ? null : 'helperNotLeader';
  if (candidate.role === 'admin' || !household.unitPath.startsWith(candidate.unitPath)) return 'helperNotInChain';
  return null;
}

export const REQUIRED_HELPERS: readonly HelperKind[] = ['unit_leader', 'union_cadre', 'grassroots_leader'];

export function missingHelpers(current: readonly HelperKind[]): HelperKind[] {
  return REQUIRED_HELPERS.filter((k) => !current.includes(k));
}
