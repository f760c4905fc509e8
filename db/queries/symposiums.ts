import 'server-only';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import {
  households,
  orgUnits,
  symposiumAttendees,
  symposiumOpinions,
  symposiums,
  tasks,
  users,
  type TaskStatus,
} from '@/db/schema';
import { type Actor } from '@/lib/scope';
import { householdManaged } from './register';
import { PAGE_SIZE } from './people';
import { registerUnitsWhere } from './scope';

export interface OpinionRow {
  id: number;
  symposiumId: number;
  text: string;
  /** The task it became (tasks.opinion_id), if any. */
  taskId: number | null;
  taskStatus: TaskStatus | null;
  taskOwner: string | null;
  taskDueOn: string | null;
}

export interface SymposiumRow {
  id: number;
  heldOn: string;
  place: string;
  policies: string;
  unitName: string;
  recordedBy: string;
  attendees: number;
  opinions: OpinionRow[];
}

/**
 * Symposiums (座谈会) an actor may see — those of the units whose register they keep (their unit
 * and below; leaders all; workers and administrators none) — newest first, with the number of
 * households present and every opinion with its task.
 *
 * The one list left on LIMIT/OFFSET (issue 17: keyset wherever a list can grow): a branch holds one
 * symposium a year, so even a leader's list is the branches times the years — a few hundred rows,
 * a handful of pages, and a page number tells the reader where they are. Offset over that costs
 * nothing; a keyset cursor would buy nothing.
 */
export async function listSymposiums(
  db: Queryable,
  actor: Actor,
  page: number,
): Promise<{ rows: SymposiumRow[]; total: number }> {
  const where = registerUnitsWhere(actor);
  const attendees = sql<number>`(SELECT count(*)::int FROM ${symposiumAttendees} a WHERE a.symposium_id = ${symposiums.id})`;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: symposiums.id,
        heldOn: symposiums.heldOn,
        place: symposiums.place,
        policies: symposiums.policies,
        unitName: orgUnits.name,
        recordedBy: users.name,
        attendees,
      })
      .from(symposiums)
      .innerJoin(orgUnits, eq(orgUnits.id, symposiums.unitId))
      .innerJoin(users, eq(users.id, symposiums.recordedBy))
      .where(where)
      .orderBy(desc(symposiums.heldOn), desc(symposiums.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(symposiums).innerJoin(orgUnits, eq(orgUnits.id, symposiums.unitId)).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const owner = alias(users, 'task_owner');
  const opinions: OpinionRow[] = ids.length
    ? await db
        .select({
          id: symposiumOpinions.id,
          symposiumId: symposiumOpinions.symposiumId,
          text: symposiumOpinions.text,
          taskId: tasks.id,
          taskStatus: tasks.status,
          taskOwner: owner.name,
          taskDueOn: tasks.dueOn,
        })
        .from(symposiumOpinions)
        .leftJoin(tasks, eq(tasks.opinionId, symposiumOpinions.id))
        .leftJoin(owner, eq(owner.id, tasks.ownerId))
        .where(inArray(symposiumOpinions.symposiumId, ids))
        .orderBy(asc(symposiumOpinions.id))
    : [];
  return { total, rows: rows.map((r) => ({ ...r, opinions: opinions.filter((o) => o.symposiumId === r.id) })) };
}

/**
 * Active households the actor manages, for the "households present" checkboxes: the same rule
 * recordSymposium checks (householdManaged), not the wider "visible" one that includes helpers.
 */
export async function symposiumHouseholdOptions(db: Queryable, actor: Actor, limit = 200) {
  return db
    .select({ id: households.id, workerName: users.name, employeeNo: users.employeeNo, unitName: orgUnits.name })
    .from(households)
    .innerJoin(users, eq(users.id, households.workerId))
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(and(eq(households.status, 'active'), householdManaged(actor)))
    .orderBy(asc(users.employeeNo))
    .limit(limit);
}
