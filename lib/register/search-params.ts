import { z } from 'zod';
import { CATEGORIES } from '@/db/schema/register';
import { pageParam, optionalIdParam } from '@/lib/validation/common';
import { cursorParams } from '@/lib/search-params';

/**
 * URL filters of the register's lists, read leniently like lib/search-params.ts: a bad value is
 * ignored (or falls back to the default) rather than an error page.
 */
const text = z.string().trim().max(50).optional().catch(undefined);

export const HOUSEHOLD_SORTS = ['worker', 'category', 'reviewDue', 'filedOn', 'unit'] as const;

export const householdParams = z.object({
  q: text,
  unitId: optionalIdParam,
  category: z.enum(CATEGORIES).optional().catch(undefined),
  status: z.enum(['active', 'exited']).optional().catch(undefined),
  review: z.enum(['overdue', 'due30']).optional().catch(undefined),
  missingHelper: z.literal('1').optional().catch(undefined),
  visited: z.enum(['yes', 'no']).optional().catch(undefined),
  sort: z.enum(HOUSEHOLD_SORTS).catch('worker'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: pageParam,
});

export const TASK_VIEWS = ['mine', 'overdue', 'open', 'all'] as const;
export const taskParams = z.object({ view: z.enum(TASK_VIEWS).catch('open') }).extend(cursorParams.shape);

export const pageOnlyParams = z.object({ page: pageParam });

/** The filing page's worker search box. */
export const workerSearchParams = z.object({ q: z.string().trim().max(50).catch('').default('') });
