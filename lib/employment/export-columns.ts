import type { Column } from '@/lib/exports/columns';
import type { EmploymentKind, Outcome } from './rules';

/** One file as it leaves the portal (to the education bureau, the report): no identifiers beyond the employee number. */
export interface EmploymentExportRow {
  name: string;
  kind: EmploymentKind;
  employeeNo: string;
  workerName: string;
  unitName: string;
  school: string;
  major: string;
  graduationYear: number | null;
  outcome: Outcome;
  placedOn: string | null;
  employer: string | null;
  exitLinked: boolean;
}

export const EMPLOYMENT_COLUMNS: Column<EmploymentExportRow>[] = [
  { key: 'name', kind: 'text', width: 10, value: (r) => r.name },
  { key: 'employmentKind', kind: 'text', width: 12, value: (r, t) => t(`employment.kinds.${r.kind}`) },
  { key: 'employeeNo', kind: 'text', width: 10, value: (r) => r.employeeNo },
  { key: 'worker', kind: 'text', width: 10, value: (r) => r.workerName },
  { key: 'unit', kind: 'text', width: 16, value: (r) => r.unitName },
  { key: 'school', kind: 'text', width: 20, value: (r) => r.school },
  { key: 'major', kind: 'text', width: 16, value: (r) => r.major },
  { key: 'graduationYear', kind: 'int', width: 8, value: (r) => r.graduationYear },
  { key: 'outcome', kind: 'text', width: 12, value: (r, t) => t(`employment.outcomes.${r.outcome}`) },
  { key: 'placedOn', kind: 'date', width: 12, value: (r) => r.placedOn },
  { key: 'employer', kind: 'text', width: 20, value: (r) => r.employer ?? '' },
  {
    key: 'exitLinked',
    kind: 'text',
    width: 8,
    value: (r, t) => (r.exitLinked ? t('employment.exitLinkedShort') : ''),
  },
];
