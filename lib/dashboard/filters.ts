import { z } from 'zod';
import { optionalIdParam } from '@/lib/validation/common';

/**
 * The dashboards' filters as they stand in the URL (`/dashboard?year=2025&unit=12`), so a view can
 * be bookmarked and shared. Read leniently like the lists' filters: a bad value falls back to the
 * default (this year, the actor's own scope) rather than an error page. Whether the unit lies in
 * the actor's scope is the page's business (a scoped query, 404 when it does not).
 */
export interface DashboardFilters {
  year: number;
  /** A unit in the actor's scope; undefined for the actor's whole scope. */
  unitId?: number;
  /** Which page of the per-unit rows (UNIT_ROWS a page); not kept when the year or unit changes. */
  unitsPage?: number;
}

/**
 * Per-unit rows a dashboard shows at once. A mine has a dozen branches; a provincial federation
 * has hundreds, which as one table (and one chart) would be megabytes nobody reads.
 */
export const UNIT_ROWS = 20;

/** How far back the year picker goes: the three-year reports plus the year before. */
export const YEARS_BACK = 4;

const raw = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  unit: optionalIdParam,
  units: z.coerce.number().int().positive().max(100_000).optional().catch(undefined),
});

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseDashboardFilters(
  params: Record<string, string | string[] | undefined>,
  thisYear: number,
): DashboardFilters {
  const p = raw.parse({
    year: one(params.year) || undefined,
    unit: one(params.unit) || undefined,
    units: one(params.units) || undefined,
  });
  return {
    year: p.year ?? thisYear,
    ...(p.unit && { unitId: p.unit }),
    ...(p.units && p.units > 1 && { unitsPage: p.units }),
  };
}

/**
 * The dashboard's URL for these filters; `unitId: undefined` in `change` goes back to the whole
 * scope. The page of unit rows is kept only when `change` names it: another year or unit starts
 * again at the first.
 */
export function dashboardHref(filters: DashboardFilters, change: Partial<DashboardFilters> = {}): string {
  const f = { ...filters, ...change };
  const q = new URLSearchParams({ year: String(f.year) });
  if (f.unitId) q.set('unit', String(f.unitId));
  if (change.unitsPage && change.unitsPage > 1) q.set('units', String(change.unitsPage));
  return `/dashboard?${q}`;
}

export interface UnitWindow<T> {
  rows: T[];
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown, and how many there are in all. */
  from: number;
  to: number;
  total: number;
}

/** The page of per-unit rows to show; a page past the end shows the last one. */
export function unitWindow<T>(rows: T[], page = 1): UnitWindow<T> {
  const pages = Math.max(1, Math.ceil(rows.length / UNIT_ROWS));
  const p = Math.min(Math.max(1, page), pages);
  const shown = rows.slice((p - 1) * UNIT_ROWS, p * UNIT_ROWS);
  return {
    rows: shown,
    page: p,
    pages,
    from: shown.length ? (p - 1) * UNIT_ROWS + 1 : 0,
    to: (p - 1) * UNIT_ROWS + shown.length,
    total: rows.length,
  };
}

/** The years offered: this year and the few before, plus the chosen one if it lies outside. */
export function yearChoices(thisYear: number, chosen: number): number[] {
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i);
  if (!years.includes(chosen)) years.push(chosen);
  return years.sort((a, b) => b - a);
}

type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query: Query): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Links from a figure to the list behind it, carrying only the filters that list honours:
 * /households filters by unit (its `visited` means this year, so the caller passes it only then);
 * /cases by unit, and by the year of application, which the caller adds only where that is the
 * figure's year. The queue and the task list take no unit or year.
 */
export const listHref = {
  households: (f: DashboardFilters, query: Query = {}) => withQuery('/households', { unitId: f.unitId, ...query }),
  cases: (f: DashboardFilters, query: Query = {}) => withQuery('/cases', { unitId: f.unitId, ...query }),
};
