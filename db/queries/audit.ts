import 'server-only';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { PAGE_SIZE } from './people';
import { likePrefix } from '@/lib/scope';
import { chinaDayStart } from '@/db/time-zone';
import {
  cappedCount,
  cursorOf,
  keysetPage,
  pageOf,
  type KeysetPage,
  type PageAt,
  type SortTerm,
  type Total,
} from './keyset';

export interface AuditFilter {
  who?: string; // employee number
  what?: string; // action prefix, e.g. "user." or "user.disable"
  from?: string; // YYYY-MM-DD, inclusive (China time)
  to?: string; // YYYY-MM-DD, inclusive
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

/** Newest first; a cursor holds (at, id) as text. */
const AUDIT_ORDER: SortTerm[] = [
  { expr: auditLog.at, dir: 'desc' },
  { expr: auditLog.id, dir: 'desc' },
];

/**
 * One keyset page of the audit log (it only grows: a row per change), with the total counted up to
 * COUNT_CAP. Mine-wide: only leaders and administrators reach this (checked by the page).
 */
export async function listAudit(
  db: Queryable,
  f: AuditFilter,
  at: PageAt = {},
): Promise<KeysetPage<AuditRow> & { total: Total }> {
  const where = and(
    f.who ? eq(users.employeeNo, f.who.toUpperCase()) : undefined,
    f.what ? sql`${auditLog.action} LIKE ${likePrefix(f.what)}` : undefined,
    f.from ? gte(auditLog.at, chinaDayStart(f.from)) : undefined,
    f.to ? lt(auditLog.at, sql`${chinaDayStart(f.to)} + interval '1 day'`) : undefined,
  );
  const [page, total] = await Promise.all([
    keysetPage(AUDIT_ORDER, at, PAGE_SIZE, (req) =>
      pageOf(
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
            cursor: cursorOf(AUDIT_ORDER),
          })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorId))
          .$dynamic(),
        where,
        req,
      ),
    ),
    cappedCount(
      db,
      db
        .select({ id: auditLog.id })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(where)
        .$dynamic(),
    ),
  ]);
  return { ...page, total };
}
