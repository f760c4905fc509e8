/** Where each case screen lives, so links never spell a route by hand. */
export const casePaths = {
  list: '/cases',
  queue: '/cases/queue',
  apply: '/cases/new',
  view: (id: number) => `/cases/${id}`,
  /** The case after the viewer's decision lost a race: the page says who decided first. */
  decidedMeanwhile: (id: number) => `/cases/${id}?decided=elsewhere`,
  edit: (id: number) => `/cases/${id}/edit`,
  print: (id: number) => `/cases/${id}/print`,
  document: (caseId: number, documentId: number) => `/api/cases/${caseId}/documents/${documentId}`,
  publicity: '/publicity',
  notifications: '/notifications',
  standards: '/aid-admin/standards',
  budgets: '/aid-admin/budgets',
} as const;
