import { z } from 'zod';
import {
  CATEGORIES,
  CAUSES,
  HELPER_KINDS,
  KEEPING_LEVELS,
  RELATIONS,
  SIX_KNOWS,
  TASK_STATUSES,
} from '@/db/schema/register';
import { tooMany } from './messages';
import { MAX_ID, futureDate, id, optionalText, pastDate, personName, phone, requiredText, yuanToFen } from './common';

const category = z.enum(CATEGORIES, { message: 'categoryUnknown' });

export const memberSchema = z.object({
  name: personName,
  relation: z.enum(RELATIONS, { message: 'required' }),
  birthDate: pastDate,
  health: optionalText(200),
  schoolOrWork: optionalText(200),
  monthlyIncome: yuanToFen,
  /** Covered by employee medical insurance (the union pays no resident premium for them). */
  employeeInsurance: z.boolean().default(false),
});

const details = {
  keepingLevel: z.enum(KEEPING_LEVELS, { message: 'required' }),
  causes: z.array(z.enum(CAUSES, { message: 'required' })).min(1, 'causesRequired'),
  monthlyIncome: yuanToFen,
  housing: optionalText(200),
  address: requiredText(200),
  phone,
  notes: optionalText(2000),
  members: z.array(memberSchema).max(20, tooMany(20)),
};

export const fileHouseholdSchema = z.object({ workerId: id, category, ...details });
/** Details only: the category changes through 调档 (changeCategorySchema), which needs a reason. */
export const updateHouseholdSchema = z.object({ householdId: id, ...details });

export const changeCategorySchema = z.object({ householdId: id, toCategory: category, reason: requiredText(500) });
export const reviewSchema = z.object({ householdId: id, category, reason: optionalText(500) });
export const exitSchema = z.object({ householdId: id, exitedOn: pastDate, reason: requiredText(500) });
export const refileSchema = z.object({ householdId: id, category, reason: requiredText(500) });

export const assignHelperSchema = z.object({
  householdId: id,
  kind: z.enum(HELPER_KINDS, { message: 'required' }),
  userId: id,
});

export const appealSchema = z.object({
  appeal: requiredText(500),
  ownerId: z.coerce
    .number({ message: 'taskOwnerRequired' })
    .int()
    .positive('taskOwnerRequired')
    .max(MAX_ID, 'taskOwnerRequired'),
  dueOn: futureDate,
});

export const visitSchema = z.object({
  householdId: id,
  visitedOn: pastDate,
  visitors: requiredText(200),
  knows: z.array(z.enum(SIX_KNOWS)).default([]),
  notes: optionalText(4000),
  appeals: z.array(appealSchema).max(20, tooMany(20)).default([]),
});

export const taskStatusSchema = z
  .object({ taskId: id, status: z.enum(TASK_STATUSES), outcome: optionalText(1000) })
  .refine((v) => v.status !== 'done' || v.outcome.length > 0, { path: ['outcome'], message: 'outcomeRequired' });

export const symposiumSchema = z.object({
  heldOn: pastDate,
  place: requiredText(100),
  policies: optionalText(4000),
  householdIds: z.array(id).default([]),
  opinions: z.array(requiredText(1000)).max(50, tooMany(50)).default([]),
});

export const opinionTaskSchema = z.object({ opinionId: id, ownerId: appealSchema.shape.ownerId, dueOn: futureDate });
