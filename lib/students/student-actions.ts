'use server';

import { and, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getCaseHead, getOwnCaseByToken, standardInForce, type CaseHead } from '@/db/queries/cases';
import { liveCaseOf } from '@/db/queries/student-aid';
import { aidedBy } from '@/db/queries/student-awards';
import { APPLICANT_STATES, lockStudent, type StudentHead } from '@/db/queries/students';
import { caseDocuments, caseSteps, cases, students } from '@/db/schema';
import { computeAmount, type AmountRefusal, type StandardCategory } from '@/lib/aid/standards';
import { action } from '@/lib/auth/action';
import {
  amountColumns,
  approverAmount,
  documentRef,
  publicityFromToday,
  standardCategoryOf,
  storeDocument,
} from '@/lib/cases/case-writes';
import { moveCase, notifyNextStep, permit } from '@/lib/cases/move';
import { applyStatDeltas, countDeltas } from '@/lib/stats/case-stats';
import { unlessAlreadySubmitted } from '@/lib/cases/submit-once';
import { todayInChina } from '@/lib/dates';
import { conflict, invalidField, isUniqueViolation, notFound } from '@/lib/errors';
import { birthDateOf } from '@/lib/id-number';
import { maskIdNumber } from '@/lib/mask';
import type { Actor } from '@/lib/scope';
import { proofNeeded, schoolYearOf } from '@/lib/students/stages';
import {
  awardSchema,
  nominationSchema,
  registerStudentSchema,
  studentAidSchema,
  updateStudentSchema,
} from '@/lib/validation/students';
import { z } from 'zod';
import { id, revealReason } from '@/lib/validation/common';

/** Officials of the parent's unit or above and leaders correct records; workers register their own children. */

// ── The students register ───────────────────────────────────────────────────────────────────

type StudentInput = z.output<typeof registerStudentSchema>;

const studentFields = (s: StudentInput) => ({
  name: s.name,
  idNumber: s.idNumber,
  // The schema has checked the ID number, so its birth date is a real one.
  birthDate: birthDateOf(s.idNumber)!.toISOString().slice(0, 10),
  school: s.school,
  stage: s.stage,
  grade: s.grade,
  admissionYear: s.admissionYear,
});

/** What the audit keeps of a student: everything but the ID number, which it keeps masked. */
const auditStudent = (s: Pick<StudentHead, 'name' | 'idNumber' | 'school' | 'stage' | 'grade' | 'admissionYear'>) => ({
  name: s.name,
  idNumber: maskIdNumber(s.idNumber),
  school: s.school,
  stage: s.stage,
  grade: s.grade,
  admissionYear: s.admissionYear,
});

/** An ID number is registered once across the mine (a child of two workers, by either parent). */
function idNumberTaken(err: unknown): never {
  if (isUniqueViolation(err, 'students_id_number_key')) throw invalidField('idNumber', 'studentIdNumberTaken');
  throw err;
}

/** A worker registers a child who studies. */
export const registerStudent = action(
  { name: 'student.register', can: 'students.register', schema: registerStudentSchema },
  async (input, { actor, tx }) => {
    const [{ id }] = await tx
      .insert(students)
      .values({ ...studentFields(input), workerId: actor.userId, createdBy: actor.userId })
      .returning({ id: students.id })
      .catch(idNumberTaken);
    return {
      data: { id },
      audit: {
        action: 'student.register',
        entity: 'student',
        entityId: id,
        after: { ...auditStudent(input), workerId: actor.userId },
      },
    };
  },
);

/** The parent, or an official whose unit covers the parent's, corrects a student's record. */
export const updateStudent = action(
  { name: 'student.update', can: 'students.correct', schema: updateStudentSchema },
  async ({ studentId, ...input }, { actor, tx }) => {
    const before = await lockStudent(tx, actor, studentId);
    await tx
      .update(students)
      .set({ ...studentFields(input), updatedAt: sql`now()` })
      .where(eq(students.id, studentId))
      .catch(idNumberTaken);
    return {
      data: { id: studentId },
      audit: {
        action: 'student.update',
        entity: 'student',
        entityId: studentId,
        before: auditStudent(before),
        after: auditStudent(input),
      },
    };
  },
);

// ── Student aid (圆梦助学) ───────────────────────────────────────────────────────────────────

type AidInput = z.output<typeof studentAidSchema>;

/** Once per student and school year: the partial unique index's refusal as the form's message. */
function aidTaken(err: unknown): never {
  if (isUniqueViolation(err, 'cases_student_year_key')) throw invalidField('studentId', 'studentAidThisYear');
  throw err;
}

const aidFields = (input: AidInput, schoolYear: number) => ({
  studentId: input.studentId,
  schoolYear,
  stage: input.stage,
  grade: input.grade,
  tuitionFen: input.tuition,
  livingFen: input.living,
  familySituation: input.familySituation,
  whatHappened: input.note,
  // The ledger tells events apart by key: one student's one school year.
  eventKey: `student:${input.studentId}:${schoolYear}`,
});

/**
 * The application by its client token (a retried save finds the same case), with its fields
 * written while the worker still holds it. Refuses a student with another live application this
 * school year before writing, so the worker reads why next to the student field.
 */
async function writeApplication(
  tx: Tx,
  actor: Actor,
  input: AidInput,
): Promise<{ c: CaseHead; student: StudentHead; schoolYear: number; created: boolean }> {
  const student = await lockStudent(tx, actor, input.studentId);
  if (student.workerId !== actor.userId) throw notFound();
  const today = todayInChina();
  const [inserted] = await tx
    .insert(cases)
    .values({
      ...aidFields(input, schoolYearOf(today)),
      kind: 'student_aid',
      aidKind: 'student_aid',
      eventOn: today,
      submitToken: input.token,
      applicantId: actor.userId,
      unitId: actor.unitId,
    })
    .onConflictDoNothing({ target: cases.submitToken })
    .returning({ id: cases.id })
    .catch(aidTaken);
  const c = inserted ? await getCaseHead(tx, actor, inserted.id) : await getOwnCaseByToken(tx, actor, input.token);
  if (c.kind !== 'student_aid') throw notFound();
  const [{ schoolYear: kept }] = await tx
    .select({ schoolYear: cases.schoolYear })
    .from(cases)
    .where(eq(cases.id, c.id));
  // A draft is for the school year it is submitted in; a returned case keeps the year it was submitted for.
  const schoolYear = c.state === 'draft' ? schoolYearOf(today) : kept!;
  if (!inserted && c.submittedAt && !APPLICANT_STATES.includes(c.state))
    return { c, student, schoolYear, created: false };
  const live = await liveCaseOf(tx, 'student_aid', input.studentId, schoolYear);
  if (live && live.id !== c.id) throw invalidField('studentId', 'studentAidThisYear');
  if (inserted) return { c, student, schoolYear, created: true };
  if (!APPLICANT_STATES.includes(c.state)) throw conflict('caseNotEditable');
  const [row] = await tx
    .update(cases)
    .set({ ...aidFields(input, schoolYear), version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(cases.id, c.id), eq(cases.state, c.state), eq(cases.version, c.version)))
    .returning({ version: cases.version })
    .catch(aidTaken);
  if (!row) throw conflict();
  return { c: { ...c, version: row.version }, student, schoolYear, created: false };
}

/** Saves the application as a draft (or the worker's edits of a returned one), with the proof if sent. */
export const saveStudentAid = action(
  { name: 'studentAid.save', can: 'students.apply', schema: studentAidSchema },
  async (input, { actor, tx }) => {
    const { c, student, schoolYear, created } = await writeApplication(tx, actor, input);
    if (!APPLICANT_STATES.includes(c.state)) throw conflict('caseNotEditable');
    const proof = input.proof
      ? await storeDocument(tx, actor, c.id, input.proof, proofNeeded(input, student, schoolYear), 'proof')
      : null;
    return {
      data: { id: c.id, version: c.version },
      audit: {
        action: created ? 'studentAid.create' : 'studentAid.update',
        entity: 'case',
        entityId: c.id,
        after: {
          studentId: input.studentId,
          schoolYear,
          stage: input.stage,
          grade: input.grade,
          tuitionFen: input.tuition,
          livingFen: input.living,
          state: c.state,
          ...(proof ? { document: documentRef(proof) } : {}),
        },
      },
    };
  },
);

const NEEDS_PROOF = {
  admission_letter: 'admissionLetterRequired',
  enrolment_certificate: 'enrolmentCertificateRequired',
} as const;
const REFUSAL_FIELD: Record<AmountRefusal, string> = {
  kindNotInStandard: 'studentAidNotInStandard',
  variantNotCovered: 'stageNotInStandard',
  categoryNotCovered: 'categoryNotCovered',
};

const repeated = (c: CaseHead) => ({
  data: { id: c.id, state: c.state, repeated: true },
  audit: { action: 'studentAid.submitRepeated', entity: 'case', entityId: c.id, after: { state: c.state } },
});

/**
 * Submits the application (a draft), or resubmits it after a return: checks the proof the stage
 * and grade need, computes the amount from the standard in force on the application date by stage
 * and household category, and moves the case on the chain. The same token again answers with the
 * case already submitted.
 */
export const submitStudentAid = action(
  { name: 'studentAid.submit', can: 'students.apply', schema: studentAidSchema },
  async (input, { actor, tx }) => {
    const { c, student, schoolYear } = await writeApplication(tx, actor, input);
    if (!APPLICANT_STATES.includes(c.state)) {
      if (c.submittedAt) return repeated(c);
      throw conflict('caseNotEditable');
    }
    const purpose = proofNeeded(input, student, schoolYear);
    if (input.proof) await storeDocument(tx, actor, c.id, input.proof, purpose, 'proof');
    const [{ proofs }] = await tx
      .select({ proofs: count() })
      .from(caseDocuments)
      .where(and(eq(caseDocuments.caseId, c.id), eq(caseDocuments.purpose, purpose)));
    if (!proofs) throw invalidField('proof', NEEDS_PROOF[purpose]);

    const appliedOn = c.appliedOn ?? todayInChina();
    const standard = await standardInForce(tx, appliedOn);
    if (!standard) throw invalidField('stage', 'noStandardInForce');
    const { householdId, category } = await standardCategoryOf(tx, actor.userId);
    const computed = computeAmount(standard, 'student_aid', category, input.stage);
    if (!computed.ok) throw invalidField('stage', REFUSAL_FIELD[computed.reason]);
    const { amount } = computed;
    const move = c.state === 'draft' ? 'submit' : 'resubmit';
    const moved = await unlessAlreadySubmitted(
      tx,
      actor,
      input.token,
      moveCase(tx, actor, c, move, {
        set: {
          householdId,
          category,
          ...amountColumns(amount),
          amountReason: null,
          appliedOn,
          submittedAt: sql`now()` as unknown as Date,
        },
      }),
    );
    if (!moved) return repeated(await getOwnCaseByToken(tx, actor, input.token));
    return {
      data: { id: c.id, state: moved.to, repeated: false },
      audit: {
        action: `studentAid.${move}`,
        entity: 'case',
        entityId: c.id,
        before: { state: c.state },
        after: {
          state: moved.to,
          studentId: input.studentId,
          schoolYear,
          stage: input.stage,
          grade: input.grade,
          category,
          standardId: standard.id,
          amountFen: amount.fen,
          rule: amount.rule,
          proof: purpose,
        },
      },
    };
  },
);

// ── Outstanding aided students (优秀受助生) ─────────────────────────────────────────────────────

/**
 * A branch official nominates an aided student of their branch, citing the results. The award is
 * a case on the same chain, applied for in the parent's name (so the family sees it): it starts at
 * the leader's approval step, with the nomination recorded as the review step's decision (so the
 * nominator cannot also decide the award or an objection to it).
 */
export const nominateStudent = action(
  { name: 'studentAward.nominate', can: 'students.nominate', schema: nominationSchema },
  async (input, { actor, tx }) => {
    const [known] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.submitToken, input.token), eq(cases.kind, 'student_award')));
    if (known) {
      const c = await getCaseHead(tx, actor, known.id);
      if (!(c.stepActors.review ?? []).includes(actor.userId)) throw notFound();
      return {
        data: { id: c.id, repeated: true },
        audit: { action: 'studentAward.nominateRepeated', entity: 'case', entityId: c.id },
      };
    }
    const student = await lockStudent(tx, actor, input.studentId);
    const today = todayInChina();
    const schoolYear = schoolYearOf(today);
    const [aided] = await tx
      .select({ id: students.id })
      .from(students)
      .where(and(eq(students.id, student.id), aidedBy(schoolYear)));
    if (!aided) throw invalidField('studentId', 'studentNotAided');
    if (await liveCaseOf(tx, 'student_award', student.id, schoolYear))
      throw invalidField('studentId', 'studentAwardedThisYear');
    const { householdId, category } = await standardCategoryOf(tx, student.workerId);
    const results = JSON.stringify({ grades: input.grades, rank: input.rank, honours: input.honours });
    const [{ id }] = await tx
      .insert(cases)
      .values({
        kind: 'student_award',
        aidKind: 'student_award',
        applicantId: student.workerId,
        unitId: student.parentUnitId,
        householdId,
        category,
        state: 'reviewed',
        eventOn: today,
        eventKey: `student:${student.id}:${schoolYear}`,
        whatHappened: '',
        studentId: student.id,
        schoolYear,
        stage: student.stage,
        grade: student.grade,
        results,
        appliedOn: today,
        submittedAt: sql`now()` as unknown as Date,
        submitToken: input.token,
      })
      .returning({ id: cases.id })
      .catch((err) => {
        if (isUniqueViolation(err, 'cases_student_year_key')) throw invalidField('studentId', 'studentAwardedThisYear');
        throw err;
      });
    await tx.insert(caseSteps).values({
      caseId: id,
      step: 'review',
      action: 'approve',
      fromState: 'draft',
      toState: 'reviewed',
      actorId: actor.userId,
      comment: input.comment,
    });
    await applyStatDeltas(tx, [], countDeltas(student.parentUnitId, null, 'reviewed'));
    const document = input.document ? await storeDocument(tx, actor, id, input.document, 'results', 'document') : null;
    await notifyNextStep(tx, await getCaseHead(tx, actor, id), 'reviewed', actor.userId);
    return {
      data: { id, repeated: false },
      audit: {
        action: 'studentAward.nominate',
        entity: 'case',
        entityId: id,
        after: {
          studentId: student.id,
          schoolYear,
          category,
          results: JSON.parse(results),
          comment: input.comment,
          ...(document ? { document: documentRef(document) } : {}),
        },
      },
    };
  },
);

/**
 * A leader awards a nominated student a tier: the amount is the standard's for that tier (and the
 * household's category) in force on the nomination date; inside a range the leader may choose
 * another with a reason. A tier the standard does not have is refused. The award is then
 * published like any approved case. Rejecting a nomination is the chain's ordinary rejection.
 */
export const awardStudent = action(
  { name: 'studentAward.award', can: 'students.award', schema: awardSchema },
  async (input, { actor, tx }) => {
    const c = await getCaseHead(tx, actor, input.caseId);
    if (c.kind !== 'student_award') throw notFound();
    permit(actor, c, 'approve');
    const [{ category }] = await tx.select({ category: cases.category }).from(cases).where(eq(cases.id, c.id));
    const standard = c.appliedOn ? await standardInForce(tx, c.appliedOn) : null;
    if (!standard) throw invalidField('tier', 'noStandardInForce');
    const computed = computeAmount(standard, 'student_award', (category ?? 'none') as StandardCategory, input.tier);
    if (!computed.ok)
      throw invalidField(
        'tier',
        computed.reason === 'kindNotInStandard' ? 'awardNotInStandard' : 'awardTierNotInStandard',
      );
    const { amount } = computed;
    const chosen =
      input.amount !== undefined
        ? approverAmount(amount, input.amount, input.amountReason)
        : { fen: amount.fen, overridden: false };
    const set = {
      ...amountColumns(amount),
      awardTier: input.tier,
      amountFen: chosen.fen,
      amountReason: chosen.overridden ? input.amountReason : null,
      ...(await publicityFromToday(tx)),
    };
    const moved = await moveCase(tx, actor, c, 'approve', {
      expectedVersion: input.version,
      comment: input.comment,
      set,
    });
    return {
      data: { id: c.id, state: moved.to, version: moved.version },
      audit: {
        action: 'studentAward.award',
        entity: 'case',
        entityId: c.id,
        before: { state: c.state },
        after: {
          state: moved.to,
          tier: input.tier,
          standardId: standard.id,
          amountFen: chosen.fen,
          overridden: chosen.overridden,
          amountReason: set.amountReason,
          comment: input.comment,
        },
      },
    };
  },
);

/**
 * A student's full ID number, on an explicit "show" with a reason (the page and the edit form carry
 * it masked), for the parent or an official in scope. The read and its reason are one audit row in
 * the read's transaction.
 */
export const readStudentIdNumber = action(
  {
    name: 'student.readIdNumber',
    can: 'students.correct',
    schema: z.object({ studentId: id, reason: revealReason }),
  },
  async ({ studentId, reason }, { actor, tx }) => {
    const s = await lockStudent(tx, actor, studentId);
    return {
      data: { idNumber: s.idNumber },
      audit: { action: 'student.readIdNumber', entity: 'student', entityId: studentId, after: { reason } },
    };
  },
);
