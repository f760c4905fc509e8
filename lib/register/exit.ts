import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import type { HouseholdHead } from '@/db/queries/register';
import { householdEvents, householdHelpers, households } from '@/db/schema';
import { AppError, conflict } from '@/lib/errors';
import type { Actor } from '@/lib/scope';

/**
 * 脱困: the household leaves the register on `exitedOn` — the file's guarded move to exited, its
 * helpers' terms ended, the timeline's `exited` event. Shared by the register's own exit and by an
 * employment placement that lifts the household out of hardship. Returns the event's id.
 */
export async function exitHouseholdTx(
  tx: Tx,
  actor: Actor,
  h: HouseholdHead,
  exitedOn: string,
  reason: string,
): Promise<number> {
  if (h.status !== 'active') throw new AppError('invalid', 'householdNotActive');
  const [row] = await tx
    .update(households)
    .set({ status: 'exited', exitedOn, exitReason: reason, version: sql`${households.version} + 1` })
    .where(and(eq(households.id, h.id), eq(households.version, h.version)))
    .returning({ id: households.id });
  if (!row) throw conflict();
  await tx
    .update(householdHelpers)
    .set({ until: exitedOn })
    .where(and(eq(householdHelpers.householdId, h.id), isNull(householdHelpers.until)));
  const [event] = await tx
    .insert(householdEvents)
    .values({
      householdId: h.id,
      kind: 'exited',
      on: exitedOn,
      fromCategory: h.category,
      reason,
      actorId: actor.userId,
    })
    .returning({ id: householdEvents.id });
  return event.id;
}
