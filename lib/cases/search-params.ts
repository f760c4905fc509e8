import { z } from 'zod';
import { AID_KINDS } from '@/lib/aid/standards';
import { pageParam, optionalIdParam } from '@/lib/validation/common';
import { CASE_STATES } from '@/lib/workflow/case-workflow';

/**
 * The case list's URL filters, read leniently: a bad value is ignored rather than an error page.
 * The list page and the cases ledger export (app/api/exports/[ledger]) read the same ones.
 */
export const caseListParams = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  state: z.enum(CASE_STATES).optional().catch(undefined),
  aidKind: z.enum(AID_KINDS).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  unitId: optionalIdParam,
  page: pageParam,
});
