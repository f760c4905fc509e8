import { REPORTS_ROLES } from './reports/access';
import type { Role } from './roles';

/** The main menu: which sections each role sees. Pages check the same roles again themselves. */
export const NAV: { href: string; key: string; roles: readonly Role[] }[] = [
  {
    href: '/dashboard',
    key: 'dashboard',
    roles: ['worker', 'sub_branch_official', 'branch_official', 'leader', 'admin'],
  },
  { href: '/cases', key: 'cases', roles: ['worker', 'sub_branch_official', 'branch_official', 'leader'] },
  { href: '/cases/queue', key: 'queue', roles: ['sub_branch_official', 'branch_official', 'leader'] },
  { href: '/payments', key: 'payments', roles: ['sub_branch_official', 'branch_official', 'leader'] },
  {
    href: '/publicity',
    key: 'publicity',
    roles: ['worker', 'sub_branch_official', 'branch_official', 'leader', 'admin'],
  },
  { href: '/students', key: 'students', roles: ['worker', 'sub_branch_official', 'branch_official', 'leader'] },
  { href: '/students/report', key: 'fundReport', roles: ['branch_official', 'leader'] },
  { href: '/reports', key: 'reports', roles: REPORTS_ROLES },
  { href: '/households', key: 'households', roles: ['sub_branch_official', 'branch_official', 'leader'] },
  { href: '/tasks', key: 'tasks', roles: ['sub_branch_official', 'branch_official', 'leader'] },
  { href: '/symposiums', key: 'symposiums', roles: ['sub_branch_official', 'branch_official', 'leader'] },
  { href: '/households/pairings', key: 'pairings', roles: ['leader'] },
  { href: '/aid-admin/standards', key: 'standards', roles: ['leader'] },
  { href: '/aid-admin/budgets', key: 'budgets', roles: ['leader'] },
  { href: '/workers', key: 'workers', roles: ['sub_branch_official', 'branch_official', 'leader', 'admin'] },
  { href: '/admin/units', key: 'units', roles: ['leader', 'admin'] },
  { href: '/admin/users', key: 'users', roles: ['leader', 'admin'] },
  { href: '/admin/audit', key: 'audit', roles: ['leader', 'admin'] },
];

const rolesOf = (href: string) => NAV.find((n) => n.href === href)!.roles;
export const WORKER_DIRECTORY_ROLES = rolesOf('/workers');
export const ADMIN_READ_ROLES = rolesOf('/admin/units');
