import 'server-only';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { households, orgUnits, tasks, users } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { notFound } from '@/lib/errors';
import { likePrefix, scopeOf, type Actor } from '@/lib/scope';
import { cappedCount, cursorOf, keysetPage, pageOf, type PageAt, type SortTerm } from './keyset';
import { PAGE_SIZE } from './people';

/** Tasks an actor may see and move: their own, and those of units in an official's scope; leaders all. */
export function taskAccess(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`false`;
  const scope = scopeOf(actor);
  if (scope.kind === 'all') return sql`true`;
  const own = eq(tasks.ownerId, actor.userId);
  return scope.kind === 'subtree' ? or(own, sql`${orgUnits.path} LIKE ${likePrefix(scope.unitPath)}`)! : own;
}

/** Open first, then in progress, then done: alphabetical order would put finished work on top. */
export const taskOrder = sql`array_position(ARRAY['open','in_progress','done']::text[], ${tasks.status})`;

export async function getTaskForChange(db: Queryable, actor: Actor, id: number) {
  const [row] = await db
    .select({ id: tasks.id, status: tasks.status, version: tasks.version, householdId: tasks.householdId })
    .from(tasks)
    .innerJoin(orgUnits, eq(orgUnits.id, tasks.unitId))
    .where(and(eq(tasks.id, id), taskAccess(actor)))
    .for('update', { of: tasks });
  if (!row) throw notFound();
  return row;
}

export interface TaskFilter extends PageAt {
  view: 'mine' | 'overdue' | 'open' | 'all';
}

/** Open work first, the nearest deadline first; a cursor holds (status position, due date, id). */
const TASK_ORDER: SortTerm[] = [
  { expr: taskOrder, dir: 'asc' },
  { expr: tasks.dueOn, dir: 'asc' },
  { expr: tasks.id, dir: 'asc' },
];

/** One keyset page of the tasks in view (deeds only grow: "all" spans every year), and how many. */
export async function listTasks(db: Queryable, actor: Actor, f: TaskFilter) {
  const today = todayInChina();
  const where = and(
    taskAccess(actor),
    f.view === 'mine'
      ? and(eq(tasks.ownerId, actor.userId), inArray(tasks.status, ['open', 'in_progress']))
      : undefined,
    f.view === 'overdue'
      ? and(inArray(tasks.status, ['open', 'in_progress']), sql`${tasks.dueOn} < ${today}::date`)
      : undefined,
    f.view === 'open' ? inArray(tasks.status, ['open', 'in_progress']) : undefined,
  );
  const owner = sql<string>`(SELECT name FROM ${users} o WHERE o.id = ${tasks.ownerId})`;
  const [page, total] = await Promise.all([
    keysetPage(TASK_ORDER, f, PAGE_SIZE, (req) =>
      pageOf(
        db
          .select({
            id: tasks.id,
            appeal: tasks.appeal,
            status: tasks.status,
            dueOn: tasks.dueOn,
            outcome: tasks.outcome,
            version: tasks.version,
            ownerName: owner,
            unitName: orgUnits.name,
            householdId: tasks.householdId,
            workerName: users.name,
            cursor: cursorOf(TASK_ORDER),
          })
          .from(tasks)
          .innerJoin(orgUnits, eq(orgUnits.id, tasks.unitId))
          .leftJoin(households, eq(households.id, tasks.householdId))
          .leftJoin(users, eq(users.id, households.workerId))
          .$dynamic(),
        where,
        req,
      ),
    ),
    cappedCount(
      db,
      db
        .select({ id: tasks.id })
        .from(tasks)
        .innerJoin(orgUnits, eq(orgUnits.id, tasks.unitId))
        .where(where)
        .$dynamic(),
    ),
  ]);
  return { ...page, total };
}
