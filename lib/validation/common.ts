import { z } from 'zod';
import { isIsoDate, todayInChina } from '@/lib/dates';
import { idNumberError, normalizeIdNumber } from '@/lib/id-number';
import { readYuan } from '@/lib/money';
import { tooLong } from './messages';

/**
 * Error messages are keys of the `errors` catalog, so the browser and the server show the same
 * translated text for the same rule.
 */
export const required = (max = 100) => z.string().trim().min(1, 'required').max(max, tooLong(max));

/** Why someone opens a full ID number or phone: required, recorded in the audit log with the view. */
export const revealReason = required(200);

export const employeeNo = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{4,8}$/, 'employeeNoFormat');

export const personName = z.string().trim().min(1, 'required').max(30, tooLong(30));

export const idNumber = z
  .string()
  .transform(normalizeIdNumber)
  .superRefine((value, ctx) => {
    const problem = idNumberError(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `idNumber.${problem}` });
  });

export const optionalIdNumber = z.union([z.literal('').transform(() => null), idNumber]);

export const phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, 'phoneFormat');

export const optionalPhone = z.union([z.literal('').transform(() => null), phone]);

/** At least 8 characters with a letter and a digit: the minimum the union's IT policy asks. */
export const newPassword = z
  .string()
  .min(8, 'passwordTooShort')
  .max(128, tooLong(128))
  .regex(/[A-Za-z]/, 'passwordWeak')
  .regex(/\d/, 'passwordWeak');

/**
 * Every table's key is a PostgreSQL `integer` (serial): past 2^31 − 1 a lookup does not find
 * nothing, it fails ("out of range for type integer"). So every id that comes from outside — a
 * route segment, a query parameter, a form field — is read by one of the three readers below,
 * which answer "not an id" (a 404, an ignored filter, a field error) for anything a key cannot be.
 */
export const MAX_ID = 2_147_483_647;

export const id = z.coerce.number().int('invalid').positive('invalid').max(MAX_ID, 'invalid');

/** An id from a URL segment, or null when the text cannot be one of our keys. */
export function parseId(raw: string | undefined | null): number | null {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= MAX_ID ? n : null;
}

/** An optional id filter from a URL (`?unitId=`): anything that cannot be a key is no filter. */
export const optionalIdParam = z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined);

/** `?page=` from a URL: a positive integer, anything else is page 1. */
export const pageParam = z.coerce.number().int().min(1).catch(1);

/**
 * A yuan amount typed by a person ("1,234.50") → integer fen, never through floating point; a
 * wrong one gets the message for what is wrong with it. `yuanToFen` allows zero and reads an empty
 * field as zero (incomes); `nonNegativeYuan` allows zero but not an empty field (budgets); `positiveYuan` needs more than zero; `optionalPositiveYuan` reads an
 * empty field as "none" (the approver keeping the computed amount).
 */
const yuan = ({ allowZero, emptyIsZero = false }: { allowZero: boolean; emptyIsZero?: boolean }) =>
  z
    .string()
    .trim()
    .transform((text, ctx) => {
      const read = readYuan(text === '' && emptyIsZero ? '0' : text, { allowZero });
      if (!read.ok) {
        ctx.addIssue({ code: 'custom', message: read.problem });
        return z.NEVER;
      }
      return read.fen;
    });

export const yuanToFen = yuan({ allowZero: true, emptyIsZero: true });
export const nonNegativeYuan = yuan({ allowZero: true });
export const positiveYuan = yuan({ allowZero: false });
export const optionalPositiveYuan = z
  .string()
  .trim()
  .optional()
  .transform((text, ctx) => {
    if (!text) return undefined;
    const read = readYuan(text);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.problem });
      return z.NEVER;
    }
    return read.fen;
  });

export const isoDate = z.string().trim().refine(isIsoDate, 'dateFormat');

/** A date that has already happened (China time): visits, births, exits. */
export const pastDate = isoDate.refine((d) => d <= todayInChina(), 'dateInFuture');

/** A deadline: today or later (China time). */
export const futureDate = isoDate.refine((d) => d >= todayInChina(), 'dueInPast');

export const requiredText = (max = 500) => z.string().trim().min(1, 'required').max(max, tooLong(max));
export const optionalText = (max = 2000) => z.string().trim().max(max, tooLong(max)).default('');
