'use server';

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import { getPerson } from '@/db/queries/people';
import { action } from '@/lib/auth/action';
import { maskPhone } from '@/lib/mask';
import { scopeOf } from '@/lib/scope';
import { id, optionalPhone, revealReason } from '@/lib/validation/common';

/** Officials keep their unit's contact details current; a person out of scope is "not found". */
export const updateContact = action(
  { name: 'person.updateContact', can: 'workers.editContact', schema: z.object({ userId: id, phone: optionalPhone }) },
  async ({ userId, phone }, { actor, tx }) => {
    const before = await getPerson(tx, scopeOf(actor), userId, { forUpdate: true });
    await tx.update(users).set({ phone, updatedAt: new Date() }).where(eq(users.id, userId));
    return {
      data: null,
      audit: {
        action: 'person.updateContact',
        entity: 'user',
        entityId: userId,
        before: { phone: maskPhone(before.phone) },
        after: { phone: maskPhone(phone) },
      },
    };
  },
);

/**
 * A worker's full ID number and phone, on an explicit "show" with a reason: the pages carry them
 * masked, and this read and its reason are one audit row, written in the transaction of the read.
 */
export const revealIdentifiers = action(
  {
    name: 'person.revealIdentifiers',
    can: 'workers.editContact',
    schema: z.object({ userId: id, reason: revealReason }),
  },
  async ({ userId, reason }, { actor, tx }) => {
    const person = await getPerson(tx, scopeOf(actor), userId);
    return {
      data: { idNumber: person.idNumber ?? '', phone: person.phone ?? '' },
      audit: {
        action: 'person.revealIdentifiers',
        entity: 'user',
        entityId: userId,
        after: { reason, fields: ['idNumber', 'phone'] },
      },
    };
  },
);
