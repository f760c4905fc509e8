import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/pg-core';
import type { Queryable, Tx } from '@/db/client';
import { caseDocuments, caseSteps, cases, DOCUMENT_PURPOSES, orgUnits, students, users } from '@/db/schema';
import { computeAmount, NO_FILE, type AmountRule, type StandardCategory } from '@/lib/aid/standards';
import { notFound } from '@/lib/errors';
import { maskIdNumber, maskName } from '@/lib/mask';
import { escapeLike, likePrefix, scopeOf, type Actor } from '@/lib/scope';
import { AWARD_TIERS, proofNeeded, type AwardTier, type Proof, type Stage } from '@/lib/students/stages';
import { CASE_STATES, waitingOn, type CaseKind, type CaseState } from '@/lib/workflow/case-workflow';
import { caseReadable, standardInForce } from './cases';
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
const parentColumns = { parentName: users.name, employeeNo: users.employeeNo, unitName: orgUnits.name };

/**
 * One page of students (joined to the parent and the parent's unit) and how many there are in all.
 * The caller names the row type its `fields` select (drizzle's inference does not survive a
 * generic helper).
 */
async function studentsPage<Row>(
  db: Queryable,
  fields: SelectedFields,
  where: SQL | undefined,
  order: SQL[],
  page: number,
): Promise<[Row[], number]> {
  const joined = (q: ReturnType<Queryable['select']>) =>
    q
      .from(students)
      .innerJoin(users, eq(users.id, students.workerId))
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(where);
  const [rows, [{ total }]] = await Promise.all([
    joined(db.select(fields))
      .orderBy(...order)
      .limit(STUDENT_PAGE_SIZE)
      .offset((page - 1) * STUDENT_PAGE_SIZE),
    joined(db.select({ total: count() })) as unknown as Promise<{ total: number }[]>,
  ]);
  return [rows as Row[], total];
}

export interface StudentFilter {
  q?: string;
  stage?: Stage;
  unitId?: number;
  page: number;
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

/** The students the actor may see: a worker's own children, an official's unit's, all for leaders. */
export async function listStudents(
  db: Queryable,
  actor: Actor,
  f: StudentFilter,
): Promise<{ rows: StudentRow[]; total: number }> {
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
  const [rows, total] = await studentsPage<Row>(
    db,
    { ...recordColumns, ...parentColumns },
    where,
    [asc(users.employeeNo), asc(students.birthDate), asc(students.id)],
    f.page,
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
    total,
  };
}

export interface StudentForEdit {
  id: number;
  name: string;
  /** Masked: the edit form asks for the full number when it opens (students/actions.ts#readStudentIdNumber). */
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

/**
 * The live case of a kind for a student and school year (the one the partial unique index lets
 * exist), or null. Only for a student the caller has already found through a scoped query.
 */
export async function liveCaseOf(
  db: Queryable,
  kind: CaseKind,
  studentId: number,
  schoolYear: number,
): Promise<{ id: number; state: CaseState; applicantId: number } | null> {
  const [row] = await db
    .select({ id: cases.id, state: cases.state, applicantId: cases.applicantId })
    .from(cases)
    .where(
      and(
        eq(cases.kind, kind),
        eq(cases.studentId, studentId),
        eq(cases.schoolYear, schoolYear),
        notInArray(cases.state, [...FREE_STATES]),
      ),
    );
  return row ?? null;
}

export interface CaseDocumentBrief {
  id: number;
  fileName: string;
  purpose: (typeof DOCUMENT_PURPOSES)[number];
  sizeBytes: number;
}

/** A case's documents with what each proves (the case already found through a scoped query). */
export function documentsOf(db: Queryable, caseId: number): Promise<CaseDocumentBrief[]> {
  return db
    .select({
      id: caseDocuments.id,
      fileName: caseDocuments.fileName,
      purpose: caseDocuments.purpose,
      sizeBytes: caseDocuments.sizeBytes,
    })
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.id));
}

export interface StudentAidDraft {
  id: number;
  state: CaseState;
  version: number;
  token: string;
  studentId: number;
  schoolYear: number;
  stage: Stage;
  grade: number;
  tuitionFen: number;
  livingFen: number;
  familySituation: string;
  note: string;
  amountFen: number | null;
  /** Set at the first submission: the standard in force on it applies, across returns. */
  appliedOn: string | null;
  returnComment: string | null;
  documents: CaseDocumentBrief[];
}

/** The worker's own student aid application while they may still change it; anything else is not found. */
export async function getOwnStudentAid(
  db: Queryable,
  actor: Actor,
  id: number,
  editable: readonly CaseState[],
): Promise<StudentAidDraft> {
  const [c] = await db
    .select({
      id: cases.id,
      state: cases.state,
      version: cases.version,
      token: cases.submitToken,
      studentId: cases.studentId,
      schoolYear: cases.schoolYear,
      stage: cases.stage,
      grade: cases.grade,
      tuitionFen: cases.tuitionFen,
      livingFen: cases.livingFen,
      familySituation: cases.familySituation,
      note: cases.whatHappened,
      amountFen: cases.amountFen,
      appliedOn: cases.appliedOn,
    })
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.applicantId, actor.userId), eq(cases.kind, 'student_aid')));
  if (!c || !editable.includes(c.state)) throw notFound();
  const [returned] =
    c.state === 'draft'
      ? []
      : await db
          .select({ comment: caseSteps.comment })
          .from(caseSteps)
          .where(and(eq(caseSteps.caseId, id), eq(caseSteps.action, 'return')))
          .orderBy(desc(caseSteps.at), desc(caseSteps.id))
          .limit(1);
  return {
    ...c,
    studentId: c.studentId!,
    schoolYear: c.schoolYear!,
    stage: c.stage!,
    grade: c.grade!,
    tuitionFen: c.tuitionFen ?? 0,
    livingFen: c.livingFen ?? 0,
    returnComment: returned?.comment ?? null,
    documents: await documentsOf(db, id),
  };
}

// ── Outstanding aided students (优秀受助生) ─────────────────────────────────────────────────────

export interface NomineeRow {
  id: number;
  name: string;
  school: string;
  stage: Stage;
  grade: number;
  parentName: string;
  employeeNo: string;
  unitName: string;
  /** The last school year in which the student was paid student aid. */
  lastAidedYear: number;
}

/** A student who was paid student aid in a school year up to `schoolYear`: who may be nominated that year. */
export function aidedBy(schoolYear: number): SQL {
  return sql`EXISTS (SELECT 1 FROM ${cases} a WHERE a.student_id = ${students.id} AND a.kind = 'student_aid' AND a.state = 'paid' AND a.school_year <= ${schoolYear})`;
}

/**
 * Students the actor may nominate for a school year: in scope, aided by then, and without a live
 * award for that year. Searchable by student, parent or school.
 */
export async function nominees(
  db: Queryable,
  actor: Actor,
  schoolYear: number,
  f: { q?: string; page: number },
): Promise<{ rows: NomineeRow[]; total: number }> {
  const q = f.q?.trim();
  const where = and(
    studentVisible(actor),
    aidedBy(schoolYear),
    sql`NOT EXISTS (SELECT 1 FROM ${cases} w WHERE w.student_id = ${students.id} AND w.kind = 'student_award' AND w.school_year = ${schoolYear} AND w.state NOT IN ('rejected', 'withdrawn'))`,
    q
      ? or(
          ilike(students.name, `%${escapeLike(q)}%`),
          ilike(students.school, `%${escapeLike(q)}%`),
          ilike(users.name, `%${escapeLike(q)}%`),
          ilike(users.employeeNo, `${escapeLike(q)}%`),
        )
      : undefined,
  );
  const lastAidedYear = sql<number>`(SELECT max(a.school_year) FROM ${cases} a WHERE a.student_id = ${students.id} AND a.kind = 'student_aid' AND a.state = 'paid')`;
  const [rows, total] = await studentsPage<NomineeRow>(
    db,
    {
      id: students.id,
      name: students.name,
      school: students.school,
      stage: students.stage,
      grade: students.grade,
      ...parentColumns,
      lastAidedYear,
    },
    where,
    [asc(orgUnits.path), asc(users.employeeNo), asc(students.id)],
    f.page,
  );
  return { rows, total };
}

export interface TierOffer {
  tier: AwardTier;
  rule: AmountRule | null;
}

export interface AwardRow {
  id: number;
  version: number;
  state: CaseState;
  schoolYear: number;
  studentName: string;
  school: string;
  stage: Stage;
  grade: number;
  parentName: string;
  unitName: string;
  results: string | null;
  nominatorName: string | null;
  awardTier: AwardTier | null;
  amountFen: number | null;
  /** While awaiting the leader: what each tier of the standard in force on the nomination date pays. */
  tiers: TierOffer[];
  documents: CaseDocumentBrief[];
}

const nominator = alias(users, 'nominator');
const parent = alias(users, 'parent');

/**
 * The award cases of a school year the actor may read, by state: the leader's queue (nominated,
 * awaiting the tier) or the year's list. Names stay whole here: only officials and leaders, who
 * decide on them, read this; the public list masks them (publishedAwards).
 */
export async function awardCases(
  db: Queryable,
  actor: Actor,
  schoolYear: number,
  states: readonly CaseState[],
): Promise<AwardRow[]> {
  const rows = await db
    .select({
      id: cases.id,
      version: cases.version,
      state: cases.state,
      schoolYear: cases.schoolYear,
      studentName: students.name,
      school: students.school,
      stage: cases.stage,
      grade: cases.grade,
      parentName: parent.name,
      unitName: orgUnits.name,
      results: cases.results,
      nominatorName: nominator.name,
      awardTier: cases.awardTier,
      amountFen: cases.amountFen,
      category: cases.category,
      appliedOn: cases.appliedOn,
    })
    .from(cases)
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .innerJoin(students, eq(students.id, cases.studentId))
    .innerJoin(parent, eq(parent.id, cases.applicantId))
    .leftJoin(
      caseSteps,
      and(
        eq(caseSteps.caseId, cases.id),
        eq(caseSteps.step, 'review'),
        eq(caseSteps.toState, 'reviewed'),
        eq(caseSteps.fromState, 'draft'),
      ),
    )
    .leftJoin(nominator, eq(nominator.id, caseSteps.actorId))
    .where(
      and(
        eq(cases.kind, 'student_award'),
        eq(cases.schoolYear, schoolYear),
        inArray(cases.state, [...states]),
        caseReadable(actor),
      ),
    )
    .orderBy(asc(cases.submittedAt), asc(cases.id));
  const standards = new Map<string, Awaited<ReturnType<typeof standardInForce>>>();
  const out: AwardRow[] = [];
  for (const { category, appliedOn, ...r } of rows) {
    let tiers: TierOffer[] = [];
    if (r.state === 'reviewed' && appliedOn) {
      if (!standards.has(appliedOn)) standards.set(appliedOn, await standardInForce(db, appliedOn));
      const standard = standards.get(appliedOn);
      tiers = AWARD_TIERS.map((tier) => {
        const computed = standard
          ? computeAmount(standard, 'student_award', (category ?? NO_FILE) as StandardCategory, tier)
          : null;
        return { tier, rule: computed?.ok ? computed.amount.rule : null };
      });
    }
    out.push({
      ...r,
      schoolYear: r.schoolYear!,
      stage: r.stage!,
      grade: r.grade!,
      tiers,
      documents: await documentsOf(db, r.id),
    });
  }
  return out;
}

export interface PublishedAward {
  id: number;
  maskedName: string;
  unitName: string;
  stage: Stage;
  awardTier: AwardTier;
  amountFen: number;
  state: CaseState;
}

/**
 * The year's award list as the mine reads it (like the publicity page): masked names, unit,
 * stage, tier and amount; no ID numbers, schools or results. Every signed-in person may read it.
 */
export async function publishedAwards(db: Queryable, schoolYear: number): Promise<PublishedAward[]> {
  const rows = await db
    .select({
      id: cases.id,
      name: students.name,
      unitName: orgUnits.name,
      stage: cases.stage,
      awardTier: cases.awardTier,
      amountFen: cases.amountFen,
      state: cases.state,
    })
    .from(cases)
    .innerJoin(students, eq(students.id, cases.studentId))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(
      and(
        eq(cases.kind, 'student_award'),
        eq(cases.schoolYear, schoolYear),
        inArray(cases.state, [...PUBLISHED_STATES]),
      ),
    )
    .orderBy(
      sql`array_position(ARRAY[${sql.raw(AWARD_TIERS.map((t) => `'${t}'`).join(','))}]::text[], ${cases.awardTier})`,
      asc(orgUnits.path),
      asc(cases.id),
    );
  return rows.map(({ name, ...r }) => ({
    ...r,
    maskedName: maskName(name),
    stage: r.stage!,
    awardTier: r.awardTier!,
    amountFen: r.amountFen!,
  }));
}

/** The school years that have student aid or award cases, newest first, for the year pickers. */
export async function fundYears(db: Queryable): Promise<number[]> {
  const rows = await db
    .selectDistinct({ y: cases.schoolYear })
    .from(cases)
    .where(and(isNotNull(cases.schoolYear), lte(cases.schoolYear, 2100)))
    .orderBy(desc(cases.schoolYear));
  return rows.map((r) => r.y!);
}

export interface StudentCaseFacts {
  kind: 'student_aid' | 'student_award';
  studentId: number;
  studentName: string;
  idNumberMasked: string;
  school: string;
  schoolYear: number;
  stage: Stage;
  grade: number;
  tuitionFen: number | null;
  livingFen: number | null;
  awardTier: AwardTier | null;
  results: string | null;
  /** Admission letter or enrolment certificate (student aid): which one the case needs. */
  proof: Proof | null;
  proofDocuments: number;
}

/**
 * The student-specific facts of a student aid or award case, for whoever may read the case (the
 * case page's own scope rule); null for any other case, or one out of scope.
 */
export async function getStudentCaseFacts(
  db: Queryable,
  actor: Actor,
  caseId: number,
): Promise<StudentCaseFacts | null> {
  const [row] = await db
    .select({
      kind: cases.kind,
      studentId: students.id,
      studentName: students.name,
      idNumber: students.idNumber,
      school: students.school,
      recordStage: students.stage,
      admissionYear: students.admissionYear,
      schoolYear: cases.schoolYear,
      stage: cases.stage,
      grade: cases.grade,
      tuitionFen: cases.tuitionFen,
      livingFen: cases.livingFen,
      awardTier: cases.awardTier,
      results: cases.results,
    })
    .from(cases)
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .innerJoin(students, eq(students.id, cases.studentId))
    .where(and(eq(cases.id, caseId), caseReadable(actor)));
  if (!row || row.kind === 'aid') return null;
  const { idNumber, recordStage, admissionYear, ...r } = row;
  const proof =
    r.kind === 'student_aid'
      ? proofNeeded({ stage: r.stage!, grade: r.grade! }, { stage: recordStage, admissionYear }, r.schoolYear!)
      : null;
  const [{ n }] = proof
    ? await db
        .select({ n: count() })
        .from(caseDocuments)
        .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.purpose, proof)))
    : [{ n: 0 }];
  return {
    ...r,
    kind: r.kind as StudentCaseFacts['kind'],
    idNumberMasked: maskIdNumber(idNumber),
    schoolYear: r.schoolYear!,
    stage: r.stage!,
    grade: r.grade!,
    proof,
    proofDocuments: n,
  };
}
