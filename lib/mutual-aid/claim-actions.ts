'use server';

import { and, eq, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { APPLICANT_EDITABLE } from '@/db/queries/apply';
import { getCaseHead } from '@/db/queries/cases';
import { capUsed, getEnrolment, schemeVersionOn, type EnrolmentHead } from '@/db/queries/mutual-aid';
import { caseDocuments, cases, mutualClaims, orgUnits } from '@/db/schema';
import { action } from '@/lib/auth/action';
import { storeDocument } from '@/lib/cases/case-writes';
import { sniffDocumentType, SNIFF_BYTES } from '@/lib/cases/documents';
import { moveCase } from '@/lib/cases/move';
import { todayInChina } from '@/lib/dates';
import { AppError, conflict, invalidField, notFound } from '@/lib/errors';
import { scopeOf, unitInScope, type Actor } from '@/lib/scope';
import { caseRefSchema } from '@/lib/validation/cases';
import { claimDocumentSchema, claimSchema } from '@/lib/validation/mutual-aid';
import type { z } from 'zod';
import { REFUSAL_FIELD } from './claims';
import { assessClaim, claimInputProblems, type Assessment, type ClaimInput } from './payout';

type ClaimFields = z.output<typeof claimSchema>;

const claimInput = (f: ClaimFields, filedOn: string): ClaimInput => ({
  eventOn: f.eventOn,
  filedOn,
  admittedOn: f.admittedOn,
  dischargedOn: f.dischargedOn,
  totalFen: f.total,
  basicFen: f.basic,
  otherFen: f.other,
  selfPaidFen: f.selfPaid,
  itemCode: f.itemCode || null,
});

/** The form's field for each amount of ClaimInput. */
const INPUT_FIELD: Record<string, string> = {
  totalFen: 'total',
  basicFen: 'basic',
  otherFen: 'other',
  selfPaidFen: 'selfPaid',
};

/** A worker claims on their own enrolment; an official on an enrolment of their units (never their own). */
function mayClaimOn(actor: Actor, e: EnrolmentHead): boolean {
  if (actor.role === 'worker') return e.memberId === actor.userId;
  return e.memberId !== actor.userId && unitInScope(scopeOf(actor), e.unitPath);
}

/**
 * Assesses a claim against the enrolment: the amounts and dates as entered, then the payout rules of
 * the scheme version in force on the event day. Any problem is a field error; nothing is saved.
 */
async function assess(tx: Tx, e: EnrolmentHead, input: ClaimInput) {
  const problems = claimInputProblems(input);
  if (Object.keys(problems).length > 0)
    throw new AppError(
      'invalid',
      'invalid',
      Object.fromEntries(Object.entries(problems).map(([k, m]) => [INPUT_FIELD[k] ?? k, [m]])),
    );
  const v = await schemeVersionOn(tx, e.schemeId, input.eventOn);
  if (!v) throw invalidField('eventOn', 'mutualNotEnrolled');
  const year = Number(input.eventOn.slice(0, 4));
  const result: Assessment = assessClaim({
    rule: v.rule,
    filingDeadline: v.filingDeadline,
    enrolment: { state: e.state, termStart: e.termStart, termEnd: e.termEnd, coverFrom: e.coverFrom, shares: e.shares },
    idNumber: e.memberIdNumber,
    capUsedFen: await capUsed(tx, e.id, year),
    claim: input,
  });
  if (!result.ok) {
    const [field, key] = REFUSAL_FIELD[result.reason];
    throw invalidField(field, key);
  }
  return { v, year, result };
}

/** A claim the actor filed or is the member of, locked, while it may still change (draft or returned). */
async function lockEditableClaim(tx: Tx, actor: Actor, caseId: number) {
  const [c] = await tx
    .select({
      id: cases.id,
      state: cases.state,
      version: cases.version,
      applicantId: cases.applicantId,
      unitPath: orgUnits.path,
    })
    .from(cases)
    .innerJoin(mutualClaims, eq(mutualClaims.caseId, cases.id))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(
      and(
        eq(cases.id, caseId),
        eq(cases.kind, 'mutual_aid'),
        or(eq(cases.applicantId, actor.userId), eq(cases.filedBy, actor.userId)),
      ),
    )
    .for('update', { of: cases });
  if (!c) throw notFound();
  if (!APPLICANT_EDITABLE.includes(c.state)) throw conflict('caseNotEditable');
  return c;
}

/**
 * Saves a claim as a draft (new, or changed while a draft or returned): checks it and computes the
 * payout line by line, which the form then shows. The same client token finds the same claim again.
 */
export const saveClaim = action(
  { name: 'mutual.saveClaim', can: 'mutual.claim', schema: claimSchema },
  async (input, { actor, tx }) => {
    const e = await getEnrolment(tx, actor, input.enrolmentId).catch(() => {
      throw invalidField('enrolmentId', 'mutualNotEnrolled');
    });
    if (!mayClaimOn(actor, e)) throw invalidField('enrolmentId', 'mutualNotEnrolled');
    const { v, year, result } = await assess(tx, e, claimInput(input, todayInChina()));
    const facts = {
      enrolmentId: e.id,
      schemeId: e.schemeId,
      versionId: v.id,
      capYear: year,
      hospital: input.hospital,
      admittedOn: input.admittedOn,
      dischargedOn: input.dischargedOn,
      totalFen: input.total,
      basicFen: input.basic,
      otherFen: input.other,
      selfPaidFen: input.selfPaid,
      itemCode: input.itemCode || null,
      diagnosis: input.diagnosis,
      lines: result.lines,
      payoutFen: result.payoutFen,
    };
    const [existing] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.submitToken, input.token));
    let caseId: number;
    let created = false;
    if (existing) {
      const c = await lockEditableClaim(tx, actor, existing.id);
      const [claim] = await tx
        .select({ enrolmentId: mutualClaims.enrolmentId })
        .from(mutualClaims)
        .where(eq(mutualClaims.caseId, c.id));
      if (claim.enrolmentId !== e.id) throw invalidField('enrolmentId', 'kindFixedAfterSubmit');
      await tx.update(mutualClaims).set(facts).where(eq(mutualClaims.caseId, c.id));
      const [row] = await tx
        .update(cases)
        .set({
          eventOn: input.eventOn,
          amountFen: result.payoutFen,
          computedFen: result.payoutFen,
          version: sql`${cases.version} + 1`,
          updatedAt: sql`now()` as unknown as Date,
        })
        .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
        .returning({ id: cases.id });
      if (!row) throw conflict();
      caseId = c.id;
    } else {
      [{ id: caseId }] = await tx
        .insert(cases)
        .values({
          kind: 'mutual_aid',
          applicantId: e.memberId,
          filedBy: actor.userId === e.memberId ? null : actor.userId,
          unitId: e.unitId,
          eventOn: input.eventOn,
          // The illness stays in mutual_claims (health information); the case itself names none of it.
          whatHappened: '',
          amountFen: result.payoutFen,
          computedFen: result.payoutFen,
          submitToken: input.token,
        })
        .returning({ id: cases.id });
      await tx.insert(mutualClaims).values({ ...facts, caseId, unitId: e.unitId });
      created = true;
    }
    return {
      data: { id: caseId, payoutFen: result.payoutFen, lines: result.lines, capLeftAfterFen: result.capLeftAfterFen },
      audit: {
        action: created ? 'mutual.createClaim' : 'mutual.updateClaim',
        entity: 'case',
        entityId: caseId,
        // The diagnosis is health information: the audit log records that a claim changed, not the illness.
        after: { enrolmentId: e.id, versionId: v.id, eventOn: input.eventOn, payoutFen: result.payoutFen },
      },
    };
  },
);

/**
 * A claim document: one of the scheme's papers, sniffed from its content like every case document;
 * a file whose name claims one type while its content is another is refused (a renamed photo is not
 * the PDF it says it is).
 */
export const uploadClaimDocument = action(
  { name: 'mutual.uploadClaimDocument', can: 'mutual.claim', schema: claimDocumentSchema },
  async ({ caseId, purpose, file }, { actor, tx }) => {
    await lockEditableClaim(tx, actor, caseId);
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const type = sniffDocumentType(head);
    const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
    const named =
      ext === 'pdf'
        ? 'application/pdf'
        : ext === 'png'
          ? 'image/png'
          : ['jpg', 'jpeg'].includes(ext)
            ? 'image/jpeg'
            : null;
    if (type && named && named !== type) throw invalidField('file', 'uploadNameMismatch');
    const doc = await storeDocument(tx, actor, caseId, file, purpose, 'file');
    return {
      data: { id: doc.id, fileName: doc.fileName },
      audit: {
        action: 'mutual.uploadClaimDocument',
        entity: 'case_document',
        entityId: doc.id,
        after: { caseId, fileName: doc.fileName, contentType: doc.contentType, sizeBytes: doc.sizeBytes, purpose },
      },
    };
  },
);

/**
 * Submits a claim (or sends a returned one back to the step that returned it): the scheme's required
 * papers must all be there, and the payout is computed again on today's cap, so what the deciders
 * see is what the rules give now. The move is the chain's own, taken for the member (the applicant of
 * the case) even when an official filed it; the audit row names who did.
 */
export const submitClaim = action(
  { name: 'mutual.submitClaim', can: 'mutual.claim', schema: caseRefSchema },
  async ({ caseId, version }, { actor, tx }) => {
    const locked = await lockEditableClaim(tx, actor, caseId);
    if (locked.version !== version) throw conflict();
    const [claim] = await tx.select().from(mutualClaims).where(eq(mutualClaims.caseId, caseId));
    const e = await getEnrolment(tx, { ...actor, role: 'leader' }, claim.enrolmentId);
    const [c] = await tx.select({ eventOn: cases.eventOn }).from(cases).where(eq(cases.id, caseId));
    const input: ClaimInput = {
      eventOn: c.eventOn,
      filedOn: todayInChina(),
      admittedOn: claim.admittedOn,
      dischargedOn: claim.dischargedOn,
      totalFen: claim.totalFen,
      basicFen: claim.basicFen,
      otherFen: claim.otherFen,
      selfPaidFen: claim.selfPaidFen,
      itemCode: claim.itemCode,
    };
    const { v, result } = await assess(tx, e, input);
    const docs = await tx
      .select({ purpose: caseDocuments.purpose })
      .from(caseDocuments)
      .where(eq(caseDocuments.caseId, caseId));
    const have = new Set(docs.map((d) => d.purpose));
    const missing = v.documents.filter((d) => !have.has(d));
    if (missing.length > 0) throw new AppError('invalid', 'invalid', { documents: ['mutualMissingDocuments'] });
    await tx
      .update(mutualClaims)
      .set({ versionId: v.id, lines: result.lines, payoutFen: result.payoutFen })
      .where(eq(mutualClaims.caseId, caseId));
    const member = { userId: locked.applicantId, role: 'worker' as const, unitPath: locked.unitPath };
    const head = await getCaseHead(tx, { ...actor, userId: locked.applicantId, role: 'worker' }, caseId);
    const first = head.state === 'draft';
    const moved = await moveCase(tx, member, head, first ? 'submit' : 'resubmit', {
      expectedVersion: version,
      set: {
        amountFen: result.payoutFen,
        computedFen: result.payoutFen,
        ...(first ? { appliedOn: todayInChina(), submittedAt: sql`now()` as unknown as Date } : {}),
      },
    });
    return {
      data: { id: caseId, state: moved.to, payoutFen: result.payoutFen },
      audit: {
        action: first ? 'mutual.submitClaim' : 'mutual.resubmitClaim',
        entity: 'case',
        entityId: caseId,
        before: { state: head.state },
        after: { state: moved.to, payoutFen: result.payoutFen, versionId: v.id, missing },
      },
    };
  },
);
