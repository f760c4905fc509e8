/**
 * Survivors (遗属) and lone elderly people (孤寡老人): why an allowance stops, the yearly check,
 * and when a visit is overdue, free of the framework and the database.
 */

export const SURVIVOR_STATUSES = ['active', 'stopped'] as const;
export type SurvivorStatus = (typeof SURVIVOR_STATUSES)[number];

/** Why a survivor's allowance stopped. */
export const STOP_REASONS = ['deceased', 'not_eligible', 'remarried', 'income', 'moved', 'other'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export const HELP_KINDS = ['hospital', 'daily_care', 'repairs', 'other'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

/**
 * What a yearly check means for the allowance: a survivor found dead or no longer eligible stops
 * (with that reason); otherwise it goes on.
 */
export function checkOutcome(c: { alive: boolean; eligible: boolean }): StopReason | null {
  if (!c.alive) return 'deceased';
  if (!c.eligible) return 'not_eligible';
  return null;
}

/** The day the next visit is due: `every` days after the last visit, or after the person was listed. */
export function nextVisitDue(lastVisit: string | null, since: string, every: number): string {
  const from = new Date(`${lastVisit ?? since}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() + every);
  return from.toISOString().slice(0, 10);
}

/** Whether the visit is overdue on `today` (due before today). */
export function visitOverdue(due: string, today: string): boolean {
  return due < today;
}

/** Whether an advance may be settled: only an unsettled one, and not for more than was advanced. */
export function settleProblem(h: { advancedFen: number; settledOn: string | null }, amountFen: number) {
  if (h.advancedFen === 0) return 'nothingAdvanced' as const;
  if (h.settledOn !== null) return 'alreadySettled' as const;
  if (amountFen > h.advancedFen) return 'settleTooMuch' as const;
  return null;
}
