import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org';
import { blindIndexOf, encrypted } from './pii';

export const ROLES = ['worker', 'sub_branch_official', 'branch_official', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    employeeNo: text('employee_no').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** Encrypted at rest (db/schema/pii.ts); `idNumberHash` is its blind index. */
    idNumber: encrypted('idNumber')('id_number'),
    idNumberHash: blindIndexOf('id_number_hash', 'id_number'),
    phone: encrypted('phone')('phone'),
    phoneHash: blindIndexOf('phone_hash', 'phone'),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    /** Set on accounts created with a one-time password (an import): every page sends them to change it first. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Bumped whenever role, unit, status or password change: live sessions carrying an older one stop working. */
    sessionVersion: integer('session_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_employee_no_key').on(t.employeeNo),
    uniqueIndex('users_id_number_key')
      .on(t.idNumberHash)
      .where(sql`${t.idNumberHash} IS NOT NULL`),
    index('users_phone_hash_idx').on(t.phoneHash),
    index('users_unit_idx').on(t.unitId),
    index('users_name_idx').on(t.name),
    // Written from ROLES, so the constraint and the enum cannot drift apart.
    check('users_role_check', sql`${t.role} IN (${sql.raw(ROLES.map((r) => `'${r}'`).join(','))})`),
  ],
);
