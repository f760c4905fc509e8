import 'server-only';
import { and, asc, count, desc, eq, notInArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { caseDocuments, caseSteps, cases, DOCUMENT_PURPOSES, orgUnits, students } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { maskIdNumber } from '@/lib/mask';
import type { Actor } from '@/lib/scope';
import { proofNeeded, type AwardTier, type Proof, type Stage } from '@/lib/students/stages';
import type { CaseKind, CaseState } from '@/lib/workflow/case-workflow';
import { caseReadable } from './cases';
import { FREE_STATES } from './students';

/**
 * Student aid applications (圆梦助学): the live case of a student and year, the worker's own
 * application while they may change it, and the student facts the case page shows.
 */

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
