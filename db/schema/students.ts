import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { STAGES } from '../../lib/students/stages';
import { blindIndexOf, encrypted } from './pii';
import { users } from './users';

const inList = (col: unknown, values: readonly string[]) =>
  sql`${col} IN (${sql.raw(values.map((v) => `'${v}'`).join(','))})`;

/**
 * A worker's child who studies (for the Dream Come True fund). The ID number is unique across the
 * mine: a child whose parents both work here is registered once, by either parent.
 */
export const students = pgTable(
  'students',
  {
    id: serial('id').primaryKey(),
    workerId: integer('worker_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** Encrypted at rest (db/schema/pii.ts); `idNumberHash` is its blind index. */
    idNumber: encrypted('idNumber')('id_number').notNull(),
    idNumberHash: blindIndexOf('id_number_hash', 'id_number'),
    birthDate: date('birth_date').notNull(),
    school: text('school').notNull(),
    stage: text('stage', { enum: STAGES }).notNull(),
    grade: integer('grade').notNull(),
    admissionYear: integer('admission_year').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('students_id_number_key').on(t.idNumberHash),
    index('students_worker_idx').on(t.workerId),
    check('students_stage_check', inList(t.stage, STAGES)),
    check('students_grade_check', sql`${t.grade} BETWEEN 1 AND 6`),
  ],
);
