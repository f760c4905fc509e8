import { sumFen, type Fen } from '@/lib/money';

/** One figure of the report: people-times (or households, visits, deeds) and the money paid. */
export interface Figure {
  count: number;
  fen: Fen;
}

/** A line of the report: one figure per year of the span, and the span's total. */
export interface Line {
  years: Figure[];
  total: Figure;
}

/**
 * A grouped query's rows for one line: a row per year, and optionally a row with no year that is
 * the span's own total — for distinct counts (students, households visited), where someone counted
 * in two years is still one over the span and the years do not add up.
 */
export interface YearRow {
  year: number | null;
  count: number;
  fen?: Fen;
}

const zero = (): Figure => ({ count: 0, fen: 0 });

function add(figures: Figure[]): Figure {
  return { count: figures.reduce((n, f) => n + f.count, 0), fen: sumFen(figures.map((f) => f.fen)) };
}

/** The line of the given years from its rows; years without a row are zero. */
export function lineOf(years: readonly number[], rows: readonly YearRow[]): Line {
  const byYear = new Map(rows.filter((r) => r.year !== null).map((r) => [r.year, { count: r.count, fen: r.fen ?? 0 }]));
  const figures = years.map((y) => byYear.get(y) ?? zero());
  const own = rows.find((r) => r.year === null);
  return { years: figures, total: own ? { count: own.count, fen: own.fen ?? 0 } : add(figures) };
}

/** Lines added up year by year: a programme's subtotal. */
export function sumLines(lines: readonly Line[], yearCount: number): Line {
  const years = Array.from({ length: yearCount }, (_, i) => add(lines.map((l) => l.years[i])));
  return { years, total: add(lines.map((l) => l.total)) };
}
