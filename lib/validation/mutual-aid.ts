import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from '@/lib/cases/documents';
import { CLAIM_DOCUMENTS, CONTRIBUTION_STATUSES, SCHEME_KINDS } from '@/lib/mutual-aid/rules';
import {
  id,
  parseId,
  isoDate,
  nonNegativeYuan,
  optionalText,
  pastDate,
  positiveYuan,
  required,
  requiredText,
  yuanToFen,
} from './common';

const whole = (min: number, max: number) =>
  z.coerce.number({ message: 'wholeNumber' }).int('wholeNumber').min(min, 'wholeNumber').max(max, 'mutualNumberRange');

const monthDay = z
  .string()
  .trim()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'mutualMonthDay');

/** A checkbox: FormData sends 'on', an object sends a boolean. */
const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** A rate typed as a percentage with at most two decimals ("55.5") → basis points. */
const percent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'mutualRateRange')
  .transform((s) => Math.round(Number(s) * 100))
  .refine((bp) => bp <= 10_000, 'mutualRateRange');

const band = z.object({
  /** Empty: the last, open band. */
  upto: z.union([z.literal('').transform(() => null), positiveYuan]),
  rate: percent,
});

const item = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,30}$/, 'mutualItemCode'),
  zh: required(60),
  en: required(60),
  amount: positiveYuan,
});

/** The rules of one version as the leader's form sends them; the action builds the kind's payout rule. */
export const versionFields = {
  effectiveOn: isoDate,
  contribution: nonNegativeYuan,
  union: yuanToFen.prefault(''),
  unit: yuanToFen.prefault(''),
  member: yuanToFen.prefault(''),
  maxShares: whole(1, 10),
  termYears: whole(1, 5),
  windowStart: monthDay,
  windowEnd: monthDay,
  waitingDays: whole(0, 365),
  renewalGraceDays: whole(0, 365),
  filingDeadline: monthDay,
  publish: flag,
  documents: z.array(z.enum(CLAIM_DOCUMENTS)).max(CLAIM_DOCUMENTS.length),
  cap: positiveYuan,
  deductible: yuanToFen.prefault(''),
  bands: z.array(band).max(10).default([]),
  items: z.array(item).max(60).default([]),
  hospitalDay: yuanToFen.prefault(''),
  maxHospitalDays: whole(0, 365).default(0),
  minAge: whole(0, 100).default(16),
  maxAge: whole(0, 100).default(100),
};

export const schemeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{2,30}$/, 'mutualSchemeCode'),
  kind: z.enum(SCHEME_KINDS, { message: 'required' }),
  nameZh: required(60),
  nameEn: required(60),
  ...versionFields,
});

export const schemeVersionSchema = z.object({ schemeId: id, ...versionFields });

const year = z.coerce.number({ message: 'invalid' }).int('invalid').min(2000, 'invalid').max(2100, 'invalid');

/** An official lists workers of their unit for a scheme-year (a group list). */
export const enrolSchema = z.object({
  schemeId: id,
  year,
  memberIds: z.array(id).min(1, 'mutualSelectMembers').max(2_000, 'mutualTooMany'),
  shares: whole(1, 10).default(1),
});

/** A worker asks to be enrolled. */
export const requestEnrolmentSchema = z.object({ schemeId: id, year, shares: whole(1, 10).default(1) });

/** The branch confirms listed enrolments (or cancels one, with its version). */
export const confirmEnrolmentsSchema = z.object({
  enrolmentIds: z.array(id).min(1, 'mutualSelectMembers').max(2_000, 'mutualTooMany'),
});

export const cancelEnrolmentSchema = z.object({ enrolmentId: id, version: id, reason: requiredText(300) });

export const contributionSchema = z.object({
  enrolmentIds: z.array(id).min(1, 'mutualSelectMembers').max(2_000, 'mutualTooMany'),
  status: z.enum(CONTRIBUTION_STATUSES, { message: 'required' }),
});

const optionalDate = z.union([z.literal('').transform(() => null), isoDate]).prefault('');

/**
 * A claim as filed: against one enrolment, the event and what it cost. The amounts must add up
 * (basic + other + self-paid = total); the action checks that and the dates with the payout rules.
 */
export const claimSchema = z.object({
  token: z.string().trim().min(8, 'invalid').max(100, 'invalid'),
  enrolmentId: id,
  eventOn: pastDate,
  hospital: optionalText(100),
  admittedOn: optionalDate,
  dischargedOn: optionalDate,
  total: yuanToFen,
  basic: yuanToFen,
  other: yuanToFen,
  selfPaid: yuanToFen,
  itemCode: z.string().trim().max(30, 'invalid').default(''),
  diagnosis: requiredText(500),
});

export const claimDocumentSchema = z.object({
  caseId: id,
  purpose: z.enum(CLAIM_DOCUMENTS, { message: 'required' }),
  file: z
    .instanceof(File, { message: 'uploadFileRequired' })
    .refine((f) => f.size > 0, 'uploadEmpty')
    .refine((f) => f.size <= MAX_DOCUMENT_BYTES, 'uploadTooLarge'),
});

/** A list's scheme and year from a URL: 0 for either when it is not a plain id or a four-digit year. */
export function schemeYearParams(q: URLSearchParams): { schemeId: number; year: number } {
  const scheme = q.get('scheme') ?? '';
  const year = q.get('year') ?? '';
  return { schemeId: parseId(scheme) ?? 0, year: /^\d{4}$/.test(year) ? Number(year) : 0 };
}
