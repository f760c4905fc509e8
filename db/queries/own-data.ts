import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import {
  caseDocuments,
  caseSteps,
  cases,
  householdEvents,
  householdMembers,
  households,
  notifications,
  orgUnits,
  payments,
  students,
  users,
} from '@/db/schema';
import { notFound } from '@/lib/errors';
import { memberColumns } from './imports';
import { maskIdNumber, maskPhone } from '@/lib/mask';

/**
 * Everything the portal holds about one person and their household that they may see themself:
 * profile, hardship file (without the keepers' internal notes and visit records), family members,
 * their applications with each step, payments, their children's student records, the list of
 * documents (names, not contents) and notifications. Nobody else's personal data: deciders appear
 * by their step, not by name. `masked` shows numbers as the pages show them (the person's own
 * download); unmasked is the administrator's full set for a request.
 */
export async function ownData(db: Queryable, userId: number, opts: { masked: boolean }) {
  const id = (v: string | null) => (opts.masked ? maskIdNumber(v) : (v ?? ''));
  const tel = (v: string | null) => (opts.masked ? maskPhone(v) : (v ?? ''));
  const [profile] = await db
    .select({
      employeeNo: users.employeeNo,
      name: users.name,
      role: users.role,
      unit: orgUnits.name,
      idNumber: users.idNumber,
      phone: users.phone,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(eq(users.id, userId));
  if (!profile) throw notFound();

  const [file] = await db
    .select({
      id: households.id,
      status: households.status,
      category: households.category,
      keepingLevel: households.keepingLevel,
      causes: households.causes,
      monthlyIncomeFen: households.monthlyIncomeFen,
      housing: households.housing,
      address: households.address,
      phone: households.phone,
      filedOn: households.filedOn,
      reviewDue: households.reviewDue,
      exitedOn: households.exitedOn,
      exitReason: households.exitReason,
    })
    .from(households)
    .where(eq(households.workerId, userId));
  const household = file
    ? {
        ...file,
        phone: tel(file.phone),
        members: await db
          .select(memberColumns)
          .from(householdMembers)
          .where(eq(householdMembers.householdId, file.id))
          .orderBy(asc(householdMembers.id)),
        timeline: await db
          .select({
            kind: householdEvents.kind,
            on: householdEvents.on,
            fromCategory: householdEvents.fromCategory,
            toCategory: householdEvents.toCategory,
          })
          .from(householdEvents)
          .where(eq(householdEvents.householdId, file.id))
          .orderBy(asc(householdEvents.on), asc(householdEvents.id)),
      }
    : null;

  const myCases = await db
    .select({
      id: cases.id,
      kind: cases.kind,
      aidKind: cases.aidKind,
      state: cases.state,
      eventOn: cases.eventOn,
      whatHappened: cases.whatHappened,
      helpAsked: cases.helpAsked,
      familySituation: cases.familySituation,
      studentId: cases.studentId,
      schoolYear: cases.schoolYear,
      amountFen: cases.amountFen,
      appliedOn: cases.appliedOn,
      submittedAt: cases.submittedAt,
    })
    .from(cases)
    .where(eq(cases.applicantId, userId))
    .orderBy(asc(cases.id));
  const caseIds = myCases.map((c) => c.id);
  const steps = caseIds.length
    ? await db
        .select({
          caseId: caseSteps.caseId,
          step: caseSteps.step,
          action: caseSteps.action,
          fromState: caseSteps.fromState,
          toState: caseSteps.toState,
          comment: caseSteps.comment,
          at: caseSteps.at,
        })
        .from(caseSteps)
        .where(inArray(caseSteps.caseId, caseIds))
        .orderBy(asc(caseSteps.at), asc(caseSteps.id))
    : [];
  const paid = caseIds.length
    ? await db
        .select({
          caseId: payments.caseId,
          amountFen: payments.amountFen,
          paidOn: payments.paidOn,
          method: payments.method,
        })
        .from(payments)
        .where(inArray(payments.caseId, caseIds))
        .orderBy(asc(payments.paidOn))
    : [];
  const documents = caseIds.length
    ? await db
        .select({
          caseId: caseDocuments.caseId,
          fileName: caseDocuments.fileName,
          contentType: caseDocuments.contentType,
          purpose: caseDocuments.purpose,
          sizeBytes: caseDocuments.sizeBytes,
          uploadedAt: caseDocuments.createdAt,
        })
        .from(caseDocuments)
        .where(inArray(caseDocuments.caseId, caseIds))
        .orderBy(asc(caseDocuments.id))
    : [];
  const children = await db
    .select({
      id: students.id,
      name: students.name,
      idNumber: students.idNumber,
      birthDate: students.birthDate,
      school: students.school,
      stage: students.stage,
      grade: students.grade,
      admissionYear: students.admissionYear,
    })
    .from(students)
    .where(eq(students.workerId, userId))
    .orderBy(asc(students.id));
  const notes = await db
    .select({ kind: notifications.kind, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.id));

  return {
    profile: { ...profile, idNumber: id(profile.idNumber), phone: tel(profile.phone) },
    household,
    cases: myCases.map((c) => ({
      ...c,
      history: steps.filter((s) => s.caseId === c.id).map(({ caseId: _c, ...s }) => s),
      payments: paid.filter((p) => p.caseId === c.id).map(({ caseId: _c, ...p }) => p),
      documents: documents.filter((d) => d.caseId === c.id).map(({ caseId: _c, ...d }) => d),
    })),
    students: children.map((s) => ({ ...s, idNumber: id(s.idNumber) })),
    notifications: notes,
  };
}
