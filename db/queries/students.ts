import 'server-only';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { type SelectedFields } from 'drizzle-orm/pg-core';
import type { Queryable, Tx } from '@/db/client';
import { cases, orgUnits, students, users } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { maskIdNumber } from '@/lib/mask';
import { escapeLike, likePrefix, scopeOf, type Actor } from '@/lib/scope';
import { type AwardTier, type Stage } from '@/lib/students/stages';
import { CASE_STATES, waitingOn, type CaseKind, type CaseState } from '@/lib/workflow/case-workflow';
import { caseReadable } from './cases';
import {
  cappedCount,
  cursorOf,
  keysetPage,
  pageOf,
  type KeysetPage,
  type PageAt,
  type SortTerm,
  type Total,
} from './keyset';
import { peopleWhere } from './scope';

/**
 * The Dream Come True fund's reads (圆梦行动). A student is seen by whoever sees their parent: the
 * worker themself, officials of the parent's unit or above, leaders; administrators run accounts
 * and see none. Queries join students → users (the parent) → org_units (the parent's unit) and
 * carry that scope in their WHERE. ID numbers leave this file masked, except for the edit form.
 */

export const STUDENT_PAGE_SIZE = 20;

/** A case slot is taken unless the case was rejected or withdrawn (the partial unique index's rule). */
export const FREE_STATES: readonly CaseState[] = ['rejected', 'withdrawn'];
/** An award the family and the mine may know of: approved and published, or further. */
export const PUBLISHED_STATES: readonly CaseState[] = ['in_publicity', 'ready_for_payment', 'paid'];

/** The states in which the applicant holds the case and may change it: a draft, or returned to them. */
export const APPLICANT_STATES: readonly CaseState[] = CASE_STATES.filter((s) => waitingOn(s) === 'applicant');

export function studentVisible(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`false`;
  return peopleWhere(scopeOf(actor)) ?? sql`true`;
}

/** A student's own record as the screens and actions read it (the ID number is masked before leaving). */
const recordColumns = {
  id: students.id,
  name: students.name,
  idNumber: students.idNumber,
  school: students.school,
  stage: students.stage,
  grade: students.grade,
  admissionYear: students.admissionYear,
};
/** The parent as lists name them. */
export const parentColumns = { parentName: users.name, employeeNo: users.employeeNo, unitName: orgUnits.name };

/**
 * One keyset page of students (joined to the parent and the parent's unit) in `order` (its last
 * term unique), and how many there are in all, counted no further than the cap. The caller names
 * the row type its `fields` select (drizzle's inference does not survive a generic helper).
 */
export async function studentsPage<Row>(
  db: Queryable,
  fields: SelectedFields,
  where: SQL | undefined,
  order: SortTerm[],
  at: PageAt,
): Promise<KeysetPage<Row> & { total: Total }> {
  const joined = (f: SelectedFields) =>
    db
      .select(f)
      .from(students)
      .innerJoin(users, eq(users.id, students.workerId))
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .$dynamic();
  const [page, total] = await Promise.all([
    keysetPage(
      order,
      at,
      STUDENT_PAGE_SIZE,
      (req) =>
        pageOf(joined({ ...fields, cursor: cursorOf(order) }), where, req) as unknown as Promise<
          (Row & { cursor: string[] })[]
        >,
    ),
    cappedCount(db, joined({ id: students.id }).where(where)),
  ]);
  return { ...(page as KeysetPage<Row>), total };
}

export interface StudentFilter extends PageAt {
  q?: string;
  stage?: Stage;
  unitId?: number;
}

export interface StudentCaseBrief {
  id: number;
  kind: CaseKind;
  schoolYear: number;
  state: CaseState;
  amountFen: number | null;
  awardTier: AwardTier | null;
}

export interface StudentRow {
  id: number;
  name: string;
  idNumberMasked: string;
  school: string;
  stage: Stage;
  grade: number;
  admissionYear: number;
  parentName: string;
  employeeNo: string;
  unitName: string;
  cases: StudentCaseBrief[];
}

/** The student aid and award cases of some students that the actor may read, newest year first. */
async function casesOfStudents(db: Queryable, actor: Actor, ids: number[]): Promise<Map<number, StudentCaseBrief[]>> {
  const byStudent = new Map<number, StudentCaseBrief[]>();
  if (!ids.length) return byStudent;
  const rows = await db
    .select({
      studentId: cases.studentId,
      id: cases.id,
      kind: cases.kind,
      schoolYear: cases.schoolYear,
      state: cases.state,
      amountFen: cases.amountFen,
      awardTier: cases.awardTier,
    })
    .from(cases)
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(and(inArray(cases.studentId, ids), caseReadable(actor)))
    .orderBy(desc(cases.schoolYear), asc(cases.kind), desc(cases.id));
  for (const { studentId, schoolYear, ...c } of rows) {
    const list = byStudent.get(studentId!) ?? [];
    list.push({ ...c, schoolYear: schoolYear! });
    byStudent.set(studentId!, list);
  }
  return byStudent;
}

/** By parent (employee number), a parent's children eldest first; a cursor holds (employee no., birth date, id). */
const STUDENT_ORDER: SortTerm[] = [
  { expr: users.employeeNo, dir: 'asc' },
  { expr: students.birthDate, dir: 'asc' },
  { expr: students.id, dir: 'asc' },
];

/** The students the actor may see: a worker's own children, an official's unit's, all for leaders. */
export async function listStudents(
  db: Queryable,
  actor: Actor,
  f: StudentFilter,
): Promise<KeysetPage<StudentRow> & { total: Total }> {
  const q = f.q?.trim();
  const unitPath = f.unitId
    ? (await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, f.unitId)))[0]?.path
    : undefined;
  const where = and(
    studentVisible(actor),
    q
      ? or(
          ilike(students.name, `%${escapeLike(q)}%`),
          ilike(students.school, `%${escapeLike(q)}%`),
          ilike(users.name, `%${escapeLike(q)}%`),
          ilike(users.employeeNo, `${escapeLike(q)}%`),
        )
      : undefined,
    f.stage ? eq(students.stage, f.stage) : undefined,
    f.unitId ? (unitPath ? sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}` : sql`false`) : undefined,
  );
  type Row = Omit<StudentRow, 'idNumberMasked' | 'cases'> & { idNumber: string };
  const { rows, prev, next, total } = await studentsPage<Row>(
    db,
    { ...recordColumns, ...parentColumns },
    where,
    STUDENT_ORDER,
    f,
  );
  const byStudent = await casesOfStudents(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return {
    rows: rows.map(({ idNumber, ...r }) => ({
      ...r,
      idNumberMasked: maskIdNumber(idNumber),
      cases: byStudent.get(r.id) ?? [],
    })),
    prev,
    next,
    total,
  };
}

export interface StudentForEdit {
  id: number;
  name: string;
  /** Masked: the edit form shows the full number only on an audited "show" (student-actions.ts#readStudentIdNumber). */
  idNumberMasked: string;
  school: string;
  stage: Stage;
  grade: number;
  admissionYear: number;
  workerId: number;
  parentName: string;
  employeeNo: string;
  unitName: string;
  cases: StudentCaseBrief[];
}

/** One student for the edit page, with the cases the actor may read; out of scope is not found. */
export async function getStudentForEdit(db: Queryable, actor: Actor, id: number): Promise<StudentForEdit> {
  const [row] = await db
    .select({ ...recordColumns, workerId: students.workerId, ...parentColumns })
    .from(students)
    .innerJoin(users, eq(users.id, students.workerId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(students.id, id), studentVisible(actor)));
  if (!row) throw notFound();
  const { idNumber, ...rest } = row;
  return {
    ...rest,
    idNumberMasked: maskIdNumber(idNumber),
    cases: (await casesOfStudents(db, actor, [id])).get(id) ?? [],
  };
}

export interface StudentHead {
  id: number;
  workerId: number;
  name: string;
  idNumber: string;
  school: string;
  stage: Stage;
  grade: number;
  admissionYear: number;
  parentUnitId: number;
  updatedAt: Date;
}

/** A student the actor may see, locked for the caller's transaction (an update, an application). */
export async function lockStudent(tx: Tx, actor: Actor, id: number): Promise<StudentHead> {
  const [row] = await tx
    .select({
      ...recordColumns,
      workerId: students.workerId,
      parentUnitId: users.unitId,
      updatedAt: students.updatedAt,
    })
    .from(students)
    .innerJoin(users, eq(users.id, students.workerId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(students.id, id), studentVisible(actor)))
    .for('update', { of: students });
  if (!row) throw notFound();
  return row;
}

export interface OwnStudentOption {
  id: number;
  name: string;
  school: string;
  stage: Stage;
  grade: number;
  admissionYear: number;
  updatedAt: Date;
}

/** The worker's own registered children, for the application form. */
export function ownStudents(db: Queryable, actor: Actor): Promise<OwnStudentOption[]> {
  return db
    .select({
      id: students.id,
      name: students.name,
      school: students.school,
      stage: students.stage,
      grade: students.grade,
      admissionYear: students.admissionYear,
      updatedAt: students.updatedAt,
    })
    .from(students)
    .where(eq(students.workerId, actor.userId))
    .orderBy(asc(students.birthDate), asc(students.id));
}
