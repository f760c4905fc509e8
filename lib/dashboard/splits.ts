import type { BudgetLine } from '@/db/queries/case-dashboard';

export type SplitLine = BudgetLine & {
  /** Set on a line that stands for this many units' splits of the kind, added up. */
  units?: number;
};

/**
 * The budget split table's lines. While every unit below fits one page of the dashboard, each
 * unit's line is shown; past that (a province's hundreds of branches) a kind's unit lines become
 * one line with their sum and count, next to the kind's own line — each unit's line is on that
 * unit's dashboard. The lines keep their order: kinds as given, the kind's own line first.
 */
export function splitLines(lines: BudgetLine[], everyUnitShown: boolean): SplitLine[] {
  if (everyUnitShown) return lines;
  const out: SplitLine[] = [];
  const totals = new Map<BudgetLine['kind'], SplitLine>();
  for (const line of lines) {
    if (line.unitId === null) {
      out.push(line);
      continue;
    }
    const total = totals.get(line.kind);
    if (total) {
      total.units! += 1;
      total.amountFen += line.amountFen;
      total.spentFen += line.spentFen;
      total.leftFen += line.leftFen;
    } else {
      const first: SplitLine = { ...line, unitId: null, unitName: null, units: 1 };
      totals.set(line.kind, first);
      out.push(first);
    }
  }
  return out;
}
