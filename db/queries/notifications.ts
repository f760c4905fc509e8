import 'server-only';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { preparedOn } from '@/db/prepared';
import { caseSteps, cases, notifications, orgUnits, users } from '@/db/schema';
import type { Actor } from '@/lib/scope';
import { STEP_ROLES, type Step } from '@/lib/workflow/case-workflow';
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

/** The bell's figure: the actor's unread notifications. */
const unreadQuery = (db: Queryable) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .prepare('unread_count');

export async function unreadCount(db: Queryable, actor: Pick<Actor, 'userId'>): Promise<number> {
  // Every page's header runs this: built once (db/prepared.ts).
  const [row] = await preparedOn(db, unreadQuery).execute({ userId: actor.userId });
  return row?.n ?? 0;
}

export interface NotificationRow {
  id: number;
  caseId: number | null;
  kind: string;
  aidKind: string | null;
  caseKind: string | null;
  /** The reason written with the decision told of (a return's, a rejection's); empty when none. */
  comment: string;
  read: boolean;
  createdAt: Date;
}

export const NOTIFICATION_PAGE_SIZE = 20;

/** Newest first; a cursor holds (created_at, id) as text. */
const NOTIFICATION_ORDER: SortTerm[] = [
  { expr: notifications.createdAt, dir: 'desc' },
  { expr: notifications.id, dir: 'desc' },
];

/** The actor's own notifications, newest first: one keyset page (they only grow), and how many. */
export async function listNotifications(
  db: Queryable,
  actor: Pick<Actor, 'userId'>,
  at: PageAt = {},
): Promise<KeysetPage<NotificationRow> & { total: Total }> {
  const where = eq(notifications.userId, actor.userId);
  const [page, total] = await Promise.all([
    keysetPage(NOTIFICATION_ORDER, at, NOTIFICATION_PAGE_SIZE, (req) =>
      pageOf(
        db
          .select({
            id: notifications.id,
            caseId: notifications.caseId,
            kind: notifications.kind,
            aidKind: cases.aidKind,
            caseKind: cases.kind,
            comment: sql<string>`coalesce(${caseSteps.comment}, '')`,
            read: sql<boolean>`${notifications.readAt} IS NOT NULL`,
            createdAt: notifications.createdAt,
            cursor: cursorOf(NOTIFICATION_ORDER),
          })
          .from(notifications)
          .leftJoin(cases, eq(cases.id, notifications.caseId))
          .leftJoin(caseSteps, eq(caseSteps.id, notifications.stepId))
          .$dynamic(),
        where,
        req,
      ),
    ),
    cappedCount(db, db.select({ id: notifications.id }).from(notifications).where(where).$dynamic()),
  ]);
  return { ...page, total };
}

/**
 * The people who act at a step on a case of the unit with this path: the step's roles, active,
 * whose unit covers the applicant's (leaders sit at the mine's root and cover every unit).
 */
export async function stepPeople(
  db: Queryable,
  step: Step,
  applicantUnitPath: string,
  except: number[] = [],
): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(
      and(
        inArray(users.role, [...STEP_ROLES[step]]),
        eq(users.disabled, false),
        sql`starts_with(${applicantUnitPath}, ${orgUnits.path})`,
      ),
    );
  return rows.map((r) => r.id).filter((id) => !except.includes(id));
}
