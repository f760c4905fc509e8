import { z } from 'zod';
import { CATEGORIES } from '@/db/schema/register';
import { HANDOVER_METHODS, OCCASIONS } from '@/lib/campaigns/rules';
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
  /** The survivors' subsidy (遗属): cash and/or goods per survivor; both empty leaves survivors out. */
  survivorCash: yuanToFen.prefault(''),
  survivorItems: optionalText(200),
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

/** A hand-over: in person (who gave, who received) or by bank transfer (its reference). */
export const handoverSchema = z
  .object({
    entryId: id,
    version: id,
    method: z.enum(HANDOVER_METHODS, { message: 'required' }),
    handedOverOn: pastDate,
    handedOverBy: required(30),
    receivedBy: z.string().trim().max(30, 'tooLong').default(''),
    reference: z.string().trim().max(60, 'tooLong').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'in_person' && !v.receivedBy)
      ctx.addIssue({ code: 'custom', path: ['receivedBy'], message: 'required' });
    if (v.method === 'bank_transfer' && !v.reference)
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'required' });
  });

/** The signed sign-for list of one sub-branch, as the upload form posts it (FormData). */
export const sheetUploadSchema = z.object({
  campaignId: id,
  unitId: id,
  file: z
    .instanceof(File, { message: 'uploadFileRequired' })
    .refine((f) => f.size > 0, 'uploadEmpty')
    .refine((f) => f.size <= MAX_DOCUMENT_BYTES, 'uploadTooLarge'),
});
