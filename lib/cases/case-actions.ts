'use server';

import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { budgetFor } from '@/db/queries/budgets';
import {
  getCaseHead,
  getOwnCaseByToken,
  getPublishedCaseHead,
  ledgerPayments,
  standardInForce,
  type CaseHead,
  repeatsOf,
} from '@/db/queries/cases';
import { budgets, cases, notifications, objections, payments } from '@/db/schema';
import { checkRepeat } from '@/lib/aid/ledger';
import { computeAmount } from '@/lib/aid/standards';
import { action } from '@/lib/auth/action';
import { amountColumns, approverAmount, publicityFromToday, standardCategoryOf } from '@/lib/cases/case-writes';
import { moveCase, notifyStep, permit } from '@/lib/cases/move';
import { unlessAlreadySubmitted } from '@/lib/cases/submit-once';
import { addPayment, addPaymentMonth } from '@/lib/stats/case-stats';
import { drawClaimCap, payClaimFromFund, releaseClaimCap } from '@/lib/mutual-aid/claims';
import { todayInChina } from '@/lib/dates';
import { AppError, conflict, invalidField, isUniqueViolation, notFound } from '@/lib/errors';
import type { Actor } from '@/lib/scope';
import {
  caseDraftSchema,
  caseRefSchema,
  decideObjectionSchema,
  decideSchema,
  objectSchema,
  paymentSchema,
} from '@/lib/validation/cases';
import { id } from '@/lib/validation/common';
import { z } from 'zod';

type Draft = z.output<typeof caseDraftSchema>;

/** Only workers apply (for their own household); officials and leaders decide. */

const BEREAVEMENTS: readonly string[] = ['death_of_parent', 'death_of_spouse', 'death_of_child'];

const EDITABLE = ['draft', 'returned_from_verification', 'returned_from_review', 'returned_from_approval'];

const draftFields = ({ aidKind, eventOn, eventKey, whatHappened, helpAsked, familySituation }: Draft) => ({
  aidKind,
  eventOn,
  eventKey,
  whatHappened,
  helpAsked,
  familySituation,
});

/**
 * The application by its client token: inserted on first sight, found again on a retry (the
 * unique token makes a double-clicked or retried save one case, even when both arrive at once).
 */
async function findOrCreate(tx: Tx, actor: Actor, input: Draft): Promise<{ c: CaseHead; created: boolean }> {
  const [inserted] = await tx
    .insert(cases)
    .values({ ...draftFields(input), submitToken: input.token, applicantId: actor.userId, unitId: actor.unitId })
    .onConflictDoNothing({ target: cases.submitToken })
    .returning({ id: cases.id });
  const c = inserted ? await getCaseHead(tx, actor, inserted.id) : await getOwnCaseByToken(tx, actor, input.token);
  return { c, created: !!inserted };
}

/** Writes the fields of a draft or returned case; a guarded update, like every change of a case. */
async function writeFields(tx: Tx, c: CaseHead, input: Draft): Promise<number> {
  if (!EDITABLE.includes(c.state)) throw conflict('caseNotEditable');
  // A returned case keeps the kind its amount and rule were computed for at submission.
  if (c.state !== 'draft' && input.aidKind !== c.aidKind) throw invalidField('aidKind', 'kindFixedAfterSubmit');
  const [row] = await tx
    .update(cases)
    .set({ ...draftFields(input), version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(cases.id, c.id), eq(cases.state, c.state), eq(cases.version, c.version)))
    .returning({ version: cases.version });
  if (!row) throw conflict();
  return row.version;
}

/** Saves the worker's application as a draft (new, or edited while a draft or returned to them). */
export const saveDraft = action(
  { name: 'case.saveDraft', can: 'cases.apply', schema: caseDraftSchema },
  async (input, { actor, tx }) => {
    const { c, created } = await findOrCreate(tx, actor, input);
    const version = created ? c.version : await writeFields(tx, c, input);
    return {
      data: { id: c.id, version },
      audit: {
        action: created ? 'case.create' : 'case.update',
        entity: 'case',
        entityId: c.id,
        after: { aidKind: input.aidKind, eventOn: input.eventOn, state: c.state },
      },
    };
  },
);

/**
 * Submits the application: computes the amount from the standard in force today (kept with the
 * case) and moves draft → submitted. The same token again (a double click, a retry after a lost
 * answer) returns the case already submitted instead of making another.
 */
const repeatedSubmit = (c: CaseHead) => ({
  data: { id: c.id, state: c.state, repeated: true },
  audit: { action: 'case.submitRepeated', entity: 'case', entityId: c.id, after: { state: c.state } },
});

export const submitCase = action(
  { name: 'case.submit', can: 'cases.apply', schema: caseDraftSchema },
  async (input, { actor, tx }) => {
    const { c } = await findOrCreate(tx, actor, input);
    if (c.state !== 'draft') {
      if (c.submittedAt) return repeatedSubmit(c);
      throw conflict('caseNotEditable');
    }
    // A bereavement is paid once per death: the ledger needs to know whose.
    if (BEREAVEMENTS.includes(input.aidKind) && !input.eventKey) throw invalidField('eventKey', 'eventKeyRequired');
    const appliedOn = todayInChina();
    const standard = await standardInForce(tx, appliedOn);
    if (!standard) throw invalidField('aidKind', 'noStandardInForce');
    const { householdId, category } = await standardCategoryOf(tx, actor.userId);
    const computed = computeAmount(standard, input.aidKind, category);
    if (!computed.ok) throw invalidField('aidKind', computed.reason);
    const { amount } = computed;
    const moved = await unlessAlreadySubmitted(
      tx,
      actor,
      input.token,
      moveCase(tx, actor, c, 'submit', {
        set: {
          ...draftFields(input),
          householdId,
          category,
          ...amountColumns(amount),
          appliedOn,
          submittedAt: sql`now()` as unknown as Date,
        },
      }),
    );
    if (!moved) return repeatedSubmit(await getOwnCaseByToken(tx, actor, input.token));
    return {
      data: { id: c.id, state: moved.to, repeated: false },
      audit: {
        action: 'case.submit',
        entity: 'case',
        entityId: c.id,
        after: { aidKind: input.aidKind, category, standardId: standard.id, amountFen: amount.fen, rule: amount.rule },
      },
    };
  },
);

/** The applicant withdraws a draft or a submitted case nobody has acted on yet. */
export const withdrawCase = action(
  { name: 'case.withdraw', can: 'cases.apply', schema: caseRefSchema },
  async ({ caseId, version }, { actor, tx }) => {
    const c = await getCaseHead(tx, actor, caseId);
    const moved = await moveCase(tx, actor, c, 'withdraw', { expectedVersion: version });
    return {
      data: { id: c.id, state: moved.to },
      audit: {
        action: 'case.withdraw',
        entity: 'case',
        entityId: c.id,
        before: { state: c.state },
        after: { state: moved.to },
      },
    };
  },
);

/** After a return for more information: back to the step that returned it. */
export const resubmitCase = action(
  { name: 'case.resubmit', can: 'cases.apply', schema: caseRefSchema },
  async ({ caseId, version }, { actor, tx }) => {
    const c = await getCaseHead(tx, actor, caseId);
    const moved = await moveCase(tx, actor, c, 'resubmit', { expectedVersion: version });
    return {
      data: { id: c.id, state: moved.to },
      audit: {
        action: 'case.resubmit',
        entity: 'case',
        entityId: c.id,
        before: { state: c.state },
        after: { state: moved.to },
      },
    };
  },
);

/**
 * A decision at the actor's step (verify, review, approve): approve, return to the worker, or
 * reject. The approver (mine leader) may set another amount inside the standard's range, with a
 * reason. Approval publishes the case for the publicity window.
 */
export const decideCase = action(
  { name: 'case.decide', can: 'cases.decide', schema: decideSchema },
  async (input, { actor, tx }) => {
    const c = await getCaseHead(tx, actor, input.caseId);
    // The case moved since the form was shown: a colleague decided first. Say that, rather than
    // what the workflow would make of the case as it is now ("this step belongs to another role").
    if (c.version !== input.version) throw conflict('caseDecidedMeanwhile');
    const { step } = permit(actor, c, input.decision);
    // An award's approval is the tier choice (awardStudent), which sets its amount from the standard.
    if (c.kind === 'student_award' && step === 'approval' && input.decision === 'approve')
      throw invalidField('decision', 'awardNeedsTier');
    const set: Partial<typeof cases.$inferInsert> = {};
    let overridden = false;
    const mutual = c.kind === 'mutual_aid';
    // A mutual-aid claim pays what its scheme's rules computed: no approver's amount.
    if (mutual && input.amount !== undefined) throw invalidField('amount', 'amountNotAllowedHere');
    // Approving a claim draws the member's yearly cap (guarded; refused when it would pass the cap).
    let publish = true;
    if (mutual && step === 'approval' && input.decision === 'approve') ({ publish } = await drawClaimCap(tx, c.id));
    if (input.amount !== undefined) {
      if (step !== 'approval' || input.decision !== 'approve') throw invalidField('amount', 'amountNotAllowedHere');
      if (!c.rule || c.computedFen == null) throw conflict('caseWrongState');
      const chosen = approverAmount({ fen: c.computedFen, rule: c.rule }, input.amount, input.amountReason);
      overridden = chosen.overridden;
      set.amountFen = chosen.fen;
      set.amountReason = chosen.overridden ? input.amountReason : null;
    }
    // A repeat within the period is a warning, not a bar: approving it needs a reason, audited here.
    let repeatOf: number[] = [];
    if (step === 'approval' && input.decision === 'approve') {
      const repeats = await repeatsOf(tx, c);
      repeatOf = [...repeats.paid, ...repeats.inProgress].map((r) => r.caseId);
      if (repeatOf.length > 0 && !input.repeatReason) throw invalidField('repeatReason', 'repeatNeedsReasonAtApproval');
      Object.assign(set, await publicityFromToday(tx));
    }
    let moved = await moveCase(tx, actor, c, input.decision, {
      expectedVersion: input.version,
      comment: input.comment,
      set,
    });
    // A scheme that does not publish its claims (medical ones reveal illness): the one chain's
    // publicity step is closed by the system at once, in this transaction, so nobody ever sees it.
    if (mutual && !publish && moved.to === 'in_publicity')
      moved = await moveCase(tx, null, { ...c, state: 'in_publicity', version: moved.version }, 'close_publicity');
    return {
      data: { id: c.id, state: moved.to, version: moved.version },
      audit: {
        action: `case.${input.decision}`,
        entity: 'case',
        entityId: c.id,
        before: { state: c.state, amountFen: c.amountFen },
        after: {
          state: moved.to,
          step,
          comment: input.comment,
          ...(set.amountFen !== undefined
            ? { amountFen: set.amountFen, overridden, amountReason: set.amountReason }
            : {}),
          ...(repeatOf.length > 0 ? { repeatOf, repeatReason: input.repeatReason } : {}),
        },
      },
    };
  },
);

/** An objection (异议) during publicity, by anyone signed in. It moves the case's version on, so the window cannot close past it unnoticed. */
export const objectToCase = action(
  { name: 'case.object', can: 'publicity.object', schema: objectSchema },
  async ({ caseId, reason }, { actor, tx }) => {
    const c = await getPublishedCaseHead(tx, caseId);
    if (!c.publicityEnd || todayInChina() > c.publicityEnd) throw new AppError('invalid', 'publicityOver');
    const [row] = await tx
      .update(cases)
      .set({ version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(cases.id, c.id), eq(cases.state, 'in_publicity'), eq(cases.version, c.version)))
      .returning({ id: cases.id });
    if (!row) throw conflict();
    const [{ id }] = await tx
      .insert(objections)
      .values({ caseId, byId: actor.userId, reason })
      .returning({ id: objections.id });
    await notifyStep(tx, c, 'publicity', actor.userId);
    return {
      data: { id },
      audit: { action: 'case.object', entity: 'objection', entityId: id, after: { caseId, reason } },
    };
  },
);

/** Decides an objection: upheld sends the case back to the leader's step; dismissed leaves it published. */
export const decideObjection = action(
  { name: 'case.decideObjection', can: 'publicity.decideObjection', schema: decideObjectionSchema },
  async ({ objectionId, uphold, comment }, { actor, tx }) => {
    const [o] = await tx
      .select({ caseId: objections.caseId, status: objections.status })
      .from(objections)
      .where(eq(objections.id, objectionId));
    if (!o) throw notFound();
    const c = await getCaseHead(tx, actor, o.caseId);
    if (o.status !== 'pending') throw conflict('objectionDecided');
    const act = uphold ? 'uphold_objection' : 'dismiss_objection';
    const moved = await moveCase(tx, actor, c, act, {
      comment,
      set: uphold ? { publicityStart: null, publicityEnd: null } : {},
    });
    if (uphold && c.kind === 'mutual_aid') await releaseClaimCap(tx, c.id);
    const [decided] = await tx
      .update(objections)
      .set({
        status: uphold ? 'upheld' : 'dismissed',
        decidedBy: actor.userId,
        decision: comment,
        decidedAt: sql`now()` as unknown as Date,
      })
      .where(and(eq(objections.id, objectionId), eq(objections.status, 'pending')))
      .returning({ id: objections.id });
    if (!decided) throw conflict('objectionDecided');
    return {
      data: { caseId: c.id, state: moved.to },
      audit: {
        action: `case.${act}`,
        entity: 'objection',
        entityId: objectionId,
        before: { state: c.state },
        after: { caseId: c.id, state: moved.to, comment },
      },
    };
  },
);

/** The budget a payment draws on (the branch's split, else the mine's), as the case page shows it. */
async function budgetIdFor(tx: Tx, c: CaseHead, year: number): Promise<number> {
  const b = await budgetFor(tx, c.aidKind!, c.unitPath, year);
  if (!b) throw invalidField('paidOn', 'noBudget');
  return b.id;
}

/**
 * Records the payment of a case, in one transaction: the guarded move ready_for_payment → paid,
 * the budget's guarded draw (`spent + a <= amount`, else "over budget"), the payment row (one per
 * case, by a unique key), the ledger's repeat check (a repeat needs a written reason), the
 * applicant's notification and the audit row.
 */
export const recordPayment = action(
  { name: 'case.pay', can: 'cases.pay', schema: paymentSchema },
  async (input, { actor, tx }) => {
    const c = await getCaseHead(tx, actor, input.caseId);
    permit(actor, c, 'pay');
    if (c.kind === 'mutual_aid') return payMutualClaim(tx, actor, c, input);
    if (!c.aidKind || !c.amountFen || !c.frequency || !c.appliedOn) throw conflict('caseWrongState');
    const repeat = checkRepeat(
      await ledgerPayments(tx, c),
      { caseId: c.id, kind: c.aidKind, event: { key: c.eventKey || null, on: c.eventOn }, appliedOn: c.appliedOn },
      c.frequency,
      input.repeatReason,
    );
    if (!repeat.ok) throw invalidField('repeatReason', 'repeatNeedsReason');
    const budgetId = await budgetIdFor(tx, c, Number(input.paidOn.slice(0, 4)));
    const moved = await moveCase(tx, actor, c, 'pay', { expectedVersion: input.version });
    const [drawn] = await tx
      .update(budgets)
      .set({ spentFen: sql`${budgets.spentFen} + ${c.amountFen}`, updatedAt: sql`now()` })
      .where(and(eq(budgets.id, budgetId), sql`${budgets.spentFen} + ${c.amountFen} <= ${budgets.amountFen}`))
      .returning({ spentFen: budgets.spentFen, amountFen: budgets.amountFen });
    if (!drawn) throw invalidField('amount', 'overBudget');
    let paymentId: number;
    try {
      [{ id: paymentId }] = await tx
        .insert(payments)
        .values({
          caseId: c.id,
          budgetId,
          amountFen: c.amountFen,
          paidOn: input.paidOn,
          method: input.method,
          reference: input.reference,
          repeatReason: repeat.repeats.length ? input.repeatReason : null,
          recordedBy: actor.userId,
        })
        .returning({ id: payments.id });
    } catch (err) {
      if (isUniqueViolation(err, 'payments_case_key')) throw conflict('caseWrongState');
      throw err;
    }
    await addPayment(tx, { unitId: c.unitId, aidKind: c.aidKind }, { amountFen: c.amountFen, paidOn: input.paidOn });
    return {
      data: { id: paymentId, caseId: c.id, state: moved.to, budgetLeftFen: drawn.amountFen - drawn.spentFen },
      audit: {
        action: 'case.pay',
        entity: 'case',
        entityId: c.id,
        before: { state: c.state },
        after: {
          state: moved.to,
          paymentId,
          budgetId,
          amountFen: c.amountFen,
          paidOn: input.paidOn,
          method: input.method,
          reference: input.reference,
          ...(repeat.repeats.length
            ? { repeats: repeat.repeats.map((p) => p.caseId), repeatReason: input.repeatReason }
            : {}),
        },
      },
    };
  },
);

/**
 * A mutual-aid claim's payment: the same guarded move and the same one payment row per case, paid
 * from the scheme-year's fund instead of an aid budget (no budget row; mutual_claims names the fund).
 */
async function payMutualClaim(tx: Tx, actor: Actor, c: CaseHead, input: z.output<typeof paymentSchema>) {
  if (!c.amountFen) throw conflict('caseWrongState');
  const moved = await moveCase(tx, actor, c, 'pay', { expectedVersion: input.version });
  let paymentId: number;
  try {
    [{ id: paymentId }] = await tx
      .insert(payments)
      .values({
        caseId: c.id,
        budgetId: null,
        amountFen: c.amountFen,
        paidOn: input.paidOn,
        method: input.method,
        reference: input.reference,
        recordedBy: actor.userId,
      })
      .returning({ id: payments.id });
  } catch (err) {
    if (isUniqueViolation(err, 'payments_case_key')) throw conflict('caseWrongState');
    throw err;
  }
  await payClaimFromFund(tx, c.id, c.amountFen);
  await addPaymentMonth(tx, c.unitId, { amountFen: c.amountFen, paidOn: input.paidOn });
  return {
    data: { id: paymentId, caseId: c.id, state: moved.to, budgetLeftFen: null as number | null },
    audit: {
      action: 'case.pay',
      entity: 'case',
      entityId: c.id,
      before: { state: c.state },
      after: {
        state: moved.to,
        paymentId,
        amountFen: c.amountFen,
        paidOn: input.paidOn,
        method: input.method,
        reference: input.reference,
      },
    },
  };
}

/** Marks the actor's own notifications read (all, or those of one case). */
export const markNotificationsRead = action(
  {
    name: 'notifications.read',
    can: 'notifications.read',
    schema: z.object({ caseId: id.optional() }),
  },
  async ({ caseId }, { actor, tx }) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: sql`now()` as unknown as Date })
      .where(
        and(
          eq(notifications.userId, actor.userId),
          sql`${notifications.readAt} IS NULL`,
          caseId ? eq(notifications.caseId, caseId) : undefined,
        ),
      )
      .returning({ id: notifications.id });
    return {
      data: { read: rows.length },
      audit: {
        action: 'notifications.read',
        entity: 'user',
        entityId: actor.userId,
        after: { caseId: caseId ?? null, read: rows.length },
      },
    };
  },
);
