import type { Fen } from '@/lib/money';
import { ageOn, daysBetween, filingDeadlineFor, sexOf, type Bp, type EnrolmentState, type PayoutRule } from './rules';

/**
 * The payout of one claim, computed line by line from the scheme version in force on the event day,
 * and every reason a claim is refused. Pure: the caller reads the enrolment, the cap row and the
 * member and hands them in; the database then backs the cap with a guarded update and a CHECK.
 */

export const CLAIM_REFUSALS = [
  'notEnrolled', // no confirmed enrolment in the scheme for the event's day
  'waitingPeriod', // the event is before cover starts
  'pastFilingDeadline',
  'capExhausted', // nothing left of the member's yearly cap
  'wrongSex', // the women workers' scheme
  'ageOutOfRange',
  'itemNotCovered', // the illness / tier / grade is not on the scheme's list
  'belowDeductible', // the self-paid amount does not reach the deductible
  'nothingToPay', // an accident claim naming neither an item nor hospital days
] as const;
export type ClaimRefusal = (typeof CLAIM_REFUSALS)[number];

export type PayoutLine =
  | { kind: 'selfPaid'; fen: Fen }
  | { kind: 'deductible'; fen: Fen }
  | { kind: 'band'; fromFen: Fen; toFen: Fen | null; baseFen: Fen; rateBp: Bp; fen: Fen }
  | { kind: 'item'; code: string; zh: string; en: string; shares: number; fen: Fen }
  | { kind: 'hospitalDays'; days: number; perDayFen: Fen; shares: number; fen: Fen }
  | { kind: 'subtotal'; fen: Fen }
  | { kind: 'cap'; capFen: Fen; usedFen: Fen; leftFen: Fen; cutFen: Fen };

export interface ClaimInput {
  eventOn: string;
  filedOn: string;
  admittedOn: string | null;
  dischargedOn: string | null;
  totalFen: Fen;
  basicFen: Fen;
  otherFen: Fen;
  selfPaidFen: Fen;
  /** The illness / tier / accident item claimed (critical illness, women's scheme, accident). */
  itemCode: string | null;
}

export interface EnrolmentFacts {
  state: EnrolmentState;
  termStart: string;
  termEnd: string;
  coverFrom: string;
  shares: number;
}

export interface AssessInput {
  rule: PayoutRule;
  filingDeadline: string;
  enrolment: EnrolmentFacts | null;
  /** The member's resident ID number (sex and age for the women's scheme). */
  idNumber: string | null;
  /** What earlier claims of the member have already drawn on this scheme's cap for the event's year. */
  capUsedFen: Fen;
  claim: ClaimInput;
}

export type Assessment =
  | { ok: true; lines: PayoutLine[]; payoutFen: Fen; capFen: Fen; capUsedFen: Fen; capLeftAfterFen: Fen }
  | { ok: false; reason: ClaimRefusal; lines: PayoutLine[] };

/** Problems with the amounts and dates as entered, by field; empty when they add up. */
export function claimInputProblems(c: ClaimInput): Record<string, string> {
  const p: Record<string, string> = {};
  const money = { totalFen: c.totalFen, basicFen: c.basicFen, otherFen: c.otherFen, selfPaidFen: c.selfPaidFen };
  for (const [k, v] of Object.entries(money)) {
    if (!Number.isSafeInteger(v) || v < 0) p[k] = 'amountNegative';
    else if (v > MAX_CLAIM_FEN) p[k] = 'mutualAmountAbsurd';
  }
  if (!p.totalFen && !p.selfPaidFen && c.basicFen + c.otherFen + c.selfPaidFen !== c.totalFen)
    p.selfPaidFen = 'mutualCostsDoNotAddUp';
  if (c.admittedOn && c.dischargedOn && c.dischargedOn < c.admittedOn)
    p.dischargedOn = 'mutualDischargeBeforeAdmission';
  if (c.admittedOn && c.admittedOn < c.eventOn) p.admittedOn = 'mutualAdmissionBeforeEvent';
  if (c.eventOn > c.filedOn) p.eventOn = 'dateInFuture';
  return p;
}

/** ¥5,000,000: no hospital stay costs more; anything above is a typing slip (an extra zero or two). */
export const MAX_CLAIM_FEN = 500_000_000;

const floorRate = (fen: Fen, rateBp: Bp) => Math.floor((fen * rateBp) / 10_000);

/** The medical lines: the deductible cut, then each band's part of the self-paid amount times its rate. */
export function medicalLines(selfPaidFen: Fen, deductibleFen: Fen, bands: { uptoFen: Fen | null; rateBp: Bp }[]) {
  const lines: PayoutLine[] = [
    { kind: 'selfPaid', fen: selfPaidFen },
    { kind: 'deductible', fen: Math.min(deductibleFen, selfPaidFen) },
  ];
  let lower = 0;
  let total = 0;
  for (const b of bands) {
    const from = Math.max(lower, deductibleFen);
    const to = b.uptoFen === null ? selfPaidFen : Math.min(b.uptoFen, selfPaidFen);
    if (to > from) {
      const fen = floorRate(to - from, b.rateBp);
      lines.push({ kind: 'band', fromFen: from, toFen: b.uptoFen, baseFen: to - from, rateBp: b.rateBp, fen });
      total += fen;
    }
    if (b.uptoFen === null) break;
    lower = b.uptoFen;
  }
  return { lines, total };
}

/** Assesses a claim: refuses it with a reason, or gives the payout and every line that made it. */
export function assessClaim(a: AssessInput): Assessment {
  const { rule, enrolment: e, claim: c } = a;
  const refuse = (reason: ClaimRefusal, lines: PayoutLine[] = []): Assessment => ({ ok: false, reason, lines });

  if (!e || e.state !== 'confirmed' || c.eventOn < e.termStart || c.eventOn > e.termEnd) return refuse('notEnrolled');
  if (c.eventOn < e.coverFrom) return refuse('waitingPeriod');
  if (c.filedOn > filingDeadlineFor(c.eventOn, a.filingDeadline)) return refuse('pastFilingDeadline');
  if (rule.type === 'women_special') {
    if (sexOf(a.idNumber) !== 'female') return refuse('wrongSex');
    const age = ageOn(a.idNumber, c.eventOn);
    if (age === null || age < rule.minAge || age > rule.maxAge) return refuse('ageOutOfRange');
  }
  const capFen = rule.capFen * e.shares;
  const capLeft = Math.max(0, capFen - a.capUsedFen);
  if (capLeft === 0) return refuse('capExhausted');

  let lines: PayoutLine[] = [];
  let subtotal = 0;
  if (rule.type === 'medical') {
    if (c.selfPaidFen <= rule.deductibleFen)
      return refuse('belowDeductible', medicalLines(c.selfPaidFen, rule.deductibleFen, rule.bands).lines);
    ({ lines, total: subtotal } = medicalLines(c.selfPaidFen, rule.deductibleFen, rule.bands));
  } else {
    if (c.itemCode) {
      const item = rule.items.find((i) => i.code === c.itemCode);
      if (!item) return refuse('itemNotCovered');
      const fen = item.fen * e.shares;
      lines.push({ kind: 'item', code: item.code, zh: item.zh, en: item.en, shares: e.shares, fen });
      subtotal += fen;
    }
    if (rule.type === 'accident' && c.admittedOn && c.dischargedOn && rule.hospitalDayFen > 0) {
      // Days in hospital count the nights: admitted and discharged the same day is one day.
      const days = Math.min(Math.max(1, daysBetween(c.admittedOn, c.dischargedOn)), rule.maxHospitalDays);
      if (days > 0) {
        const fen = rule.hospitalDayFen * days * e.shares;
        lines.push({ kind: 'hospitalDays', days, perDayFen: rule.hospitalDayFen, shares: e.shares, fen });
        subtotal += fen;
      }
    }
    if (subtotal === 0) return refuse(c.itemCode || rule.type === 'accident' ? 'nothingToPay' : 'itemNotCovered');
  }
  lines.push({ kind: 'subtotal', fen: subtotal });
  const payoutFen = Math.min(subtotal, capLeft);
  lines.push({ kind: 'cap', capFen, usedFen: a.capUsedFen, leftFen: capLeft, cutFen: subtotal - payoutFen });
  return { ok: true, lines, payoutFen, capFen, capUsedFen: a.capUsedFen, capLeftAfterFen: capLeft - payoutFen };
}
