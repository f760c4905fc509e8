import { caseNumber } from '@/lib/cases/format';
import type { Column } from '@/lib/exports/columns';
import type { CaseState } from '@/lib/workflow/case-workflow';
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

/** One claim as it leaves the portal (the claims and payouts files): never the diagnosis. */
export interface ClaimExportRow {
  id: number;
  employeeNo: string;
  name: string;
  unitName: string;
  eventOn: string;
  hospital: string;
  state: CaseState;
  payoutFen: number;
  paidOn: string | null;
  paidFen: number | null;
  method: 'bank_transfer' | 'cash' | null;
  reference: string | null;
}

export const CLAIM_COLUMNS: Column<ClaimExportRow>[] = [
  { key: 'caseNumber', kind: 'text', width: 12, value: (r) => caseNumber(r.id) },
  { key: 'employeeNo', kind: 'text', width: 10, value: (r) => r.employeeNo },
  { key: 'name', kind: 'text', width: 10, value: (r) => r.name },
  { key: 'unit', kind: 'text', width: 16, value: (r) => r.unitName },
  { key: 'mutualEventOn', kind: 'date', width: 12, value: (r) => r.eventOn },
  { key: 'mutualHospital', kind: 'text', width: 16, value: (r) => r.hospital },
  { key: 'state', kind: 'text', width: 10, value: (r, t) => t(`aid.states.${r.state}`) },
  { key: 'mutualPayout', kind: 'money', width: 12, value: (r) => r.payoutFen },
  { key: 'paidOn', kind: 'date', width: 12, value: (r) => r.paidOn },
  { key: 'amount', kind: 'money', width: 12, value: (r) => r.paidFen },
  { key: 'method', kind: 'text', width: 10, value: (r, t) => (r.method ? t(`aid.methods.${r.method}`) : '') },
  { key: 'reference', kind: 'text', width: 16, value: (r) => r.reference ?? '' },
];
