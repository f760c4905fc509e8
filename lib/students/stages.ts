/**
 * School stages and award tiers of the Dream Come True fund (圆梦行动), free of the framework.
 * Grades run 1..maxGrade within a stage (primary 1–6, junior and senior secondary 1–3,
 * vocational 1–3, undergraduate 1–5 for five-year programmes, postgraduate 1–4).
 */
export const STAGES = ['primary', 'junior_secondary', 'senior_secondary', 'vocational', 'undergraduate', 'postgraduate'] as const;
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
