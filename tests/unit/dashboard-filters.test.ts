import { describe, expect, it } from 'vitest';
import {
  UNIT_ROWS,
  dashboardHref,
  listHref,
  parseDashboardFilters,
  unitWindow,
  yearChoices,
} from '@/lib/dashboard/filters';

describe('dashboard filters in the URL', () => {
  it('defaults to this year and the whole scope', () => {
    expect(parseDashboardFilters({}, 2026)).toEqual({ year: 2026 });
    expect(parseDashboardFilters({ year: '', unit: '' }, 2026)).toEqual({ year: 2026 });
  });

  it('reads a year and a unit', () => {
    expect(parseDashboardFilters({ year: '2025', unit: '12' }, 2026)).toEqual({ year: 2025, unitId: 12 });
    expect(parseDashboardFilters({ year: ['2024', '2023'] }, 2026)).toEqual({ year: 2024 });
  });

  it('ignores bad values rather than failing', () => {
    expect(parseDashboardFilters({ year: 'soon', unit: '-3' }, 2026)).toEqual({ year: 2026 });
    expect(parseDashboardFilters({ year: '1999', unit: '1.5' }, 2026)).toEqual({ year: 2026 });
    expect(parseDashboardFilters({ unit: '99999999999' }, 2026)).toEqual({ year: 2026 });
  });

  it('round-trips through the URL it writes', () => {
    const f = { year: 2025, unitId: 12 };
    const href = dashboardHref(f);
    expect(href).toBe('/dashboard?year=2025&unit=12');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseDashboardFilters(params, 2026)).toEqual(f);
  });

  it('opens a branch and goes back to the whole scope, keeping the year', () => {
    expect(dashboardHref({ year: 2025 }, { unitId: 7 })).toBe('/dashboard?year=2025&unit=7');
    expect(dashboardHref({ year: 2025, unitId: 7 }, { unitId: undefined })).toBe('/dashboard?year=2025');
  });

  it('pages the unit rows, and starts again at the first page when the year or unit changes', () => {
    expect(parseDashboardFilters({ units: '3' }, 2026)).toEqual({ year: 2026, unitsPage: 3 });
    expect(parseDashboardFilters({ units: '1' }, 2026)).toEqual({ year: 2026 });
    expect(parseDashboardFilters({ units: '0' }, 2026)).toEqual({ year: 2026 });
    const f = { year: 2026, unitsPage: 3 };
    expect(dashboardHref(f, { unitsPage: 4 })).toBe('/dashboard?year=2026&units=4');
    expect(dashboardHref(f, { year: 2025 })).toBe('/dashboard?year=2025');
    expect(dashboardHref(f, { unitId: 9 })).toBe('/dashboard?year=2026&unit=9');
  });

  it('shows a window of the unit rows with where it stands', () => {
    const rows = Array.from({ length: 2 * UNIT_ROWS + 5 }, (_, i) => i);
    expect(unitWindow(rows)).toMatchObject({ page: 1, pages: 3, from: 1, to: UNIT_ROWS, total: rows.length });
    expect(unitWindow(rows).rows).toEqual(rows.slice(0, UNIT_ROWS));
    expect(unitWindow(rows, 3)).toMatchObject({
      rows: rows.slice(2 * UNIT_ROWS),
      from: 2 * UNIT_ROWS + 1,
      to: rows.length,
    });
    expect(unitWindow(rows, 99).page).toBe(3);
    expect(unitWindow([], 2)).toMatchObject({ rows: [], page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });

  it('offers this year and the four before, and a chosen year outside them', () => {
    expect(yearChoices(2026, 2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(yearChoices(2026, 2010)).toEqual([2026, 2025, 2024, 2023, 2022, 2010]);
  });

  it('links to lists with only the filters they honour', () => {
    expect(listHref.households({ year: 2025, unitId: 12 }, { status: 'active' })).toBe(
      '/households?unitId=12&status=active',
    );
    expect(listHref.households({ year: 2025 }, { status: 'active', visited: undefined })).toBe(
      '/households?status=active',
    );
    expect(listHref.cases({ year: 2025, unitId: 3 }, { year: 2025, state: 'paid' })).toBe(
      '/cases?unitId=3&year=2025&state=paid',
    );
    expect(listHref.cases({ year: 2025 })).toBe('/cases');
  });
});
