import type { HARDSHIP_KINDS } from '@/lib/aid/standards';
import type { ExitCohort } from '@/lib/register/exit-rate';
import type { Line } from './tally';

export type HardshipKind = (typeof HARDSHIP_KINDS)[number];

/** The programmes the report has a table for, in the order the union reports them. */
export const PROGRAMMES = [
  'hardship',
  'students',
  'mutual',
  'campaigns',
  'register',
  'visits',
  'tasks',
  'premiums',
  'employment',
  'care',
] as const;
export type Programme = (typeof PROGRAMMES)[number];

/**
 * What a line counts. Money lines count payments (people-times) and their sum; the others count
 * filings, exits, visits or deeds done. `students` and `visitedHouseholds` count each one once
 * over the span.
 */
export type LineKey =
  | 'aidKind'
  | 'aidSubtotal'
  | 'studentAid'
  | 'students'
  | 'awards'
  | 'filed'
  | 'exited'
  | 'exitRate'
  | 'visits'
  | 'visitedHouseholds'
  | 'tasksDone'
  | 'campaignHandovers'
  | 'campaignPersons'
  | 'campaignUnreachable'
  | 'premiumsPaid'
  | 'jobsPlaced'
  | 'exitsThroughJobs'
  | 'survivorSubsidies'
  | 'elderVisits'
  | 'elderAdvances'
  | 'mutualMedical'
  | 'mutualInsurance';

export interface ReportLine extends Line {
  key: LineKey;
  /** The hardship aid kind of an `aidKind` line. */
  aidKind?: HardshipKind;
  /** Whether the line has money (people-times and yuan) or a count alone. */
  money: boolean;
  /**
   * A rate line (the exit rate): each year's cohort, shown as a percentage. Its counts are the
   * households that left; the span has no rate of its own (the years' cohorts overlap).
   */
  cohorts?: ExitCohort[];
}

export interface ReportSection {
  programme: Programme;
  lines: ReportLine[];
}
