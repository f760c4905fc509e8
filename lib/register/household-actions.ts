'use server';

import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import {
  householdEvents,
  householdHelpers,
  householdMembers,
  households,
  orgUnits,
  tasks,
  users,
  visits,
} from '@/db/schema';
import { getHouseholdHead, taskOwnerOptions, type HouseholdHead } from '@/db/queries/register';
import { getPerson } from '@/db/queries/people';
import { action } from '@/lib/auth/action';
import { todayInChina } from '@/lib/dates';
import { AppError, conflict, invalidField, isUniqueViolation } from '@/lib/errors';
import { exitHouseholdTx } from '@/lib/register/exit';
import { helperProblem, nextReviewDue } from '@/lib/register/rules';
import { scopeOf, type Actor } from '@/lib/scope';
import {
  assignHelperSchema,
  changeCategorySchema,
  exitSchema,
  fileHouseholdSchema,
  refileSchema,
  reviewSchema,
  updateHouseholdSchema,
  visitSchema,
} from '@/lib/validation/register';
import { z } from 'zod';
import { id, revealReason } from '@/lib/validation/common';

type Members = z.output<typeof fileHouseholdSchema>['members'];

async function replaceMembers(tx: Tx, householdId: number, members: Members) {
  await tx.delete(householdMembers).where(eq(householdMembers.householdId, householdId));
  if (members.length) {
    await tx.insert(householdMembers).values(
      members.map((m) => ({
        householdId,
        name: m.name,
        relation: m.relation,
        birthDate: m.birthDate,
        health: m.health,
        schoolOrWork: m.schoolOrWork,
        monthlyIncomeFen: m.monthlyIncome,
        employeeInsurance: m.employeeInsurance,
      })),
    );
  }
}

/** Bumps the version of a file whose state we just read under lock; every change goes through here. */
async function touch(tx: Tx, h: HouseholdHead, set: Partial<typeof households.$inferInsert>) {
  const [row] = await tx
    .update(households)
    .set({ ...set, version: sql`${households.version} + 1` })
    .where(and(eq(households.id, h.id), eq(households.version, h.version)))
    .returning({ id: households.id });
  if (!row) throw conflict();
}

async function event(
  tx: Tx,
  actor: Actor,
  householdId: number,
  e: Omit<typeof householdEvents.$inferInsert, 'householdId' | 'actorId'>,
) {
  await tx.insert(householdEvents).values({ ...e, householdId, actorId: actor.userId });
}

/** 建档: file a worker's household in the official's own unit or below (a leader: anywhere). */
export const fileHousehold = action(
  { name: 'household.file', can: 'register.edit', schema: fileHouseholdSchema },
  async ({ workerId, members, monthlyIncome, ...fields }, { actor, tx }) => {
    const worker = await getPerson(tx, scopeOf(actor), workerId).catch(() => {
      throw invalidField('workerId', 'workerNotInScope');
    });
    if (worker.role !== 'worker') throw invalidField('workerId', 'workerNotInScope');
    const today = todayInChina();
    let id: number;
    try {
      [{ id }] = await tx
        .insert(households)
        .values({
          ...fields,
          workerId,
          unitId: worker.unitId,
          monthlyIncomeFen: monthlyIncome,
          filedOn: today,
          reviewDue: nextReviewDue(today),
        })
        .returning({ id: households.id });
    } catch (err) {
      // One file per worker for life: an existing one is re-filed, not duplicated.
      if (isUniqueViolation(err, 'households_worker_key')) throw invalidField('workerId', 'householdExists');
      throw err;
    }
    await replaceMembers(tx, id, members);
    await event(tx, actor, id, { kind: 'filed', on: today, toCategory: fields.category });
    return {
      data: { id },
      audit: {
        action: 'household.file',
        entity: 'household',
        entityId: id,
        after: { workerId, category: fields.category, keepingLevel: fields.keepingLevel, members: members.length },
      },
    };
  },
);

export const updateHousehold = action(
  { name: 'household.update', can: 'register.edit', schema: updateHouseholdSchema },
  async ({ householdId, members, monthlyIncome, ...fields }, { actor, tx }) => {
    const h = await getHouseholdHead(tx, actor, householdId, 'manage');
    await touch(tx, h, { ...fields, monthlyIncomeFen: monthlyIncome });
    await replaceMembers(tx, householdId, members);
    // Income and family details are sensitive: the audit records that they changed, not their values.
    return {
      data: null,
      audit: {
        action: 'household.update',
        entity: 'household',
        entityId: householdId,
        after: { keepingLevel: fields.keepingLevel, causes: fields.causes, members: members.length },
      },
    };
  },
);

function requireActive(h: HouseholdHead) {
  if (h.status !== 'active') throw new AppError('invalid', 'householdNotActive');
}

/** 调档: a new category, with the reason kept on the timeline. */
export const changeCategory = action(
  { name: 'household.changeCategory', can: 'register.edit', schema: changeCategorySchema },
  async ({ householdId, toCategory, reason }, { actor, tx }) => {
    const h = await getHouseholdHead(tx, actor, householdId, 'manage');
    requireActive(h);
    if (toCategory === h.category) throw invalidField('toCategory', 'categoryUnchanged');
    await touch(tx, h, { category: toCategory });
    await event(tx, actor, householdId, {
      kind: 'category_changed',
      on: todayInChina(),
      fromCategory: h.category,
      toCategory,
      reason,
    });
    return {
      data: null,
      audit: {
        action: 'household.changeCategory',
        entity: 'household',
        entityId: householdId,
        before: { category: h.category },
        after: { category: toCategory, reason },
      },
    };
  },
);

/** The yearly review: confirms or changes the category and moves the due date a year on. */
export const reviewHousehold = action(
  { name: 'household.review', can: 'register.edit', schema: reviewSchema },
  async ({ householdId, category, reason }, { actor, tx }) => {
    const h = await getHouseholdHead(tx, actor, householdId, 'manage');
    requireActive(h);
    if (category !== h.category && !reason) throw invalidField('reason', 'reasonRequiredForChange');
    const today = todayInChina();
    const reviewDue = nextReviewDue(today);
    await touch(tx, h, { category, reviewDue });
    await event(tx, actor, householdId, {
      kind: 'reviewed',
      on: today,
      fromCategory: h.category,
      toCategory: category,
      reason,
    });
    return {
      data: null,
      audit: {
        action: 'household.review',
        entity: 'household',
        entityId: householdId,
        before: { category: h.category, reviewDue: h.reviewDue },
        after: { category, reviewDue },
      },
    };
  },
);

/** 脱困: the household leaves the register; its helpers' terms end that day. */
export const exitHousehold = action(
  { name: 'household.exit', can: 'register.edit', schema: exitSchema },
  async ({ householdId, exitedOn, reason }, { actor, tx }) => {
    const h = await getHouseholdHead(tx, actor, householdId, 'manage');
    await exitHouseholdTx(tx, actor, h, exitedOn, reason);
    return {
      data: null,
      audit: {
        action: 'household.exit',
        entity: 'household',
        entityId: householdId,
        before: { status: 'active' },
        after: { status: 'exited', exitedOn, reason },
      },
    };
  },
);

/** Filed again after leaving: same file, its history kept, a fresh review year. */
export const refileHousehold = action(
  { name: 'household.refile', can: 'register.edit', schema: refileSchema },
  async ({ householdId, category, reason }, { actor, tx }) => {
    const h = await getHouseholdHead(tx, actor, householdId, 'manage');
    if (h.status !== 'exited') throw new AppError('invalid', 'householdAlreadyActive');
    const today = todayInChina();
    await touch(tx, h, {
      status: 'active',
      category,
      exitedOn: null,
      exitReason: null,
      filedOn: today,
      reviewDue: nextReviewDue(today),
    });
    await event(tx, actor, householdId, {
      kind: 'refiled',
      on: today,
      fromCategory: h.category,
      toCategory: category,
      reason,
    });
    return {
      data: null,
      audit: {
        action: 'household.refile',
        entity: 'household',
        entityId: householdId,
        before: { status: 'exited' },
        after: { status: 'active', category, reason },
      },
    };
  },
);

/** Sets (or replaces) one of the three helpers, or the leader who is first helper; the old term ends today. */
export const assignHelper = action(
  { name: 'household.assignHelper', can: 'register.edit', schema: assignHelperSchema },
  async ({ householdId, kind, userId }, { actor, tx }) => {
    const h = await getHouseholdHead(tx, actor, householdId, 'manage');
    requireActive(h);
    const [candidate] = await tx
      .select({ userId: users.id, role: users.role, unitPath: orgUnits.path, disabled: users.disabled })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(eq(users.id, userId));
    if (!candidate) throw invalidField('userId', 'helperNotInChain');
    const problem = helperProblem(kind, h, candidate);
    if (problem) throw invalidField('userId', problem);
    const today = todayInChina();
    const [previous] = await tx
      .update(householdHelpers)
      .set({ until: today })
      .where(
        and(
          eq(householdHelpers.householdId, householdId),
          eq(householdHelpers.kind, kind),
          isNull(householdHelpers.until),
        ),
      )
      .returning({ userId: householdHelpers.userId });
    if (previous?.userId === userId) throw invalidField('userId', 'helperUnchanged');
    // Three helpers means three people: nobody holds two of a household's roles at once.
    const [other] = await tx
      .select({ kind: householdHelpers.kind })
      .from(householdHelpers)
      .where(
        and(
          eq(householdHelpers.householdId, householdId),
          eq(householdHelpers.userId, userId),
          isNull(householdHelpers.until),
        ),
      );
    if (other) throw invalidField('userId', 'helperAlreadyHolds');
    await tx.insert(householdHelpers).values({ householdId, kind, userId, since: today });
    return {
      data: null,
      audit: {
        action: 'household.assignHelper',
        entity: 'household',
        entityId: householdId,
        before: { kind, userId: previous?.userId ?? null },
        after: { kind, userId },
      },
    };
  },
);

/**
 * 家访: a visit with the six knows and the appeals heard, each appeal becoming a task with an
 * owner. Helpers of the household may record it, as may officials in scope and leaders.
 */
export const recordVisit = action(
  { name: 'household.recordVisit', can: 'register.care', schema: visitSchema },
  async ({ householdId, appeals, ...visit }, { actor, tx }) => {
    const h = await getHouseholdHead(tx, actor, householdId, 'see');
    requireActive(h);
    const owners = [...new Set(appeals.map((a) => a.ownerId))];
    if (owners.length) {
      // The same people the form offered this actor (db/queries/register.ts#taskOwnerOptions).
      const allowed = new Set((await taskOwnerOptions(tx, actor, h)).map((o) => o.id));
      if (!owners.every((o) => allowed.has(o))) throw new AppError('invalid', 'taskOwnerRequired');
    }
    const [{ id }] = await tx
      .insert(visits)
      .values({ ...visit, householdId, recordedBy: actor.userId })
      .returning({ id: visits.id });
    if (appeals.length) {
      await tx.insert(tasks).values(
        appeals.map((a) => ({
          householdId,
          unitId: h.unitId,
          visitId: id,
          appeal: a.appeal,
          ownerId: a.ownerId,
          dueOn: a.dueOn,
        })),
      );
    }
    return {
      data: { id },
      audit: {
        action: 'household.recordVisit',
        entity: 'visit',
        entityId: id,
        after: { householdId, visitedOn: visit.visitedOn, knows: visit.knows, appeals: appeals.length },
      },
    };
  },
);

/**
 * The household's full phone number, on an explicit "show" with a reason (the page and the edit
 * form carry it masked), for those who may edit the file. The read and its reason are one audit
 * row in the read's transaction.
 */
export const readHouseholdPhone = action(
  {
    name: 'household.readPhone',
    can: 'register.edit',
    schema: z.object({ householdId: id, reason: revealReason }),
  },
  async ({ householdId, reason }, { actor, tx }) => {
    const h = await getHouseholdHead(tx, actor, householdId, 'manage');
    const [row] = await tx.select({ phone: households.phone }).from(households).where(eq(households.id, h.id));
    return {
      data: { phone: row.phone },
      audit: { action: 'household.readPhone', entity: 'household', entityId: householdId, after: { reason } },
    };
  },
);
