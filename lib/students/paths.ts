/** Where each screen of the Dream Come True fund lives, so links never spell a route by hand. */
export const studentPaths = {
  list: '/students',
  register: '/students/new',
  edit: (id: number) => `/students/${id}`,
  apply: (studentId?: number) => (studentId ? `/students/apply?student=${studentId}` : '/students/apply'),
  editApplication: (caseId: number) => `/students/apply/${caseId}`,
  awards: '/students/awards',
  standards: '/students/standards',
  report: '/students/report',
  reportXlsx: '/api/students/report',
} as const;
