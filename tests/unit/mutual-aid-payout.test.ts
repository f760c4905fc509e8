import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '@/lib/id-number';
import {
  assessClaim,
  claimInputProblems,
  medicalLines,
  type AssessInput,
  type ClaimInput,
} from '@/lib/mutual-aid/payout';
import type { PayoutRule } from '@/lib/mutual-aid/rules';

const medical: PayoutRule = {
  type: 'medical',
  deductibleFen: 100_000, // ¥1,000
  bands: [
    { uptoFen: 1_000_000, rateBp: 5_000 }, // up to ¥10,000: 50 %
    { uptoFen: 3_000_000, rateBp: 6_000 }, // ¥10,000–30,000: 60 %
    { uptoFen: null, rateBp: 7_000 }, // above: 70 %
  ],
  capFen: 3_020_000, // ¥30,200
};

const critical: PayoutRule = {
  type: 'critical_illness',
  items: [
    { code: 'cancer', zh: '恶性肿瘤', en: 'Malignant tumour', fen: 1_000_000 },
    { code: 'stroke', zh: '脑中风后遗症', en: 'Stroke sequelae', fen: 800_000 },
  ],
  capFen: 1_500_000,
};

const women: PayoutRule = {
  type: 'women_special',
  items: [
    { code: 'cancer', zh: '女性特殊癌症', en: "Women's cancer", fen: 600_000 },
    { code: 'fibroid', zh: '子宫肌瘤切除', en: 'Fibroid removal', fen: 100_000 },
  ],
  capFen: 600_000,
  minAge: 18,
  maxAge: 60,
};

const accident: PayoutRule = {
  type: 'accident',
  items: [
    { code: 'death', zh: '身故', en: 'Death', fen: 5_000_000 },
    { code: 'grade_10', zh: '十级伤残', en: 'Disability grade 10', fen: 500_000 },
  ],
  hospitalDayFen: 5_000,
  maxHospitalDays: 180,
  capFen: 5_000_000,
};

const claim = (over: Partial<ClaimInput> = {}): ClaimInput => ({
  eventOn: '2026-05-10',
  filedOn: '2026-06-01',
  admittedOn: '2026-05-10',
  dischargedOn: '2026-05-20',
  totalFen: 5_000_000,
  basicFen: 3_000_000,
  otherFen: 0,
  selfPaidFen: 2_000_000,
  itemCode: null,
  ...over,
});

const woman = makeIdNumber('110101', '19800101', 2); // sequence 002: even → female
const man = makeIdNumber('110101', '19800101', 1);

const base = (over: Partial<AssessInput> = {}): AssessInput => ({
  rule: medical,
  filingDeadline: '03-31',
  enrolment: { state: 'confirmed', termStart: '2026-01-01', termEnd: '2026-12-31', coverFrom: '2026-04-01', shares: 1 },
  idNumber: woman,
  capUsedFen: 0,
  claim: claim(),
  ...over,
});

describe('medical mutual aid payout', () => {
  it('cuts the deductible and pays each band at its rate, line by line', () => {
    // self-paid ¥20,000: ¥1,000 deductible; ¥1,000–10,000 at 50 % = ¥4,500; ¥10,000–20,000 at 60 % = ¥6,000
    const r = assessClaim(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines).toEqual([
      { kind: 'selfPaid', fen: 2_000_000 },
      { kind: 'deductible', fen: 100_000 },
      { kind: 'band', fromFen: 100_000, toFen: 1_000_000, baseFen: 900_000, rateBp: 5_000, fen: 450_000 },
      { kind: 'band', fromFen: 1_000_000, toFen: 3_000_000, baseFen: 1_000_000, rateBp: 6_000, fen: 600_000 },
      { kind: 'subtotal', fen: 1_050_000 },
      { kind: 'cap', capFen: 3_020_000, usedFen: 0, leftFen: 3_020_000, cutFen: 0 },
    ]);
    expect(r.payoutFen).toBe(1_050_000);
    expect(r.capLeftAfterFen).toBe(1_970_000);
  });

  it('reaches the open top band', () => {
    const r = assessClaim(base({ claim: claim({ totalFen: 4_000_000, basicFen: 0, selfPaidFen: 4_000_000 }) }));
    expect(r.ok && r.lines.filter((l) => l.kind === 'band').map((l) => l.fen)).toEqual([450_000, 1_200_000, 700_000]);
    expect(r.ok && r.payoutFen).toBe(2_350_000);
  });

  it('refuses a self-paid amount at or under the deductible, still showing the lines', () => {
    const r = assessClaim(base({ claim: claim({ totalFen: 100_000, basicFen: 0, selfPaidFen: 100_000 }) }));
    expect(r).toMatchObject({ ok: false, reason: 'belowDeductible' });
    expect(r.lines[1]).toEqual({ kind: 'deductible', fen: 100_000 });
  });

  it('a deductible inside the second band skips the first band whole', () => {
    const { lines, total } = medicalLines(2_000_000, 1_500_000, medical.bands);
    expect(lines.filter((l) => l.kind === 'band')).toHaveLength(1);
    expect(total).toBe(300_000); // (20,000 − 15,000) × 60 %
  });

  it('rounds each band down to the fen', () => {
    const { total } = medicalLines(100_003, 0, [{ uptoFen: null, rateBp: 5_000 }]);
    expect(total).toBe(50_001);
  });

  it('cuts the payout to what is left of the yearly cap across earlier claims', () => {
    const r = assessClaim(base({ capUsedFen: 2_500_000 }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payoutFen).toBe(520_000);
    expect(r.lines.at(-1)).toEqual({
      kind: 'cap',
      capFen: 3_020_000,
      usedFen: 2_500_000,
      leftFen: 520_000,
      cutFen: 530_000,
    });
    expect(r.capLeftAfterFen).toBe(0);
  });

  it('refuses once the cap is used up', () => {
    expect(assessClaim(base({ capUsedFen: 3_020_000 }))).toMatchObject({ ok: false, reason: 'capExhausted' });
  });

  it('doubles the cap for two shares but not the rates', () => {
    const e = {
      state: 'confirmed' as const,
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
      coverFrom: '2026-01-01',
      shares: 2,
    };
    const r = assessClaim(base({ enrolment: e, capUsedFen: 3_020_000 }));
    expect(r.ok && r.payoutFen).toBe(1_050_000);
    expect(r.ok && r.capFen).toBe(6_040_000);
  });
});

describe('refusals', () => {
  it('not enrolled: no enrolment, not yet confirmed, cancelled, or an event outside the term', () => {
    expect(assessClaim(base({ enrolment: null }))).toMatchObject({ ok: false, reason: 'notEnrolled' });
    for (const state of ['requested', 'listed', 'cancelled'] as const) {
      const e = { state, termStart: '2026-01-01', termEnd: '2026-12-31', coverFrom: '2026-01-01', shares: 1 };
      expect(assessClaim(base({ enrolment: e }))).toMatchObject({ ok: false, reason: 'notEnrolled' });
    }
    expect(assessClaim(base({ claim: claim({ eventOn: '2025-12-31', admittedOn: null }) }))).toMatchObject({
      ok: false,
      reason: 'notEnrolled',
    });
  });

  it('in the waiting period: the day before cover starts is refused, the day it starts is not', () => {
    expect(assessClaim(base({ claim: claim({ eventOn: '2026-03-31', admittedOn: null }) }))).toMatchObject({
      ok: false,
      reason: 'waitingPeriod',
    });
    expect(assessClaim(base({ claim: claim({ eventOn: '2026-04-01', admittedOn: null }) })).ok).toBe(true);
  });

  it('past the filing deadline of the next year', () => {
    expect(assessClaim(base({ claim: claim({ filedOn: '2027-03-31' }) })).ok).toBe(true);
    expect(assessClaim(base({ claim: claim({ filedOn: '2027-04-01' }) }))).toMatchObject({
      ok: false,
      reason: 'pastFilingDeadline',
    });
  });

  it("women's scheme: men and ages outside the limits are refused", () => {
    const c = claim({ itemCode: 'cancer' });
    expect(assessClaim(base({ rule: women, claim: c })).ok).toBe(true);
    expect(assessClaim(base({ rule: women, claim: c, idNumber: man }))).toMatchObject({
      ok: false,
      reason: 'wrongSex',
    });
    expect(assessClaim(base({ rule: women, claim: c, idNumber: null }))).toMatchObject({
      ok: false,
      reason: 'wrongSex',
    });
    const old = makeIdNumber('110101', '19600101', 4);
    expect(assessClaim(base({ rule: women, claim: c, idNumber: old }))).toMatchObject({
      ok: false,
      reason: 'ageOutOfRange',
    });
    // 60 on the event day is still inside; the birthday decides.
    const sixty = makeIdNumber('110101', '19660510', 4);
    expect(assessClaim(base({ rule: women, claim: c, idNumber: sixty })).ok).toBe(true);
    const young = makeIdNumber('110101', '20080511', 4);
    expect(assessClaim(base({ rule: women, claim: c, idNumber: young }))).toMatchObject({
      ok: false,
      reason: 'ageOutOfRange',
    });
  });

  it('an illness not on the list', () => {
    expect(assessClaim(base({ rule: critical, claim: claim({ itemCode: 'flu' }) }))).toMatchObject({
      ok: false,
      reason: 'itemNotCovered',
    });
    expect(assessClaim(base({ rule: critical, claim: claim({ itemCode: null }) }))).toMatchObject({
      ok: false,
      reason: 'itemNotCovered',
    });
  });
});

describe('fixed payouts', () => {
  it('critical illness pays the listed amount per share, within the cap', () => {
    const e = {
      state: 'confirmed' as const,
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
      coverFrom: '2026-01-01',
      shares: 1,
    };
    const r = assessClaim(base({ rule: critical, enrolment: e, claim: claim({ itemCode: 'cancer' }) }));
    expect(r.ok && r.payoutFen).toBe(1_000_000);
    const second = assessClaim(
      base({ rule: critical, enrolment: e, capUsedFen: 1_000_000, claim: claim({ itemCode: 'stroke' }) }),
    );
    expect(second.ok && second.payoutFen).toBe(500_000);
  });

  it("women's tiers multiply by shares", () => {
    const e = {
      state: 'confirmed' as const,
      termStart: '2026-01-01',
      termEnd: '2029-12-31',
      coverFrom: '2026-01-01',
      shares: 3,
    };
    const r = assessClaim(base({ rule: women, enrolment: e, claim: claim({ itemCode: 'fibroid' }) }));
    expect(r.ok && r.lines[0]).toEqual({
      kind: 'item',
      code: 'fibroid',
      zh: '子宫肌瘤切除',
      en: 'Fibroid removal',
      shares: 3,
      fen: 300_000,
    });
  });

  it('accident: a disability grade plus hospital days, capped at the maximum days', () => {
    const r = assessClaim(base({ rule: accident, claim: claim({ itemCode: 'grade_10' }) }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines.map((l) => l.kind)).toEqual(['item', 'hospitalDays', 'subtotal', 'cap']);
    expect(r.payoutFen).toBe(500_000 + 10 * 5_000);
    const long = assessClaim(
      base({ rule: { ...accident, maxHospitalDays: 3 }, claim: claim({ itemCode: null, dischargedOn: '2026-09-01' }) }),
    );
    expect(long.ok && long.payoutFen).toBe(15_000);
  });

  it('accident: same-day discharge counts one day; nothing claimed is refused', () => {
    const r = assessClaim(base({ rule: accident, claim: claim({ dischargedOn: '2026-05-10' }) }));
    expect(r.ok && r.payoutFen).toBe(5_000);
    expect(assessClaim(base({ rule: accident, claim: claim({ admittedOn: null, dischargedOn: null }) }))).toMatchObject(
      {
        ok: false,
        reason: 'nothingToPay',
      },
    );
  });
});

describe('claim input', () => {
  it('accepts amounts that add up', () => {
    expect(claimInputProblems(claim())).toEqual({});
  });

  it('insurance plus self-paid must equal the total', () => {
    expect(claimInputProblems(claim({ selfPaidFen: 1_999_999 }))).toEqual({ selfPaidFen: 'mutualCostsDoNotAddUp' });
  });

  it('refuses negative and absurd amounts', () => {
    expect(claimInputProblems(claim({ basicFen: -1 })).basicFen).toBe('amountNegative');
    expect(claimInputProblems(claim({ totalFen: 600_000_000, basicFen: 598_000_000 })).totalFen).toBe(
      'mutualAmountAbsurd',
    );
  });

  it('discharge before admission, admission before the event, an event in the future', () => {
    expect(claimInputProblems(claim({ dischargedOn: '2026-05-09' })).dischargedOn).toBe(
      'mutualDischargeBeforeAdmission',
    );
    expect(claimInputProblems(claim({ admittedOn: '2026-05-01' })).admittedOn).toBe('mutualAdmissionBeforeEvent');
    expect(claimInputProblems(claim({ eventOn: '2026-07-01', admittedOn: null })).eventOn).toBe('dateInFuture');
  });
});
