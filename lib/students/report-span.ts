import { todayInChina } from '@/lib/dates';
import { schoolYearOf } from './stages';

/** The longest span the report covers at once: enough for any review, bounded for the database. */
export const MAX_REPORT_YEARS = 20;

/**
 * The school years a report covers: as asked, put in order; by default the last three up to the
 * current one (the span the union usually reports, like the mine's three-year totals).
 */
export function reportSpan(p: { from?: number; to?: number }, today = todayInChina()): { from: number; to: number } {
  const to = p.to ?? (p.from !== undefined ? Math.max(p.from, schoolYearOf(today)) : schoolYearOf(today));
  const from = p.from ?? to - 2;
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return { from: Math.max(lo, hi - MAX_REPORT_YEARS + 1), to: hi };
}
