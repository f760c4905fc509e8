/** Where each mutual-aid screen lives, so links never spell a route by hand. */
export const mutualPaths = {
  home: '/mutual-aid',
  schemes: '/mutual-aid/schemes',
  newScheme: '/mutual-aid/schemes/new',
  newVersion: (schemeId: number) => `/mutual-aid/schemes/${schemeId}/version`,
  enrolments: (schemeId: number, year: number) => `/mutual-aid/enrolments?scheme=${schemeId}&year=${year}`,
  enrolmentsBase: '/mutual-aid/enrolments',
  enrolmentImport: (schemeId: number, year: number) => `/imports/enrolments?scheme=${schemeId}&year=${year}`,
  enrolmentExport: (schemeId: number, year: number, format: 'csv' | 'xlsx') =>
    `/api/mutual-aid/enrolments?scheme=${schemeId}&year=${year}&format=${format}`,
  newClaim: (enrolmentId: number) => `/mutual-aid/claims/new?enrolment=${enrolmentId}`,
  claim: (caseId: number) => `/mutual-aid/claims/${caseId}`,
  claims: '/mutual-aid/claims',
  claimsOf: (schemeId: number, year: number) => `/mutual-aid/claims?scheme=${schemeId}&year=${year}`,
  /** The claims file of a scheme-year; `paid` for the payouts only. */
  claimExport: (schemeId: number, year: number, format: 'csv' | 'xlsx', paid = false) =>
    `/api/mutual-aid/claims?scheme=${schemeId}&year=${year}&format=${format}${paid ? '&paid=1' : ''}`,
  funds: '/mutual-aid/funds',
} as const;
