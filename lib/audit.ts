import type { Queryable } from '@/db/client';
import { auditLog } from '@/db/schema';

export interface AuditEntry {
  /** dotted verb, e.g. "user.disable" */
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit row on the caller's transaction, so the change and its record commit or roll
 * back together. Callers pass DTOs, never rows with hashes or unmasked secrets.
 */
export async function writeAudit(tx: Queryable, actorId: number | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
