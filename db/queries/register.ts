import 'server-only';
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { preparedOn } from '@/db/prepared';
import {
  householdEvents,
  householdHelpers,
  householdMembers,
  households,
  orgUnits,
  tasks,
  users,
  visits,
  categorySeverity,
  type Category,
  type HelperKind,
} from '@/db/schema';
import { todayInChina, yearStart } from '@/lib/dates';
import { notFound } from '@/lib/errors';
import { maskIdNumber, maskPhone } from '@/lib/mask';
import { missingHelpers, perHeadIncomeFen } from '@/lib/register/rules';
import { escapeLike, likePrefix, scopeOf, type Actor } from '@/lib/scope';
import {
  anyOf,
  cappedCount,
  cursorOf,
  fewUnits,
  keysetPage,
  pageOf,
  type KeysetPage,
  type PageAt,
  type SortTerm,
  type Total,
} from './keyset';
import { PAGE_SIZE } from './people';
import { registerUnitsWhere, unitsWhere } from './scope';
import { taskOrder } from './tasks';

/**
 * Who may see a household file: officials of its unit or above, leaders, and its own current
 * helpers. Administrators run accounts, not the register, and see none (PIPL: only the people
 * whose work needs it). Assumes households is joined to its org_units row.
 */
export function householdVisible(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`false`;
  const helper = sql`EXISTS (SELECT 1 FROM ${householdHelpers} hh WHERE hh.household_id = ${households.id} AND hh.user_id = ${actor.userId} AND hh.until IS NULL)`;
  return or(registerUnitsWhere(actor), helper)!;
}

/** Who may change a file (category, helpers, exit…): officials in scope and leaders, not helpers as such. */
export const householdManaged = registerUnitsWhere;

export interface HouseholdHead {
  id: number;
  workerId: number;
  unitId: number;
  unitPath: string;
  status: 'active' | 'exited';
  category: Category;
  reviewDue: string;
  version: number;
}

/** A household the actor may see (or manage), locked for the caller's transaction; else not found. */
export async function getHouseholdHead(
  db: Queryable,
  actor: Actor,
  id: number,
  mode: 'see' | 'manage',
): Promise<HouseholdHead> {
  const [row] = await db
    .select({
      id: households.id,
      workerId: households.workerId,
      unitId: households.unitId,
      unitPath: orgUnits.path,
      status: households.status,
      category: households.category,
      reviewDue: households.reviewDue,
      version: households.version,
    })
    .from(households)
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(and(eq(households.id, id), mode === 'see' ? householdVisible(actor) : householdManaged(actor)))
    .for('update', { of: households });
  if (!row) throw notFound();
  return row;
}

export type HouseholdSort = 'worker' | 'category' | 'reviewDue' | 'filedOn' | 'unit';

export interface HouseholdFilter {
  q?: string;
  unitId?: number;
  category?: Category;
  status?: 'active' | 'exited';
  review?: 'overdue' | 'due30';
  missingHelper?: boolean;
  visited?: 'yes' | 'no';
  sort: HouseholdSort;
  dir: 'asc' | 'desc';
}

export interface HouseholdRow {
  id: number;
  workerName: string;
  employeeNo: string;
  unitName: string;
  category: Category;
  status: 'active' | 'exited';
  reviewDue: string;
  filedOn: string;
  helperCount: number;
  lastVisit: string | null;
}

export const helperCount = sql<number>`(SELECT count(*)::int FROM ${householdHelpers} hh WHERE hh.household_id = ${households.id} AND hh.until IS NULL AND hh.kind <> 'first_helper')`;
export const lastVisit = sql<
  string | null
>`(SELECT max(v.visited_on)::text FROM ${visits} v WHERE v.household_id = ${households.id})`;

/**
 * The list's rows (households joined to users and org_units) as a WHERE and an ORDER BY key, so
 * the page and the ledger export (db/queries/exports.ts) read exactly the same households.
 */
export async function householdListQuery(
  db: Queryable,
  actor: Actor,
  f: HouseholdFilter,
): Promise<{ where: SQL | undefined; sortColumn: SQL | AnyPgColumn; unitPath: string | null | undefined }> {
  const today = todayInChina();
  const q = f.q?.trim() ? escapeLike(f.q.trim()) : undefined;
  const unitPath = f.unitId
    ? ((await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, f.unitId)))[0]?.path ?? null)
    : undefined;
  const where = and(
    householdVisible(actor),
    q ? or(ilike(users.name, `%${q}%`), ilike(users.employeeNo, `${q}%`)) : undefined,
    f.unitId ? (unitPath ? sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}` : sql`false`) : undefined,
    f.category ? eq(households.category, f.category) : undefined,
    f.status ? eq(households.status, f.status) : undefined,
    f.review === 'overdue'
      ? and(eq(households.status, 'active'), sql`${households.reviewDue} < ${today}::date`)
      : undefined,
    f.review === 'due30'
      ? and(
          eq(households.status, 'active'),
          sql`${households.reviewDue} BETWEEN ${today}::date AND ${today}::date + 30`,
        )
      : undefined,
    f.missingHelper ? and(eq(households.status, 'active'), sql`${helperCount} < 3`) : undefined,
    f.visited === 'yes'
      ? sql`EXISTS (SELECT 1 FROM ${visits} v WHERE v.household_id = ${households.id} AND v.visited_on >= ${yearStart(today)}::date)`
      : undefined,
    f.visited === 'no'
      ? sql`NOT EXISTS (SELECT 1 FROM ${visits} v WHERE v.household_id = ${households.id} AND v.visited_on >= ${yearStart(today)}::date)`
      : undefined,
  );
  // Categories sort from the hardest to the lightest, as the union lists them, not alphabetically.
  const sortColumn = {
    worker: users.employeeNo,
    category: categorySeverity(households.category),
    reviewDue: households.reviewDue,
    filedOn: households.filedOn,
    unit: orgUnits.name,
  }[f.sort];
  return { where, sortColumn, unitPath };
}

/** The list's order: the chosen column either way, then the file's id ascending (the cursor's last term). */
export function householdOrder(sortColumn: SQL | AnyPgColumn, dir: 'asc' | 'desc'): SortTerm[] {
  return [
    { expr: sortColumn, dir },
    { expr: households.id, dir: 'asc' },
  ];
}

/**
 * One page of the register after or before a cursor (PageAt) in the chosen order, with the total
 * counted up to COUNT_CAP.
 */
export async function listHouseholds(
  db: Queryable,
  actor: Actor,
  f: HouseholdFilter,
  at: PageAt = {},
): Promise<KeysetPage<HouseholdRow> & { total: Total }> {
  const { where, sortColumn, unitPath } = await householdListQuery(db, actor, f);
  const units = await fewUnits(db, scopeOf(actor), unitPath);
  // Implied by the WHERE (the units in scope, or a file the actor helps with), and indexable.
  const confined = units
    ? or(
        anyOf(households.unitId, units),
        sql`${households.id} = ANY(ARRAY(SELECT hh.household_id FROM ${householdHelpers} hh WHERE hh.user_id = ${actor.userId} AND hh.until IS NULL))`,
      )
    : undefined;
  const terms = householdOrder(sortColumn, f.dir);
  const cursor = cursorOf(terms);
  const [page, total] = await Promise.all([
    keysetPage(terms, at, PAGE_SIZE, (req) =>
      pageOf(
        db
          .select({
            id: households.id,
            workerName: users.name,
            employeeNo: users.employeeNo,
            unitName: orgUnits.name,
            category: households.category,
            status: households.status,
            reviewDue: households.reviewDue,
            filedOn: households.filedOn,
            helperCount,
            lastVisit,
            cursor,
          })
          .from(households)
          .innerJoin(users, eq(users.id, households.workerId))
          .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
          .$dynamic(),
        and(where, confined),
        req,
      ),
    ),
    cappedCount(
      db,
      db
        .select({ id: households.id })
        .from(households)
        .leftJoin(users, eq(users.id, households.workerId))
        .leftJoin(orgUnits, eq(orgUnits.id, households.unitId))
        .where(and(where, confined))
        .$dynamic(),
    ),
  ]);
  return { ...page, total };
}

export interface HelperDto {
  id: number;
  kind: HelperKind;
  userId: number;
  name: string;
  employeeNo: string;
  phone: string | null;
  since: string;
  until: string | null;
}

async function helpersOf(db: Queryable, householdId: number): Promise<HelperDto[]> {
  return db
    .select({
      id: householdHelpers.id,
      kind: householdHelpers.kind,
      userId: householdHelpers.userId,
      name: users.name,
      employeeNo: users.employeeNo,
      phone: users.phone,
      since: householdHelpers.since,
      until: householdHelpers.until,
    })
    .from(householdHelpers)
    .innerJoin(users, eq(users.id, householdHelpers.userId))
    .where(eq(householdHelpers.householdId, householdId))
    .orderBy(asc(householdHelpers.kind), desc(householdHelpers.since), desc(householdHelpers.id));
}

const taskColumns = {
  id: tasks.id,
  appeal: tasks.appeal,
  ownerId: tasks.ownerId,
  ownerName: users.name,
  dueOn: tasks.dueOn,
  status: tasks.status,
  outcome: tasks.outcome,
  doneOn: tasks.doneOn,
  version: tasks.version,
};

/** Everything the household page shows; only for those who may see the file. */
export async function getHouseholdDetail(db: Queryable, actor: Actor, id: number) {
  const [row] = await db
    .select({
      h: households,
      workerName: users.name,
      employeeNo: users.employeeNo,
      idNumber: users.idNumber,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      manage: sql<boolean>`${householdManaged(actor)}`,
    })
    .from(households)
    .innerJoin(users, eq(users.id, households.workerId))
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(and(eq(households.id, id), householdVisible(actor)));
  if (!row) throw notFound();
  const [members, events, helpers, visitRows, taskRows] = await Promise.all([
    db.select().from(householdMembers).where(eq(householdMembers.householdId, id)).orderBy(asc(householdMembers.id)),
    db
      .select({
        id: householdEvents.id,
        kind: householdEvents.kind,
        on: householdEvents.on,
        fromCategory: householdEvents.fromCategory,
        toCategory: householdEvents.toCategory,
        reason: householdEvents.reason,
        actorName: users.name,
      })
      .from(householdEvents)
      .leftJoin(users, eq(users.id, householdEvents.actorId))
      .where(eq(householdEvents.householdId, id))
      .orderBy(desc(householdEvents.on), desc(householdEvents.id)),
    helpersOf(db, id),
    db
      .select({
        id: visits.id,
        visitedOn: visits.visitedOn,
        visitors: visits.visitors,
        knows: visits.knows,
        notes: visits.notes,
        recordedBy: users.name,
      })
      .from(visits)
      .innerJoin(users, eq(users.id, visits.recordedBy))
      .where(eq(visits.householdId, id))
      .orderBy(desc(visits.visitedOn), desc(visits.id)),
    db
      .select(taskColumns)
      .from(tasks)
      .innerJoin(users, eq(users.id, tasks.ownerId))
      .where(eq(tasks.householdId, id))
      .orderBy(taskOrder, asc(tasks.dueOn)),
  ]);
  const { h } = row;
  return {
    id: h.id,
    workerId: h.workerId,
    workerName: row.workerName,
    employeeNo: row.employeeNo,
    idNumberMasked: maskIdNumber(row.idNumber),
    unitId: h.unitId,
    unitName: row.unitName,
    unitPath: row.unitPath,
    canManage: row.manage,
    status: h.status,
    category: h.category,
    keepingLevel: h.keepingLevel,
    causes: h.causes,
    monthlyIncomeFen: h.monthlyIncomeFen,
    perHeadIncomeFen: perHeadIncomeFen(h.monthlyIncomeFen, members.length),
    housing: h.housing,
    address: h.address,
    // Masked only: the edit form asks for the full number when a keeper opens it (readHouseholdPhone).
    phoneMasked: maskPhone(h.phone),
    notes: h.notes,
    filedOn: h.filedOn,
    reviewDue: h.reviewDue,
    exitedOn: h.exitedOn,
    exitReason: h.exitReason,
    version: h.version,
    members,
    events,
    helpers,
    currentHelpers: helpers.filter((x) => x.until === null),
    missing: h.status === 'active' ? missingHelpers(helpers.filter((x) => x.until === null).map((x) => x.kind)) : [],
    visits: visitRows,
    tasks: taskRows,
  };
}

/*
 * The worker's dashboard, opened by every worker: its queries are built once per process
 * (db/prepared.ts) rather than on every request.
 */
const ownHouseholdQuery = (db: Queryable) =>
  db
    .select({
      id: households.id,
      status: households.status,
      category: households.category,
      filedOn: households.filedOn,
      exitedOn: households.exitedOn,
    })
    .from(households)
    .where(eq(households.workerId, sql.placeholder('workerId')))
    .prepare('own_household');

const ownHelpersQuery = (db: Queryable) =>
  db
    .select({ kind: householdHelpers.kind, name: users.name, phone: users.phone })
    .from(householdHelpers)
    .innerJoin(users, eq(users.id, householdHelpers.userId))
    .where(and(eq(householdHelpers.householdId, sql.placeholder('householdId')), isNull(householdHelpers.until)))
    .orderBy(asc(householdHelpers.kind))
    .prepare('own_household_helpers');

const ownTasksQuery = (db: Queryable) =>
  db
    .select({
      id: tasks.id,
      appeal: tasks.appeal,
      status: tasks.status,
      outcome: tasks.outcome,
      dueOn: tasks.dueOn,
      doneOn: tasks.doneOn,
    })
    .from(tasks)
    .where(eq(tasks.householdId, sql.placeholder('householdId')))
    .orderBy(taskOrder, desc(tasks.dueOn))
    .prepare('own_household_tasks');

/** The worker's own plain summary: no notes, no visit records, no income details. */
export async function getOwnHouseholdSummary(db: Queryable, actor: Actor) {
  const [h] = await preparedOn(db, ownHouseholdQuery).execute({ workerId: actor.userId });
  if (!h) return null;
  const [helpers, taskRows] = await Promise.all([
    preparedOn(db, ownHelpersQuery).execute({ householdId: h.id }),
    preparedOn(db, ownTasksQuery).execute({ householdId: h.id }),
  ]);
  return { ...h, helpers, tasks: taskRows };
}

/** Accounts that may help this household: its unit and the units above it; leaders for first helper. */
export async function helperCandidates(db: Queryable, household: { unitPath: string; workerId: number }) {
  const ancestors = household.unitPath
    .split('.')
    .filter(Boolean)
    .map((_, i, parts) => `${parts.slice(0, i + 1).join('.')}.`);
  return db
    .select({ id: users.id, name: users.name, employeeNo: users.employeeNo, role: users.role, unitName: orgUnits.name })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(
      and(
        inArray(orgUnits.path, ancestors),
        eq(users.disabled, false),
        sql`${users.role} <> 'admin'`,
        sql`${users.id} <> ${household.workerId}`,
      ),
    )
    .orderBy(sql`length(${orgUnits.path}) DESC`, asc(users.role), asc(users.employeeNo))
    .limit(500);
}

/**
 * Whom the actor may make owner of a task from this household's visit. Those who keep the file
 * (householdManaged) choose, as for helpers, from the accounts of its unit chain; anyone else who
 * may record a visit — a worker serving as a helper — from the household's current helpers only,
 * since they need nobody else's name or employee number. The form's list and the action's check
 * both come from here.
 */
export async function taskOwnerOptions(
  db: Queryable,
  actor: Actor,
  household: { id: number; unitPath: string; workerId: number },
) {
  const [managed] = await db
    .select({ id: households.id })
    .from(households)
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(and(eq(households.id, household.id), householdManaged(actor)));
  if (managed) return helperCandidates(db, household);
  return db
    .selectDistinct({
      id: users.id,
      name: users.name,
      employeeNo: users.employeeNo,
      role: users.role,
      unitName: orgUnits.name,
    })
    .from(householdHelpers)
    .innerJoin(users, eq(users.id, householdHelpers.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(
      and(eq(householdHelpers.householdId, household.id), isNull(householdHelpers.until), eq(users.disabled, false)),
    );
}

/** Workers in scope without an active file, for the filing form's picker. */
export async function workersWithoutFile(db: Queryable, actor: Actor, q: string) {
  const scope = scopeOf(actor);
  const term = escapeLike(q.trim());
  return db
    .select({
      id: users.id,
      name: users.name,
      employeeNo: users.employeeNo,
      unitName: orgUnits.name,
      phoneMasked: users.phone,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .leftJoin(households, eq(households.workerId, users.id))
    .where(
      and(
        eq(users.role, 'worker'),
        eq(users.disabled, false),
        isNull(households.id),
        unitsWhere(scope),
        term ? or(ilike(users.name, `%${term}%`), ilike(users.employeeNo, `${term}%`)) : undefined,
      ),
    )
    .orderBy(asc(users.employeeNo))
    .limit(20)
    .then((rows) => rows.map((r) => ({ ...r, phoneMasked: maskPhone(r.phoneMasked) })));
}

export { taskColumns };

/** Households the actor currently helps (any role), so a helper who is a worker can find them. */
const helpedByQuery = (db: Queryable) =>
  db
    .select({ id: households.id, workerName: users.name, kind: householdHelpers.kind, category: households.category })
    .from(householdHelpers)
    .innerJoin(households, eq(households.id, householdHelpers.householdId))
    .innerJoin(users, eq(users.id, households.workerId))
    .where(
      and(
        eq(householdHelpers.userId, sql.placeholder('userId')),
        isNull(householdHelpers.until),
        eq(households.status, 'active'),
      ),
    )
    .orderBy(asc(users.name))
    .prepare('households_helped_by');

export function householdsHelpedBy(db: Queryable, actor: Actor) {
  // On every worker's dashboard: built once (db/prepared.ts).
  return preparedOn(db, helpedByQuery).execute({ userId: actor.userId });
}
