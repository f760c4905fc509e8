import type { Role } from './roles';

/** The main menu: which sections each role sees. Pages check the same roles again themselves. */
export const NAV: { href: string; key: string; roles: readonly Role[] }[] = [
  { href: '/dashboard', key: 'dashboard', roles: ['worker', 'sub_branch_official', 'branch_official', 'leader', 'admin'] },
  { href: '/workers', key: 'workers', roles: ['sub_branch_official', 'branch_official', 'leader', 'admin'] },
  { href: '/admin/units', key: 'units', roles: ['leader', 'admin'] },
  { href: '/admin/users', key: 'users', roles: ['leader', 'admin'] },
  { href: '/admin/audit', key: 'audit', roles: ['leader', 'admin'] },
];

export const WORKER_DIRECTORY_ROLES = NAV[1].roles;
export const ADMIN_READ_ROLES = NAV[2].roles;
