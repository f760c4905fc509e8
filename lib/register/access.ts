import type { Role } from '@/lib/roles';

/** Who keeps the register: officials and leaders (administrators run accounts, not files). */
export const REGISTER_ROLES = ['sub_branch_official', 'branch_official', 'leader'] as const satisfies readonly Role[];
/** Who may record a visit or move a task: the keepers, and any account serving as a household's helper. */
export const CARE_ROLES = [
  'worker',
  'sub_branch_official',
  'branch_official',
  'leader',
] as const satisfies readonly Role[];
