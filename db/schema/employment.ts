import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { EMPLOYMENT_KINDS, FOLLOW_UP_KINDS, OUTCOMES } from '../../lib/employment/rules';
import { orgUnits } from './org';
import { householdEvents, households } from './register';
import { students } from './students';
import { users } from './users';

const inList = (col: unknown, values: readonly string[]) =>
  sql`${col} IN (${sql.raw(values.map((v) => `'${v}'`).join(','))})`;

/**
 * One person's employment file (一人一档): whom it is for, their schooling and wishes, and how it
 * ended. `unit_id` is the unit of the worker the person belongs to (the scope); a graduate's file
 * points at the student record it was opened from, once per student. A placement may be linked to
 * the household's exit event (脱困), once.
 */
export const employmentFiles = pgTable(
  'employment_files',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: EMPLOYMENT_KINDS }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    workerId: integer('worker_id')
      .notNull()
      .references(() => users.id),
    householdId: integer('household_id').references(() => households.id),
    studentId: integer('student_id').references(() => students.id),
    name: text('name').notNull(),
    school: text('school').notNull().default(''),
    major: text('major').notNull().default(''),
    graduationYear: integer('graduation_year'),
    wishes: text('wishes').notNull().default(''),
    outcome: text('outcome', { enum: OUTCOMES }).notNull().default('not_yet'),
    placedOn: date('placed_on'),
    employer: text('employer'),
    exitEventId: integer('exit_event_id').references(() => householdEvents.id),
    openedOn: date('opened_on').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employment_files_student_key')
      .on(t.studentId)
      .where(sql`${t.studentId} IS NOT NULL`),
    uniqueIndex('employment_files_exit_key')
      .on(t.exitEventId)
      .where(sql`${t.exitEventId} IS NOT NULL`),
    index('employment_files_unit_idx').on(t.unitId, t.outcome),
    index('employment_files_household_idx').on(t.householdId),
    check('employment_files_kind_check', inList(t.kind, EMPLOYMENT_KINDS)),
    check('employment_files_outcome_check', inList(t.outcome, OUTCOMES)),
    check(
      'employment_files_placed_check',
      sql`(${t.outcome} = 'not_yet') = (${t.placedOn} IS NULL) AND (${t.outcome} = 'not_yet') = (${t.employer} IS NULL)`,
    ),
    check('employment_files_exit_check', sql`${t.exitEventId} IS NULL OR ${t.outcome} <> 'not_yet'`),
  ],
);

/** A follow-up (跟踪) or a referral (推荐) to an employer, on a day. */
export const employmentFollowUps = pgTable(
  'employment_follow_ups',
  {
    id: serial('id').primaryKey(),
    fileId: integer('file_id')
      .notNull()
      .references(() => employmentFiles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: FOLLOW_UP_KINDS }).notNull(),
    on: date('on').notNull(),
    note: text('note').notNull(),
    employer: text('employer').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('employment_follow_ups_file_idx').on(t.fileId, t.on),
    check('employment_follow_ups_kind_check', inList(t.kind, FOLLOW_UP_KINDS)),
  ],
);
