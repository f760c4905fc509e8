import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '@/lib/id-number';
import {
  ageOn,
  contributionFor,
  coverStart,
  enrolmentRefusal,
  filingDeadlineFor,
  inEnrolmentWindow,
  sharesChangeable,
  sexOf,
  termOf,
  versionOn,
  versionProblems,
  type SchemeVersion,
} from '@/lib/mutual-aid/rules';

const version: Omit<SchemeVersion, 'id' | 'schemeId' | 'kind'> = {
  effectiveOn: '2026-01-01',
  contributionFen: 3_600,
  unionFen: 1_800,
  unitFen: 0,
  memberFen: 1_800,
  maxShares: 1,
  termYears: 1,
  windowStart: '10-15',
  windowEnd: '12-15',
  waitingDays: 90,
  renewalGraceDays: 30,
  filingDeadline: '03-31',
  publish: false,
  documents: ['settlement_sheet', 'invoice'],
  rule: { type: 'medical', deductibleFen: 100_000, bands: [{ uptoFen: null, rateBp: 5_000 }], capFen: 3_020_000 },
};

describe('scheme versions', () => {
  it('the version in force is the latest effective on or before the day, newest id among equals', () => {
    const vs = [
      { id: 1, effectiveOn: '2024-01-01' },
      { id: 2, effectiveOn: '2026-01-01' },
      { id: 3, effectiveOn: '2026-01-01' },
      { id: 4, effectiveOn: '2027-01-01' },
    ];
    expect(versionOn(vs, '2023-12-31')).toBeNull();
    expect(versionOn(vs, '2025-06-01')?.id).toBe(1);
    expect(versionOn(vs, '2026-06-01')?.id).toBe(3);
    expect(versionOn(vs, '2027-01-01')?.id).toBe(4);
  });

  it('accepts a sound version', () => {
    expect(versionProblems(version, 'medical')).toEqual({});
  });

  it('the split must add up to the contribution', () => {
    expect(versionProblems({ ...version, memberFen: 1_700 }, 'medical')).toEqual({ memberFen: 'mutualSplitSum' });
  });

  it('bands must rise and end open; rates within 0–100 %', () => {
    const rule = (bands: { uptoFen: number | null; rateBp: number }[]) => ({
      ...version,
      rule: { ...version.rule, bands } as never,
    });
    expect(versionProblems(rule([{ uptoFen: 100, rateBp: 5_000 }]), 'medical').bands).toBe('mutualBandsOrder');
    expect(
      versionProblems(
        rule([
          { uptoFen: 200, rateBp: 5_000 },
          { uptoFen: 100, rateBp: 5_000 },
          { uptoFen: null, rateBp: 1 },
        ]),
        'medical',
      ).bands,
    ).toBe('mutualBandsOrder');
    expect(versionProblems(rule([{ uptoFen: null, rateBp: 10_001 }]), 'medical').bands).toBe('mutualRateRange');
    expect(versionProblems(rule([]), 'medical').bands).toBe('mutualBandsEmpty');
  });

  it('a rule of another kind, bad month-days, shares and items', () => {
    expect(versionProblems(version, 'accident').rule).toBe('mutualRuleKind');
    expect(versionProblems({ ...version, filingDeadline: '02-30x' }, 'medical').filingDeadline).toBe('mutualMonthDay');
    expect(versionProblems({ ...version, maxShares: 0 }, 'medical').maxShares).toBe('mutualSharesRange');
    const items = (list: { code: string; zh: string; en: string; fen: number }[]) => ({
      ...version,
      rule: { type: 'critical_illness' as const, items: list, capFen: 1 },
    });
    expect(versionProblems(items([]), 'critical_illness').items).toBe('mutualItemsEmpty');
    const a = { code: 'a', zh: '甲', en: 'A', fen: 1 };
    expect(versionProblems(items([a, a]), 'critical_illness').items).toBe('mutualItemDuplicate');
    expect(versionProblems(items([{ ...a, fen: 0 }]), 'critical_illness').items).toBe('mutualItemInvalid');
    const w = { ...version, rule: { type: 'women_special' as const, items: [a], capFen: 1, minAge: 50, maxAge: 40 } };
    expect(versionProblems(w, 'women_special').minAge).toBe('mutualAgeRange');
  });
});

describe('cover', () => {
  it('first enrolment waits the waiting period from the term start', () => {
    expect(
      coverStart({
        termStart: '2026-01-01',
        enrolledOn: '2025-11-01',
        waitingDays: 90,
        renewalGraceDays: 30,
        previousTermEnd: null,
      }),
    ).toEqual({ coverFrom: '2026-04-01', continuous: false });
  });

  it('a late enrolment waits from its own day', () => {
    expect(
      coverStart({
        termStart: '2026-01-01',
        enrolledOn: '2026-03-01',
        waitingDays: 90,
        renewalGraceDays: 30,
        previousTermEnd: null,
      }).coverFrom,
    ).toBe('2026-05-30');
  });

  it('a renewal within the grace period keeps cover from the term start', () => {
    expect(
      coverStart({
        termStart: '2026-01-01',
        enrolledOn: '2026-01-30',
        waitingDays: 90,
        renewalGraceDays: 30,
        previousTermEnd: '2025-12-31',
      }),
    ).toEqual({ coverFrom: '2026-01-01', continuous: true });
  });

  it('a renewal one day past the grace counts as new', () => {
    expect(
      coverStart({
        termStart: '2026-01-01',
        enrolledOn: '2026-01-31',
        waitingDays: 90,
        renewalGraceDays: 30,
        previousTermEnd: '2025-12-31',
      }),
    ).toEqual({ coverFrom: '2026-05-01', continuous: false });
  });

  it('terms, windows and deadlines', () => {
    expect(termOf(2026, 4)).toEqual({ start: '2026-01-01', end: '2029-12-31' });
    expect(inEnrolmentWindow('2025-10-15', 2026, '10-15', '12-15')).toBe(true);
    expect(inEnrolmentWindow('2025-12-16', 2026, '10-15', '12-15')).toBe(false);
    expect(inEnrolmentWindow('2026-01-10', 2026, '12-01', '01-15')).toBe(true);
    expect(filingDeadlineFor('2026-12-31', '03-31')).toBe('2027-03-31');
  });
});

describe('member facts', () => {
  it('sex and age from the ID number', () => {
    expect(sexOf(makeIdNumber('110101', '19800101', 2))).toBe('female');
    expect(sexOf(makeIdNumber('110101', '19800101', 1))).toBe('male');
    expect(sexOf(null)).toBeNull();
    expect(ageOn(makeIdNumber('110101', '19800615', 1), '2026-06-14')).toBe(45);
    expect(ageOn(makeIdNumber('110101', '19800615', 1), '2026-06-15')).toBe(46);
  });

  it('contribution per share, split', () => {
    expect(contributionFor(version, 2)).toEqual({ totalFen: 7_200, unionFen: 3_600, unitFen: 0, memberFen: 3_600 });
  });
});

describe('enrolling', () => {
  it('refuses more shares than the version allows, and men on the women workers’ scheme', () => {
    const woman = makeIdNumber('110101', '19800101', 2);
    const man = makeIdNumber('110101', '19800101', 1);
    expect(enrolmentRefusal({ maxShares: 2, kind: 'medical' }, 2, man)).toBeNull();
    expect(enrolmentRefusal({ maxShares: 2, kind: 'medical' }, 3, null)).toEqual({
      field: 'shares',
      message: 'mutualTooManyShares',
    });
    expect(enrolmentRefusal({ maxShares: 3, kind: 'women_special' }, 1, woman)).toBeNull();
    expect(enrolmentRefusal({ maxShares: 3, kind: 'women_special' }, 1, man)).toEqual({
      field: 'memberIds',
      message: 'mutualWomenOnly',
    });
    expect(enrolmentRefusal({ maxShares: 3, kind: 'women_special' }, 1, null)?.message).toBe('mutualWomenOnly');
  });

  it('lets shares change only before confirmation and payment', () => {
    expect(sharesChangeable('listed', 'unpaid')).toBe(true);
    expect(sharesChangeable('requested', 'unpaid')).toBe(true);
    expect(sharesChangeable('listed', 'payroll')).toBe(false);
    expect(sharesChangeable('confirmed', 'unpaid')).toBe(false);
    expect(sharesChangeable('cancelled', 'unpaid')).toBe(false);
  });
});
