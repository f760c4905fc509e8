'use server';

import { and, eq, sql } from 'drizzle-orm';
import {
  allParts,
  batchTotals,
  drawPremiumList,
  getBatch,
  lockPremiumEntry,
  partConfirmed,
} from '@/db/queries/premiums';
import { registerUnitsWhere } from '@/db/queries/scope';
import {
  householdMembers,
  households,
  orgUnits,
  premiumBatches,
  premiumConfirmations,
  premiumEntries,
  users,
} from '@/db/schema';
import { action } from '@/lib/auth/action';
import { AppError, conflict, invalidField, isUniqueViolation, notFound } from '@/lib/errors';
import { maskIdNumber } from '@/lib/mask';
import {
  premiumAdjustLock,
  premiumApprovalProblem,
  premiumNeedProblem,
  premiumPaymentProblem,
} from '@/lib/premiums/rules';
import { scopeOf, unitInScope } from '@/lib/scope';
import {
  addPremiumEntrySchema,
  approveBatchSchema,
  openBatchSchema,
  payBatchSchema,
  premiumEntryChangeSchema,
  premiumIdNumberSchema,
  premiumPartSchema,
} from '@/lib/validation/premiums';

/** A leader opens the year's batch at the year's rate; the list is drawn in the same transaction. */
export const openBatch = action(
  { name: 'premium.open', can: 'premiums.manage', schema: openBatchSchema },
  async ({ year, rate, budget }, { actor, tx }) => {
    let id: number;
    try {
      [{ id }] = await tx
        .insert(premiumBatches)
        .values({ year, rateFen: rate, budgetFen: budget, openedBy: actor.userId })
        .returning({ id: premiumBatches.id });
    } catch (err) {
      if (isUniqueViolation(err, 'premium_batches_year_key')) throw invalidField('year', 'batchExists');
      throw err;
    }
    const drawn = await drawPremiumList(tx, id);
    return {
      data: { id, drawn },
      audit: {
        action: 'premium.open',
        entity: 'premium_batch',
        entityId: id,
        after: { year, rateFen: rate, budgetFen: budget, drawn },
      },
    };
  },
);

/**
 * An official adds a family member of a household in scope, with a reason: only someone who needs
 * it (an active 特困/困难 household, no employee insurance), not already on this year's list, while
 * the sub-branch's part is open. A person removed earlier comes back on their own row.
 */
export const addPremiumEntry = action(
  { name: 'premium.addEntry', can: 'premiums.adjust', schema: addPremiumEntrySchema },
  async ({ batchId, employeeNo, memberName, reason }, { actor, tx }) => {
    const b = await getBatch(tx, batchId, 'share');
    const [h] = await tx
      .select({
        id: households.id,
        unitId: households.unitId,
        category: households.category,
        status: households.status,
      })
      .from(households)
      .innerJoin(users, eq(users.id, households.workerId))
      .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
      .where(and(eq(users.employeeNo, employeeNo), registerUnitsWhere(actor)));
    if (!h) throw invalidField('employeeNo', 'householdNotInScope');
    const lock = premiumAdjustLock({ state: b.state, partConfirmed: await partConfirmed(tx, batchId, h.unitId) });
    if (lock) throw conflict(lock);
    const [m] = await tx
      .select({
        name: householdMembers.name,
        relation: householdMembers.relation,
        birthDate: householdMembers.birthDate,
        employeeInsurance: householdMembers.employeeInsurance,
      })
      .from(householdMembers)
      .where(and(eq(householdMembers.householdId, h.id), eq(householdMembers.name, memberName)))
      .limit(1);
    if (!m) throw invalidField('memberName', 'memberNotFound');
    const need = premiumNeedProblem({
      householdStatus: h.status,
      category: h.category,
      employeeInsurance: m.employeeInsurance,
    });
    if (need === 'personInsured') throw invalidField('memberName', need);
    if (need) throw invalidField('employeeNo', need);
    const [existing] = await tx
      .select({ id: premiumEntries.id, state: premiumEntries.state, batchId: premiumEntries.batchId })
      .from(premiumEntries)
      .where(
        and(
          eq(premiumEntries.year, b.year),
          eq(premiumEntries.householdId, h.id),
          eq(premiumEntries.name, m.name),
          eq(premiumEntries.birthDate, m.birthDate),
        ),
      )
      .for('update');
    if (existing && existing.state !== 'removed') throw invalidField('memberName', 'alreadyInBatch');
    let id: number;
    try {
      if (existing) {
        await tx
          .update(premiumEntries)
          .set({ state: 'listed', reason, amountFen: b.rateFen, version: sql`${premiumEntries.version} + 1` })
          .where(eq(premiumEntries.id, existing.id));
        id = existing.id;
      } else {
        const [previous] = await tx
          .select({ idNumber: premiumEntries.idNumber })
          .from(premiumEntries)
          .where(
            and(
              eq(premiumEntries.householdId, h.id),
              eq(premiumEntries.name, m.name),
              eq(premiumEntries.birthDate, m.birthDate),
              sql`${premiumEntries.idNumber} IS NOT NULL`,
            ),
          )
          .orderBy(sql`${premiumEntries.year} DESC`)
          .limit(1);
        [{ id }] = await tx
          .insert(premiumEntries)
          .values({
            batchId,
            year: b.year,
            householdId: h.id,
            unitId: h.unitId,
            name: m.name,
            relation: m.relation,
            birthDate: m.birthDate,
            idNumber: previous?.idNumber ?? null,
            amountFen: b.rateFen,
            source: 'added',
            reason,
          })
          .returning({ id: premiumEntries.id });
      }
    } catch (err) {
      if (isUniqueViolation(err)) throw invalidField('memberName', 'alreadyInBatch');
      throw err;
    }
    return {
      data: { id },
      audit: {
        action: 'premium.addEntry',
        entity: 'premium_entry',
        entityId: id,
        after: { batchId, householdId: h.id, name: m.name, reason },
      },
    };
  },
);

const CHANGES = {
  remove: { from: 'listed', to: 'removed' },
  restore: { from: 'removed', to: 'listed' },
} as const;

/** An official removes a person from the list (with the reason), or puts them back. */
export const changePremiumEntry = action(
  { name: 'premium.changeEntry', can: 'premiums.adjust', schema: premiumEntryChangeSchema },
  async ({ entryId, version, change, reason }, { actor, tx }) => {
    const e = await lockPremiumEntry(tx, actor, entryId);
    const b = await getBatch(tx, e.batchId, 'share');
    const lock = premiumAdjustLock({ state: b.state, partConfirmed: await partConfirmed(tx, b.id, e.unitId) });
    if (lock) throw conflict(lock);
    if (e.version !== version) throw conflict();
    const rule = CHANGES[change];
    if (e.state !== rule.from) throw conflict();
    if (change === 'restore') {
      // A person insured since they were removed stays off the list.
      const [insured] = await tx
        .select({ id: householdMembers.id })
        .from(householdMembers)
        .innerJoin(premiumEntries, eq(premiumEntries.id, e.id))
        .where(
          and(
            eq(householdMembers.householdId, premiumEntries.householdId),
            eq(householdMembers.name, premiumEntries.name),
            eq(householdMembers.birthDate, premiumEntries.birthDate),
            eq(householdMembers.employeeInsurance, true),
          ),
        );
      if (insured) throw conflict('personInsured');
    }
    await tx
      .update(premiumEntries)
      .set({ state: rule.to, reason, version: sql`${premiumEntries.version} + 1` })
      .where(eq(premiumEntries.id, e.id));
    return {
      data: { id: e.id, state: rule.to },
      audit: {
        action: `premium.${change}`,
        entity: 'premium_entry',
        entityId: e.id,
        before: { state: e.state },
        after: { state: rule.to, reason },
      },
    };
  },
);

/** The ID number the office needs, typed for one person before the batch is paid. */
export const setPremiumIdNumber = action(
  { name: 'premium.idNumber', can: 'premiums.adjust', schema: premiumIdNumberSchema },
  async ({ entryId, version, idNumber }, { actor, tx }) => {
    const e = await lockPremiumEntry(tx, actor, entryId);
    const b = await getBatch(tx, e.batchId, 'share');
    if (b.state === 'paid' || e.state === 'paid') throw conflict('batchPaid');
    if (e.version !== version) throw conflict();
    try {
      await tx
        .update(premiumEntries)
        .set({ idNumber, version: sql`${premiumEntries.version} + 1` })
        .where(eq(premiumEntries.id, e.id));
    } catch (err) {
      if (isUniqueViolation(err, 'premium_entries_id_number_key')) throw invalidField('idNumber', 'alreadyInBatch');
      throw err;
    }
    return {
      data: { id: e.id },
      audit: {
        action: 'premium.idNumber',
        entity: 'premium_entry',
        entityId: e.id,
        after: { idNumber: maskIdNumber(idNumber) },
      },
    };
  },
);

/** An official in scope confirms a sub-branch's part: its list is then fixed. */
export const confirmPremiumPart = action(
  { name: 'premium.confirmPart', can: 'premiums.confirm', schema: premiumPartSchema },
  async ({ batchId, unitId }, { actor, tx }) => {
    const [unit] = await tx.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, unitId));
    if (!unit || !unitInScope(scopeOf(actor), unit.path)) throw notFound();
    const b = await getBatch(tx, batchId, 'share');
    if (b.state !== 'listing') throw conflict('batchApproved');
    try {
      await tx.insert(premiumConfirmations).values({ batchId, unitId, confirmedBy: actor.userId });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', 'partConfirmed');
      throw err;
    }
    return {
      data: null,
      audit: { action: 'premium.confirmPart', entity: 'premium_batch', entityId: batchId, after: { unitId } },
    };
  },
);

/**
 * The leader approves the whole list once every part is confirmed. The batch is locked for update,
 * so an adjustment in flight (which holds a share lock) finishes first.
 */
export const approveBatch = action(
  { name: 'premium.approve', can: 'premiums.approve', schema: approveBatchSchema },
  async ({ batchId, version }, { actor, tx }) => {
    const b = await getBatch(tx, batchId, 'update');
    if (b.state !== 'listing') throw conflict('batchApproved');
    if (b.version !== version) throw conflict();
    const problem = premiumApprovalProblem(await allParts(tx, batchId));
    if (problem) throw conflict(problem);
    await tx
      .update(premiumBatches)
      .set({
        state: 'approved',
        approvedBy: actor.userId,
        approvedAt: sql`now()` as unknown as Date,
        version: sql`${premiumBatches.version} + 1`,
      })
      .where(eq(premiumBatches.id, batchId));
    return {
      data: null,
      audit: { action: 'premium.approve', entity: 'premium_batch', entityId: batchId, after: { state: 'approved' } },
    };
  },
);

/**
 * The batch's one payment to the social insurance office: the guarded move approved → paid, the
 * budget's guarded draw (`spent + total <= budget`, backed by the CHECK), and every listed person
 * marked paid (one payment per person and year, by the entries' unique keys).
 */
export const payBatch = action(
  { name: 'premium.pay', can: 'premiums.pay', schema: payBatchSchema },
  async ({ batchId, version, paidOn, reference }, { actor, tx }) => {
    const b = await getBatch(tx, batchId);
    const totals = await batchTotals(tx, batchId);
    const problem = premiumPaymentProblem({
      state: b.state,
      missingIdNumbers: totals.missingIdNumbers,
      totalFen: totals.totalFen,
      budgetLeftFen: b.budgetFen - b.spentFen,
    });
    if (problem === 'overBudget') throw invalidField('paidOn', problem);
    if (problem) throw conflict(problem);
    const [paid] = await tx
      .update(premiumBatches)
      .set({
        state: 'paid',
        paidOn,
        paidBy: actor.userId,
        reference,
        spentFen: sql`${premiumBatches.spentFen} + ${totals.totalFen}`,
        version: sql`${premiumBatches.version} + 1`,
      })
      .where(
        and(
          eq(premiumBatches.id, batchId),
          eq(premiumBatches.state, 'approved'),
          eq(premiumBatches.version, version),
          sql`${premiumBatches.spentFen} + ${totals.totalFen} <= ${premiumBatches.budgetFen}`,
        ),
      )
      .returning({ spentFen: premiumBatches.spentFen });
    if (!paid) throw conflict();
    const marked = await tx
      .update(premiumEntries)
      .set({ state: 'paid', paidOn, version: sql`${premiumEntries.version} + 1` })
      .where(and(eq(premiumEntries.batchId, batchId), eq(premiumEntries.state, 'listed')))
      .returning({ amountFen: premiumEntries.amountFen });
    // The batch lock (approved → paid) ordered this after every change; the list cannot have moved.
    if (marked.reduce((s, e) => s + e.amountFen, 0) !== totals.totalFen) throw conflict();
    return {
      data: { people: marked.length, totalFen: totals.totalFen },
      audit: {
        action: 'premium.pay',
        entity: 'premium_batch',
        entityId: batchId,
        before: { state: 'approved' },
        after: { state: 'paid', paidOn, reference, people: marked.length, totalFen: totals.totalFen },
      },
    };
  },
);
