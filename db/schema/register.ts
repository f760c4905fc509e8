import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgUnits } from './org';
import { blindIndexOf, encrypted } from './pii';
import { users } from './users';

export const CATEGORIES = ['extreme', 'hardship', 'near', 'edge', 'serious_illness', 'education'] as const;
export type Category = (typeof CATEGORIES)[number];
/** A category's rank from the hardest to the lightest, as the union lists them: the register's sort (and its index). */
export const categorySeverity = (category: unknown) =>
  sql`array_position(ARRAY[${sql.raw(CATEGORIES.map((c) => `'${c}'`).join(','))}]::text[], ${category})`;
export const CAUSES = ['poverty', 'illness', 'special'] as const;
export type Cause = (typeof CAUSES)[number];
export const KEEPING_LEVELS = ['mine', 'branch', 'sub_branch'] as const;
export const HELPER_KINDS = ['unit_leader', 'union_cadre', 'grassroots_leader', 'first_helper'] as const;
export type HelperKind = (typeof HELPER_KINDS)[number];
export const SIX_KNOWS = ['name', 'address', 'phone', 'spouse', 'schooling', 'family_events'] as const;
export type Know = (typeof SIX_KNOWS)[number];
export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const EVENT_KINDS = ['filed', 'category_changed', 'reviewed', 'exited', 'refiled'] as const;
export const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;

const inList = (col: unknown, values: readonly string[]) =>
  sql`${col} IN (${sql.raw(values.map((v) => `'${v}'`).join(','))})`;

/**
 * A worker's hardship file (困难职工档案). One row per worker for life: leaving the register and
 * being filed again reuse the row, so its timeline stays whole. `unit_id` is the worker's unit,
 * kept in step when the worker moves, so scope is a prefix match on that unit's path.
 */
export const households = pgTable(
  'households',
  {
    id: serial('id').primaryKey(),
    workerId: integer('worker_id')
      .notNull()
      .references(() => users.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status', { enum: ['active', 'exited'] })
      .notNull()
      .default('active'),
    category: text('category', { enum: CATEGORIES }).notNull(),
    keepingLevel: text('keeping_level', { enum: KEEPING_LEVELS }).notNull(),
    causes: text('causes').array().notNull(),
    monthlyIncomeFen: integer('monthly_income_fen').notNull(),
    housing: text('housing').notNull().default(''),
    address: text('address').notNull(),
    /** Encrypted at rest (db/schema/pii.ts); `phoneHash` is its blind index. */
    phone: encrypted('phone')('phone').notNull(),
    phoneHash: blindIndexOf('phone_hash', 'phone'),
    notes: text('notes').notNull().default(''),
    filedOn: date('filed_on').notNull(),
    reviewDue: date('review_due').notNull(),
    exitedOn: date('exited_on'),
    exitReason: text('exit_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('households_worker_key').on(t.workerId),
    index('households_unit_idx').on(t.unitId, t.status),
    index('households_review_idx').on(t.status, t.reviewDue),
    // The register's orders (sort column, then id), so a page reads an index range at any depth.
    index('households_review_due_id_idx').on(t.reviewDue, t.id),
    index('households_filed_on_id_idx').on(t.filedOn, t.id),
    index('households_severity_id_idx').on(categorySeverity(t.category), t.id),
    check('households_category_check', inList(t.category, CATEGORIES)),
    check('households_status_check', inList(t.status, ['active', 'exited'])),
    check('households_income_check', sql`${t.monthlyIncomeFen} >= 0`),
    check('households_exit_check', sql`(${t.status} = 'exited') = (${t.exitedOn} IS NOT NULL)`),
  ],
);

export const householdMembers = pgTable(
  'household_members',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    relation: text('relation', { enum: RELATIONS }).notNull(),
    birthDate: date('birth_date').notNull(),
    health: text('health').notNull().default(''),
    schoolOrWork: text('school_or_work').notNull().default(''),
    monthlyIncomeFen: integer('monthly_income_fen').notNull().default(0),
    /** Covered by employee medical insurance: the union then pays no resident premium for them. */
    employeeInsurance: boolean('employee_insurance').notNull().default(false),
  },
  (t) => [
    index('household_members_household_idx').on(t.householdId),
    check('household_members_income_check', sql`${t.monthlyIncomeFen} >= 0`),
  ],
);

/** The timeline: filing, every category change (调档), review, exit (脱困) and re-filing. */
export const householdEvents = pgTable(
  'household_events',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    on: date('on').notNull(),
    fromCategory: text('from_category', { enum: CATEGORIES }),
    toCategory: text('to_category', { enum: CATEGORIES }),
    reason: text('reason').notNull().default(''),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_events_household_idx').on(t.householdId, t.on)],
);

/** Who helps whom, and since when; a replaced helper keeps the row with `until` set. */
export const householdHelpers = pgTable(
  'household_helpers',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    kind: text('kind', { enum: HELPER_KINDS }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    since: date('since').notNull(),
    until: date('until'),
  },
  (t) => [
    uniqueIndex('household_helpers_current_key')
      .on(t.householdId, t.kind)
      .where(sql`${t.until} IS NULL`),
    index('household_helpers_user_idx')
      .on(t.userId)
      .where(sql`${t.until} IS NULL`),
  ],
);

/** A home visit (家访) with the "six knows" (六知道) confirmed on it. Notes are internal. */
export const visits = pgTable(
  'visits',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    visitedOn: date('visited_on').notNull(),
    visitors: text('visitors').notNull(),
    knows: text('knows').array().notNull(),
    notes: text('notes').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visits_household_idx').on(t.householdId, t.visitedOn)],
);

export const symposiums = pgTable('symposiums', {
  id: serial('id').primaryKey(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnits.id),
  heldOn: date('held_on').notNull(),
  place: text('place').notNull(),
  policies: text('policies').notNull().default(''),
  recordedBy: integer('recorded_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const symposiumAttendees = pgTable(
  'symposium_attendees',
  {
    symposiumId: integer('symposium_id')
      .notNull()
      .references(() => symposiums.id, { onDelete: 'cascade' }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
  },
  (t) => [primaryKey({ columns: [t.symposiumId, t.householdId] })],
);

export const symposiumOpinions = pgTable(
  'symposium_opinions',
  {
    id: serial('id').primaryKey(),
    symposiumId: integer('symposium_id')
      .notNull()
      .references(() => symposiums.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
  },
  (t) => [index('symposium_opinions_symposium_idx').on(t.symposiumId)],
);

/** A concrete deed (办实事) from an appeal heard on a visit or an opinion at a symposium. */
export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    householdId: integer('household_id').references(() => households.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    visitId: integer('visit_id').references(() => visits.id),
    opinionId: integer('opinion_id').references(() => symposiumOpinions.id),
    appeal: text('appeal').notNull(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
    outcome: text('outcome'),
    doneOn: date('done_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_unit_idx').on(t.unitId, t.status),
    index('tasks_household_idx').on(t.householdId),
    index('tasks_owner_idx').on(t.ownerId, t.status),
    uniqueIndex('tasks_opinion_key')
      .on(t.opinionId)
      .where(sql`${t.opinionId} IS NOT NULL`),
    check('tasks_status_check', inList(t.status, TASK_STATUSES)),
    check('tasks_done_check', sql`(${t.status} = 'done') = (${t.doneOn} IS NOT NULL AND ${t.outcome} IS NOT NULL)`),
  ],
);
