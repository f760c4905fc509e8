import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '@/db/queries/case-dashboard';
import { splitLines } from '@/lib/dashboard/splits';

const line = (kind: BudgetLine['kind'], unitId: number | null, amountFen: number, spentFen: number): BudgetLine => ({
  kind,
  unitId,
  unitName: unitId === null ? null : `分会${unitId}`,
  amountFen,
  spentFen,
  leftFen: amountFen - spentFen,
});

describe('budget split lines on a dashboard', () => {
  const lines = [
    line('poverty', null, 1_000_000, 100_000),
    line('poverty', 7, 300_000, 50_000),
    line('poverty', 8, 200_000, 200_000),
    line('illness', 7, 90_000, 0),
  ];

  it('shows every unit’s line while all the units fit one page', () => {
    expect(splitLines(lines, true)).toEqual(lines);
  });

  it('adds up a kind’s unit lines into one, with how many, past one page', () => {
    expect(splitLines(lines, false)).toEqual([
      lines[0],
      {
        kind: 'poverty',
        unitId: null,
        unitName: null,
        units: 2,
        amountFen: 500_000,
        spentFen: 250_000,
        leftFen: 250_000,
      },
      { kind: 'illness', unitId: null, unitName: null, units: 1, amountFen: 90_000, spentFen: 0, leftFen: 90_000 },
    ]);
    // The lines given are left as they were.
    expect(lines[1]).toMatchObject({ unitId: 7, amountFen: 300_000 });
  });
});
