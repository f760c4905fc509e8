import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db/client';
import {
  cases,
  employmentFiles,
  employmentFollowUps,
  householdEvents,
  households,
  orgUnits,
  students,
  users,
} from '@/db/schema';
import { FINAL_GRADE, type EmploymentKind, type Outcome } from '@/lib/employment/rules';
import { notFound } from '@/lib/errors';
import type { Actor } from '@/lib/scope';
import { registerUnitsWhere } from './scope';

export interface FileRow {
  id: number;
  kind: EmploymentKind;
  name: string;
  workerName: string;
  employeeNo: string;
  unitName: string;
  school: string;
  major: string;
  graduationYear: number | null;
  outcome: Outcome;
  placedOn: string | null;
  employer: string | null;
  exitLinked: boolean;
}

const fileColumns = {
  id: employmentFiles.id,
  kind: employmentFiles.kind,
  name: employmentFiles.name,
  workerName: users.name,
  employeeNo: users.employeeNo,
  unitName: orgUnits.name,
  school: employmentFiles.school,
  major: employmentFiles.major,
  graduationYear: employmentFiles.graduationYear,
  outcome: employmentFiles.outcome,
  placedOn: employmentFiles.placedOn,
  employer: employmentFiles.employer,
  exitLinked: sql<boolean>`${employmentFiles.exitEventId} IS NOT NULL`,
};

export const FILE_PAGE_SIZE = 100;

/** The files of the actor's units (scope in the WHERE), the open ones first, then newest. */
export function listFiles(
  db: Queryable,
  actor: Actor,
  opts: { outcome?: Outcome; page?: number } = {},
): Promise<FileRow[]> {
  return db
    .select(fileColumns)
    .from(employmentFiles)
    .innerJoin(orgUnits, eq(orgUnits.id, employmentFiles.unitId))
    .innerJoin(users, eq(users.id, employmentFiles.workerId))
    .where(and(registerUnitsWhere(actor), opts.outcome ? eq(employmentFiles.outcome, opts.outcome) : undefined))
    .orderBy(sql`${employmentFiles.outcome} = 'not_yet' DESC`, desc(employmentFiles.id))
    .limit(FILE_PAGE_SIZE)
    .offset(((opts.page ?? 1) - 1) * FILE_PAGE_SIZE);
}

/** Every file of the actor's units, for the export: capped, as a report, not a page. */
export function listAllFiles(db: Queryable, actor: Actor): Promise<FileRow[]> {
  return db
    .select(fileColumns)
    .from(employmentFiles)
    .innerJoin(orgUnits, eq(orgUnits.id, employmentFiles.unitId))
    .innerJoin(users, eq(users.id, employmentFiles.workerId))
    .where(registerUnitsWhere(actor))
    .orderBy(asc(employmentFiles.id))
    .limit(100_000);
}

export interface FileDetail extends FileRow {
  householdId: number | null;
  householdStatus: 'active' | 'exited' | null;
  studentId: number | null;
  wishes: string;
  openedOn: string;
  version: number;
}

/** One file of the actor's units; `lock` locks it for the caller's transaction. Out of scope: not found. */
export async function getFile(db: Queryable | Tx, actor: Actor, id: number, lock = false): Promise<FileDetail> {
  const q = db
    .select({
      ...fileColumns,
      householdId: employmentFiles.householdId,
      householdStatus: households.status,
      studentId: employmentFiles.studentId,
      wishes: employmentFiles.wishes,
      openedOn: employmentFiles.openedOn,
      version: employmentFiles.version,
    })
    .from(employmentFiles)
    .innerJoin(orgUnits, eq(orgUnits.id, employmentFiles.unitId))
    .innerJoin(users, eq(users.id, employmentFiles.workerId))
    .leftJoin(households, eq(households.id, employmentFiles.householdId))
    .where(and(eq(employmentFiles.id, id), registerUnitsWhere(actor)));
  const [row] = await (lock ? q.for('update', { of: employmentFiles }) : q);
  if (!row) throw notFound();
  return { ...row, exitLinked: Boolean(row.exitLinked) };
}

export function followUpsOf(db: Queryable, fileId: number) {
  return db
    .select({
      id: employmentFollowUps.id,
      kind: employmentFollowUps.kind,
      on: employmentFollowUps.on,
      note: employmentFollowUps.note,
      employer: employmentFollowUps.employer,
      recordedBy: users.name,
    })
    .from(employmentFollowUps)
    .innerJoin(users, eq(users.id, employmentFollowUps.recordedBy))
    .where(eq(employmentFollowUps.fileId, fileId))
    .orderBy(desc(employmentFollowUps.on), desc(employmentFollowUps.id));
}

export type Suggestion = {
  studentId: number;
  name: string;
  school: string;
  stage: string;
  grade: number;
  schoolYear: number;
  workerName: string;
  employeeNo: string;
  unitName: string;
};

const finalGrades = sql.raw(
  Object.entries(FINAL_GRADE)
    .map(([stage, grade]) => `(c.stage = '${stage}' AND c.grade >= ${grade})`)
    .join(' OR '),
);

/**
 * Students the portal suggests for a file: children of the actor's register households (active,
 * or left within the school year) whose student aid record of `schoolYear` (or the year before)
 * puts them in their final year, and who have no file yet.
 */
export async function suggestions(db: Queryable, actor: Actor, schoolYear: number): Promise<Suggestion[]> {
  const rows = await db.execute<Suggestion>(sql`
    SELECT DISTINCT ON (s.id) s.id AS "studentId", s.name, s.school, c.stage, c.grade, c.school_year AS "schoolYear",
           w.name AS "workerName", w.employee_no AS "employeeNo", ${orgUnits}.name AS "unitName"
    FROM ${students} s
    JOIN ${cases} c ON c.student_id = s.id AND c.kind = 'student_aid' AND c.state NOT IN ('draft', 'rejected', 'withdrawn')
    JOIN ${households} h ON h.worker_id = s.worker_id AND h.status = 'active'
    JOIN ${users} w ON w.id = s.worker_id
    JOIN ${orgUnits} ON ${orgUnits}.id = h.unit_id
    WHERE c.school_year BETWEEN ${schoolYear - 1} AND ${schoolYear} AND (${finalGrades})
      AND ${registerUnitsWhere(actor)}
      AND NOT EXISTS (SELECT 1 FROM ${employmentFiles} f WHERE f.student_id = s.id)
    ORDER BY s.id, c.school_year DESC
    LIMIT 200`);
  return rows.rows;
}

/** A household's employment files: the jobs lines of its ledger (一户一账). */
export function householdEmploymentLines(db: Queryable, householdId: number) {
  return db
    .select({
      id: employmentFiles.id,
      name: employmentFiles.name,
      kind: employmentFiles.kind,
      outcome: employmentFiles.outcome,
      placedOn: employmentFiles.placedOn,
      employer: employmentFiles.employer,
      exitLinked: sql<boolean>`${employmentFiles.exitEventId} IS NOT NULL`,
    })
    .from(employmentFiles)
    .where(eq(employmentFiles.householdId, householdId))
    .orderBy(asc(employmentFiles.id));
}

/** The household's latest exit event: what a placement links to when the exit was recorded first. */
export async function latestExitEvent(db: Queryable, householdId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: householdEvents.id })
    .from(householdEvents)
    .where(and(eq(householdEvents.householdId, householdId), eq(householdEvents.kind, 'exited')))
    .orderBy(desc(householdEvents.on), desc(householdEvents.id))
    .limit(1);
  return row?.id ?? null;
}
