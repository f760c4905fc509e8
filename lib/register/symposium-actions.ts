'use server';

import { and, eq, inArray } from 'drizzle-orm';
import { households, orgUnits, symposiumAttendees, symposiumOpinions, symposiums, tasks, users } from '@/db/schema';
import { householdManaged } from '@/db/queries/register';
import { registerUnitsWhere } from '@/db/queries/scope';
import { action } from '@/lib/auth/action';
import { AppError, invalidField, isUniqueViolation, notFound } from '@/lib/errors';
import { opinionTaskSchema, symposiumSchema } from '@/lib/validation/register';

/** 座谈会: held by the official's unit (a leader's: the mine), with the households present. */
export const recordSymposium = action(
  { name: 'symposium.record', can: 'symposiums.manage', schema: symposiumSchema },
  async ({ householdIds, opinions, ...fields }, { actor, tx }) => {
    const present = [...new Set(householdIds)];
    if (present.length) {
      const visible = await tx
        .select({ id: households.id })
        .from(households)
        .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
        .where(and(inArray(households.id, present), householdManaged(actor)));
      if (visible.length !== present.length) throw invalidField('householdIds', 'notFound');
    }
    const [{ id }] = await tx
      .insert(symposiums)
      .values({ ...fields, unitId: actor.unitId, recordedBy: actor.userId })
      .returning({ id: symposiums.id });
    if (present.length)
      await tx.insert(symposiumAttendees).values(present.map((householdId) => ({ symposiumId: id, householdId })));
    if (opinions.length) await tx.insert(symposiumOpinions).values(opinions.map((text) => ({ symposiumId: id, text })));
    return {
      data: { id },
      audit: {
        action: 'symposium.record',
        entity: 'symposium',
        entityId: id,
        after: { heldOn: fields.heldOn, place: fields.place, households: present.length, opinions: opinions.length },
      },
    };
  },
);

/** An opinion collected at a symposium becomes a task with an owner; once only. */
export const opinionToTask = action(
  { name: 'symposium.opinionToTask', can: 'symposiums.manage', schema: opinionTaskSchema },
  async ({ opinionId, ownerId, dueOn }, { actor, tx }) => {
    const [opinion] = await tx
      .select({ id: symposiumOpinions.id, text: symposiumOpinions.text, unitId: symposiums.unitId })
      .from(symposiumOpinions)
      .innerJoin(symposiums, eq(symposiums.id, symposiumOpinions.symposiumId))
      .innerJoin(orgUnits, eq(orgUnits.id, symposiums.unitId))
      .where(and(eq(symposiumOpinions.id, opinionId), registerUnitsWhere(actor)));
    if (!opinion) throw notFound();
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, ownerId), eq(users.disabled, false)));
    if (!owner) throw invalidField('ownerId', 'taskOwnerRequired');
    try {
      const [{ id }] = await tx
        .insert(tasks)
        .values({ unitId: opinion.unitId, opinionId, appeal: opinion.text, ownerId, dueOn })
        .returning({ id: tasks.id });
      return {
        data: { id },
        audit: {
          action: 'symposium.opinionToTask',
          entity: 'task',
          entityId: id,
          after: { opinionId, ownerId, dueOn },
        },
      };
    } catch (err) {
      if (isUniqueViolation(err, 'tasks_opinion_key')) throw new AppError('conflict', 'opinionAlreadyTask');
      throw err;
    }
  },
);
