import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { BATCH_STATES, PREMIUM_ENTRY_STATES } from '../../lib/premiums/rules';
import { orgUnits } from './org';
import { households, RELATIONS } from './register';
import { users } from './users';
import { blindIndexOf, encrypted } from './pii';

const inList = (col: unknown, values: readonly string[]) =>
  sql`${col} IN (${sql.raw(values.map((v) => `'${v}'`).join(','))})`;

/**
 * The year's basic medical insurance premium batch: one per year, at that year's per-person rate.
 * `spent_fen` is drawn by the payment's guarded update; the CHECK refuses any overspend that slipped past.
 */
export const premiumBatches = pgTable(
  'premium_batches',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    rateFen: integer('rate_fen').notNull(),
    budgetFen: integer('budget_fen').notNull(),
    spentFen: integer('spent_fen').notNull().default(0),
    state: text('state', { enum: BATCH_STATES }).notNull().default('listing'),
    openedBy: integer('opened_by')
      .notNull()
      .references(() => users.id),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    paidOn: date('paid_on'),
    paidBy: integer('paid_by').references(() => users.id),
    reference: text('reference'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('premium_batches_year_key').on(t.year),
    check('premium_batches_state_check', inList(t.state, BATCH_STATES)),
    check('premium_batches_rate_check', sql`${t.rateFen} > 0`),
    check('premium_batches_spent_check', sql`${t.spentFen} >= 0 AND ${t.spentFen} <= ${t.budgetFen}`),
    check('premium_batches_approved_check', sql`(${t.state} = 'listing') = (${t.approvedAt} IS NULL)`),
    check('premium_batches_paid_check', sql`(${t.state} = 'paid') = (${t.paidOn} IS NOT NULL)`),
  ],
);

/**
 * One person on a year's list: a family member of a register household, copied from the register
 * when drawn (the household form rewrites its member rows, so the person is kept by household,
 * name and birth date). One row per person and year (a removed person keeps the row with the
 * reason); the ID number, once typed, is carried into the next year's list.
 */
export const premiumEntries = pgTable(
  'premium_entries',
  {
    id: serial('id').primaryKey(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => premiumBatches.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name').notNull(),
    relation: text('relation', { enum: RELATIONS }).notNull(),
    birthDate: date('birth_date').notNull(),
    idNumber: encrypted('idNumber')('id_number'),
    idNumberHash: blindIndexOf('id_number_hash', 'id_number'),
    amountFen: integer('amount_fen').notNull(),
    state: text('state', { enum: PREMIUM_ENTRY_STATES }).notNull().default('listed'),
    source: text('source', { enum: ['drawn', 'added'] }).notNull(),
    reason: text('reason').notNull().default(''),
    paidOn: date('paid_on'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One payment per person per year: by the person's place on the register, and by ID number.
    unique('premium_entries_person_key').on(t.year, t.householdId, t.name, t.birthDate),
    uniqueIndex('premium_entries_id_number_key')
      .on(t.year, t.idNumberHash)
      .where(sql`${t.idNumberHash} IS NOT NULL`),
    index('premium_entries_batch_unit_idx').on(t.batchId, t.unitId),
    index('premium_entries_household_idx').on(t.householdId),
    check('premium_entries_state_check', inList(t.state, PREMIUM_ENTRY_STATES)),
    check('premium_entries_amount_check', sql`${t.amountFen} > 0`),
    check('premium_entries_paid_check', sql`(${t.state} = 'paid') = (${t.paidOn} IS NOT NULL)`),
  ],
);

/** A sub-branch's part of the list, confirmed by an official in scope: its list is then fixed. */
export const premiumConfirmations = pgTable(
  'premium_confirmations',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => premiumBatches.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    confirmedBy: integer('confirmed_by')
      .notNull()
      .references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.unitId] })],
);
