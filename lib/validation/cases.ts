import { z } from 'zod';
import { AID_KINDS, FREQUENCIES, STANDARD_CATEGORIES, variantsOf } from '@/lib/aid/standards';
import {
  id,
  isoDate,
  optionalPositiveYuan,
  optionalText,
  pastDate,
  positiveYuan,
  nonNegativeYuan,
  requiredText,
} from './common';
import { tooLong } from './messages';

const version = z.coerce.number().int('invalid').positive('invalid');
const aidKind = z.enum(AID_KINDS, { message: 'aidKindUnknown' });

/** The client's key for one application (generated when the form opens); a retry sends the same one. */
const token = z.string().trim().min(8, 'invalid').max(100, 'invalid');

/** The worker's application, saved as a draft or submitted. */
export const caseDraftSchema = z.object({
  token,
  aidKind,
  eventOn: pastDate,
  eventKey: optionalText(100),
  whatHappened: requiredText(4000),
  helpAsked: optionalText(2000),
  familySituation: optionalText(4000),
});

export const caseRefSchema = z.object({ caseId: id, version });

/** A decision at the verification, review or approval step. */
export const decideSchema = z
  .object({
    caseId: id,
    version,
    decision: z.enum(['approve', 'return', 'reject'], { message: 'required' }),
    comment: optionalText(2000),
    /** The approver's amount in yuan; empty keeps the computed one. */
    amount: optionalPositiveYuan,
    amountReason: optionalText(1000),
    /** Needed at approval when the household has aid of this kind paid or in progress within its period. */
    repeatReason: optionalText(1000),
  })
  .refine((v) => v.decision === 'approve' || v.comment.length > 0, { path: ['comment'], message: 'commentRequired' });

export const objectSchema = z.object({ caseId: id, reason: requiredText(2000) });

export const decideObjectionSchema = z.object({
  objectionId: id,
  uphold: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  comment: requiredText(2000),
});

export const paymentSchema = z.object({
  caseId: id,
  version,
  paidOn: pastDate,
  method: z.enum(['bank_transfer', 'cash'], { message: 'required' }),
  reference: optionalText(200),
  /** Needed when the ledger finds a payment of the same kind within its period. */
  repeatReason: optionalText(1000),
});

/** A stage (student aid) or a tier (award) for kinds whose amounts vary by one; '' for the others. */
const variant = z.string().trim().max(40, tooLong(40)).default('');

const cellSchema = z.discriminatedUnion('type', [
  z.object({
    category: z.enum(STANDARD_CATEGORIES as unknown as [string, ...string[]]),
    variant,
    type: z.literal('fixed'),
    fixed: positiveYuan,
  }),
  z.object({
    category: z.enum(STANDARD_CATEGORIES as unknown as [string, ...string[]]),
    variant,
    type: z.literal('range'),
    min: positiveYuan,
    max: positiveYuan,
    suggested: positiveYuan,
  }),
]);

/** One kind of a version: a variant must be one the kind varies by (none for hardship kinds), each cell once. */
const kindSchema = z
  .object({
    kind: aidKind,
    frequency: z.enum(FREQUENCIES, { message: 'required' }),
    amounts: z.array(cellSchema).min(1, 'required'),
  })
  .superRefine((k, ctx) => {
    const allowed = variantsOf(k.kind);
    k.amounts.forEach((c, i) => {
      if (allowed ? !allowed.includes(c.variant) : c.variant !== '')
        ctx.addIssue({ code: 'custom', path: ['amounts', i, 'variant'], message: 'variantUnknown' });
    });
    if (new Set(k.amounts.map((c) => `${c.variant}:${c.category}`)).size !== k.amounts.length)
      ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'duplicateCell' });
  });

/** A whole standard version: every kind it pays, with its frequency and its cells. */
export const standardSchema = z.object({
  name: requiredText(100),
  effectiveOn: isoDate,
  kinds: z
    .array(kindSchema)
    .min(1, 'required')
    .refine((ks) => new Set(ks.map((k) => k.kind)).size === ks.length, 'duplicateKind'),
});

export const budgetSchema = z.object({
  year: z.coerce.number({ message: 'invalid' }).int('invalid').min(2000, 'invalid').max(2100, 'invalid'),
  aidKind,
  /** A branch for a per-branch split; empty for the mine-wide budget. */
  unitId: z.union([z.literal('').transform(() => null), z.null(), id]).default(null),
  amount: nonNegativeYuan,
});
