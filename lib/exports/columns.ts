// The case screens' own formatting (framework-free), so a file numbers and names cases as they do.
import { caseNumber, kindKey } from '@/lib/cases/format';
import type { AidKind } from '@/lib/aid/standards';
import type { Fen } from '@/lib/money';
import { perHeadIncomeFen } from '@/lib/register/rules';
import type { CaseKind, CaseState } from '@/lib/workflow/case-workflow';
import type { Ledger } from './ledgers';

/**
 * Each ledger's columns: a header key (exports.columns.<key>), how a cell is typed, and its value
 * from a row. Rows arrive already masked (db/queries/exports.ts); the writers format the types —
 * money is fen here and yuan with two decimals in the file, dates are YYYY-MM-DD.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type CellKind = 'text' | 'int' | 'money' | 'date';
export type CellValue = string | number | null;

export interface Column<R> {
  key: string;
  kind: CellKind;
  /** Width in characters in the spreadsheet. */
  width: number;
  value: (row: R, t: Translate) => CellValue;
}

export interface RegisterExportRow {
  employeeNo: string;
  workerName: string;
  idNumber: string;
  unitName: string;
  category: string;
  keepingLevel: string;
  status: 'active' | 'exited';
  causes: string[];
  monthlyIncomeFen: Fen;
  memberCount: number;
  phone: string;
  filedOn: string;
  reviewDue: string;
  exitedOn: string | null;
  helperCount: number;
  lastVisit: string | null;
}

export interface CaseExportRow {
  id: number;
  kind: CaseKind;
  aidKind: AidKind | null;
  state: CaseState;
  employeeNo: string;
  applicantName: string;
  idNumber: string;
  unitName: string;
  amountFen: Fen | null;
  appliedOn: string | null;
  paidOn: string | null;
  updatedOn: string;
}

export interface PaymentExportRow {
  caseId: number;
  kind: CaseKind;
  aidKind: AidKind | null;
  employeeNo: string;
  applicantName: string;
  idNumber: string;
  unitName: string;
  amountFen: Fen;
  paidOn: string;
  method: 'bank_transfer' | 'cash';
  reference: string;
  recordedByName: string;
}

export interface LedgerRows {
  register: RegisterExportRow;
  cases: CaseExportRow;
  payments: PaymentExportRow;
}

/** What a case is about, as the case screens name it. */
const kindLabel = (r: { kind: CaseKind; aidKind: AidKind | null }, t: Translate) => t(kindKey(r));

const col = <R>(key: string, kind: CellKind, width: number, value: Column<R>['value']): Column<R> => ({
  key,
  kind,
  width,
  value,
});

/** The people columns every ledger starts with. */
function person<R extends { employeeNo: string; idNumber: string; unitName: string }>(
  name: (r: R) => string,
): Column<R>[] {
  return [
    col('employeeNo', 'text', 10, (r) => r.employeeNo),
    col('name', 'text', 10, name),
    col('idNumber', 'text', 20, (r) => r.idNumber),
    col('unit', 'text', 16, (r) => r.unitName),
  ];
}

const REGISTER: Column<RegisterExportRow>[] = [
  ...person<RegisterExportRow>((r) => r.workerName),
  col('category', 'text', 12, (r, t) => t(`register.categories.${r.category}`)),
  col('keepingLevel', 'text', 10, (r, t) => t(`register.levels.${r.keepingLevel}`)),
  col('status', 'text', 10, (r, t) => t(`register.statuses.${r.status}`)),
  col('causes', 'text', 14, (r, t) => r.causes.map((c) => t(`register.causes.${c}`)).join(t('exports.listSeparator'))),
  col('monthlyIncome', 'money', 12, (r) => r.monthlyIncomeFen),
  col('familySize', 'int', 8, (r) => r.memberCount + 1),
  col('perHeadIncome', 'money', 12, (r) => perHeadIncomeFen(r.monthlyIncomeFen, r.memberCount)),
  col('phone', 'text', 14, (r) => r.phone),
  col('filedOn', 'date', 12, (r) => r.filedOn),
  col('reviewDue', 'date', 12, (r) => (r.status === 'active' ? r.reviewDue : null)),
  col('exitedOn', 'date', 12, (r) => r.exitedOn),
  col('helpers', 'int', 8, (r) => r.helperCount),
  col('lastVisit', 'date', 12, (r) => r.lastVisit),
];

const CASES: Column<CaseExportRow>[] = [
  col('caseNumber', 'text', 10, (r) => caseNumber(r.id)),
  ...person<CaseExportRow>((r) => r.applicantName),
  col('kind', 'text', 16, kindLabel),
  col('state', 'text', 12, (r, t) => t(`aid.states.${r.state}`)),
  col('amount', 'money', 12, (r) => r.amountFen),
  col('appliedOn', 'date', 12, (r) => r.appliedOn),
  col('paidOn', 'date', 12, (r) => r.paidOn),
  col('updatedOn', 'date', 12, (r) => r.updatedOn),
];

const PAYMENTS: Column<PaymentExportRow>[] = [
  col('paidOn', 'date', 12, (r) => r.paidOn),
  col('caseNumber', 'text', 10, (r) => caseNumber(r.caseId)),
  ...person<PaymentExportRow>((r) => r.applicantName),
  col('kind', 'text', 16, kindLabel),
  col('amount', 'money', 12, (r) => r.amountFen),
  col('method', 'text', 10, (r, t) => t(`aid.methods.${r.method}`)),
  col('reference', 'text', 18, (r) => r.reference),
  col('recordedBy', 'text', 10, (r) => r.recordedByName),
];

export const LEDGER_COLUMNS: { [L in Ledger]: Column<LedgerRows[L]>[] } = {
  register: REGISTER,
  cases: CASES,
  payments: PAYMENTS,
};

export const headersOf = (columns: readonly Column<never>[], t: Translate) =>
  columns.map((c) => t(`exports.columns.${c.key}`));
