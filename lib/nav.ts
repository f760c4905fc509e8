import type { Capability } from './permissions';

/** The main menu: which sections each role sees. Pages check the same capability again themselves. */
export const NAV: { href: string; key: string; can: Capability }[] = [
  { href: '/dashboard', key: 'dashboard', can: 'dashboard.view' },
  { href: '/cases', key: 'cases', can: 'cases.view' },
  { href: '/cases/queue', key: 'queue', can: 'cases.queue' },
  { href: '/payments', key: 'payments', can: 'payments.view' },
  { href: '/publicity', key: 'publicity', can: 'publicity.view' },
  { href: '/students', key: 'students', can: 'students.view' },
  { href: '/students/report', key: 'fundReport', can: 'students.report' },
  { href: '/reports', key: 'reports', can: 'reports.view' },
  { href: '/campaigns', key: 'campaigns', can: 'campaigns.view' },
  { href: '/households', key: 'households', can: 'register.view' },
  { href: '/tasks', key: 'tasks', can: 'register.view' },
  { href: '/symposiums', key: 'symposiums', can: 'symposiums.manage' },
  { href: '/households/pairings', key: 'pairings', can: 'register.pairings' },
  { href: '/aid-admin/standards', key: 'standards', can: 'aid.standards' },
  { href: '/aid-admin/budgets', key: 'budgets', can: 'aid.budgets' },
  { href: '/workers', key: 'workers', can: 'workers.view' },
  { href: '/admin/units', key: 'units', can: 'admin.read' },
  { href: '/admin/users', key: 'users', can: 'admin.read' },
  { href: '/admin/audit', key: 'audit', can: 'admin.read' },
];
