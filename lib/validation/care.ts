import { z } from 'zod';
import { RELATIONS } from '@/db/schema/register';
import { HELP_KINDS, STOP_REASONS } from '@/lib/care/rules';
import { id, optionalPhone, optionalText, pastDate, personName, required, requiredText, yuanToFen } from './common';

const optionalDate = z.union([z.literal('').transform(() => null), pastDate]);
const bankCard = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .refine((s) => s === '' || /^\d{12,19}$/.test(s), 'bankCardFormat');
const checkbox = z.union([z.boolean(), z.enum(['true', 'false', 'on']).transform((v) => v !== 'false')]);

/** A survivor of a deceased worker (the worker's employee number links the account when there is one). */
export const survivorSchema = z.object({
  deceasedEmployeeNo: z.string().trim().toUpperCase().max(20, 'tooLong').default(''),
  deceasedName: personName,
  diedOn: optionalDate.prefault(''),
  name: personName,
  relation: z.enum(RELATIONS, { message: 'required' }),
  birthDate: pastDate,
  monthlyIncome: yuanToFen,
  monthlyAllowance: yuanToFen,
  livesAlone: checkbox.default(false),
  phone: optionalPhone.prefault(''),
  address: optionalText(200),
  bankCard: bankCard.prefault(''),
});

/** The yearly check: alive, still eligible, and the subsidy handed over with it. */
export const survivorCheckSchema = z.object({
  survivorId: id,
  year: z.coerce
    .number({ message: 'yearInvalid' })
    .int('yearInvalid')
    .min(2000, 'yearInvalid')
    .max(2100, 'yearInvalid'),
  checkedOn: pastDate,
  alive: checkbox,
  eligible: checkbox,
  subsidy: yuanToFen,
  note: optionalText(300),
});

/** The allowance stops, with the reason. */
export const stopAllowanceSchema = z.object({
  survivorId: id,
  version: id,
  stoppedOn: pastDate,
  reason: z.enum(STOP_REASONS, { message: 'required' }),
  note: optionalText(300),
});

export const elderSchema = z.object({
  unitId: id,
  name: personName,
  birthDate: pastDate,
  address: required(200),
  phone: optionalPhone.prefault(''),
  background: optionalText(200),
  visitEveryDays: z.coerce
    .number({ message: 'visitEveryDays' })
    .int('visitEveryDays')
    .min(1, 'visitEveryDays')
    .max(366, 'visitEveryDays'),
});

export const elderVisitSchema = z.object({
  elderId: id,
  visitedOn: pastDate,
  visitors: required(100),
  notes: optionalText(1000),
});

export const elderHelpSchema = z.object({
  elderId: id,
  kind: z.enum(HELP_KINDS, { message: 'required' }),
  on: pastDate,
  description: requiredText(500),
  advanced: yuanToFen,
  advancedBy: optionalText(60),
});

/** Settling an advance: on a day, for at most what was advanced (the action checks). */
export const settleAdvanceSchema = z.object({
  helpId: id,
  settledOn: pastDate,
  settled: yuanToFen,
  note: optionalText(300),
});
