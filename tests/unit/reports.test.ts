import { describe, expect, it } from 'vitest';
import { figureHref } from '@/lib/reports/links';
import { MAX_SPAN_YEARS, reportParams, yearSpan, yearsOf } from '@/lib/reports/span';
import { lineOf, sumLines } from '@/lib/reports/tally';

const TODAY = '2025-06-15';

describe('the span of years', () => {
  it('defaults to the current year and the two before it', () => {
    expect(yearSpan({}, TODAY)).toEqual({ from: 2023, to: 2025 });
    expect(yearsOf(yearSpan({}, TODAY))).toEqual([2023, 2024, 2025]);
  });

  it('reaches from one end given alone', () => {
    expect(yearSpan({ from: 2021 }, TODAY)).toEqual({ from: 2021, to: 2025 });
    expect(yearSpan({ to: 2020 }, TODAY)).toEqual({ from: 2018, to: 2020 });
    // A start after this year is a span of that one year.
    expect(yearSpan({ from: 2027 }, TODAY)).toEqual({ from: 2027, to: 2027 });
  });

  it('puts reversed ends in order and keeps the latest years of a long span', () => {
    expect(yearSpan({ from: 2024, to: 2020 }, TODAY)).toEqual({ from: 2020, to: 2024 });
    expect(yearSpan({ from: 2024, to: 2024 }, TODAY)).toEqual({ from: 2024, to: 2024 });
    expect(yearSpan({ from: 2000, to: 2025 }, TODAY)).toEqual({ from: 2025 - MAX_SPAN_YEARS + 1, to: 2025 });
  });

  it('reads the URL leniently', () => {
    expect(reportParams.parse({ from: '2023', to: 'x', unitId: '-3' })).toEqual({
      from: 2023,
      to: undefined,
      unitId: undefined,
    });
    expect(reportParams.parse({ from: '1066', unitId: '7' })).toEqual({ from: undefined, to: undefined, unitId: 7 });
  });
});

describe('lines and totals', () => {
  it('fills missing years with zero and adds the years up', () => {
    const line = lineOf(
      [2023, 2024, 2025],
      [
        { year: 2025, count: 2, fen: 300 },
        { year: 2023, count: 1, fen: 100 },
      ],
    );
    expect(line).toEqual({
      years: [
        { count: 1, fen: 100 },
        { count: 0, fen: 0 },
        { count: 2, fen: 300 },
      ],
      total: { count: 3, fen: 400 },
    });
  });

  it('takes a distinct count’s own total instead of the sum', () => {
    const line = lineOf(
      [2024, 2025],
      [
        { year: 2024, count: 2 },
        { year: 2025, count: 2 },
        { year: null, count: 3 },
      ],
    );
    expect(line.total).toEqual({ count: 3, fen: 0 });
  });

  it('ignores rows outside the span', () => {
    expect(lineOf([2024], [{ year: 2019, count: 5, fen: 5 }]).total).toEqual({ count: 0, fen: 0 });
  });

  it('adds lines into a subtotal year by year', () => {
    const a = lineOf([2024, 2025], [{ year: 2024, count: 1, fen: 150 }]);
    const b = lineOf(
      [2024, 2025],
      [
        { year: 2024, count: 2, fen: 50 },
        { year: 2025, count: 1, fen: 1 },
      ],
    );
    expect(sumLines([a, b], 2)).toEqual({
      years: [
        { count: 3, fen: 200 },
        { count: 1, fen: 1 },
      ],
      total: { count: 4, fen: 201 },
    });
    expect(sumLines([], 2)).toEqual({
      years: [
        { count: 0, fen: 0 },
        { count: 0, fen: 0 },
      ],
      total: { count: 0, fen: 0 },
    });
  });
});

describe('links to the lists behind the figures', () => {
  const ctx = { unitId: 7, currentYear: 2025 };

  it('sends a hardship kind to the paid cases of that kind, by year and unit', () => {
    const line = { key: 'aidKind' as const, aidKind: 'poverty' as const };
    expect(figureHref(line, 2024, ctx)).toBe('/cases?state=paid&aidKind=poverty&year=2024&unitId=7');
    expect(figureHref(line, 'total', { currentYear: 2025 })).toBe('/cases?state=paid&aidKind=poverty');
  });

  it('links register figures only where the households list can show them', () => {
    expect(figureHref({ key: 'filed' }, 'total', ctx)).toBe('/households?unitId=7&sort=filedOn&dir=desc');
    expect(figureHref({ key: 'filed' }, 2024, ctx)).toBeNull();
    expect(figureHref({ key: 'exited' }, 'total', ctx)).toBe('/households?status=exited&unitId=7');
    expect(figureHref({ key: 'visitedHouseholds' }, 2025, ctx)).toBe('/households?visited=yes&unitId=7');
    expect(figureHref({ key: 'visitedHouseholds' }, 2024, ctx)).toBeNull();
    expect(figureHref({ key: 'visitedHouseholds' }, 'total', ctx)).toBeNull();
  });

  it('links nothing that has no list of its own', () => {
    for (const key of ['aidSubtotal', 'studentAid', 'students', 'awards', 'visits', 'tasksDone'] as const) {
      expect(figureHref({ key }, 2025, ctx)).toBeNull();
      expect(figureHref({ key }, 'total', ctx)).toBeNull();
    }
  });
});
