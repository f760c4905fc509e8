'use server';

import { and, eq, sql } from 'drizzle-orm';
import { getFile, latestExitEvent } from '@/db/queries/employment';
import { getHouseholdHead } from '@/db/queries/register';
import { registerUnitsWhere } from '@/db/queries/scope';
import { employmentFiles, employmentFollowUps, households, orgUnits, students, users } from '@/db/schema';
import { action } from '@/lib/auth/action';
import { todayInChina } from '@/lib/dates';
import { exitLinkProblem, graduationYearOf, inFinalYear } from '@/lib/employment/rules';
import { conflict, invalidField, isUniqueViolation } from '@/lib/errors';
import { exitHouseholdTx } from '@/lib/register/exit';
import { schoolYearOf } from '@/lib/students/stages';
import { exitLinkSchema, followUpSchema, openFileSchema, placementSchema } from '@/lib/validation/employment';

/**
 * Opens a file (一人一档): from a suggested student of a household in scope (school and
 * graduation year from the student record, once per student), or by hand for a family member or
 * survivor of a worker in scope.
 */
export const openFile = action(
  { name: 'employment.open', can: 'employment.manage', schema: openFileSchema },
  async (input, { actor, tx }) => {
    const today = todayInChina();
    let values: typeof employmentFiles.$inferInsert;
    if (input.from === 'student') {
      const [s] = await tx
        .select({
          id: students.id,
          name: students.name,
          school: students.school,
          stage: students.stage,
          grade: students.grade,
          workerId: students.workerId,
          householdId: households.id,
          unitId: households.unitId,
        })
        .from(students)
        .innerJoin(households, eq(households.workerId, students.workerId))
        .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
        .where(and(eq(students.id, input.studentId), registerUnitsWhere(actor)));
      if (!s) throw invalidField('studentId', 'householdNotInScope');
      values = {
        kind: 'graduate',
        unitId: s.unitId,
        workerId: s.workerId,
        householdId: s.householdId,
        studentId: s.id,
        name: s.name,
        school: s.school,
        graduationYear: inFinalYear(s.stage, s.grade) ? graduationYearOf(schoolYearOf(today)) : null,
        wishes: input.wishes,
        openedOn: today,
        createdBy: actor.userId,
      };
    } else {
      const [w] = await tx
        .select({ workerId: users.id, unitId: users.unitId, householdId: households.id })
        .from(users)
        .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
        .leftJoin(households, eq(households.workerId, users.id))
        .where(and(eq(users.employeeNo, input.employeeNo), eq(users.role, 'worker'), registerUnitsWhere(actor)));
      if (!w || w.unitId === null) throw invalidField('employeeNo', 'workerNotInScope');
      values = {
        kind: input.kind,
        unitId: w.unitId,
        workerId: w.workerId,
        householdId: w.householdId,
        name: input.name,
        school: input.school,
        major: input.major,
        graduationYear: input.graduationYear,
        wishes: input.wishes,
        openedOn: today,
        createdBy: actor.userId,
      };
    }
    let id: number;
    try {
      [{ id }] = await tx.insert(employmentFiles).values(values).returning({ id: employmentFiles.id });
    } catch (err) {
      if (isUniqueViolation(err, 'employment_files_student_key')) throw invalidField('studentId', 'fileExists');
      throw err;
    }
    return {
      data: { id },
      audit: {
        action: 'employment.open',
        entity: 'employment_file',
        entityId: id,
        after: { kind: values.kind, name: values.name, studentId: values.studentId ?? null },
      },
    };
  },
);

/** A follow-up or a referral to an employer, on a file of the actor's units. */
export const addFollowUp = action(
  { name: 'employment.followUp', can: 'employment.manage', schema: followUpSchema },
  async ({ fileId, ...fields }, { actor, tx }) => {
    await getFile(tx, actor, fileId, true);
    const [{ id }] = await tx
      .insert(employmentFollowUps)
      .values({ fileId, ...fields, recordedBy: actor.userId })
      .returning({ id: employmentFollowUps.id });
    return {
      data: { id },
      audit: { action: 'employment.followUp', entity: 'employment_file', entityId: fileId, after: fields },
    };
  },
);

/** The outcome: placed at the mine or elsewhere, on a date, with the employer; once (guarded on the version). */
export const recordPlacement = action(
  { name: 'employment.place', can: 'employment.manage', schema: placementSchema },
  async ({ fileId, version, outcome, placedOn, employer }, { actor, tx }) => {
    const f = await getFile(tx, actor, fileId, true);
    if (f.outcome !== 'not_yet') throw conflict('alreadyPlaced');
    if (f.version !== version) throw conflict();
    await tx
      .update(employmentFiles)
      .set({ outcome, placedOn, employer, version: sql`${employmentFiles.version} + 1` })
      .where(eq(employmentFiles.id, fileId));
    return {
      data: null,
      audit: {
        action: 'employment.place',
        entity: 'employment_file',
        entityId: fileId,
        before: { outcome: 'not_yet' },
        after: { outcome, placedOn, employer },
      },
    };
  },
);

/**
 * Links a placement to the household's exit from hardship (脱困, reason "employment"): an active
 * household leaves the register on the placement's date through the register's own exit; one that
 * has already left has its latest exit linked. Once per file and per exit (unique keys).
 */
export const linkExit = action(
  { name: 'employment.linkExit', can: 'employment.manage', schema: exitLinkSchema },
  async ({ fileId, version }, { actor, tx }) => {
    const f = await getFile(tx, actor, fileId, true);
    const problem = exitLinkProblem(f);
    if (problem) throw conflict(problem);
    if (f.version !== version) throw conflict();
    const h = await getHouseholdHead(tx, actor, f.householdId!, 'manage');
    let eventId: number | null;
    let exited = false;
    if (h.status === 'active') {
      const reason = `就业脱困：${f.name}${f.outcome === 'placed_mine' ? '在本矿' : ''}就业（${f.employer ?? ''}）`;
      eventId = await exitHouseholdTx(tx, actor, h, f.placedOn!, reason);
      exited = true;
    } else {
      eventId = await latestExitEvent(tx, h.id);
    }
    if (eventId === null) throw conflict('noExit');
    try {
      await tx
        .update(employmentFiles)
        .set({ exitEventId: eventId, version: sql`${employmentFiles.version} + 1` })
        .where(eq(employmentFiles.id, fileId));
    } catch (err) {
      if (isUniqueViolation(err, 'employment_files_exit_key')) throw conflict('exitAlreadyLinked');
      throw err;
    }
    return {
      data: { eventId, exited },
      audit: {
        action: 'employment.linkExit',
        entity: 'employment_file',
        entityId: fileId,
        after: { householdId: h.id, eventId, exited },
      },
    };
  },
);
