import { z } from 'zod';
import { EMPLOYMENT_KINDS, FOLLOW_UP_KINDS, PLACEMENTS } from '@/lib/employment/rules';
import { id, optionalText, pastDate, personName, required, requiredText } from './common';

const optionalYear = z.union([
  z.literal('').transform(() => null),
  z.coerce.number({ message: 'yearInvalid' }).int('yearInvalid').min(2000, 'yearInvalid').max(2100, 'yearInvalid'),
]);

/**
 * A new file: from a suggested student (`studentId`), or by hand for a worker's family member or
 * a survivor (the worker's employee number and the person's name).
 */
export const openStudentFileSchema = z.object({ from: z.literal('student'), studentId: id, wishes: optionalText(500) });

export const openPersonFileSchema = z.object({
  from: z.literal('person'),
  kind: z.enum(EMPLOYMENT_KINDS, { message: 'required' }),
  employeeNo: z.string().trim().toUpperCase().min(1, 'required'),
  name: personName,
  school: optionalText(100),
  major: optionalText(100),
  graduationYear: optionalYear.prefault(''),
  wishes: optionalText(500),
});

export const openFileSchema = z.discriminatedUnion('from', [openStudentFileSchema, openPersonFileSchema]);

export const followUpSchema = z.object({
  fileId: id,
  kind: z.enum(FOLLOW_UP_KINDS, { message: 'required' }),
  on: pastDate,
  note: requiredText(500),
  employer: optionalText(100),
});

/** The outcome: placed at the mine or elsewhere, on a date, with whom. */
export const placementSchema = z.object({
  fileId: id,
  version: id,
  outcome: z.enum(PLACEMENTS, { message: 'required' }),
  placedOn: pastDate,
  employer: required(100),
});

/** The household leaves hardship because of the placement (or its exit, already recorded, is linked). */
export const exitLinkSchema = z.object({ fileId: id, version: id });
