import { describe, expect, it } from 'vitest';
import type { KindRule } from '@/lib/aid/standards';
import {
  fundStandardDefaults,
  fundStandardFormSchema,
  hardshipKindsOf,
  toFundStandardInput,
} from '@/lib/students/standard-form';
import { standardSchema } from '@/lib/validation/cases';

const version: Partial<Record<'poverty' | 'student_aid' | 'student_award', KindRule>> = {
  poverty: { frequency: 'yearly', amounts: { extreme: { type: 'fixed', fen: 200_000 } } },
  student_aid: {
    frequency: 'per_event',
    amounts: {},
    variants: { undergraduate: { none: { type: 'range', minFen: 200_000, maxFen: 600_000, suggestedFen: 300_000 } } },
  },
  student_award: {
    frequency: 'per_event',
    amounts: {},
    variants: { first: { none: { type: 'fixed', fen: 200_050 } } },
  },
};

describe('the fund standard editor', () => {
  it('prefills from a version and saves it back unchanged, with the hardship kinds carried', () => {
    const defaults = fundStandardDefaults(version, { name: '2027年版', effectiveOn: '2027-01-01' });
    expect(defaults.tables).toHaveLength(6 + 3);
    const input = toFundStandardInput(defaults, hardshipKindsOf(version));
    const parsed = standardSchema.parse(input);
    expect(parsed.kinds.map((k) => k.kind)).toEqual(['poverty', 'student_aid', 'student_award']);
    expect(parsed.kinds[1].amounts).toEqual([
      { category: 'none', variant: 'undergraduate', type: 'range', min: 200_000, max: 600_000, suggested: 300_000 },
    ]);
    expect(parsed.kinds[2].amounts).toEqual([{ category: 'none', variant: 'first', type: 'fixed', fixed: 200_050 }]);
    expect(parsed.kinds[0].amounts).toEqual([{ category: 'extreme', variant: '', type: 'fixed', fixed: 200_000 }]);
  });

  it('keeps errors next to their cell and refuses an empty fund standard', () => {
    const defaults = fundStandardDefaults(null, { name: 'x', effectiveOn: '2027-01-01' });
    const empty = fundStandardFormSchema.safeParse(defaults);
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((i) => i.message)).toEqual(['fundStandardEmpty']);
    defaults.tables[0].amounts[2] = {
      ...defaults.tables[0].amounts[2],
      type: 'range',
      min: '500',
      max: '100',
      suggested: '300',
    };
    const bad = fundStandardFormSchema.safeParse(defaults);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['tables.0.amounts.2.max', 'minAboveMax'],
    ]);
  });
});
