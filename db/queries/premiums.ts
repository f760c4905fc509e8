import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db/client';
import { households, orgUnits, premiumBatches, premiumConfirmations, premiumEntries, users } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { BatchState, PremiumEntryState } from '@/lib/premiums/rules';
import { likePrefix, type Actor } from '@/lib/scope';
import { registerUnitsWhere } from './scope';

/** The list's drawing lives apart so the demo seed (a plain script) can use it. */
export { drawPremiumList } from '../premium-draw';

export interface BatchHead {
  id: number;
  year: number;
  rateFen: number;
  budgetFen: number;
  spentFen: number;
  state: BatchState;
  paidOn: string | null;
  reference: string | null;
  version: number;
}

const headColumns = {
  id: premiumBatches.id,
  year: premiumBatches.year,
  rateFen: premiumBatches.rateFen,
  budgetFen: premiumBatches.budgetFen,
  spentFen: premiumBatches.spentFen,
  state: premiumBatches.state,
  paidOn: premiumBatches.paidOn,
  reference: premiumBatches.reference,
  version: premiumBatches.version,
};

/** The batches, one a year, newest first: the mine's; their people are scoped. */
export function listBatches(db: Queryable): Promise<BatchHead[]> {
  return db.select(headColumns).from(premiumBatches).orderBy(desc(premiumBatches.year)).limit(50);
}

/** One batch; `lock` takes a share lock, so a concurrent approval waits for the caller's change. */
export async function getBatch(
  db: Queryable,
  id: number,
  lock: 'share' | 'update' | false = false,
): Promise<BatchHead> {
  const q = db.select(headColumns).from(premiumBatches).where(eq(premiumBatches.id, id));
  const [row] = await (lock ? q.for(lock) : q);
  if (!row) throw notFound();
  return row;
}

export interface PremiumEntryRow {
  id: number;
  version: number;
  householdId: number;
  workerName: string;
  employeeNo: string;
  unitId: number;
  unitName: string;
  name: string;
  relation: string;
  birthDate: string;
  idNumber: string | null;
  amountFen: number;
  state: PremiumEntryState;
  source: 'drawn' | 'added';
  reason: string;
  paidOn: string | null;
}

export const PREMIUM_PAGE_SIZE = 100;

/**
 * The people of a batch in the actor's units (scope in the WHERE), by sub-branch and household.
 * ID numbers come out as stored: the caller masks them for the page and the export.
 */
export async function listPremiumEntries(
  db: Queryable,
  actor: Actor,
  batchId: number,
  opts: { unitId?: number; page?: number; all?: boolean; payable?: boolean } = {},
): Promise<PremiumEntryRow[]> {
  const q = db
    .select({
      id: premiumEntries.id,
      version: premiumEntries.version,
      householdId: premiumEntries.householdId,
      workerName: users.name,
      employeeNo: users.employeeNo,
      unitId: premiumEntries.unitId,
      unitName: orgUnits.name,
      name: premiumEntries.name,
      relation: premiumEntries.relation,
      birthDate: premiumEntries.birthDate,
      idNumber: premiumEntries.idNumber,
      amountFen: premiumEntries.amountFen,
      state: premiumEntries.state,
      source: premiumEntries.source,
      reason: premiumEntries.reason,
      paidOn: premiumEntries.paidOn,
    })
    .from(premiumEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, premiumEntries.unitId))
    .innerJoin(households, eq(households.id, premiumEntries.householdId))
    .innerJoin(users, eq(users.id, households.workerId))
    .where(
      and(
        eq(premiumEntries.batchId, batchId),
        registerUnitsWhere(actor),
        opts.unitId ? eq(premiumEntries.unitId, opts.unitId) : undefined,
        opts.payable ? sql`${premiumEntries.state} <> 'removed'` : undefined,
      ),
    )
    .orderBy(asc(orgUnits.name), asc(premiumEntries.householdId), asc(premiumEntries.id));
  if (opts.all) return q;
  const page = opts.page ?? 1;
  return q.limit(PREMIUM_PAGE_SIZE).offset((page - 1) * PREMIUM_PAGE_SIZE);
}

export interface PremiumPart {
  unitId: number;
  unitName: string;
  listed: number;
  listedFen: number;
  missingIdNumbers: number;
  confirmed: boolean;
}

/** The sub-branches of a batch the actor keeps: people listed, their total, missing ID numbers, confirmation. */
export async function premiumParts(db: Queryable, actor: Actor, batchId: number): Promise<PremiumPart[]> {
  const rows = await db
    .select({
      unitId: premiumEntries.unitId,
      unitName: orgUnits.name,
      listed: sql<number>`count(*) FILTER (WHERE ${premiumEntries.state} <> 'removed')::int`,
      listedFen: sql<number>`coalesce(sum(${premiumEntries.amountFen}) FILTER (WHERE ${premiumEntries.state} <> 'removed'), 0)::int`,
      missingIdNumbers: sql<number>`count(*) FILTER (WHERE ${premiumEntries.state} <> 'removed' AND ${premiumEntries.idNumber} IS NULL)::int`,
      confirmed: sql<boolean>`bool_or(${premiumConfirmations.unitId} IS NOT NULL)`,
    })
    .from(premiumEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, premiumEntries.unitId))
    .leftJoin(
      premiumConfirmations,
      and(
        eq(premiumConfirmations.batchId, premiumEntries.batchId),
        eq(premiumConfirmations.unitId, premiumEntries.unitId),
      ),
    )
    .where(and(eq(premiumEntries.batchId, batchId), registerUnitsWhere(actor)))
    .groupBy(premiumEntries.unitId, orgUnits.name)
    .orderBy(asc(orgUnits.name));
  return rows.map((r) => ({ ...r, confirmed: Boolean(r.confirmed) }));
}

/** Whether a sub-branch's part is confirmed; the caller holds the batch lock. */
export async function partConfirmed(db: Queryable, batchId: number, unitId: number): Promise<boolean> {
  const [row] = await db
    .select({ unitId: premiumConfirmations.unitId })
    .from(premiumConfirmations)
    .where(and(eq(premiumConfirmations.batchId, batchId), eq(premiumConfirmations.unitId, unitId)));
  return Boolean(row);
}

/** The whole batch's figures, unscoped (the leader's approval and payment look at every part). */
export async function batchTotals(db: Queryable, batchId: number) {
  const [row] = await db
    .select({
      listed: sql<number>`count(*) FILTER (WHERE ${premiumEntries.state} = 'listed')::int`,
      totalFen: sql<number>`coalesce(sum(${premiumEntries.amountFen}) FILTER (WHERE ${premiumEntries.state} = 'listed'), 0)::int`,
      missingIdNumbers: sql<number>`count(*) FILTER (WHERE ${premiumEntries.state} = 'listed' AND ${premiumEntries.idNumber} IS NULL)::int`,
    })
    .from(premiumEntries)
    .where(eq(premiumEntries.batchId, batchId));
  return row;
}

/** Every sub-branch with people listed, and whether it confirmed: what the approval waits for. */
export async function allParts(db: Queryable, batchId: number) {
  return db
    .select({
      unitId: premiumEntries.unitId,
      listed: sql<number>`count(*) FILTER (WHERE ${premiumEntries.state} = 'listed')::int`,
      confirmed: sql<boolean>`bool_or(${premiumConfirmations.unitId} IS NOT NULL)`,
    })
    .from(premiumEntries)
    .leftJoin(
      premiumConfirmations,
      and(
        eq(premiumConfirmations.batchId, premiumEntries.batchId),
        eq(premiumConfirmations.unitId, premiumEntries.unitId),
      ),
    )
    .where(eq(premiumEntries.batchId, batchId))
    .groupBy(premiumEntries.unitId);
}

export interface PremiumEntryHead {
  id: number;
  batchId: number;
  householdId: number;
  unitId: number;
  state: PremiumEntryState;
  version: number;
}

/** An entry in the actor's units, locked for the caller's transaction; out of scope is not found. */
export async function lockPremiumEntry(tx: Tx, actor: Actor, entryId: number): Promise<PremiumEntryHead> {
  const [row] = await tx
    .select({
      id: premiumEntries.id,
      batchId: premiumEntries.batchId,
      householdId: premiumEntries.householdId,
      unitId: premiumEntries.unitId,
      state: premiumEntries.state,
      version: premiumEntries.version,
    })
    .from(premiumEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, premiumEntries.unitId))
    .where(and(eq(premiumEntries.id, entryId), registerUnitsWhere(actor)))
    .for('update', { of: premiumEntries });
  if (!row) throw notFound();
  return row;
}

/** A household's premiums, newest first: the premium lines of its ledger (一户一账). */
export function householdPremiumLines(db: Queryable, householdId: number) {
  return db
    .select({
      year: premiumEntries.year,
      name: premiumEntries.name,
      relation: premiumEntries.relation,
      amountFen: premiumEntries.amountFen,
      state: premiumEntries.state,
      paidOn: premiumEntries.paidOn,
    })
    .from(premiumEntries)
    .where(and(eq(premiumEntries.householdId, householdId), sql`${premiumEntries.state} <> 'removed'`))
    .orderBy(desc(premiumEntries.year), asc(premiumEntries.id));
}

export interface PremiumFigures {
  people: number;
  paid: number;
  paidFen: number;
}

/** A year's premium figures over the actor's units (under `unitPath` when a unit is chosen). */
export async function premiumFigures(
  db: Queryable,
  actor: Actor,
  year: number,
  unitPath?: string,
): Promise<PremiumFigures> {
  const [row] = await db
    .select({
      people: sql<number>`count(*) FILTER (WHERE ${premiumEntries.state} <> 'removed')::int`,
      paid: sql<number>`count(*) FILTER (WHERE ${premiumEntries.state} = 'paid')::int`,
      paidFen: sql<number>`coalesce(sum(${premiumEntries.amountFen}) FILTER (WHERE ${premiumEntries.state} = 'paid'), 0)::int`,
    })
    .from(premiumEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, premiumEntries.unitId))
    .where(
      and(
        eq(premiumEntries.year, year),
        registerUnitsWhere(actor),
        unitPath ? sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}` : undefined,
      ),
    );
  return row;
}
