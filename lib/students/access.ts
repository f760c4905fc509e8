import type { Role } from '@/lib/roles';

/** Who uses the fund's pages: workers for their own children, officials and leaders for their scope. */
export const STUDENT_ROLES = [
  'worker',
  'sub_branch_official',
  'branch_official',
  'leader',
] as const satisfies readonly Role[];
/** Who nominates outstanding aided students (branch officials) and who awards them (leaders). */
export const AWARD_ROLES = ['branch_official', 'leader'] as const satisfies readonly Role[];
/** Who reads the fund's report: branch officials for their branch, leaders for the mine. */
export const REPORT_ROLES = ['branch_official', 'leader'] as const satisfies readonly Role[];
