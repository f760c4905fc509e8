import { z } from 'zod';
import { id, idNumber, pastDate, positiveYuan, required, requiredText } from './common';

const year = z.coerce
  .number({ message: 'yearInvalid' })
  .int('yearInvalid')
  .min(2000, 'yearInvalid')
  .max(2100, 'yearInvalid');

/** A leader opens the year's batch at the year's per-person rate, with its budget. */
export const openBatchSchema = z.object({ year, rate: positiveYuan, budget: positiveYuan });

/** An official adds a family member of a household in scope, by the worker's employee number and the member's name. */
export const addPremiumEntrySchema = z.object({
  batchId: id,
  employeeNo: z.string().trim().toUpperCase().min(1, 'required'),
  memberName: required(30),
  reason: requiredText(300),
});

export const premiumEntryChangeSchema = z.object({
  entryId: id,
  version: id,
  change: z.enum(['remove', 'restore']),
  reason: requiredText(300),
});

/** The ID number the social insurance office needs, typed by an official for one person. */
export const premiumIdNumberSchema = z.object({ entryId: id, version: id, idNumber });

export const premiumPartSchema = z.object({ batchId: id, unitId: id });
export const approveBatchSchema = z.object({ batchId: id, version: id });
export const payBatchSchema = z.object({ batchId: id, version: id, paidOn: pastDate, reference: required(60) });
