import type { Capability } from './permissions';

/** The kinds of work the menu is grouped by (lib/nav-menu.ts), in the menu's order. */
export const NAV_GROUPS = ['dashboard', 'cases', 'register', 'programmes', 'reports', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** The main menu: which sections each role sees. Pages check the same capability again themselves. */
export const NAV: { href: string; key: string; group: NavGroup; can: Capability }[] = [
  { href: '/dashboard', key: 'dashboard', group: 'dashboard', can: 'dashboard.view' },
  { href: '/cases', key: 'cases', group: 'cases', can: 'cases.view' },
  { href: '/cases/queue', key: 'queue', group: 'cases', can: 'cases.queue' },
  { href: '/payments', key: 'payments', group: 'cases', can: 'payments.view' },
  { href: '/publicity', key: 'publicity', group: 'cases', can: 'publicity.view' },
  { href: '/students', key: 'students', group: 'programmes', can: 'students.view' },
  { href: '/students/report', key: 'fundReport', group: 'reports', can: 'students.report' },
  { href: '/reports', key: 'reports', group: 'reports', can: 'reports.view' },
  { href: '/mutual-aid', key: 'mutual', group: 'programmes', can: 'mutual.view' },
  { href: '/mutual-aid/funds', key: 'mutualFunds', group: 'reports', can: 'mutual.funds' },
  { href: '/campaigns', key: 'campaigns', group: 'programmes', can: 'campaigns.view' },
  { href: '/premiums', key: 'premiums', group: 'programmes', can: 'premiums.view' },
  { href: '/employment', key: 'employment', group: 'programmes', can: 'employment.view' },
  { href: '/survivors', key: 'survivors', group: 'programmes', can: 'care.view' },
  // Visits to lone elderly people are kept like the register's home visits.
  { href: '/elders', key: 'elders', group: 'register', can: 'care.view' },
  { href: '/households', key: 'households', group: 'register', can: 'register.view' },
  { href: '/tasks', key: 'tasks', group: 'register', can: 'register.view' },
  { href: '/symposiums', key: 'symposiums', group: 'register', can: 'symposiums.manage' },
  { href: '/households/pairings', key: 'pairings', group: 'register', can: 'register.pairings' },
  { href: '/aid-admin/standards', key: 'standards', group: 'cases', can: 'aid.standards' },
  { href: '/aid-admin/budgets', key: 'budgets', group: 'cases', can: 'aid.budgets' },
  { href: '/workers', key: 'workers', group: 'register', can: 'workers.view' },
  { href: '/admin/units', key: 'units', group: 'admin', can: 'admin.read' },
  { href: '/admin/users', key: 'users', group: 'admin', can: 'admin.read' },
  { href: '/admin/audit', key: 'audit', group: 'admin', can: 'admin.read' },
];
