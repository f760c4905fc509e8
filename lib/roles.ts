import type { Role } from '@/db/schema/users';

export type { Role };
export { ROLES } from '@/db/schema/users';

export const OFFICIAL_ROLES = ['sub_branch_official', 'branch_official'] as const satisfies readonly Role[];
export const MINE_WIDE_ROLES = ['leader', 'admin'] as const satisfies readonly Role[];
export const STAFF_ROLES = [...OFFICIAL_ROLES, ...MINE_WIDE_ROLES] as const satisfies readonly Role[];

/** Which unit level each role's account must belong to. */
export const ROLE_UNIT_LEVEL: Record<Role, readonly ('mine' | 'branch' | 'sub_branch')[]> = {
  worker: ['sub_branch'],
  sub_branch_official: ['sub_branch'],
  branch_official: ['branch'],
  leader: ['mine'],
  admin: ['mine'],
};
