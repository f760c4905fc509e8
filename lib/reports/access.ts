import type { Role } from '@/lib/roles';

/** Who reads the three-year report: officials for their unit and below, leaders for any unit. */
export const REPORTS_ROLES = ['sub_branch_official', 'branch_official', 'leader'] as const satisfies readonly Role[];
