import { z } from 'zod';
import { CATEGORIES } from '@/db/schema/register';
import { HANDOVER_METHODS, OCCASIONS, PERSON_KINDS } from '@/lib/campaigns/rules';
import { MAX_DOCUMENT_BYTES } from '@/lib/cases/documents';
import { id, isoDate, optionalText, pastDate, required, requiredText, yuanToFen } from './common';

/** A count typed by a person: a whole number from 0. */
const count = z.coerce.number({ message: 'wholeNumber' }).int('wholeNumber').min(0, 'wholeNumber');

/** One category's amount as the form sends it; a row with neither cash nor goods is left out of the campaign. */
const amountRow = z.object({
  category: z.enum(CATEGORIES),
  cash: yuanToFen,
  items: optionalText(200),
});

const quotaRow = z.object({ branchId: id, quota: count });

/** What each survivor or lone elderly person receives; a kind with neither cash nor goods is left out. */
const personRow = z.object({
  kind: z.enum(PERSON_KINDS),
  cash: yuanToFen.prefault(''),
  items: optionalText(200),
});

/** A leader's new campaign: at least one category covered, at least one branch with a quota. */
export const campaignSchema = z.object({
  name: required(60),
  occasion: z.enum(OCCASIONS, { message: 'required' }),
  heldOn: isoDate,
  budget: yuanToFen.refine((fen) => fen > 0, 'budgetRequired'),
  amounts: z
    .array(amountRow)
    .transform((rows) => rows.filter((r) => r.cash > 0 || r.items !== ''))
    .refine((rows) => rows.length > 0, 'campaignNeedsAmount')
    .refine((rows) => new Set(rows.map((r) => r.category)).size === rows.length, 'invalid'),
  /**
   * The people listed besides the households, by kind: survivors (遗属, the Spring Festival subsidy)
   * and lone elderly (孤寡老人), cash and/or goods per person; a kind left empty is not listed.
   */
  persons: z
    .array(personRow)
    .prefault([])
    .transform((rows) => rows.filter((r) => r.cash > 0 || r.items !== ''))
    .refine((rows) => new Set(rows.map((r) => r.kind)).size === rows.length, 'invalid'),
  quotas: z
    .array(quotaRow)
    .transform((rows) => rows.filter((r) => r.quota > 0))
    .refine((rows) => rows.length > 0, 'campaignNeedsQuota')
    .refine((rows) => new Set(rows.map((r) => r.branchId)).size === rows.length, 'invalid'),
});

export const quotaSchema = z.object({ campaignId: id, branchId: id, quota: count });

/**
 * An official adds a household, always with a reason (it changes the drawn list): at the rule's
 * amount unless another is typed, which then needs its own reason (the action checks it against
 * the campaign's rule).
 */
export const addEntrySchema = z.object({
  campaignId: id,
  employeeNo: z.string().trim().toUpperCase().min(1, 'required'),
  cash: z.union([z.literal('').transform(() => null), yuanToFen]).prefault(''),
  items: z.string().trim().max(200, 'tooLong').optional(),
  reason: requiredText(300),
  amountReason: optionalText(300),
});

/** Removing or marking unreachable: the entry as the official saw it, and why. */
export const entryChangeSchema = z.object({
  entryId: id,
  version: id,
  change: z.enum(['remove', 'unreachable', 'restore']),
  reason: requiredText(300),
});

export const approveCampaignSchema = z.object({ campaignId: id, version: id });
export const branchRefSchema = z.object({ campaignId: id, branchId: id });

export const publicListSchema = z.object({
  campaignId: id,
  publicList: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

/** A hand-over's fields: in person (who gave, who received) or by bank transfer (its reference). */
const handoverFields = {
  method: z.enum(HANDOVER_METHODS, { message: 'required' }),
  handedOverOn: pastDate,
  handedOverBy: required(30),
  receivedBy: z.string().trim().max(30, 'tooLong').default(''),
  reference: z.string().trim().max(60, 'tooLong').default(''),
};

const handoverChecked = <T extends z.ZodType<{ method: string; receivedBy: string; reference: string }>>(schema: T) =>
  schema.superRefine((v, ctx) => {
    if (v.method === 'in_person' && !v.receivedBy)
      ctx.addIssue({ code: 'custom', path: ['receivedBy'], message: 'required' });
    if (v.method === 'bank_transfer' && !v.reference)
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'required' });
  });

/** A household's hand-over, on the entry as the official saw it (its version). */
export const handoverSchema = handoverChecked(z.object({ entryId: id, version: id, ...handoverFields }));

/** A survivor's or lone elderly person's hand-over: their entry has no other change to race with. */
export const personHandoverSchema = handoverChecked(z.object({ entryId: id, ...handoverFields }));

/** The signed sign-for list of one sub-branch, as the upload form posts it (FormData). */
export const sheetUploadSchema = z.object({
  campaignId: id,
  unitId: id,
  file: z
    .instanceof(File, { message: 'uploadFileRequired' })
    .refine((f) => f.size > 0, 'uploadEmpty')
    .refine((f) => f.size <= MAX_DOCUMENT_BYTES, 'uploadTooLarge'),
});
