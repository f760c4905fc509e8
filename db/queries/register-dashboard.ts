import 'server-only';
import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { CATEGORIES, type Category } from '@/db/schema';
import { todayInChina, yearStart } from '@/lib/dates';

export interface RegisterMeasures {
  unitId: number;
  name: string;
  active: number;
  perCategory: Record<Category, number>;
  exitedThisYear: number;
  /** 进百家门: active households visited since 1 January */
  visited: number;
  /** 知百家情: active households whose visits of the last 12 months confirmed all six knows */
  known: number;
  overdueReviews: number;
  missingHelper: number;
  /** 解百家忧 / 办百家事: tasks raised this year, and how many of them are done */
  tasksRaised: number;
  tasksDone: number;
  overdueTasks: number;
}

type Row = Record<string, number | string>;

/**
 * The union's measures for each unit directly below `parent` (or for `parent` itself when it has
 * none below, as for a sub-branch), computed from the base tables at request time, so they are
 * never stale. `today` is injectable so tests can pin the calendar. `year` (default: this year)
 * sets the span of the year's figures (left hardship, visited, tasks raised and done); the others
 * are the register's state today.
 */
export async function registerMeasures(
  db: Queryable,
  parentId: number,
  today = todayInChina(),
  opts: { year?: number } = {},
): Promise<RegisterMeasures[]> {
  const since = opts.year ? `${opts.year}-01-01` : yearStart(today);
  const next = `${Number(since.slice(0, 4)) + 1}-01-01`;
  const perCategory = sql.join(
    CATEGORIES.map((c) => sql`count(*) FILTER (WHERE hh.status = 'active' AND hh.category = ${c})::int AS ${sql.identifier(`cat_${c}`)}`),
    sql`, `,
  );
  const households = await db.execute<Row>(sql`
    WITH c AS (
      SELECT id, name, path FROM org_units
      WHERE parent_id = ${parentId} OR (id = ${parentId} AND NOT EXISTS (SELECT 1 FROM org_units k WHERE k.parent_id = ${parentId}))
    ), hh AS (
      SELECT h.id, h.status, h.category, h.review_due, h.exited_on, c.id AS cid
      FROM households h JOIN org_units u ON u.id = h.unit_id JOIN c ON u.path LIKE c.path || '%'
    )
    SELECT c.id AS unit_id, c.name,
      count(hh.id) FILTER (WHERE hh.status = 'active')::int AS active,
      ${perCategory},
      count(hh.id) FILTER (WHERE hh.status = 'exited' AND hh.exited_on >= ${since}::date AND hh.exited_on < ${next}::date)::int AS exited_this_year,
      count(hh.id) FILTER (WHERE hh.status = 'active' AND EXISTS (
        SELECT 1 FROM visits v WHERE v.household_id = hh.id AND v.visited_on >= ${since}::date AND v.visited_on < ${next}::date))::int AS visited,
      count(hh.id) FILTER (WHERE hh.status = 'active' AND (
        SELECT count(DISTINCT k) FROM visits v CROSS JOIN LATERAL unnest(v.knows) AS k
        WHERE v.household_id = hh.id AND v.visited_on > ${today}::date - interval '12 months') = 6)::int AS known,
      count(hh.id) FILTER (WHERE hh.status = 'active' AND hh.review_due < ${today}::date)::int AS overdue_reviews,
      count(hh.id) FILTER (WHERE hh.status = 'active' AND (
        SELECT count(DISTINCT x.kind) FROM household_helpers x
        WHERE x.household_id = hh.id AND x.until IS NULL AND x.kind <> 'first_helper') < 3)::int AS missing_helper
    FROM c LEFT JOIN hh ON hh.cid = c.id
    GROUP BY c.id, c.name, c.path
    ORDER BY string_to_array(rtrim(c.path, '.'), '.')::int[]`);
  const china = (day: string) => sql`(${day}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const raisedInYear = sql`t.created_at >= ${china(since)} AND t.created_at < ${china(next)}`;
  const taskRows = await db.execute<Row>(sql`
    WITH c AS (
      SELECT id, path FROM org_units
      WHERE parent_id = ${parentId} OR (id = ${parentId} AND NOT EXISTS (SELECT 1 FROM org_units k WHERE k.parent_id = ${parentId}))
    )
    SELECT c.id AS unit_id,
      count(t.id) FILTER (WHERE ${raisedInYear})::int AS raised,
      count(t.id) FILTER (WHERE ${raisedInYear} AND t.status = 'done')::int AS done,
      count(t.id) FILTER (WHERE t.status <> 'done' AND t.due_on < ${today}::date)::int AS overdue
    FROM c LEFT JOIN org_units u ON u.path LIKE c.path || '%' LEFT JOIN tasks t ON t.unit_id = u.id
    GROUP BY c.id`);
  const tasksByUnit = new Map(taskRows.rows.map((r) => [Number(r.unit_id), r]));
  return households.rows.map((r) => {
    const t = tasksByUnit.get(Number(r.unit_id));
    return {
      unitId: Number(r.unit_id),
      name: String(r.name),
      active: Number(r.active),
      perCategory: Object.fromEntries(CATEGORIES.map((c) => [c, Number(r[`cat_${c}`])])) as Record<Category, number>,
      exitedThisYear: Number(r.exited_this_year),
      visited: Number(r.visited),
      known: Number(r.known),
      overdueReviews: Number(r.overdue_reviews),
      missingHelper: Number(r.missing_helper),
      tasksRaised: Number(t?.raised ?? 0),
      tasksDone: Number(t?.done ?? 0),
      overdueTasks: Number(t?.overdue ?? 0),
    };
  });
}

/** Adds the rows up for the headline figures. */
export function totalMeasures(rows: RegisterMeasures[]): Omit<RegisterMeasures, 'unitId' | 'name'> {
  const sum = (f: (r: RegisterMeasures) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    active: sum((r) => r.active),
    perCategory: Object.fromEntries(CATEGORIES.map((c) => [c, sum((r) => r.perCategory[c])])) as Record<Category, number>,
    exitedThisYear: sum((r) => r.exitedThisYear),
    visited: sum((r) => r.visited),
    known: sum((r) => r.known),
    overdueReviews: sum((r) => r.overdueReviews),
    missingHelper: sum((r) => r.missingHelper),
    tasksRaised: sum((r) => r.tasksRaised),
    tasksDone: sum((r) => r.tasksDone),
    overdueTasks: sum((r) => r.overdueTasks),
  };
}
