/**
 * Every action the audit log records, and how its page groups them. The "kind of change" filter
 * matches action prefixes; each action has a sentence in both languages (audit.sentences.*), which
 * tests/unit/audit-kinds.test.ts checks against the actions the code writes.
 */
export const AUDIT_ACTIONS = [
  'account.changePassword',
  'user.create',
  'user.update',
  'user.enable',
  'user.disable',
  'user.resetPassword',
  'unit.create',
  'unit.rename',
  'unit.move',
  'person.updateContact',
  'person.revealIdentifiers',
  'household.file',
  'household.update',
  'household.changeCategory',
  'household.review',
  'household.exit',
  'household.refile',
  'household.assignHelper',
  'household.recordVisit',
  'household.readPhone',
  'task.updateStatus',
  'symposium.record',
  'symposium.opinionToTask',
  'case.create',
  'case.update',
  'case.submit',
  'case.submitRepeated',
  'case.resubmit',
  'case.withdraw',
  'case.approve',
  'case.return',
  'case.reject',
  'case.object',
  'case.uphold_objection',
  'case.dismiss_objection',
  'case.close_publicity',
  'case.documentUpload',
  'case.documentDelete',
  'case.pay',
  'aid.saveStandard',
  'aid.setBudget',
  'aid.setPublicityDays',
  'student.register',
  'student.update',
  'student.readIdNumber',
  'studentAid.create',
  'studentAid.update',
  'studentAid.submit',
  'studentAid.resubmit',
  'studentAid.submitRepeated',
  'studentAward.nominate',
  'studentAward.nominateRepeated',
  'studentAward.award',
  'ledger.export',
  'audit.export',
  'notifications.read',
  'auth.sign_out',
  'campaign.create',
  'campaign.quota',
  'campaign.addEntry',
  'campaign.confirmBranch',
  'campaign.approve',
  'campaign.publicList',
  'campaign.handover',
  'campaign.uploadSheet',
  'campaign.export',
  'system.seed',
  'system.piiSeal',
  'system.piiRotate',
] as const;

/** The kinds of record audit rows name (`entity`), for the "record type" filter; each has a label (audit.entities.*). */
export const AUDIT_ENTITIES = [
  'user',
  'org_unit',
  'household',
  'visit',
  'task',
  'symposium',
  'case',
  'case_document',
  'objection',
  'aid_standard',
  'budget',
  'setting',
  'student',
  'campaign',
  'campaign_entry',
  'campaign_sheet',
  'ledger',
  'audit',
  'pii',
  'cases',
  'students',
  'demo',
  'scale',
] as const;

/** The filter's entries: a label key and the action prefix it matches. */
export const AUDIT_GROUPS = [
  { key: 'cases', prefix: 'case.' },
  { key: 'payments', prefix: 'case.pay' },
  { key: 'budgets', prefix: 'aid.setBudget' },
  { key: 'standards', prefix: 'aid.saveStandard' },
  { key: 'settings', prefix: 'aid.setPublicityDays' },
  { key: 'students', prefix: 'student' },
  { key: 'household', prefix: 'household.' },
  { key: 'task', prefix: 'task.' },
  { key: 'symposium', prefix: 'symposium.' },
  { key: 'person', prefix: 'person.' },
  { key: 'user', prefix: 'user.' },
  { key: 'unit', prefix: 'unit.' },
  { key: 'account', prefix: 'account.' },
  { key: 'auth', prefix: 'auth.' },
  { key: 'campaigns', prefix: 'campaign.' },
  { key: 'exports', prefix: 'ledger.' },
  { key: 'auditExports', prefix: 'audit.' },
  { key: 'notifications', prefix: 'notifications.' },
  { key: 'system', prefix: 'system.' },
] as const;

/** The message key of an action's sentence ("case.uphold_objection" → "case.uphold_objection"). */
export const sentenceKey = (action: string) => `audit.sentences.${action}`;

export interface ChangedField {
  key: string;
  before: unknown;
  after: unknown;
}

/** The fields a change touched, in a stable order: those in both, then the rest. */
export function changedFields(before: unknown, after: unknown): ChangedField[] {
  const b = before && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === 'object' && !Array.isArray(after) ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({ key, before: b[key], after: a[key] }));
}
