import { describe, expect, it } from 'vitest';
import { computeAmount, fundKind, standardProblems, type StandardVersion } from '@/lib/aid/standards';
import { gradeNow, proofNeeded, schoolingProblems, schoolYearOf } from '@/lib/students/stages';

describe('school years', () => {
  it('start on 1 July, named by their first calendar year', () => {
    expect(schoolYearOf('2026-06-30')).toBe(2025);
    expect(schoolYearOf('2026-07-01')).toBe(2026);
    expect(schoolYearOf('2027-02-15')).toBe(2026);
  });

  it('the grade fits the stage and, within tolerance, the years since admission', () => {
    const at = (stage: 'primary' | 'junior_secondary' | 'undergraduate', grade: number, admissionYear: number) =>
      schoolingProblems({ stage, grade, admissionYear }, 2026);
    expect(at('primary', 3, 2024)).toEqual([]);
    expect(at('primary', 1, 2024)).toEqual([]); // two years behind: repeated or suspended years
    expect(at('primary', 4, 2024)).toEqual([]); // one ahead: a skipped grade
    expect(at('primary', 5, 2024)).toEqual([{ field: 'grade', problem: 'gradeInconsistent' }]);
    expect(at('primary', 1, 2022)).toEqual([{ field: 'grade', problem: 'gradeInconsistent' }]);
    expect(at('junior_secondary', 4, 2023)).toEqual([{ field: 'grade', problem: 'gradeOutOfRange' }]);
    expect(at('undergraduate', 0, 2026)).toEqual([{ field: 'grade', problem: 'gradeOutOfRange' }]);
    expect(at('undergraduate', 1, 2027)).toEqual([{ field: 'admissionYear', problem: 'admissionInFuture' }]);
  });

  it('the application prefills the grade moved on since the record was saved, within the stage', () => {
    const savedIn2024 = new Date('2024-09-01T02:00:00Z');
    expect(gradeNow({ stage: 'primary', grade: 2, updatedAt: savedIn2024 }, 2026)).toBe(4);
    expect(gradeNow({ stage: 'senior_secondary', grade: 3, updatedAt: savedIn2024 }, 2026)).toBe(3);
    expect(gradeNow({ stage: 'primary', grade: 2, updatedAt: new Date('2026-09-01T02:00:00Z') }, 2026)).toBe(2);
  });

  it("counts the school year the record was saved in on the mine's calendar, not UTC's", () => {
    // 00:30 on 1 July in China is still 30 June in UTC: saved in the new school year (2026), so a
    // first-grader is still in the first grade that year, not moved on to the second.
    const firstHourOfJuly = new Date('2026-06-30T16:30:00Z');
    expect(gradeNow({ stage: 'primary', grade: 1, updatedAt: firstHourOfJuly }, 2026)).toBe(1);
    expect(gradeNow({ stage: 'primary', grade: 1, updatedAt: firstHourOfJuly }, 2027)).toBe(2);
  });
});

describe('the proof an application needs', () => {
  const record = (stage: 'senior_secondary' | 'undergraduate', admissionYear: number) => ({ stage, admissionYear });
  it('is the admission letter for a new university entrant, else the enrolment certificate', () => {
    expect(proofNeeded({ stage: 'undergraduate', grade: 1 }, record('senior_secondary', 2023), 2026)).toBe(
      'admission_letter',
    );
    expect(proofNeeded({ stage: 'undergraduate', grade: 1 }, record('undergraduate', 2026), 2026)).toBe(
      'admission_letter',
    );
    expect(proofNeeded({ stage: 'undergraduate', grade: 1 }, record('undergraduate', 2025), 2026)).toBe(
      'enrolment_certificate',
    ); // a repeated first year
    expect(proofNeeded({ stage: 'undergraduate', grade: 2 }, record('undergraduate', 2025), 2026)).toBe(
      'enrolment_certificate',
    );
    expect(proofNeeded({ stage: 'senior_secondary', grade: 1 }, record('senior_secondary', 2026), 2026)).toBe(
      'enrolment_certificate',
    );
  });
});

describe('standards with variants (stage, tier)', () => {
  const version: StandardVersion = {
    id: 7,
    name: '2026年版',
    effectiveOn: '2026-01-01',
    kinds: {
      poverty: { frequency: 'yearly', amounts: { none: { type: 'fixed', fen: 100_000 } } },
      student_aid: {
        frequency: 'per_event',
        amounts: {},
        variants: {
          undergraduate: { extreme: { type: 'fixed', fen: 500_000 }, none: { type: 'fixed', fen: 300_000 } },
          primary: { none: { type: 'fixed', fen: 50_000 } },
        },
      },
      student_award: {
        frequency: 'per_event',
        amounts: {},
        variants: { first: { none: { type: 'range', minFen: 100_000, maxFen: 300_000, suggestedFen: 200_000 } } },
      },
    },
  };

  it('looks the amount up by variant and category; a missing variant or category is refused', () => {
    expect(computeAmount(version, 'student_aid', 'extreme', 'undergraduate')).toMatchObject({
      ok: true,
      amount: { fen: 500_000, variant: 'undergraduate', category: 'extreme' },
    });
    expect(computeAmount(version, 'student_aid', 'none', 'primary')).toMatchObject({
      ok: true,
      amount: { fen: 50_000 },
    });
    expect(computeAmount(version, 'student_aid', 'extreme', 'primary')).toEqual({
      ok: false,
      reason: 'categoryNotCovered',
    });
    expect(computeAmount(version, 'student_aid', 'none', 'postgraduate')).toEqual({
      ok: false,
      reason: 'variantNotCovered',
    });
    expect(computeAmount(version, 'student_award', 'none', 'first')).toMatchObject({
      ok: true,
      amount: { fen: 200_000, rule: { type: 'range' } },
    });
    expect(computeAmount(version, 'student_award', 'none', 'third')).toEqual({
      ok: false,
      reason: 'variantNotCovered',
    });
    // Kinds without variants behave as before.
    expect(computeAmount(version, 'poverty', 'none')).toMatchObject({ ok: true, amount: { fen: 100_000 } });
    expect(computeAmount(version, 'poverty', 'none')).not.toHaveProperty('amount.variant');
  });

  it('finds faulty cells in variant tables too', () => {
    const faulty: StandardVersion = {
      ...version,
      kinds: {
        student_aid: {
          frequency: 'per_event',
          amounts: {},
          variants: { primary: { none: { type: 'range', minFen: 5, maxFen: 1, suggestedFen: 3 } } },
        },
      },
    };
    expect(standardProblems(faulty)).toEqual([
      { kind: 'student_aid', category: 'none', variant: 'primary', problem: 'minAboveMax' },
    ]);
    expect(standardProblems(version)).toEqual([]);
  });

  it('awards are paid from the student aid budget', () => {
    expect(fundKind('student_award')).toBe('student_aid');
    expect(fundKind('student_aid')).toBe('student_aid');
    expect(fundKind('poverty')).toBe('poverty');
  });
});
