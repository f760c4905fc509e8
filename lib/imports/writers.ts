import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { householdMembers, households, mutualEnrolments, users } from '@/db/schema';
import type { HouseholdFields, MemberRecord } from './rules';

/*
 * Every row the import writes to users, households, household_members and mutual_enrolments goes through one of
 * these functions (one per entity and verb; new enrolments go through the enrol action's own listMembers), so anything that must accompany such a write (an
 * encrypted column's blind index, say) is added in one place.
 */

export interface NewPerson {
  employeeNo: string;
  name: string;
  unitId: number;
  idNumber: string | null;
  phone: string | null;
  passwordHash: string;
}

/** New workers' accounts, one statement for the batch; they must change the one-time password first. */
export function insertPeople(tx: Tx, people: NewPerson[]) {
  if (!people.length) return Promise.resolve([]);
  return tx
    .insert(users)
    .values(people.map((p) => ({ ...p, role: 'worker' as const, mustChangePassword: true })))
    .returning({ id: users.id, employeeNo: users.employeeNo });
}

export interface PersonChange {
  name: string;
  unitId: number;
  idNumber: string | null;
  phone: string | null;
}

/** A worker's roster details; a new unit ends their sessions and moves their hardship file with them. */
export async function updatePerson(tx: Tx, userId: number, change: PersonChange, unitChanged: boolean) {
  await tx
    .update(users)
    .set({
      ...change,
      updatedAt: new Date(),
      ...(unitChanged ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(eq(users.id, userId));
  if (unitChanged) await tx.update(households).set({ unitId: change.unitId }).where(eq(households.workerId, userId));
}

export interface NewHousehold extends Omit<HouseholdFields, 'filedOn'> {
  workerId: number;
  unitId: number;
  filedOn: string;
  reviewDue: string;
}

export async function insertHousehold(tx: Tx, h: NewHousehold): Promise<number> {
  const { monthlyIncomeFen, ...rest } = h;
  const [{ id }] = await tx
    .insert(households)
    .values({ ...rest, monthlyIncomeFen })
    .returning({ id: households.id });
  return id;
}

export async function updateHousehold(tx: Tx, householdId: number, set: Omit<HouseholdFields, 'filedOn'>) {
  await tx
    .update(households)
    .set({ ...set, version: sql`${households.version} + 1` })
    .where(eq(households.id, householdId));
}

/** A household's family members as the file lists them (the file is the whole list). */
export async function replaceMembers(tx: Tx, householdId: number, members: MemberRecord[]) {
  await tx.delete(householdMembers).where(eq(householdMembers.householdId, householdId));
  if (members.length) await tx.insert(householdMembers).values(members.map((m) => ({ householdId, ...m })));
}

/** A listed enrolment's shares as the re-imported list gives them, with the contribution they cost. */
export async function updateEnrolmentShares(tx: Tx, enrolmentId: number, shares: number, contributionFen: number) {
  await tx
    .update(mutualEnrolments)
    .set({
      shares,
      contributionFen,
      version: sql`${mutualEnrolments.version} + 1`,
      updatedAt: sql`now()` as unknown as Date,
    })
    .where(eq(mutualEnrolments.id, enrolmentId));
}
