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
  entity?: string; // the kind of record, e.g. "household"
  entityId?: string; // with entity: one record
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
  /** The row's link in the hash chain (migration 0021), shown in exports so a copy can be checked. */
  hash: string | null;
}

/** Newest first; a cursor holds (at, id) as text. */
const AUDIT_ORDER: SortTerm[] = [
  { expr: auditLog.at, dir: 'desc' },
  { expr: auditLog.id, dir: 'desc' },
];

function auditWhere(f: AuditFilter) {
  return and(
    f.who ? eq(users.employeeNo, f.who.toUpperCase()) : undefined,
    f.what ? sql`${auditLog.action} LIKE ${likePrefix(f.what)}` : undefined,
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.entity && f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.from ? gte(auditLog.at, chinaDayStart(f.from)) : undefined,
    f.to ? lt(auditLog.at, sql`${chinaDayStart(f.to)} + interval '1 day'`) : undefined,
  );
}

const auditRows = (db: Queryable) =>
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
      hash: auditLog.hash,
      cursor: cursorOf(AUDIT_ORDER),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .$dynamic();

/**
 * One keyset page of the audit log (it only grows: a row per change), with the total counted up to
 * COUNT_CAP. Mine-wide: only leaders and administrators reach this (checked by the page and the
 * export route), so what they may see is the whole log.
 */
export async function listAudit(
  db: Queryable,
  f: AuditFilter,
  at: PageAt = {},
): Promise<KeysetPage<AuditRow> & { total: Total }> {
  const where = auditWhere(f);
  const [page, total] = await Promise.all([
    keysetPage(AUDIT_ORDER, at, PAGE_SIZE, (req) => pageOf(auditRows(db), where, req)),
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

/**
 * Everything the filters select, in the page's order, in keyset batches (for the CSV export): the
 * same WHERE as the page, so the file holds exactly what the viewer could page through.
 */
export async function* auditBatches(db: Queryable, f: AuditFilter, size = 2000): AsyncGenerator<AuditRow[]> {
  const where = auditWhere(f);
  let after: string | undefined;
  for (;;) {
    const page = await keysetPage(AUDIT_ORDER, { after }, size, (req) => pageOf(auditRows(db), where, req));
    if (page.rows.length) yield page.rows;
    if (!page.next) return;
    after = page.next;
  }
}
