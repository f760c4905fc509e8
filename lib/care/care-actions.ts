'use server';

import { and, eq, sql } from 'drizzle-orm';
import { getElder, getSurvivor, lockHelp } from '@/db/queries/care';
import { registerUnitsWhere } from '@/db/queries/scope';
import { elderHelp, elderVisits, lonelyElders, orgUnits, survivorChecks, survivors, users } from '@/db/schema';
import { action } from '@/lib/auth/action';
import { checkOutcome, settleProblem } from '@/lib/care/rules';
import { todayInChina } from '@/lib/dates';
import { conflict, invalidField, isUniqueViolation, notFound } from '@/lib/errors';
import { maskBankCard, maskPhone } from '@/lib/mask';
import { scopeOf, unitInScope } from '@/lib/scope';
import {
  elderHelpSchema,
  elderSchema,
  elderVisitSchema,
  settleAdvanceSchema,
  stopAllowanceSchema,
  survivorCheckSchema,
  survivorSchema,
} from '@/lib/validation/care';

/**
 * A survivor on the register, linked to the deceased worker's account (and kept in their unit)
 * when the employee number is given; otherwise kept in the official's own unit.
 */
export const addSurvivor = action(
  { name: 'survivor.add', can: 'care.manage', schema: survivorSchema },
  async ({ deceasedEmployeeNo, monthlyIncome, monthlyAllowance, phone, ...fields }, { actor, tx }) => {
    let unitId = actor.unitId;
    let deceasedWorkerId: number | null = null;
    if (deceasedEmployeeNo) {
      const [w] = await tx
        .select({ id: users.id, unitId: users.unitId })
        .from(users)
        .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
        .where(and(eq(users.employeeNo, deceasedEmployeeNo), eq(users.role, 'worker'), registerUnitsWhere(actor)));
      if (!w) throw invalidField('deceasedEmployeeNo', 'workerNotInScope');
      unitId = w.unitId;
      deceasedWorkerId = w.id;
    }
    const [{ id }] = await tx
      .insert(survivors)
      .values({
        ...fields,
        unitId,
        deceasedWorkerId,
        monthlyIncomeFen: monthlyIncome,
        monthlyAllowanceFen: monthlyAllowance,
        phone: phone ?? '',
        createdBy: actor.userId,
      })
      .returning({ id: survivors.id });
    return {
      data: { id },
      audit: {
        action: 'survivor.add',
        entity: 'survivor',
        entityId: id,
        after: {
          ...fields,
          deceasedWorkerId,
          monthlyAllowanceFen: monthlyAllowance,
          phone: maskPhone(phone),
          bankCard: maskBankCard(fields.bankCard),
        },
      },
    };
  },
);

/**
 * The yearly check: once per survivor and year (unique key). A survivor found dead or no longer
 * eligible has the allowance stopped in the same transaction, with that reason.
 */
export const recordSurvivorCheck = action(
  { name: 'survivor.check', can: 'care.manage', schema: survivorCheckSchema },
  async ({ survivorId, year, checkedOn, alive, eligible, subsidy, note }, { actor, tx }) => {
    const s = await getSurvivor(tx, actor, survivorId, true);
    if (s.status !== 'active') throw conflict('allowanceStopped');
    const stop = checkOutcome({ alive, eligible });
    if (stop && subsidy > 0) throw invalidField('subsidy', 'subsidyForStopped');
    try {
      await tx.insert(survivorChecks).values({
        survivorId,
        year,
        checkedOn,
        alive,
        eligible,
        subsidyFen: subsidy,
        note,
        recordedBy: actor.userId,
      });
    } catch (err) {
      if (isUniqueViolation(err, 'survivor_checks_year_key')) throw invalidField('year', 'checkedThisYear');
      throw err;
    }
    if (stop) {
      await tx
        .update(survivors)
        .set({
          status: 'stopped',
          stoppedOn: checkedOn,
          stopReason: stop,
          stopNote: note,
          version: sql`${survivors.version} + 1`,
        })
        .where(eq(survivors.id, survivorId));
    }
    return {
      data: { stopped: stop },
      audit: {
        action: 'survivor.check',
        entity: 'survivor',
        entityId: survivorId,
        after: { year, checkedOn, alive, eligible, subsidyFen: subsidy, stopped: stop },
      },
    };
  },
);

/** The allowance stops outside the yearly check (remarriage, income, moving away…), with the reason. */
export const stopAllowance = action(
  { name: 'survivor.stop', can: 'care.manage', schema: stopAllowanceSchema },
  async ({ survivorId, version, stoppedOn, reason, note }, { actor, tx }) => {
    const s = await getSurvivor(tx, actor, survivorId, true);
    if (s.status !== 'active') throw conflict('allowanceStopped');
    if (s.version !== version) throw conflict();
    await tx
      .update(survivors)
      .set({ status: 'stopped', stoppedOn, stopReason: reason, stopNote: note, version: sql`${survivors.version} + 1` })
      .where(eq(survivors.id, survivorId));
    return {
      data: null,
      audit: {
        action: 'survivor.stop',
        entity: 'survivor',
        entityId: survivorId,
        before: { status: 'active' },
        after: { status: 'stopped', stoppedOn, reason, note },
      },
    };
  },
);

/** A lone elderly person on the visit schedule of a unit in the official's scope. */
export const addElder = action(
  { name: 'elder.add', can: 'care.manage', schema: elderSchema },
  async ({ unitId, phone, ...fields }, { actor, tx }) => {
    const [unit] = await tx.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, unitId));
    if (!unit || !unitInScope(scopeOf(actor), unit.path)) throw invalidField('unitId', 'unitNotInScope');
    const [{ id }] = await tx
      .insert(lonelyElders)
      .values({ ...fields, unitId, phone: phone ?? '', since: todayInChina(), createdBy: actor.userId })
      .returning({ id: lonelyElders.id });
    return {
      data: { id },
      audit: {
        action: 'elder.add',
        entity: 'elder',
        entityId: id,
        after: { ...fields, unitId, phone: maskPhone(phone) },
      },
    };
  },
);

export const recordElderVisit = action(
  { name: 'elder.visit', can: 'care.manage', schema: elderVisitSchema },
  async ({ elderId, ...fields }, { actor, tx }) => {
    await getElder(tx, actor, elderId, true);
    const [{ id }] = await tx
      .insert(elderVisits)
      .values({ elderId, ...fields, recordedBy: actor.userId })
      .returning({ id: elderVisits.id });
    return {
      data: { id },
      audit: { action: 'elder.visit', entity: 'elder', entityId: elderId, after: fields },
    };
  },
);

/** Help given (taking a sick person to hospital, …), with any fees advanced, to be settled later. */
export const recordElderHelp = action(
  { name: 'elder.help', can: 'care.manage', schema: elderHelpSchema },
  async ({ elderId, advanced, ...fields }, { actor, tx }) => {
    await getElder(tx, actor, elderId, true);
    if (advanced > 0 && !fields.advancedBy) throw invalidField('advancedBy', 'required');
    const [{ id }] = await tx
      .insert(elderHelp)
      .values({ elderId, ...fields, advancedFen: advanced, recordedBy: actor.userId })
      .returning({ id: elderHelp.id });
    return {
      data: { id },
      audit: { action: 'elder.help', entity: 'elder', entityId: elderId, after: { ...fields, advancedFen: advanced } },
    };
  },
);

/** An advance settled (repaid by the family, the insurer or the union's fund): once, for at most the advance. */
export const settleAdvance = action(
  { name: 'elder.settle', can: 'care.settle', schema: settleAdvanceSchema },
  async ({ helpId, settledOn, settled, note }, { actor, tx }) => {
    const h = await lockHelp(tx, actor, helpId);
    const problem = settleProblem(h, settled);
    if (problem === 'settleTooMuch') throw invalidField('settled', problem);
    if (problem) throw conflict(problem);
    const [done] = await tx
      .update(elderHelp)
      .set({ settledOn, settledFen: settled, settleNote: note })
      .where(and(eq(elderHelp.id, helpId), sql`${elderHelp.settledOn} IS NULL`))
      .returning({ id: elderHelp.id });
    if (!done) throw notFound();
    return {
      data: null,
      audit: {
        action: 'elder.settle',
        entity: 'elder',
        entityId: h.elderId,
        before: { advancedFen: h.advancedFen },
        after: { helpId, settledOn, settledFen: settled, note },
      },
    };
  },
);
