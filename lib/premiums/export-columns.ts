import type { Column } from '@/lib/exports/columns';

/** One person of the list for the social insurance office: ID number already masked or not for the role. */
export interface PremiumExportRow {
  seq: number;
  name: string;
  idNumber: string;
  relation: string;
  workerName: string;
  unitName: string;
  amountFen: number;
}

/** The office's plain list: number, name, ID number, amount; then who they belong to. */
export const PREMIUM_COLUMNS: Column<PremiumExportRow>[] = [
  { key: 'seq', kind: 'int', width: 6, value: (r) => r.seq },
  { key: 'name', kind: 'text', width: 10, value: (r) => r.name },
  { key: 'idNumber', kind: 'text', width: 20, value: (r) => r.idNumber },
  { key: 'amount', kind: 'money', width: 12, value: (r) => r.amountFen },
  { key: 'relation', kind: 'text', width: 8, value: (r, t) => t(`register.relations.${r.relation}`) },
  { key: 'worker', kind: 'text', width: 10, value: (r) => r.workerName },
  { key: 'unit', kind: 'text', width: 16, value: (r) => r.unitName },
];
