import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
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
