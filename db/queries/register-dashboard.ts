import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { CATEGORIES, type Category } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { chinaDayStart } from '@/db/time-zone';
import type { ExitCohort } from '@/lib/register/exit-rate';

export interface RegisterMeasures {
  unitId: number;
  name: string;
  /** Active workers (accounts of the worker role that are not disabled). */
  workers: number;
  active: number;
  perCategory: Record<Category, number>;
  exitedThisYear: number;
  /** The year's exit cohort (lib/register/exit-rate.ts): households on the register on 1 January, and how many of them left. */
  exitCohort: ExitCohort;
  /** 进百家门: active households visited in the year */
  visited: number;
  /** 知百家情: active households whose visits of the last 12 months confirmed all six knows */
  known: number;
  overdueReviews: number;
  missingHelper: number;
  /** 解百家忧 / 办百家事: tasks raised in the year, and how many of them are done */
  tasksRaised: number;
  tasksDone: number;
  overdueTasks: number;
  /** Workers with a confirmed mutual-aid enrolment of the year (any scheme). */
  mutualCovered: number;
  /** Active serious-illness households whose worker has no medical mutual-aid cover that year. */
  illUncovered: number;
}

type Row = Record<string, number | string>;

/** register_unit_figures' columns in order, after (year, unit_id). */
const FIGURES = [
  'workers',
  'active',
  'extreme',
  'hardship',
  'near',
  'edge',
  'serious_illness',
  'education',
  'exited',
  'at_start',
  'left_of_start',
  'visited',
  'known',
  'overdue_reviews',
  'missing_helper',
  'tasks_raised',
  'tasks_done',
  'overdue_tasks',
  'mutual_covered',
  'ill_uncovered',
] as const;
const CATEGORY_COLUMN: Record<Category, (typeof FIGURES)[number]> = {
  extreme: 'extreme',
  hardship: 'hardship',
  near: 'near',
  edge: 'edge',
  serious_illness: 'serious_illness',
  education: 'education',
};

/**
 * The figures of each unit's own rows (households, tasks and workers whose unit it is, not those
 * of the units below it), computed from the base tables for `year` as of `today`; `units` limits
 * it to some units. Columns: year, unit_id, then FIGURES.
 */
function unitFiguresFromBase(year: number, today: string, units: number[] | null): SQL {
  const since = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  const only = (column: SQL) => (units ? sql`${column} = ANY(${sql.param(units)}::int[])` : sql`true`);
  const perCategory = sql.join(
    CATEGORIES.map(
      (c) =>
        sql`count(*) FILTER (WHERE h.status = 'active' AND h.category = ${c}) AS ${sql.identifier(CATEGORY_COLUMN[c])}`,
    ),
    sql`, `,
  );
  const raisedInYear = sql`t.created_at >= ${chinaDayStart(since)} AND t.created_at < ${chinaDayStart(next)}`;
  const coveredBy = (member: SQL, medicalOnly: boolean) => sql`EXISTS (
    SELECT 1 FROM mutual_enrolments e ${medicalOnly ? sql`JOIN mutual_schemes s ON s.id = e.scheme_id AND s.kind = 'medical'` : sql``}
    WHERE e.member_id = ${member} AND e.year = ${year} AND e.state = 'confirmed')`;
  return sql`
    WITH hh AS (
      SELECT h.unit_id,
        count(*) FILTER (WHERE h.status = 'active') AS active,
        ${perCategory},
        count(*) FILTER (WHERE h.status = 'exited' AND h.exited_on >= ${since}::date AND h.exited_on < ${next}::date) AS exited,
        count(*) FILTER (WHERE h.status = 'active' AND EXISTS (
          SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.visited_on >= ${since}::date AND v.visited_on < ${next}::date)) AS visited,
        count(*) FILTER (WHERE h.status = 'active' AND (
          SELECT count(DISTINCT k) FROM visits v CROSS JOIN LATERAL unnest(v.knows) AS k
          WHERE v.household_id = h.id AND v.visited_on > ${today}::date - interval '12 months') = 6) AS known,
        count(*) FILTER (WHERE h.status = 'active' AND h.review_due < ${today}::date) AS overdue_reviews,
        count(*) FILTER (WHERE h.status = 'active' AND (
          SELECT count(DISTINCT x.kind) FROM household_helpers x
          WHERE x.household_id = h.id AND x.until IS NULL AND x.kind <> 'first_helper') < 3) AS missing_helper,
        count(*) FILTER (WHERE h.status = 'active' AND h.category = 'serious_illness'
          AND NOT ${coveredBy(sql`h.worker_id`, true)}) AS ill_uncovered
      FROM households h WHERE ${only(sql`h.unit_id`)}
      GROUP BY h.unit_id
    ), cohort AS (
      -- On the register on 1 January: the household's last filing, re-filing or exit before then
      -- was a filing (the timeline, not today's status, which a later exit or re-filing changed).
      SELECT h.unit_id,
        count(*) AS at_start,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM household_events e WHERE e.household_id = h.id AND e.kind = 'exited'
            AND e.on >= ${since}::date AND e.on < ${next}::date)) AS left_of_start
      FROM households h
      CROSS JOIN LATERAL (
        SELECT e.kind FROM household_events e
        WHERE e.household_id = h.id AND e.kind IN ('filed', 'refiled', 'exited') AND e.on < ${since}::date
        ORDER BY e.on DESC, e.id DESC LIMIT 1) last
      WHERE last.kind <> 'exited' AND ${only(sql`h.unit_id`)}
      GROUP BY h.unit_id
    ), tk AS (
      SELECT t.unit_id,
        count(*) FILTER (WHERE ${raisedInYear}) AS tasks_raised,
        count(*) FILTER (WHERE ${raisedInYear} AND t.status = 'done') AS tasks_done,
        count(*) FILTER (WHERE t.status <> 'done' AND t.due_on < ${today}::date) AS overdue_tasks
      FROM tasks t WHERE ${only(sql`t.unit_id`)}
      GROUP BY t.unit_id
    ), wk AS (
      SELECT w.unit_id, count(*) AS workers, count(*) FILTER (WHERE ${coveredBy(sql`w.id`, false)}) AS mutual_covered
      FROM users w
      WHERE w.role = 'worker' AND NOT w.disabled AND ${only(sql`w.unit_id`)}
      GROUP BY w.unit_id
    ), ids AS (SELECT unit_id FROM hh UNION SELECT unit_id FROM tk UNION SELECT unit_id FROM wk UNION SELECT unit_id FROM cohort)
    SELECT ${year}::int AS year, ids.unit_id,
      ${sql.join(
        FIGURES.map((f) => sql`coalesce(${sql.identifier(f)}, 0)::int AS ${sql.identifier(f)}`),
        sql`, `,
      )}
    FROM ids LEFT JOIN hh USING (unit_id) LEFT JOIN cohort USING (unit_id) LEFT JOIN tk USING (unit_id)
      LEFT JOIN wk USING (unit_id)`;
}

/**
 * Sums per-unit figures (`source`: rows with unit_id and FIGURES) for each unit directly below
 * `parentId` — or for the parent itself when it has none below, as for a sub-branch. Each unit
 * under the parent belongs to the child named by the next id in its path, so the sum is one pass
 * over the figures, not a prefix match per child.
 */
async function rollUp(db: Queryable, parentId: number, source: SQL): Promise<RegisterMeasures[]> {
  const figures = sql.join(
    FIGURES.map((f) => sql`coalesce(sum(s.${sql.identifier(f)}), 0)::int AS ${sql.identifier(f)}`),
    sql`, `,
  );
  const result = await db.execute<Row>(sql`
    WITH p AS (SELECT id, path, cardinality(string_to_array(rtrim(path, '.'), '.')) AS depth FROM org_units WHERE id = ${parentId}),
    c AS (
      SELECT u.id, u.name, u.path FROM org_units u, p
      WHERE u.parent_id = p.id OR (u.id = p.id AND NOT EXISTS (SELECT 1 FROM org_units k WHERE k.parent_id = p.id))
    ), s AS (
      SELECT CASE WHEN u.id = p.id THEN p.id ELSE (string_to_array(u.path, '.'))[p.depth + 1]::int END AS child, src.*
      FROM (${source}) src JOIN org_units u ON u.id = src.unit_id, p
      WHERE starts_with(u.path, p.path)
    )
    SELECT c.id AS unit_id, c.name, ${figures}
    FROM c LEFT JOIN s ON s.child = c.id
    GROUP BY c.id, c.name, c.path
    ORDER BY string_to_array(rtrim(c.path, '.'), '.')::int[]`);
  return result.rows.map((r) => ({
    unitId: Number(r.unit_id),
    name: String(r.name),
    workers: Number(r.workers),
    active: Number(r.active),
    perCategory: Object.fromEntries(CATEGORIES.map((c) => [c, Number(r[CATEGORY_COLUMN[c]])])) as Record<
      Category,
      number
    >,
    exitedThisYear: Number(r.exited),
    exitCohort: { atStart: Number(r.at_start), left: Number(r.left_of_start) },
    visited: Number(r.visited),
    known: Number(r.known),
    overdueReviews: Number(r.overdue_reviews),
    missingHelper: Number(r.missing_helper),
    tasksRaised: Number(r.tasks_raised),
    tasksDone: Number(r.tasks_done),
    overdueTasks: Number(r.overdue_tasks),
    mutualCovered: Number(r.mutual_covered),
    illUncovered: Number(r.ill_uncovered),
  }));
}

export interface MeasureOptions {
  /** The year of the year's figures (left hardship, visited, tasks raised and done); default this year. */
  year?: number;
}

/**
 * The union's measures and the head count for each unit directly below `parent` (or for `parent`
 * itself when it has none below), as the dashboards show them. Read from register_unit_figures,
 * brought up to date first (freshen), so they are exact as of this request. `today` is injectable
 * so tests can pin the calendar; the year's figures span `year`, the rest are the register's state
 * today.
 */
export async function registerMeasures(
  db: Queryable,
  parentId: number,
  today = todayInChina(),
  opts: MeasureOptions = {},
): Promise<RegisterMeasures[]> {
  const year = opts.year ?? Number(today.slice(0, 4));
  await freshen(db, year, today);
  return rollUp(db, parentId, sql`SELECT * FROM register_unit_figures WHERE year = ${year}`);
}

/**
 * The same figures computed from the base tables at request time: the reference the stored
 * figures are tested against, and the benchmark's plain-SQL ceiling.
 */
export async function registerMeasuresFromBase(
  db: Queryable,
  parentId: number,
  today = todayInChina(),
  opts: MeasureOptions = {},
): Promise<RegisterMeasures[]> {
  return rollUp(db, parentId, unitFiguresFromBase(opts.year ?? Number(today.slice(0, 4)), today, null));
}

/** One lock for every write of the stored figures, so a recompute never overwrites a newer one. */
const FIGURES_LOCK = sql`pg_advisory_xact_lock(hashtext('register_unit_figures'))`;

/**
 * Brings register_unit_figures for `year` up to date: recomputed in full when they were computed
 * for another day (or never), then for the units the register's triggers named since. The common
 * case — nothing changed — is one small read and no lock. Writers of the figures take one lock in
 * turn; the trigger log (register_dirty_units) is consumed under it, so a change is either in the
 * figures a reader sees or still in the log, which the reader then applies before answering.
 */
export async function freshen(db: Queryable, year: number, today: string): Promise<void> {
  const check = await db.execute<{ as_of: string | null; dirty: boolean }>(sql`
    SELECT (SELECT as_of::text FROM register_figure_days WHERE year = ${year}) AS as_of,
           EXISTS (SELECT 1 FROM register_dirty_units) AS dirty`);
  const { as_of: asOf, dirty } = check.rows[0];
  if (asOf === today && !dirty) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT ${FIGURES_LOCK}`);
    const [day] = (
      await tx.execute<{ as_of: string }>(sql`SELECT as_of::text FROM register_figure_days WHERE year = ${year}`)
    ).rows;
    if (day?.as_of !== today) {
      await tx.execute(sql`DELETE FROM register_unit_figures WHERE year = ${year}`);
      await tx.execute(
        sql`INSERT INTO register_unit_figures (year, unit_id, ${sql.raw(FIGURES.join(', '))}) ${unitFiguresFromBase(year, today, null)}`,
      );
      await tx.execute(sql`
        INSERT INTO register_figure_days (year, as_of) VALUES (${year}, ${today}::date)
        ON CONFLICT (year) DO UPDATE SET as_of = excluded.as_of`);
    }
    const units = (
      await tx.execute<{ unit_id: number }>(sql`
      WITH d AS (DELETE FROM register_dirty_units RETURNING unit_id) SELECT DISTINCT unit_id FROM d`)
    ).rows.map((r) => Number(r.unit_id));
    if (units.length === 0) return;
    // Other years' figures for another day are dropped (the log is consumed for all years); they
    // are recomputed in full when someone next asks for them.
    const days = (
      await tx.execute<{ year: number; as_of: string }>(sql`SELECT year, as_of::text FROM register_figure_days`)
    ).rows;
    for (const d of days) {
      if (d.as_of !== today) {
        await tx.execute(sql`DELETE FROM register_unit_figures WHERE year = ${d.year}`);
        await tx.execute(sql`DELETE FROM register_figure_days WHERE year = ${d.year}`);
        continue;
      }
      await tx.execute(
        sql`DELETE FROM register_unit_figures WHERE year = ${d.year} AND unit_id = ANY(${sql.param(units)}::int[])`,
      );
      await tx.execute(
        sql`INSERT INTO register_unit_figures (year, unit_id, ${sql.raw(FIGURES.join(', '))}) ${unitFiguresFromBase(Number(d.year), today, units)}`,
      );
    }
  });
}

/** Adds the rows up for the headline figures. */
export function totalMeasures(rows: RegisterMeasures[]): Omit<RegisterMeasures, 'unitId' | 'name'> {
  const sum = (f: (r: RegisterMeasures) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    workers: sum((r) => r.workers),
    active: sum((r) => r.active),
    perCategory: Object.fromEntries(CATEGORIES.map((c) => [c, sum((r) => r.perCategory[c])])) as Record<
      Category,
      number
    >,
    exitedThisYear: sum((r) => r.exitedThisYear),
    exitCohort: { atStart: sum((r) => r.exitCohort.atStart), left: sum((r) => r.exitCohort.left) },
    visited: sum((r) => r.visited),
    known: sum((r) => r.known),
    overdueReviews: sum((r) => r.overdueReviews),
    missingHelper: sum((r) => r.missingHelper),
    tasksRaised: sum((r) => r.tasksRaised),
    tasksDone: sum((r) => r.tasksDone),
    overdueTasks: sum((r) => r.overdueTasks),
    mutualCovered: sum((r) => r.mutualCovered),
    illUncovered: sum((r) => r.illUncovered),
  };
}
