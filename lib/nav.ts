import { REPORTS_ROLES } from './reports/access';
import type { Role } from './roles';

/** The kinds of work the menu is grouped by (lib/nav-menu.ts), in the menu's order. */
export const NAV_GROUPS = ['dashboard', 'cases', 'register', 'students', 'reports', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** The main menu: which sections each role sees. Pages check the same roles again themselves. */
export const NAV: { href: string; key: string; group: NavGroup; roles: readonly Role[] }[] = [
  {
    href: '/dashboard',
    key: 'dashboard',
    group: 'dashboard',
    roles: ['worker', 'sub_branch_official', 'branch_official', 'leader', 'admin'],
  },
  {
    href: '/cases',
    key: 'cases',
    group: 'cases',
    roles: ['worker', 'sub_branch_official', 'branch_official', 'leader'],
  },
  { href: '/cases/queue', key: 'queue', group: 'cases', roles: ['sub_branch_official', 'branch_official', 'leader'] },
  { href: '/payments', key: 'payments', group: 'cases', roles: ['sub_branch_official', 'branch_official', 'leader'] },
  {
    href: '/publicity',
    key: 'publicity',
    group: 'cases',
    roles: ['worker', 'sub_branch_official', 'branch_official', 'leader', 'admin'],
  },
  {
    href: '/students',
    key: 'students',
    group: 'students',
    roles: ['worker', 'sub_branch_official', 'branch_official', 'leader'],
  },
  { href: '/students/report', key: 'fundReport', group: 'reports', roles: ['branch_official', 'leader'] },
  { href: '/reports', key: 'reports', group: 'reports', roles: REPORTS_ROLES },
  {
    href: '/households',
    key: 'households',
    group: 'register',
    roles: ['sub_branch_official', 'branch_official', 'leader'],
  },
  { href: '/tasks', key: 'tasks', group: 'register', roles: ['sub_branch_official', 'branch_official', 'leader'] },
  {
    href: '/symposiums',
    key: 'symposiums',
    group: 'register',
    roles: ['sub_branch_official', 'branch_official', 'leader'],
  },
  { href: '/households/pairings', key: 'pairings', group: 'register', roles: ['leader'] },
  { href: '/aid-admin/standards', key: 'standards', group: 'cases', roles: ['leader'] },
  { href: '/aid-admin/budgets', key: 'budgets', group: 'cases', roles: ['leader'] },
  {
    href: '/workers',
    key: 'workers',
    group: 'register',
    roles: ['sub_branch_official', 'branch_official', 'leader', 'admin'],
  },
  { href: '/admin/units', key: 'units', group: 'admin', roles: ['leader', 'admin'] },
  { href: '/admin/users', key: 'users', group: 'admin', roles: ['leader', 'admin'] },
  { href: '/admin/audit', key: 'audit', group: 'admin', roles: ['leader', 'admin'] },
];

const rolesOf = (href: string) => NAV.find((n) => n.href === href)!.roles;
export const WORKER_DIRECTORY_ROLES = rolesOf('/workers');
export const ADMIN_READ_ROLES = rolesOf('/admin/units');
