import { casePaths } from '@/lib/cases/paths';
import type { ReportLine } from './lines';

/** Where the report is opened from: the unit chosen (none: the viewer's whole scope) and the current year. */
export interface LinkContext {
  unitId?: number;
  currentYear: number;
}

function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  return `${path}?${q}`;
}

/**
 * The list behind a figure, using only the filters those lists accept; null where no list
 * shows exactly those things. The case list's year is the application year, so a payment made in
 * January for a December application sits one year earlier there (the page says so). The
 * households list has no date filters: filings and exits link from their total, and households
 * visited only for the current year ("visited this year").
 */
export function figureHref(
  line: Pick<ReportLine, 'key' | 'aidKind'>,
  at: number | 'total',
  ctx: LinkContext,
): string | null {
  const unitId = ctx.unitId;
  switch (line.key) {
    case 'aidKind':
      return withQuery(casePaths.list, {
        state: 'paid',
        aidKind: line.aidKind,
        year: at === 'total' ? undefined : at,
        unitId,
      });
    case 'filed':
      return at === 'total' ? withQuery('/households', { unitId, sort: 'filedOn', dir: 'desc' }) : null;
    case 'exited':
      return at === 'total' ? withQuery('/households', { status: 'exited', unitId }) : null;
    case 'visitedHouseholds':
      return at === ctx.currentYear ? withQuery('/households', { visited: 'yes', unitId }) : null;
    default:
      return null;
  }
}
