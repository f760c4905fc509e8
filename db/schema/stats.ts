import { sql } from 'drizzle-orm';
import { bigint, check, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { orgUnits } from './org';

/**
 * Pre-aggregated case figures for the dashboards (a provincial federation has millions of cases;
 * summing them per request is seconds). Kept exact: every write that changes a figure adjusts its
 * row in the same transaction (lib/cases/move.ts, recordPayment), and the seeds rebuild them from
 * the base tables (db/queries/case-stats.ts rebuildCaseStats). Keyed by the applicant's unit, so a
 * scope is a prefix match on the few units, not on the cases.
 */

/** Cases per unit and state (drafts left out: they are the workers' own notes). */
export const caseCounts = pgTable(
  'case_counts',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    state: text('state').notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.state] })],
);

/**
 * Money figures per year, unit and aid kind. `approved`: cases still approved (in publicity,
 * ready for payment or paid) by the year their approval published them, with their amounts;
 * `paid`: payments by the year paid.
 */
export const caseStats = pgTable(
  'case_stats',
  {
    measure: text('measure', { enum: ['approved', 'paid'] }).notNull(),
    year: integer('year').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    aidKind: text('aid_kind').notNull(),
    cases: integer('cases').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.measure, t.year, t.unitId, t.aidKind] }),
    check('case_stats_measure_check', sql`${t.measure} IN ('approved', 'paid')`),
  ],
);

/**
 * Payments per year, month and unit (the dashboards' payments-per-month and per-unit charts),
 * by payment date and the applicant's unit; kept with case_stats by recordPayment.
 */
export const paymentMonths = pgTable(
  'payment_months',
  {
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    payments: integer('payments').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId, t.month] })],
);

/**
 * The register's dashboard figures per unit (the household's, task's or worker's own unit) for a
 * year, as of one day: a province's register is millions of rows, and its measures summed per
 * request take seconds. Kept exact without touching the register's many write paths: triggers on
 * the register tables (migration 0009) name the units a statement touched in
 * register_dirty_units, and the next read recomputes just those units before it answers
 * (db/queries/register-figures.ts). Figures that depend on the date (overdue reviews, the twelve
 * months of 知百家情, overdue tasks) are recomputed in full for a new day.
 */
export const registerUnitFigures = pgTable(
  'register_unit_figures',
  {
    year: integer('year').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    workers: integer('workers').notNull(),
    active: integer('active').notNull(),
    extreme: integer('extreme').notNull(),
    hardship: integer('hardship').notNull(),
    near: integer('near').notNull(),
    edge: integer('edge').notNull(),
    seriousIllness: integer('serious_illness').notNull(),
    education: integer('education').notNull(),
    exited: integer('exited').notNull(),
    // The year's exit cohort: on the register on 1 January, and of those, left during the year.
    atStart: integer('at_start').notNull().default(0),
    leftOfStart: integer('left_of_start').notNull().default(0),
    visited: integer('visited').notNull(),
    known: integer('known').notNull(),
    overdueReviews: integer('overdue_reviews').notNull(),
    missingHelper: integer('missing_helper').notNull(),
    tasksRaised: integer('tasks_raised').notNull(),
    tasksDone: integer('tasks_done').notNull(),
    overdueTasks: integer('overdue_tasks').notNull(),
    // Mutual aid: workers with a confirmed enrolment of the year in any scheme, and active
    // serious-illness households whose worker has no medical cover that year (大病未参保).
    mutualCovered: integer('mutual_covered').notNull().default(0),
    illUncovered: integer('ill_uncovered').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId] })],
);

/** The day each year's figures were computed for: a new day means a full recompute. */
export const registerFigureDays = pgTable('register_figure_days', {
  year: integer('year').primaryKey(),
  asOf: date('as_of').notNull(),
});

/**
 * Units whose register rows changed since their figures were computed, appended by triggers. A log
 * without a key on purpose: concurrent writers never wait on each other's row here, and a unit
 * named twice is recomputed once.
 */
export const registerDirtyUnits = pgTable('register_dirty_units', {
  unitId: integer('unit_id').notNull(),
});
