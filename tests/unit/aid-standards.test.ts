import { describe, expect, it } from 'vitest';
import {
  AID_KINDS,
  HARDSHIP_KINDS,
  type AmountRule,
  STANDARD_CATEGORIES,
  type StandardVersion,
  checkChosenAmount,
  computeAmount,
  ruleProblem,
  standardProblems,
  versionInForce,
} from '@/lib/aid/standards';
import { formatFen } from '@/lib/money';

const fixed = (fen: number): AmountRule => ({ type: 'fixed', fen });
const range = (minFen: number, maxFen: number, suggestedFen: number): AmountRule => ({
  type: 'range',
  minFen,
  maxFen,
  suggestedFen,
});

const standard2026: StandardVersion = {
  id: 2,
  name: '2026年版',
  effectiveOn: '2026-01-01',
  kinds: {
    poverty: { frequency: 'yearly', amounts: { extreme: fixed(200_000), hardship: fixed(150_000) } },
    illness: { frequency: 'yearly', amounts: { extreme: range(100_000, 300_000, 150_000) } },
    death_of_parent: { frequency: 'per_event', amounts: { extreme: fixed(100_000), none: fixed(50_000) } },
  },
};

describe('the version in force', () => {
  const v = (id: number, effectiveOn: string) => ({ id, effectiveOn });
  const versions = [v(3, '2026-07-01'), v(1, '2025-01-01'), v(4, '2026-07-01'), v(2, '2026-01-01')];
  const picked = (date: string) => {
    const r = versionInForce(versions, date);
    return r.ok ? r.version.id : r.reason;
  };

  it('is the latest effective on or before the date, from its effective date on', () => {
    expect(picked('2024-12-31')).toBe('noStandardInForce');
    expect(picked('2025-01-01')).toBe(1);
    expect(picked('2025-12-31')).toBe(1);
    expect(picked('2026-01-01')).toBe(2);
    expect(picked('2026-06-30')).toBe(2);
    expect(picked('2030-05-05')).toBe(4);
  });

  it('takes the newest of versions with the same effective date (an edit)', () => {
    expect(picked('2026-07-01')).toBe(4);
    expect(versionInForce([v(4, '2026-07-01'), v(3, '2026-07-01')], '2026-07-01')).toEqual({
      ok: true,
      version: v(4, '2026-07-01'),
    });
  });

  it('says so when there is no standard at all', () => {
    expect(versionInForce([], '2026-01-01')).toEqual({ ok: false, reason: 'noStandardInForce' });
  });
});

describe('the computed amount', () => {
  it('gives a fixed amount with the rule and the version it came from', () => {
    const r = computeAmount(standard2026, 'poverty', 'extreme');
    expect(r).toEqual({
      ok: true,
      amount: {
        fen: 200_000,
        rule: fixed(200_000),
        kind: 'poverty',
        category: 'extreme',
        frequency: 'yearly',
        standard: { id: 2, name: '2026年版', effectiveOn: '2026-01-01' },
      },
    });
    // Enough for the screen's "¥2,000.00 — 因贫 · 特困户, 2026年版, fixed".
    if (r.ok) expect(formatFen(r.amount.fen)).toBe('¥2,000.00');
  });

  it('suggests the range’s suggested amount', () => {
    expect(computeAmount(standard2026, 'illness', 'extreme')).toMatchObject({
      ok: true,
      amount: { fen: 150_000, rule: range(100_000, 300_000, 150_000) },
    });
  });

  it('pays households without a file from the "none" column when the standard has one', () => {
    expect(computeAmount(standard2026, 'death_of_parent', 'none')).toMatchObject({
      ok: true,
      amount: { fen: 50_000, frequency: 'per_event' },
    });
    expect(computeAmount(standard2026, 'poverty', 'none')).toEqual({ ok: false, reason: 'categoryNotCovered' });
  });

  it('refuses a category or a kind the version does not cover', () => {
    expect(computeAmount(standard2026, 'illness', 'hardship')).toEqual({ ok: false, reason: 'categoryNotCovered' });
    expect(computeAmount(standard2026, 'chronic_illness', 'extreme')).toEqual({
      ok: false,
      reason: 'kindNotInStandard',
    });
  });

  it('knows every kind of the issue and every category, plus "none"', () => {
    expect(HARDSHIP_KINDS).toHaveLength(8);
    expect(AID_KINDS).toEqual([...HARDSHIP_KINDS, 'student_aid', 'student_award']);
    expect(STANDARD_CATEGORIES).toEqual([
      'extreme',
      'hardship',
      'near',
      'edge',
      'serious_illness',
      'education',
      'none',
    ]);
  });
});

describe("the approver's amount", () => {
  const fixedAmount = { fen: 200_000, rule: fixed(200_000) };
  const rangeAmount = { fen: 150_000, rule: range(100_000, 300_000, 150_000) };

  it('cannot change a fixed amount, reason or not', () => {
    expect(checkChosenAmount(fixedAmount, 200_000)).toEqual({ ok: true, fen: 200_000, overridden: false });
    expect(checkChosenAmount(fixedAmount, 250_000, '家庭特别困难')).toEqual({ ok: false, problem: 'fixedAmount' });
  });

  it('takes the suggested amount of a range without a reason', () => {
    expect(checkChosenAmount(rangeAmount, 150_000)).toEqual({ ok: true, fen: 150_000, overridden: false });
  });

  it('needs a written reason for another amount inside the range', () => {
    expect(checkChosenAmount(rangeAmount, 200_000)).toEqual({ ok: false, problem: 'reasonRequired' });
    expect(checkChosenAmount(rangeAmount, 200_000, '   ')).toEqual({ ok: false, problem: 'reasonRequired' });
    expect(checkChosenAmount(rangeAmount, 200_000, null)).toEqual({ ok: false, problem: 'reasonRequired' });
    expect(checkChosenAmount(rangeAmount, 200_000, '住院两次')).toEqual({ ok: true, fen: 200_000, overridden: true });
  });

  it('includes both ends of the range and nothing outside it', () => {
    expect(checkChosenAmount(rangeAmount, 100_000, '理由')).toMatchObject({ ok: true });
    expect(checkChosenAmount(rangeAmount, 300_000, '理由')).toMatchObject({ ok: true });
    expect(checkChosenAmount(rangeAmount, 99_999, '理由')).toEqual({ ok: false, problem: 'outOfRange' });
    expect(checkChosenAmount(rangeAmount, 300_001, '理由')).toEqual({ ok: false, problem: 'outOfRange' });
  });

  it('refuses amounts that are not a positive whole number of fen', () => {
    for (const bad of [0, -100, 1000.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkChosenAmount(rangeAmount, bad, '理由')).toEqual({ ok: false, problem: 'invalidAmount' });
    }
  });
});

describe('rules a leader enters', () => {
  it('accepts positive fen with the suggestion inside the range', () => {
    expect(ruleProblem(fixed(1))).toBeNull();
    expect(ruleProblem(range(100, 100, 100))).toBeNull();
    expect(standardProblems(standard2026)).toEqual([]);
  });

  it('names each faulty cell', () => {
    expect(ruleProblem(fixed(0))).toBe('notPositiveFen');
    expect(ruleProblem(fixed(10.5))).toBe('notPositiveFen');
    expect(ruleProblem(range(0, 100, 50))).toBe('notPositiveFen');
    expect(ruleProblem(range(200, 100, 150))).toBe('minAboveMax');
    expect(ruleProblem(range(100, 200, 250))).toBe('suggestedOutsideRange');
    expect(ruleProblem(range(100, 200, 50))).toBe('suggestedOutsideRange');
    const faulty = {
      kinds: {
        ...standard2026.kinds,
        chronic_illness: { frequency: 'yearly' as const, amounts: { near: fixed(-1), none: range(5, 1, 3) } },
      },
    };
    expect(standardProblems(faulty)).toEqual([
      { kind: 'chronic_illness', category: 'near', problem: 'notPositiveFen' },
      { kind: 'chronic_illness', category: 'none', problem: 'minAboveMax' },
    ]);
  });
});
