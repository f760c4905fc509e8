import type { Column } from '@/lib/exports/columns';
import type { StopReason, SurvivorStatus } from './rules';

/** One survivor as the list leaves the portal (the yearly subsidy list): no phone, no bank card. */
export interface SurvivorExportRow {
  name: string;
  relation: string;
  birthDate: string;
  deceasedName: string;
  unitName: string;
  monthlyAllowanceFen: number;
  status: SurvivorStatus;
  stopReason: StopReason | null;
  lastCheckYear: number | null;
}

export const SURVIVOR_COLUMNS: Column<SurvivorExportRow>[] = [
  { key: 'name', kind: 'text', width: 10, value: (r) => r.name },
  { key: 'relation', kind: 'text', width: 8, value: (r, t) => t(`register.relations.${r.relation}`) },
  { key: 'birthDate', kind: 'date', width: 12, value: (r) => r.birthDate },
  { key: 'deceased', kind: 'text', width: 10, value: (r) => r.deceasedName },
  { key: 'unit', kind: 'text', width: 16, value: (r) => r.unitName },
  { key: 'allowance', kind: 'money', width: 12, value: (r) => r.monthlyAllowanceFen },
  { key: 'status', kind: 'text', width: 8, value: (r, t) => t(`survivors.statuses.${r.status}`) },
  {
    key: 'stopReason',
    kind: 'text',
    width: 12,
    value: (r, t) => (r.stopReason ? t(`survivors.stopReasons.${r.stopReason}`) : ''),
  },
  { key: 'lastCheck', kind: 'int', width: 8, value: (r) => r.lastCheckYear },
];
