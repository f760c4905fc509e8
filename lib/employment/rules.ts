/**
 * Employment assistance (就业帮扶, 一人一档): whom a file is for, how it ends, and which students
 * the portal suggests, free of the framework and the database.
 */
import type { Stage } from '../students/stages';

/** Whom the file is for: a hardship worker's graduating child, a survivor, or another family member. */
export const EMPLOYMENT_KINDS = ['graduate', 'survivor', 'family_member'] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];

/** not_yet until placed; a placement is at the mine or elsewhere, on a date. */
export const OUTCOMES = ['not_yet', 'placed_mine', 'placed_elsewhere'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const PLACEMENTS = ['placed_mine', 'placed_elsewhere'] as const;

export const FOLLOW_UP_KINDS = ['follow_up', 'referral'] as const;

/**
 * The grade of a school stage in which a student graduates into work: vocational 3, undergraduate
 * 4 (five-year programmes graduate a year later and are suggested again then), postgraduate 3.
 * School pupils go on to further study, not work.
 */
export const FINAL_GRADE: Partial<Record<Stage, number>> = {
  vocational: 3,
  undergraduate: 4,
  postgraduate: 3,
};

/** Whether a student in `stage`, `grade` graduates at the end of that school year. */
export function inFinalYear(stage: Stage, grade: number): boolean {
  const final = FINAL_GRADE[stage];
  return final !== undefined && grade >= final;
}

/** The calendar year a student of school year `schoolYear` (2025 = 2025–2026) graduates: the next one. */
export function graduationYearOf(schoolYear: number): number {
  return schoolYear + 1;
}

/** Whether an outcome is a placement (and so needs a date and an employer). */
export function isPlaced(outcome: Outcome): boolean {
  return outcome !== 'not_yet';
}

export interface EmploymentFigureRows {
  helped: number;
  placed: number;
}

/** Placement rate in whole percent (0 when nobody is helped yet). */
export function placementRate({ helped, placed }: EmploymentFigureRows): number {
  return helped === 0 ? 0 : Math.round((placed / helped) * 100);
}

/**
 * Why a placement cannot be linked to the household's exit, or null: only a placed file, once, for
 * a file that belongs to a household.
 */
export function exitLinkProblem(f: {
  outcome: Outcome;
  householdId: number | null;
  exitLinked: boolean;
}): 'notPlaced' | 'noHousehold' | 'exitAlreadyLinked' | null {
  if (!isPlaced(f.outcome)) return 'notPlaced';
  if (f.householdId === null) return 'noHousehold';
  if (f.exitLinked) return 'exitAlreadyLinked';
  return null;
}
