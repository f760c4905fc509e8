/**
 * The exit (脱困) rate of a year, as the union reports it: of the households on the register on
 * 1 January, the share that left hardship during the year. A cohort rate, so it never passes 100%:
 * a household filed during the year and leaving in the same year counts in the year's exits but
 * not here, because it was not in the year's starting number.
 */
export interface ExitCohort {
  /** Households on the register on 1 January (their last filing, re-filing or exit before then was a filing). */
  atStart: number;
  /** Of those, how many left hardship during the year (up to today for the current year). */
  left: number;
}

/** The rate as a fraction, or null when nobody was on the register on 1 January (no rate, not 0%). */
export function exitRate({ atStart, left }: ExitCohort): number | null {
  if (!Number.isInteger(atStart) || !Number.isInteger(left) || atStart < 0 || left < 0 || left > atStart) {
    throw new RangeError(`exit cohort out of range: ${left} of ${atStart}`);
  }
  return atStart === 0 ? null : left / atStart;
}

/** "12.5%" in the reader's locale, one decimal at most; "—" when there is no rate. */
export function formatExitRate(cohort: ExitCohort, locale: string): string {
  const rate = exitRate(cohort);
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}
