import 'server-only';
import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { PAGE_SIZE } from './people';
import { likePrefix } from '@/lib/scope';
import { chinaDayStart } from '@/db/time-zone';

export interface AuditFilter {
  who?: string; // employee number
  what?: string; // action prefix, e.g. "user." or "user.disable"
  from?: string; // YYYY-MM-DD, inclusive (China time)
  to?: string; // YYYY-MM-DD, inclusive
  page: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorEmployeeNo: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** The audit log is mine-wide: only leaders and administrators reach this (checked by the page). */
export async function listAudit(db: Queryable, f: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const where = and(
    f.who ? eq(users.employeeNo, f.who.toUpperCase()) : undefined,
    f.what ? sql`${auditLog.action} LIKE ${likePrefix(f.what)}` : undefined,
    f.from ? gte(auditLog.at, chinaDayStart(f.from)) : undefined,
    f.to ? lt(auditLog.at, sql`${chinaDayStart(f.to)} + interval '1 day'`) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorEmployeeNo: users.employeeNo,
        actorName: users.name,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(PAGE_SIZE)
      .offset((f.page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where),
  ]);
  return { rows, total };
}
