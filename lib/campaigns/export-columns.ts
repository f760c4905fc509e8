import type { Column } from '@/lib/exports/columns';
import type { EntryState, HandoverMethod, PersonKind } from './rules';

/**
 * One line of a campaign's list as it leaves the portal: no identifiers beyond the employee number
 * (a survivor or lone elderly person has none: their line gives whom they survive or who they are).
 */
export interface CampaignExportRow {
  employeeNo: string;
  workerName: string;
  unitName: string;
  category: string;
  /** A survivor's or lone elderly person's line: the kind, shown in place of the category. */
  person?: PersonKind;
  cashFen: number;
  items: string;
  state: EntryState;
  reason: string;
  handedOverOn: string | null;
  handedOverBy: string | null;
  receivedBy: string | null;
  method: HandoverMethod | null;
  reference: string | null;
}

/** The campaign list's columns, in the ledgers' format (lib/exports), headers under exports.columns. */
export const CAMPAIGN_COLUMNS: Column<CampaignExportRow>[] = [
  { key: 'employeeNo', kind: 'text', width: 10, value: (r) => r.employeeNo },
  { key: 'name', kind: 'text', width: 10, value: (r) => r.workerName },
  { key: 'unit', kind: 'text', width: 16, value: (r) => r.unitName },
  {
    key: 'category',
    kind: 'text',
    width: 12,
    value: (r, t) => (r.person ? t(`campaigns.personKinds.${r.person}`) : t(`register.categories.${r.category}`)),
  },
  { key: 'amount', kind: 'money', width: 12, value: (r) => r.cashFen },
  { key: 'campaignItems', kind: 'text', width: 20, value: (r) => r.items },
  { key: 'state', kind: 'text', width: 10, value: (r, t) => t(`campaigns.entryStates.${r.state}`) },
  { key: 'campaignReason', kind: 'text', width: 20, value: (r) => r.reason },
  { key: 'handedOverOn', kind: 'date', width: 12, value: (r) => r.handedOverOn },
  { key: 'method', kind: 'text', width: 10, value: (r, t) => (r.method ? t(`campaigns.methods.${r.method}`) : '') },
  { key: 'handedOverBy', kind: 'text', width: 10, value: (r) => r.handedOverBy ?? '' },
  { key: 'receivedBy', kind: 'text', width: 10, value: (r) => r.receivedBy ?? '' },
  { key: 'reference', kind: 'text', width: 16, value: (r) => r.reference ?? '' },
];
