import { z } from 'zod';
import { todayInChina } from '@/lib/dates';
import { optionalIdParam } from '@/lib/validation/common';

/** The longest span shown at once: a table of more columns is unreadable, and the queries stay bounded. */
export const MAX_SPAN_YEARS = 10;
/** The years a URL may ask for: wide enough for any history, narrow enough to reject nonsense. */
const year = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);

/** The report's URL: calendar years and a unit, read leniently (a bad value falls back to the default). */
export const reportParams = z.object({
  from: year,
  to: year,
  unitId: optionalIdParam,
});

export interface Span {
  from: number;
  to: number;
}

/**
 * The calendar years a report covers. By default the current year and the two before it, the
 * span the union reports over; one end given alone reaches to the current year (or back two
 * years from `to`); reversed ends are put in order; a span longer than the maximum keeps its
 * latest years.
 */
export function yearSpan(p: { from?: number; to?: number }, today = todayInChina()): Span {
  const current = Number(today.slice(0, 4));
  const end = p.to ?? Math.max(p.from ?? current, current);
  const start = p.from ?? end - 2;
  const hi = Math.max(start, end);
  return { from: Math.max(Math.min(start, end), hi - MAX_SPAN_YEARS + 1), to: hi };
}

/** Every year of a span, in order. */
export function yearsOf({ from, to }: Span): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
