import 'server-only';
import type { Database } from '@/db/client';
import { ownData } from '@/db/queries/own-data';
import { writeAudit } from '@/lib/audit';
import { dateTimeInChina } from '@/lib/dates';
import type { Actor } from '@/lib/scope';

export const OWN_DATA_FORMAT = 'uap-own-data/1';

/**
 * A person's data as one JSON document, the export audited in the same transaction as it is read:
 * the person's own download (masked as their pages show it), or the administrator's full set for
 * a request, which must name the request.
 */
export async function produceOwnData(
  db: Database,
  actor: Actor,
  subject: { userId: number; employeeNo: string },
  request: { reason: string } | null,
) {
  return db.transaction(async (tx) => {
    const data = await ownData(tx, subject.userId, { masked: !request });
    await writeAudit(tx, actor.userId, {
      action: request ? 'person.ownDataForRequest' : 'person.ownData',
      entity: 'user',
      entityId: subject.userId,
      after: request ? { reason: request.reason } : null,
    });
    return {
      format: OWN_DATA_FORMAT,
      producedAt: dateTimeInChina(new Date()),
      ...(request ? { request: request.reason } : {}),
      ...data,
    };
  });
}

export function ownDataFileName(employeeNo: string) {
  return `personal-data-${employeeNo}.json`;
}
