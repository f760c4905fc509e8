import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { birthDateOf } from '@/lib/id-number';
import type { Fen } from '@/lib/money';

/**
 * The schemes (险种) of the medical mutual-aid society (职工医疗互助会) and the mutual-aid insurance
 * association (职工互助保障会), free of the framework and the database: what a scheme version says,
 * when a member's cover starts, when a claim must be filed. The payout itself is in ./payout.ts.
 *
 * Decisions the issue leaves open, taken here:
 * - Every amount of a payout rule (fixed payouts, the yearly cap) is per share: two shares pay and
 *   cap twice as much. Medical rates apply to the self-paid amount whatever the shares; the cap is
 *   per share.
 * - Medical bands are bands of the self-paid amount (after basic medical insurance and other
 *   insurance); the deductible (起付线) is cut from the bottom, so a band below it pays nothing.
 * - A term starts on 1 January of its first year and lasts `termYears` calendar years; the cap is
 *   per calendar year of the event (a four-year women's scheme still has a yearly cap).
 * - Continuity: a renewal listed no later than `renewalGraceDays` after the end of the member's
 *   previous term of the same scheme keeps cover from the term's first day; otherwise cover starts
 *   `waitingDays` after the later of the term's first day and the day of enrolment.
 * - Claims must be filed by the version's deadline (month-day) in the year after the event's.
 */

export const SCHEME_KINDS = ['medical', 'critical_illness', 'accident', 'women_special'] as const;
export type SchemeKind = (typeof SCHEME_KINDS)[number];

/** The documents a claim may be asked to carry (the scheme version lists which ones it requires). */
export const CLAIM_DOCUMENTS = [
  'application_form', // 申请表
  'id_card', // 身份证
  'bank_card', // 银行卡
  'settlement_sheet', // 住院结算单 (stamped by the medical insurer)
  'invoice', // 发票
  'itemised_costs', // 费用明细
  'discharge_summary', // 出院记录
  'diagnosis', // 诊断证明
  'pathology_report', // 病理报告
  'accident_certificate', // 事故证明
  'death_certificate', // 死亡证明
  'relationship_proof', // 关系证明
  'split_sheet', // 分割单 (another insurer paid part)
  'disability_assessment', // 伤残鉴定
] as const;
export type ClaimDocument = (typeof CLAIM_DOCUMENTS)[number];

/** Basis points: 10,000 = 100 %. */
export type Bp = number;

export interface MedicalBand {
  /** The band's upper bound on the self-paid amount (fen); null for the last, open band. */
  uptoFen: Fen | null;
  rateBp: Bp;
}

/** A named item with a fixed payout per share (a critical illness, a women's tier, a disability grade). */
export interface FixedItem {
  code: string;
  zh: string;
  en: string;
  fen: Fen;
}

export type PayoutRule =
  | { type: 'medical'; deductibleFen: Fen; bands: MedicalBand[]; capFen: Fen }
  | { type: 'critical_illness'; items: FixedItem[]; capFen: Fen }
  | { type: 'accident'; items: FixedItem[]; hospitalDayFen: Fen; maxHospitalDays: number; capFen: Fen }
  | { type: 'women_special'; items: FixedItem[]; capFen: Fen; minAge: number; maxAge: number };

/** One version of a scheme, as every rule reads it. Money in fen. */
export interface SchemeVersion {
  id: number;
  schemeId: number;
  kind: SchemeKind;
  effectiveOn: string;
  contributionFen: Fen;
  unionFen: Fen;
  unitFen: Fen;
  memberFen: Fen;
  maxShares: number;
  termYears: number;
  /** Enrolment window as month-day ('10-15' … '12-15'); the window is for the next year's term. */
  windowStart: string;
  windowEnd: string;
  waitingDays: number;
  renewalGraceDays: number;
  /** Filing deadline as month-day in the year after the event ('03-31'). */
  filingDeadline: string;
  publish: boolean;
  documents: ClaimDocument[];
  rule: PayoutRule;
}

/** The version in force on a day: the latest effective on or before it (the newest id among equals). */
export function versionOn<V extends { id: number; effectiveOn: string }>(
  versions: readonly V[],
  day: string,
): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveOn > day) continue;
    if (!best || v.effectiveOn > best.effectiveOn || (v.effectiveOn === best.effectiveOn && v.id > best.id)) best = v;
  }
  return best;
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Problems of a version as a leader wrote it, by field; empty when it can be saved. */
export function versionProblems(
  v: Omit<SchemeVersion, 'id' | 'schemeId' | 'kind'>,
  kind: SchemeKind,
): Record<string, string> {
  const p: Record<string, string> = {};
  if (v.unionFen + v.unitFen + v.memberFen !== v.contributionFen) p.memberFen = 'mutualSplitSum';
  if (v.maxShares < 1 || v.maxShares > 10) p.maxShares = 'mutualSharesRange';
  if (v.termYears < 1 || v.termYears > 5) p.termYears = 'mutualTermRange';
  for (const f of ['windowStart', 'windowEnd', 'filingDeadline'] as const)
    if (!MONTH_DAY.test(v[f])) p[f] = 'mutualMonthDay';
  if (v.waitingDays < 0 || v.waitingDays > 365) p.waitingDays = 'mutualDaysRange';
  if (v.renewalGraceDays < 0 || v.renewalGraceDays > 365) p.renewalGraceDays = 'mutualDaysRange';
  const r = v.rule;
  if (r.type !== kind) p.rule = 'mutualRuleKind';
  if (r.capFen <= 0) p.capFen = 'mutualCapPositive';
  if (r.type === 'medical') {
    if (r.deductibleFen < 0) p.deductibleFen = 'mutualAmountNegative';
    if (r.bands.length === 0) p.bands = 'mutualBandsEmpty';
    let prev = 0;
    r.bands.forEach((b, i) => {
      const last = i === r.bands.length - 1;
      if (b.rateBp < 0 || b.rateBp > 10_000) p.bands = 'mutualRateRange';
      if (last ? b.uptoFen !== null : b.uptoFen === null || b.uptoFen <= prev) p.bands = 'mutualBandsOrder';
      if (b.uptoFen !== null) prev = b.uptoFen;
    });
  } else {
    if (r.items.length === 0) p.items = 'mutualItemsEmpty';
    const codes = new Set<string>();
    for (const it of r.items) {
      if (it.fen <= 0 || !it.code || !it.zh || !it.en) p.items = 'mutualItemInvalid';
      if (codes.has(it.code)) p.items = 'mutualItemDuplicate';
      codes.add(it.code);
    }
    if (r.type === 'accident' && (r.hospitalDayFen < 0 || r.maxHospitalDays < 0))
      p.hospitalDayFen = 'mutualAmountNegative';
    if (r.type === 'women_special' && (r.minAge < 16 || r.maxAge > 100 || r.minAge > r.maxAge))
      p.minAge = 'mutualAgeRange';
  }
  return p;
}

// ── Terms and cover ─────────────────────────────────────────────────────────────────────────

export function termOf(year: number, termYears: number): { start: string; end: string } {
  return { start: `${year}-01-01`, end: `${year + termYears - 1}-12-31` };
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
export const plusDays = (day: string, n: number) => iso(addDays(parseISO(day), n));
export const daysBetween = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from));

export interface CoverInput {
  termStart: string;
  /** The day the member was put on the list (or asked to be). */
  enrolledOn: string;
  waitingDays: number;
  renewalGraceDays: number;
  /** The end of the member's latest earlier term of the same scheme, if any. */
  previousTermEnd: string | null;
}

/** When cover starts and whether the enrolment continues an earlier one (no new waiting period). */
export function coverStart(c: CoverInput): { coverFrom: string; continuous: boolean } {
  if (c.previousTermEnd && c.enrolledOn <= plusDays(c.previousTermEnd, c.renewalGraceDays)) {
    // A renewal inside the grace period: cover goes on with no gap from the day after the old term.
    const from = plusDays(c.previousTermEnd, 1);
    return { coverFrom: from > c.termStart ? from : c.termStart, continuous: true };
  }
  const base = c.enrolledOn > c.termStart ? c.enrolledOn : c.termStart;
  return { coverFrom: plusDays(base, c.waitingDays), continuous: false };
}

/** Whether a day is in the enrolment window for the term starting in `year` (the window is in the year before). */
export function inEnrolmentWindow(day: string, year: number, windowStart: string, windowEnd: string): boolean {
  const start = `${year - 1}-${windowStart}`;
  const end = windowEnd >= windowStart ? `${year - 1}-${windowEnd}` : `${year}-${windowEnd}`;
  return day >= start && day <= end;
}

/** The last day to file a claim for an event. */
export function filingDeadlineFor(eventOn: string, deadline: string): string {
  return `${Number(eventOn.slice(0, 4)) + 1}-${deadline}`;
}

// ── The member's sex and age, from the resident ID number ─────────────────────────────────────

/** GB 11643: the 17th character is odd for men, even for women. */
export function sexOf(idNumber: string | null): 'female' | 'male' | null {
  if (!idNumber || !/^\d{17}[\dX]$/.test(idNumber)) return null;
  return Number(idNumber[16]) % 2 === 0 ? 'female' : 'male';
}

/** Age in whole years on a day, from the birth date in the ID number. */
export function ageOn(idNumber: string | null, day: string): number | null {
  if (!idNumber) return null;
  const birth = birthDateOf(idNumber);
  if (!birth) return null;
  const [y, m, d] = day.split('-').map(Number);
  const by = birth.getUTCFullYear();
  const bm = birth.getUTCMonth() + 1;
  const bd = birth.getUTCDate();
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Why a member cannot be listed with these shares under a version, as the field and message the
 * refusal is reported on, or null. The enrol action and the enrolment import both ask this.
 */
export function enrolmentRefusal(
  v: Pick<SchemeVersion, 'maxShares' | 'kind'>,
  shares: number,
  idNumber: string | null,
): { field: 'shares' | 'memberIds'; message: string } | null {
  if (shares > v.maxShares) return { field: 'shares', message: 'mutualTooManyShares' };
  if (v.kind === 'women_special' && sexOf(idNumber) !== 'female')
    return { field: 'memberIds', message: 'mutualWomenOnly' };
  return null;
}

/** A member's contribution for a number of shares, with the split. */
export function contributionFor(
  v: Pick<SchemeVersion, 'contributionFen' | 'unionFen' | 'unitFen' | 'memberFen'>,
  shares: number,
) {
  return {
    totalFen: v.contributionFen * shares,
    unionFen: v.unionFen * shares,
    unitFen: v.unitFen * shares,
    memberFen: v.memberFen * shares,
  };
}

export const ENROLMENT_STATES = ['requested', 'listed', 'confirmed', 'cancelled'] as const;
export type EnrolmentState = (typeof ENROLMENT_STATES)[number];

/**
 * Whether a listed enrolment's shares may still be changed (by a re-imported list): only before
 * the branch confirms it and before anything is paid towards it.
 */
export const sharesChangeable = (state: EnrolmentState, contribution: ContributionStatus) =>
  (state === 'listed' || state === 'requested') && contribution === 'unpaid';

export const CONTRIBUTION_STATUSES = ['unpaid', 'paid', 'payroll'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
