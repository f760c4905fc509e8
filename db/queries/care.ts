import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db/client';
import {
  elderHelp,
  elderVisits,
  households,
  lonelyElders,
  orgUnits,
  survivorChecks,
  survivors,
  users,
} from '@/db/schema';
import type { HelpKind, StopReason, SurvivorStatus } from '@/lib/care/rules';
import { notFound } from '@/lib/errors';
import { maskBankCard, maskPhone } from '@/lib/mask';
import { likePrefix, type Actor } from '@/lib/scope';
import { registerUnitsWhere } from './scope';

export const CARE_PAGE_SIZE = 100;

export interface SurvivorRow {
  id: number;
  name: string;
  relation: string;
  birthDate: string;
  deceasedName: string;
  unitName: string;
  monthlyAllowanceFen: number;
  livesAlone: boolean;
  status: SurvivorStatus;
  stopReason: StopReason | null;
  lastCheckYear: number | null;
}

const survivorColumns = {
  id: survivors.id,
  name: survivors.name,
  relation: survivors.relation,
  birthDate: survivors.birthDate,
  deceasedName: survivors.deceasedName,
  unitName: orgUnits.name,
  monthlyAllowanceFen: survivors.monthlyAllowanceFen,
  livesAlone: survivors.livesAlone,
  status: survivors.status,
  stopReason: survivors.stopReason,
  lastCheckYear: sql<
    number | null
  >`(SELECT max(c.year) FROM ${survivorChecks} c WHERE c.survivor_id = ${survivors.id})`,
};

function survivorsOf(db: Queryable, actor: Actor, status?: SurvivorStatus) {
  return db
    .select(survivorColumns)
    .from(survivors)
    .innerJoin(orgUnits, eq(orgUnits.id, survivors.unitId))
    .where(and(registerUnitsWhere(actor), status ? eq(survivors.status, status) : undefined))
    .orderBy(asc(survivors.status), asc(survivors.deceasedName), asc(survivors.id));
}

/** Survivors of the actor's units, the active ones first, then by the deceased worker. */
export function listSurvivors(
  db: Queryable,
  actor: Actor,
  opts: { status?: SurvivorStatus; page?: number } = {},
): Promise<SurvivorRow[]> {
  return survivorsOf(db, actor, opts.status)
    .limit(CARE_PAGE_SIZE)
    .offset(((opts.page ?? 1) - 1) * CARE_PAGE_SIZE);
}

/** Every survivor of the actor's units, for the export: capped, as a report, not a page. */
export function listAllSurvivors(db: Queryable, actor: Actor): Promise<SurvivorRow[]> {
  return survivorsOf(db, actor).limit(100_000);
}

/** One survivor of the actor's units, phone and bank card masked; `lock` for the caller's transaction. */
export async function getSurvivor(db: Queryable | Tx, actor: Actor, id: number, lock = false) {
  const q = db
    .select({
      id: survivors.id,
      unitId: survivors.unitId,
      unitName: orgUnits.name,
      deceasedWorkerId: survivors.deceasedWorkerId,
      deceasedName: survivors.deceasedName,
      diedOn: survivors.diedOn,
      name: survivors.name,
      relation: survivors.relation,
      birthDate: survivors.birthDate,
      monthlyIncomeFen: survivors.monthlyIncomeFen,
      monthlyAllowanceFen: survivors.monthlyAllowanceFen,
      livesAlone: survivors.livesAlone,
      phone: survivors.phone,
      address: survivors.address,
      bankCard: survivors.bankCard,
      status: survivors.status,
      stoppedOn: survivors.stoppedOn,
      stopReason: survivors.stopReason,
      stopNote: survivors.stopNote,
      version: survivors.version,
    })
    .from(survivors)
    .innerJoin(orgUnits, eq(orgUnits.id, survivors.unitId))
    .where(and(eq(survivors.id, id), registerUnitsWhere(actor)));
  const [row] = await (lock ? q.for('update', { of: survivors }) : q);
  if (!row) throw notFound();
  const { phone, bankCard, ...rest } = row;
  return { ...rest, phoneMasked: maskPhone(phone), bankCardMasked: maskBankCard(bankCard) };
}

export function survivorChecksOf(db: Queryable, survivorId: number) {
  return db
    .select({
      id: survivorChecks.id,
      year: survivorChecks.year,
      checkedOn: survivorChecks.checkedOn,
      alive: survivorChecks.alive,
      eligible: survivorChecks.eligible,
      subsidyFen: survivorChecks.subsidyFen,
      note: survivorChecks.note,
      recordedBy: users.name,
    })
    .from(survivorChecks)
    .innerJoin(users, eq(users.id, survivorChecks.recordedBy))
    .where(eq(survivorChecks.survivorId, survivorId))
    .orderBy(desc(survivorChecks.year));
}

/** The survivors of a household's worker (when the worker has died): the survivor lines of its ledger. */
export function householdSurvivorLines(db: Queryable, householdId: number) {
  return db
    .select({
      id: survivors.id,
      name: survivors.name,
      relation: survivors.relation,
      status: survivors.status,
      subsidyFen: sql<number>`coalesce((SELECT sum(c.subsidy_fen) FROM ${survivorChecks} c WHERE c.survivor_id = ${survivors.id}), 0)::int`,
    })
    .from(survivors)
    .innerJoin(households, eq(households.workerId, survivors.deceasedWorkerId))
    .where(eq(households.id, householdId))
    .orderBy(asc(survivors.id));
}

/** When each elder's next visit is due: `every` days after the last visit (or the listing). */
const dueExpr = sql<string>`(coalesce((SELECT max(v.visited_on) FROM ${elderVisits} v WHERE v.elder_id = ${lonelyElders.id}), ${lonelyElders.since}) + ${lonelyElders.visitEveryDays})`;

export interface ElderRow {
  id: number;
  name: string;
  birthDate: string;
  unitName: string;
  visitEveryDays: number;
  lastVisit: string | null;
  due: string;
  overdue: boolean;
  unsettledFen: number;
}

/**
 * The lone elderly of the actor's units on the schedule, overdue first (most overdue first), with
 * the last visit, when the next is due and the fees advanced and not yet settled; `overdueOnly`
 * keeps the overdue ones: the list for their officials.
 */
export async function listElders(
  db: Queryable,
  actor: Actor,
  today: string,
  opts: { overdueOnly?: boolean; page?: number } = {},
): Promise<ElderRow[]> {
  const rows = await db
    .select({
      id: lonelyElders.id,
      name: lonelyElders.name,
      birthDate: lonelyElders.birthDate,
      unitName: orgUnits.name,
      visitEveryDays: lonelyElders.visitEveryDays,
      lastVisit: sql<
        string | null
      >`(SELECT max(v.visited_on) FROM ${elderVisits} v WHERE v.elder_id = ${lonelyElders.id})::text`,
      due: sql<string>`${dueExpr}::text`,
      overdue: sql<boolean>`${dueExpr} < ${today}::date`,
      unsettledFen: sql<number>`coalesce((SELECT sum(h.advanced_fen) FROM ${elderHelp} h WHERE h.elder_id = ${lonelyElders.id} AND h.advanced_fen > 0 AND h.settled_on IS NULL), 0)::int`,
    })
    .from(lonelyElders)
    .innerJoin(orgUnits, eq(orgUnits.id, lonelyElders.unitId))
    .where(
      and(
        eq(lonelyElders.active, true),
        registerUnitsWhere(actor),
        opts.overdueOnly ? sql`${dueExpr} < ${today}::date` : undefined,
      ),
    )
    .orderBy(sql`${dueExpr}`, asc(lonelyElders.id))
    .limit(CARE_PAGE_SIZE)
    .offset(((opts.page ?? 1) - 1) * CARE_PAGE_SIZE);
  return rows.map((r) => ({ ...r, overdue: Boolean(r.overdue) }));
}

export interface CareFigures {
  survivors: number;
  survivorsChecked: number;
  subsidyFen: number;
  elders: number;
  overdueVisits: number;
  unsettledFen: number;
}

/** The dashboard's care figures over the actor's units (under `unitPath` when chosen) for a year. */
export async function careFigures(
  db: Queryable,
  actor: Actor,
  year: number,
  today: string,
  unitPath?: string,
): Promise<CareFigures> {
  const under = unitPath ? sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}` : undefined;
  const [[s], [e]] = await Promise.all([
    db
      .select({
        survivors: sql<number>`count(*) FILTER (WHERE ${survivors.status} = 'active')::int`,
        survivorsChecked: sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${survivorChecks} c WHERE c.survivor_id = ${survivors.id} AND c.year = ${year}))::int`,
        subsidyFen: sql<number>`coalesce(sum((SELECT sum(c.subsidy_fen) FROM ${survivorChecks} c WHERE c.survivor_id = ${survivors.id} AND c.year = ${year})), 0)::int`,
      })
      .from(survivors)
      .innerJoin(orgUnits, eq(orgUnits.id, survivors.unitId))
      .where(and(registerUnitsWhere(actor), under)),
    db
      .select({
        elders: sql<number>`count(*)::int`,
        overdueVisits: sql<number>`count(*) FILTER (WHERE ${dueExpr} < ${today}::date)::int`,
        unsettledFen: sql<number>`coalesce(sum((SELECT sum(h.advanced_fen) FROM ${elderHelp} h WHERE h.elder_id = ${lonelyElders.id} AND h.advanced_fen > 0 AND h.settled_on IS NULL)), 0)::int`,
      })
      .from(lonelyElders)
      .innerJoin(orgUnits, eq(orgUnits.id, lonelyElders.unitId))
      .where(and(eq(lonelyElders.active, true), registerUnitsWhere(actor), under)),
  ]);
  return { ...s, ...e };
}

/** One elder of the actor's units; out of scope is not found. */
export async function getElder(db: Queryable | Tx, actor: Actor, id: number, lock = false) {
  const q = db
    .select({
      id: lonelyElders.id,
      unitId: lonelyElders.unitId,
      unitName: orgUnits.name,
      name: lonelyElders.name,
      birthDate: lonelyElders.birthDate,
      address: lonelyElders.address,
      phone: lonelyElders.phone,
      background: lonelyElders.background,
      visitEveryDays: lonelyElders.visitEveryDays,
      since: lonelyElders.since,
      active: lonelyElders.active,
      version: lonelyElders.version,
    })
    .from(lonelyElders)
    .innerJoin(orgUnits, eq(orgUnits.id, lonelyElders.unitId))
    .where(and(eq(lonelyElders.id, id), registerUnitsWhere(actor)));
  const [row] = await (lock ? q.for('update', { of: lonelyElders }) : q);
  if (!row) throw notFound();
  const { phone, ...rest } = row;
  return { ...rest, phoneMasked: maskPhone(phone) };
}

export function elderVisitsOf(db: Queryable, elderId: number) {
  return db
    .select({
      id: elderVisits.id,
      visitedOn: elderVisits.visitedOn,
      visitors: elderVisits.visitors,
      notes: elderVisits.notes,
    })
    .from(elderVisits)
    .where(eq(elderVisits.elderId, elderId))
    .orderBy(desc(elderVisits.visitedOn), desc(elderVisits.id))
    .limit(50);
}

export interface HelpRow {
  id: number;
  kind: HelpKind;
  on: string;
  description: string;
  advancedFen: number;
  advancedBy: string;
  settledOn: string | null;
  settledFen: number | null;
  settleNote: string;
}

export function elderHelpOf(db: Queryable, elderId: number): Promise<HelpRow[]> {
  return db
    .select({
      id: elderHelp.id,
      kind: elderHelp.kind,
      on: elderHelp.on,
      description: elderHelp.description,
      advancedFen: elderHelp.advancedFen,
      advancedBy: elderHelp.advancedBy,
      settledOn: elderHelp.settledOn,
      settledFen: elderHelp.settledFen,
      settleNote: elderHelp.settleNote,
    })
    .from(elderHelp)
    .where(eq(elderHelp.elderId, elderId))
    .orderBy(desc(elderHelp.on), desc(elderHelp.id));
}

/** A help record of an elder in the actor's units, locked; out of scope is not found. */
export async function lockHelp(tx: Tx, actor: Actor, helpId: number) {
  const [row] = await tx
    .select({
      id: elderHelp.id,
      elderId: elderHelp.elderId,
      advancedFen: elderHelp.advancedFen,
      settledOn: elderHelp.settledOn,
    })
    .from(elderHelp)
    .innerJoin(lonelyElders, eq(lonelyElders.id, elderHelp.elderId))
    .innerJoin(orgUnits, eq(orgUnits.id, lonelyElders.unitId))
    .where(and(eq(elderHelp.id, helpId), registerUnitsWhere(actor)))
    .for('update', { of: elderHelp });
  if (!row) throw notFound();
  return row;
}
