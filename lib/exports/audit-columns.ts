import type { AuditRow } from '@/db/queries/audit';
import { AUDIT_ACTIONS, sentenceKey } from '@/lib/audit-kinds';
import { dateTimeInChina } from '@/lib/dates';
import type { Column } from './columns';

const known = new Set<string>(AUDIT_ACTIONS);

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * The audit log as a file: every field of a row as stored (before/after as JSON, ID numbers and
 * phones already masked there), the change in the reader's words, and the row's chain hash, so a
 * copy can be matched against the database later.
 */
export const AUDIT_COLUMNS: Column<AuditRow>[] = [
  { key: 'auditId', kind: 'int', width: 10, value: (r) => r.id },
  { key: 'auditAt', kind: 'text', width: 20, value: (r) => dateTimeInChina(r.at) },
  { key: 'auditEmployeeNo', kind: 'text', width: 12, value: (r) => r.actorEmployeeNo },
  { key: 'auditName', kind: 'text', width: 12, value: (r) => r.actorName },
  { key: 'auditAction', kind: 'text', width: 24, value: (r) => r.action },
  { key: 'auditEntity', kind: 'text', width: 12, value: (r) => r.entity },
  { key: 'auditEntityId', kind: 'text', width: 10, value: (r) => r.entityId },
  {
    key: 'auditSentence',
    kind: 'text',
    width: 40,
    value: (r, t) =>
      known.has(r.action)
        ? t(sentenceKey(r.action), { record: r.entityId ? t('audit.record', { id: r.entityId }) : '' })
        : r.action,
  },
  { key: 'auditBefore', kind: 'text', width: 40, value: (r) => json(r.before) },
  { key: 'auditAfter', kind: 'text', width: 40, value: (r) => json(r.after) },
  { key: 'auditHash', kind: 'text', width: 64, value: (r) => r.hash },
];
