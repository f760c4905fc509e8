import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { householdHelpers, households, orgUnits, users } from '@/db/schema';
import type { Actor } from '@/lib/scope';
import { householdVisible } from './register';

/**
 * 领导帮扶: which mine leader is first helper (第一帮扶人) of which household now, and which
 * active leaders have no household yet. Households are limited to those the actor may see.
 */
export async function listPairings(db: Queryable, actor: Actor) {
  const worker = alias(users, 'worker');
  const [pairs, unpaired] = await Promise.all([
    db
      .select({
        leaderId: users.id,
        leaderName: users.name,
        leaderNo: users.employeeNo,
        leaderDisabled: users.disabled,
        householdId: households.id,
        workerName: worker.name,
        workerNo: worker.employeeNo,
        unitName: orgUnits.name,
        category: households.category,
        since: householdHelpers.since,
      })
      .from(householdHelpers)
      .innerJoin(users, eq(users.id, householdHelpers.userId))
      .innerJoin(households, eq(households.id, householdHelpers.householdId))
      .innerJoin(worker, eq(worker.id, households.workerId))
      .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
      .where(and(eq(householdHelpers.kind, 'first_helper'), isNull(householdHelpers.until), householdVisible(actor)))
      .orderBy(asc(users.employeeNo), asc(worker.employeeNo)),
    db
      .select({ id: users.id, name: users.name, employeeNo: users.employeeNo })
      .from(users)
      .where(
        and(
          eq(users.role, 'leader'),
          eq(users.disabled, false),
          sql`NOT EXISTS (SELECT 1 FROM ${householdHelpers} hh WHERE hh.user_id = ${users.id} AND hh.kind = 'first_helper' AND hh.until IS NULL)`,
        ),
      )
      .orderBy(asc(users.employeeNo)),
  ]);
  return { pairs, unpaired };
}
