import { dayInChina } from '../dates';

/**
 * School stages and award tiers of the Dream Come True fund (圆梦行动), free of the framework.
 * Grades run 1..maxGrade within a stage (primary 1–6, junior and senior secondary 1–3,
 * vocational 1–3, undergraduate 1–5 for five-year programmes, postgraduate 1–4).
 */
export const STAGES = [
  'primary',
  'junior_secondary',
  'senior_secondary',
  'vocational',
  'undergraduate',
  'postgraduate',
] as const;
export type Stage = (typeof STAGES)[number];

export const MAX_GRADE: Record<Stage, number> = {
  primary: 6,
  junior_secondary: 3,
  senior_secondary: 3,
  vocational: 3,
  undergraduate: 5,
  postgraduate: 4,
};

/** The tiers of the outstanding aided student award (优秀受助生); amounts come from the standard. */
export const AWARD_TIERS = ['first', 'second', 'third'] as const;
export type AwardTier = (typeof AWARD_TIERS)[number];

/**
 * The fund's school year (学年) is named by its first calendar year (2026 = 2026–2027) and starts on
 * 1 July: admission letters arrive in July and the fund's round for the coming year opens then, so
 * a new entrant applying in August applies for the year they are about to start.
 */
export const SCHOOL_YEAR_START_MONTH = 7;

/** The school year a date (YYYY-MM-DD) falls in. */
export function schoolYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= SCHOOL_YEAR_START_MONTH ? year : year - 1;
}

/**
 * How far a registered grade may stray from the years since admission (expected = school year −
 * admission year + 1): up to two years behind (a repeated or suspended year, 复读/休学) and one
 * ahead (a skipped grade, 跳级). Anything further is a typing mistake more often than a real path.
 */
export const GRADE_BEHIND_TOLERANCE = 2;
export const GRADE_AHEAD_TOLERANCE = 1;

export type SchoolingProblem = 'gradeOutOfRange' | 'admissionInFuture' | 'gradeInconsistent';

/** What is wrong with a student's schooling in a school year, or null (field-by-field, for the form). */
export function schoolingProblems(
  s: { stage: Stage; grade: number; admissionYear: number },
  schoolYear: number,
): { field: 'grade' | 'admissionYear'; problem: SchoolingProblem }[] {
  if (!Number.isInteger(s.grade) || s.grade < 1 || s.grade > MAX_GRADE[s.stage])
    return [{ field: 'grade', problem: 'gradeOutOfRange' }];
  if (s.admissionYear > schoolYear) return [{ field: 'admissionYear', problem: 'admissionInFuture' }];
  const expected = schoolYear - s.admissionYear + 1;
  if (s.grade < expected - GRADE_BEHIND_TOLERANCE || s.grade > expected + GRADE_AHEAD_TOLERANCE)
    return [{ field: 'grade', problem: 'gradeInconsistent' }];
  return [];
}

/**
 * The grade a registered student is in this school year: the registered grade moved on by the
 * school years since the record was last saved (on the mine's calendar: a record saved in the
 * first hours of 1 July in China belongs to the new school year), kept within the stage.
 * Prefills the application.
 */
export function gradeNow(s: { stage: Stage; grade: number; updatedAt: Date }, schoolYear: number): number {
  const savedInSchoolYear = schoolYearOf(dayInChina(s.updatedAt));
  return Math.min(MAX_GRADE[s.stage], Math.max(1, s.grade + schoolYear - savedInSchoolYear));
}

export const PROOFS = ['admission_letter', 'enrolment_certificate'] as const;
export type Proof = (typeof PROOFS)[number];

/**
 * The proof a student aid application needs: the admission letter (录取通知书) for a new university
 * entrant, else an enrolment certificate (在读证明). A new entrant is in the first year of an
 * undergraduate programme in the school year applied for. The application's own stage and grade
 * decide, since the student record may still describe the school the student has just left; only a
 * record that already shows university admission in an earlier year (a repeated first year) makes a
 * first-year undergraduate a continuing student.
 */
export function proofNeeded(
  application: { stage: Stage; grade: number },
  record: { stage: Stage; admissionYear: number },
  schoolYear: number,
): Proof {
  const firstYear = application.stage === 'undergraduate' && application.grade === 1;
  const admittedEarlier = record.stage === 'undergraduate' && record.admissionYear < schoolYear;
  return firstYear && !admittedEarlier ? 'admission_letter' : 'enrolment_certificate';
}
