import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { householdMembers, households, orgUnits, premiumEntries, users } from '@/db/schema';
import { makeIdNumber } from '@/lib/id-number';
import { confirmPremiumPart, openBatch } from '@/lib/premiums/premium-actions';
import { signInAs } from './session';

/** Members of active 特困/困难 households, with their household's unit and worker. */
export async function eligibleMembers() {
  const db = await getDb();
  return db
    .select({
      memberId: householdMembers.id,
      householdId: households.id,
      name: householdMembers.name,
      birthDate: householdMembers.birthDate,
      employeeInsurance: householdMembers.employeeInsurance,
      unitId: households.unitId,
      unitPath: orgUnits.path,
      employeeNo: users.employeeNo,
    })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .innerJoin(users, eq(users.id, households.workerId))
    .where(and(eq(households.status, 'active'), inArray(households.category, ['extreme', 'hardship'])))
    .orderBy(householdMembers.id);
}

/** A batch opened by L0001 for `year` at `rateYuan` a person with `budgetYuan`. */
export async function openPremiumBatch(year: number, opts: { rateYuan?: number; budgetYuan?: number } = {}) {
  await signInAs('L0001');
  const r = await openBatch({
    year: String(year),
    rate: String(opts.rateYuan ?? 400),
    budget: String(opts.budgetYuan ?? 1_000_000),
  } as never);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

export async function premiumEntriesOf(batchId: number) {
  const db = await getDb();
  return db.select().from(premiumEntries).where(eq(premiumEntries.batchId, batchId)).orderBy(premiumEntries.id);
}

/** Gives every listed person without one a valid, unique ID number (as officials would type them). */
export async function fillIdNumbers(batchId: number) {
  const db = await getDb();
  const rows = await premiumEntriesOf(batchId);
  for (const e of rows.filter((x) => !x.idNumber)) {
    const birth = e.birthDate.replaceAll('-', '');
    await db
      .update(premiumEntries)
      .set({ idNumber: makeIdNumber('110101', birth, e.id % 1000) })
      .where(eq(premiumEntries.id, e.id));
  }
}

/** Every part confirmed as the leader (whose scope covers every unit). */
export async function confirmAllParts(batchId: number) {
  const db = await getDb();
  const units = await db
    .selectDistinct({ unitId: premiumEntries.unitId })
    .from(premiumEntries)
    .where(and(eq(premiumEntries.batchId, batchId), sql`${premiumEntries.state} = 'listed'`));
  await signInAs('L0001');
  for (const { unitId } of units) {
    const r = await confirmPremiumPart({ batchId, unitId });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
}
