import { z } from 'zod';
import { optionalIdParam } from '@/lib/validation/common';
import { STAGES } from './stages';

/** URL filters of the fund's pages, read leniently: a bad value is ignored rather than an error page. */
const text = z.string().trim().max(50).optional().catch(undefined);

const optionalYear = z.coerce.number().int().min(1990).max(2100).optional().catch(undefined);

export const studentParams = z.object({
  q: text,
  stage: z.enum(STAGES).optional().catch(undefined),
  unitId: optionalIdParam,
});

/** The application page: which student was chosen (checked before the form is shown). */
export const applyParams = z.object({ student: optionalIdParam });

export const awardParams = z.object({ year: optionalYear, q: text });

/** The report: one school year, or a span of them (from ≤ to). */
export const reportParams = z.object({ from: optionalYear, to: optionalYear });
