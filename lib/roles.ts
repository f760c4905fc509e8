import type { Role } from '@/db/schema/users';

export type { Role };
export { ROLES } from '@/db/schema/users';

/** Which unit level each role's account must belong to. */
export const ROLE_UNIT_LEVEL: Record<Role, readonly ('mine' | 'branch' | 'sub_branch')[]> = {
  worker: ['sub_branch'],
  sub_branch_official: ['sub_branch'],
  branch_official: ['branch'],
  leader: ['mine'],
  admin: ['mine'],
};
