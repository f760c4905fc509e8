import type { Column } from '@/lib/exports/columns';
import type { ContributionStatus, EnrolmentState } from './rules';

/** One member of an enrolment list as it leaves the portal (for payroll deduction): no ID numbers. */
export interface EnrolmentExportRow {
  employeeNo: string;
  name: string;
  unitName: string;
  shares: number;
  state: EnrolmentState;
  coverFrom: string;
  contributionFen: number;
  contributionStatus: ContributionStatus;
}

/** The enrolment list's columns, in the ledgers' format (lib/exports), headers under exports.columns. */
export const ENROLMENT_COLUMNS: Column<EnrolmentExportRow>[] = [
  { key: 'employeeNo', kind: 'text', width: 10, value: (r) => r.employeeNo },
  { key: 'name', kind: 'text', width: 10, value: (r) => r.name },
  { key: 'unit', kind: 'text', width: 16, value: (r) => r.unitName },
  { key: 'mutualShares', kind: 'int', width: 6, value: (r) => r.shares },
  { key: 'mutualState', kind: 'text', width: 10, value: (r, t) => t(`mutual.enrolmentStates.${r.state}`) },
  { key: 'mutualCoverFrom', kind: 'date', width: 12, value: (r) => r.coverFrom },
  { key: 'mutualContribution', kind: 'money', width: 12, value: (r) => r.contributionFen },
  {
    key: 'mutualContributionStatus',
    kind: 'text',
    width: 12,
    value: (r, t) => t(`mutual.contributionStatuses.${r.contributionStatus}`),
  },
];
