import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db/client';
import {
  campaignAmounts,
  campaignEntries,
  campaignPersonEntries,
  campaignQuotas,
  campaignSheets,
  campaigns,
  categorySeverity,
  households,
  lonelyElders,
  orgUnits,
  survivors,
  users,
} from '@/db/schema';
import type { CampaignState, EntryState, HandoverMethod, Occasion, PersonKind } from '@/lib/campaigns/rules';
import { invalidField, notFound } from '@/lib/errors';
import { likePrefix, type Actor } from '@/lib/scope';
import {
  anyOf,
  cappedCount,
  cursorOf,
  keysetPage,
  orderOf,
  pageOf,
  type KeysetPage,
  type PageAt,
  type SortTerm,
  type Total,
} from './keyset';
import { registerUnitsWhere } from './scope';

/** The list's drawing lives apart so the demo seed (a plain script) can use it. */
export { branchOfPath, drawList } from '../campaign-draw';

export interface CampaignSummary {
  id: number;
  name: string;
  occasion: Occasion;
  heldOn: string;
  budgetFen: number;
  spentFen: number;
  state: CampaignState;
}

const summaryColumns = {
  id: campaigns.id,
  name: campaigns.name,
  occasion: campaigns.occasion,
  heldOn: campaigns.heldOn,
  budgetFen: campaigns.budgetFen,
  spentFen: campaigns.spentFen,
  state: campaigns.state,
};

/** Campaigns are the mine's: every keeper sees the list, newest first; their entries are scoped. */
export function listCampaigns(db: Queryable): Promise<CampaignSummary[]> {
  return db.select(summaryColumns).from(campaigns).orderBy(desc(campaigns.heldOn), desc(campaigns.id)).limit(200);
}

export interface CampaignHead extends CampaignSummary {
  publicList: boolean;
  version: number;
}

/** One campaign; `lock` takes a share lock, so a concurrent approval waits for the caller's change. */
export async function getCampaign(db: Queryable, id: number, lock = false): Promise<CampaignHead> {
  const q = db
    .select({ ...summaryColumns, publicList: campaigns.publicList, version: campaigns.version })
    .from(campaigns)
    .where(eq(campaigns.id, id));
  const [row] = await (lock ? q.for('share') : q);
  if (!row) throw notFound();
  return row;
}

export function campaignAmountsOf(db: Queryable, campaignId: number) {
  return db
    .select({ category: campaignAmounts.category, cashFen: campaignAmounts.cashFen, items: campaignAmounts.items })
    .from(campaignAmounts)
    .where(eq(campaignAmounts.campaignId, campaignId))
    .orderBy(categorySeverity(campaignAmounts.category));
}

export type BranchLine = {
  branchId: number;
  branchName: string;
  quota: number;
  listed: number;
  confirmed: boolean;
  /** Survivors and lone elderly listed in the branch (outside the quota); counted in planned and delivered too. */
  persons: number;
  planned: number;
  plannedFen: number;
  delivered: number;
  deliveredFen: number;
  unreachable: number;
  removed: number;
};

/**
 * Household and person entries alike, as the totals count them (`person` tells them apart): a
 * person's entry is listed until handed over, then delivered. Quals on campaign and unit reach
 * both halves (UNION ALL), so each reads its own index.
 */
const allEntries = sql`(
  SELECT id, campaign_id, branch_id, unit_id, cash_fen, state, false AS person FROM ${campaignEntries}
  UNION ALL
  SELECT id, campaign_id, branch_id, unit_id, cash_fen,
         CASE WHEN handed_over_on IS NULL THEN 'listed' ELSE 'delivered' END, true FROM ${campaignPersonEntries})`;

/** A page of the totals: a province's campaign has hundreds of branches. */
export const BRANCH_PAGE_SIZE = 40;

/**
 * Each branch's quota and figures (planned / delivered / unreachable, survivors and lone elderly
 * included and also counted apart), for the branches the actor keeps (a sub-branch official sees
 * their branch's line with only their own units' entries counted), by name; `page` (from 1) gives
 * BRANCH_PAGE_SIZE of them and `branchId` one, whose entries alone are read (through their units'
 * index ranges).
 */
export async function branchLines(
  db: Queryable,
  actor: Actor,
  campaignId: number,
  opts: { page?: number; branchId?: number } = {},
): Promise<BranchLine[]> {
  const window = opts.page ? sql`LIMIT ${BRANCH_PAGE_SIZE} OFFSET ${(opts.page - 1) * BRANCH_PAGE_SIZE}` : sql``;
  const { rows: lines } = await db.execute<{
    branchId: number;
    branchName: string;
    quota: number;
    listed: number;
    confirmed: boolean;
  }>(sql`
    SELECT q.branch_id AS "branchId", b.name AS "branchName", q.quota, q.listed, q.confirmed_at IS NOT NULL AS confirmed
    FROM ${campaignQuotas} q JOIN ${orgUnits} b ON b.id = q.branch_id
    WHERE q.campaign_id = ${campaignId} AND ${scopedBranch(actor)}
      ${opts.branchId ? sql`AND q.branch_id = ${opts.branchId}` : sql``}
    ORDER BY b.name, q.branch_id ${window}`);
  if (!lines.length) return [];
  // The lines' units by id, so each unit's entries are one range of their (campaign, unit) index.
  const branchIds = lines.map((l) => l.branchId);
  const units = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(sql`${anyOf(orgUnits.id, branchIds)} OR ${anyOf(orgUnits.parentId, branchIds)}`);
  // The entries' units join as org_units, so the register's scope rule applies to them unchanged.
  const { rows: figures } = await db.execute<Omit<BranchLine, 'branchName' | 'quota' | 'listed' | 'confirmed'>>(sql`
    SELECT e.branch_id AS "branchId",
           count(*) FILTER (WHERE e.person)::int AS persons,
           count(*) FILTER (WHERE e.state <> 'removed')::int AS planned,
           coalesce(sum(e.cash_fen) FILTER (WHERE e.state <> 'removed'), 0)::int AS "plannedFen",
           count(*) FILTER (WHERE e.state = 'delivered')::int AS delivered,
           coalesce(sum(e.cash_fen) FILTER (WHERE e.state = 'delivered'), 0)::int AS "deliveredFen",
           count(*) FILTER (WHERE e.state = 'unreachable')::int AS unreachable,
           count(*) FILTER (WHERE e.state = 'removed')::int AS removed
    FROM ${allEntries} e JOIN ${orgUnits} ON ${orgUnits.id} = e.unit_id AND ${registerUnitsWhere(actor)}
    WHERE e.campaign_id = ${campaignId} AND ${anyOf(
      sql`e.unit_id`,
      units.map((u) => u.id),
    )}
    GROUP BY e.branch_id`);
  const none = { persons: 0, planned: 0, plannedFen: 0, delivered: 0, deliveredFen: 0, unreachable: 0, removed: 0 };
  const byBranch = new Map(figures.map((f) => [f.branchId, f]));
  return lines.map((l) => ({ ...none, ...byBranch.get(l.branchId), ...l, confirmed: Boolean(l.confirmed) }));
}

/** How many branches the actor has a part in, and how many of those have not confirmed. */
export async function branchCount(
  db: Queryable,
  actor: Actor,
  campaignId: number,
): Promise<{ branches: number; unconfirmed: number }> {
  const { rows } = await db.execute<{ branches: number; unconfirmed: number }>(sql`
    SELECT count(*)::int AS branches, count(*) FILTER (WHERE q.confirmed_at IS NULL)::int AS unconfirmed
    FROM ${campaignQuotas} q WHERE q.campaign_id = ${campaignId} AND ${scopedBranch(actor)}`);
  return rows[0];
}

/** Branches an actor has a part in: a leader every one, an official the branch above or at their unit. */
function scopedBranch(actor: Actor) {
  if (actor.role === 'leader') return sql`true`;
  if (actor.role === 'admin' || actor.role === 'worker') return sql`false`;
  return sql`q.branch_id = ${Number(actor.unitPath.split('.')[1])}`;
}

export interface EntryRow {
  id: number;
  version: number;
  householdId: number;
  workerName: string;
  employeeNo: string;
  branchId: number;
  unitId: number;
  unitName: string;
  category: string;
  cashFen: number;
  items: string;
  state: EntryState;
  source: 'drawn' | 'added';
  reason: string;
  handedOverOn: string | null;
  handedOverBy: string | null;
  receivedBy: string | null;
  method: HandoverMethod | null;
  reference: string | null;
}

export const ENTRY_PAGE_SIZE = 100;

/**
 * By sub-branch (its name, its id where two share one), then category severity and household —
 * unique within a campaign. campaign_entries_order_idx (campaign, unit, severity, household) reads
 * one sub-branch's part in this order, so a page walks units by name and reads just the entries it
 * shows: a province campaign lists some 200,000 households.
 */
const ENTRY_ORDER: SortTerm[] = [
  { expr: orgUnits.name, dir: 'asc' },
  { expr: campaignEntries.unitId, dir: 'asc' },
  { expr: categorySeverity(campaignEntries.category), dir: 'asc' },
  { expr: campaignEntries.householdId, dir: 'asc' },
];

const entryColumns = {
  id: campaignEntries.id,
  version: campaignEntries.version,
  householdId: campaignEntries.householdId,
  workerName: users.name,
  employeeNo: users.employeeNo,
  branchId: campaignEntries.branchId,
  unitId: campaignEntries.unitId,
  unitName: orgUnits.name,
  category: campaignEntries.category,
  cashFen: campaignEntries.cashFen,
  items: campaignEntries.items,
  state: campaignEntries.state,
  source: campaignEntries.source,
  reason: campaignEntries.reason,
  handedOverOn: campaignEntries.handedOverOn,
  handedOverBy: campaignEntries.handedOverBy,
  receivedBy: campaignEntries.receivedBy,
  method: campaignEntries.method,
  reference: campaignEntries.reference,
};

/** The list's entries the actor keeps (scope in the WHERE); `unitId` narrows to one sub-branch. */
function entriesWhere(actor: Actor, campaignId: number, unitId?: number) {
  return and(
    eq(campaignEntries.campaignId, campaignId),
    registerUnitsWhere(actor),
    unitId ? eq(campaignEntries.unitId, unitId) : undefined,
  );
}

/** Entries with their household's worker and their sub-branch, each with its key in the list's order. */
const entriesQuery = (db: Queryable) =>
  db
    .select({ ...entryColumns, cursor: cursorOf(ENTRY_ORDER) })
    .from(campaignEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, campaignEntries.unitId))
    .innerJoin(households, eq(households.id, campaignEntries.householdId))
    .innerJoin(users, eq(users.id, households.workerId))
    .$dynamic();

/** Every entry the actor keeps, in the list's order: the sign-for list of one sub-branch, the export. */
export async function listEntries(
  db: Queryable,
  actor: Actor,
  campaignId: number,
  opts: { unitId?: number } = {},
): Promise<EntryRow[]> {
  const rows = await entriesQuery(db)
    .where(entriesWhere(actor, campaignId, opts.unitId))
    .orderBy(...orderOf(ENTRY_ORDER));
  return rows.map(({ cursor: _cursor, ...row }) => row);
}

/** One keyset page of the entries the actor keeps (the campaign's page), and how many (capped). */
export async function entriesPage(
  db: Queryable,
  actor: Actor,
  campaignId: number,
  opts: { unitId?: number } & PageAt = {},
): Promise<KeysetPage<EntryRow> & { total: Total }> {
  const where = entriesWhere(actor, campaignId, opts.unitId);
  const [page, total] = await Promise.all([
    keysetPage(ENTRY_ORDER, opts, ENTRY_PAGE_SIZE, (req) => pageOf(entriesQuery(db), where, req)),
    cappedCount(
      db,
      db
        .select({ id: campaignEntries.id })
        .from(campaignEntries)
        .innerJoin(orgUnits, eq(orgUnits.id, campaignEntries.unitId))
        .where(where)
        .$dynamic(),
    ),
  ]);
  return { ...page, total };
}

export interface SubBranchPart {
  unitId: number;
  branchId: number;
  unitName: string;
  entries: number;
  /** Survivors and lone elderly on this sub-branch's sign-for list. */
  persons: number;
  sheet: { fileName: string; uploadedAt: Date } | null;
}

/**
 * The sub-branches (sign-for lists) of the campaign the actor keeps — any with households or
 * people listed — with their signed scan if uploaded; only one sub-branch's (`unitId`) or one
 * branch's (`branchId`, read through its units' index ranges) when asked.
 */
export async function subBranchParts(
  db: Queryable,
  actor: Actor,
  campaignId: number,
  opts: { unitId?: number; branchId?: number } = {},
): Promise<SubBranchPart[]> {
  const { rows } = await db.execute<{
    unitId: number;
    branchId: number;
    unitName: string;
    entries: number;
    persons: number;
    fileName: string | null;
    uploadedAt: Date | string | null;
  }>(sql`
    SELECT e.unit_id AS "unitId", min(e.branch_id) AS "branchId", ${orgUnits.name} AS "unitName",
           count(*) FILTER (WHERE NOT e.person AND e.state <> 'removed')::int AS entries,
           count(*) FILTER (WHERE e.person)::int AS persons,
           min(s.file_name) AS "fileName", min(s.created_at) AS "uploadedAt"
    FROM ${allEntries} e
    JOIN ${orgUnits} ON ${orgUnits.id} = e.unit_id
    LEFT JOIN ${campaignSheets} s ON s.campaign_id = e.campaign_id AND s.unit_id = e.unit_id
    WHERE e.campaign_id = ${campaignId} AND ${registerUnitsWhere(actor)}
      ${opts.unitId ? sql`AND e.unit_id = ${opts.unitId}` : sql``}
      ${opts.branchId ? sql`AND e.branch_id = ${opts.branchId} AND e.unit_id IN (SELECT u.id FROM ${orgUnits} u WHERE u.id = ${opts.branchId} OR u.parent_id = ${opts.branchId})` : sql``}
    GROUP BY e.unit_id, ${orgUnits.name}
    ORDER BY ${orgUnits.name}, e.unit_id`);
  return rows.map(({ fileName, uploadedAt, ...r }) => ({
    ...r,
    sheet: fileName ? { fileName, uploadedAt: new Date(uploadedAt!) } : null,
  }));
}

/** A sub-branch of the campaign the actor keeps, by id; else not found. */
export async function getPart(db: Queryable, actor: Actor, campaignId: number, unitId: number) {
  const [part] = await subBranchParts(db, actor, campaignId, { unitId });
  if (!part) throw notFound();
  return part;
}

export interface EntryHead {
  id: number;
  campaignId: number;
  householdId: number;
  branchId: number;
  unitId: number;
  category: string;
  cashFen: number;
  items: string;
  state: EntryState;
  version: number;
}

/** An entry the actor keeps, locked for the caller's transaction; out of scope is not found. */
export async function lockEntry(tx: Tx, actor: Actor, entryId: number): Promise<EntryHead> {
  const [row] = await tx
    .select({
      id: campaignEntries.id,
      campaignId: campaignEntries.campaignId,
      householdId: campaignEntries.householdId,
      branchId: campaignEntries.branchId,
      unitId: campaignEntries.unitId,
      category: campaignEntries.category,
      cashFen: campaignEntries.cashFen,
      items: campaignEntries.items,
      state: campaignEntries.state,
      version: campaignEntries.version,
    })
    .from(campaignEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, campaignEntries.unitId))
    .where(and(eq(campaignEntries.id, entryId), registerUnitsWhere(actor)))
    .for('update', { of: campaignEntries });
  if (!row) throw notFound();
  return row;
}

/** The sub-branches whose signed list is in (their parts are locked). */
export async function signedUnits(db: Queryable, campaignId: number): Promise<Set<number>> {
  const rows = await db
    .select({ unitId: campaignSheets.unitId })
    .from(campaignSheets)
    .where(eq(campaignSheets.campaignId, campaignId));
  return new Set(rows.map((r) => r.unitId));
}

/** Whether the sub-branch's signed list is in: its part of the campaign is then locked. */
export async function sheetSigned(db: Queryable, campaignId: number, unitId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: campaignSheets.id })
    .from(campaignSheets)
    .where(and(eq(campaignSheets.campaignId, campaignId), eq(campaignSheets.unitId, unitId)));
  return Boolean(row);
}

/**
 * Draws `cashFen` on an approved campaign's budget by one guarded update (`spent + cash <= budget`,
 * backed by the CHECK): concurrent hand-overs can never overspend it. Nothing to draw for goods only.
 */
export async function drawOnBudget(tx: Tx, campaignId: number, cashFen: number): Promise<void> {
  if (cashFen <= 0) return;
  const [drawn] = await tx
    .update(campaigns)
    .set({ spentFen: sql`${campaigns.spentFen} + ${cashFen}` })
    .where(
      and(
        eq(campaigns.id, campaignId),
        eq(campaigns.state, 'approved'),
        sql`${campaigns.spentFen} + ${cashFen} <= ${campaigns.budgetFen}`,
      ),
    )
    .returning({ spentFen: campaigns.spentFen });
  if (!drawn) throw invalidField('handedOverOn', 'overBudget');
}

/**
 * Moves `delta` places of a branch's quota (+1 to list, −1 to unlist, 0 to hold the branch open
 * for a change), only while the branch has not confirmed; the row lock orders the change with a
 * confirmation. Returns false when the quota is full or the branch has confirmed.
 */
export async function takeQuotaPlaces(
  tx: Tx,
  campaignId: number,
  branchId: number,
  delta: -1 | 0 | 1,
): Promise<{ ok: true } | { ok: false; problem: 'noQuota' | 'quotaFull' | 'branchConfirmed' }> {
  const [moved] = await tx
    .update(campaignQuotas)
    .set({ listed: sql`${campaignQuotas.listed} + ${delta}` })
    .where(
      and(
        eq(campaignQuotas.campaignId, campaignId),
        eq(campaignQuotas.branchId, branchId),
        sql`${campaignQuotas.confirmedAt} IS NULL`,
        sql`${campaignQuotas.listed} + ${delta} <= ${campaignQuotas.quota}`,
      ),
    )
    .returning({ listed: campaignQuotas.listed });
  if (moved) return { ok: true };
  const [q] = await tx
    .select({ confirmedAt: campaignQuotas.confirmedAt })
    .from(campaignQuotas)
    .where(and(eq(campaignQuotas.campaignId, campaignId), eq(campaignQuotas.branchId, branchId)));
  if (!q) return { ok: false, problem: 'noQuota' };
  return { ok: false, problem: q.confirmedAt ? 'branchConfirmed' : 'quotaFull' };
}

/** A household's campaign entries, newest first: the campaign lines of its ledger (一户一账). */
export function householdCampaignLines(db: Queryable, householdId: number) {
  return db
    .select({
      campaignId: campaigns.id,
      name: campaigns.name,
      heldOn: campaigns.heldOn,
      state: campaignEntries.state,
      cashFen: campaignEntries.cashFen,
      items: campaignEntries.items,
      handedOverOn: campaignEntries.handedOverOn,
    })
    .from(campaignEntries)
    .innerJoin(campaigns, eq(campaigns.id, campaignEntries.campaignId))
    .where(eq(campaignEntries.householdId, householdId))
    .orderBy(desc(campaigns.heldOn));
}

/** The approved list as the public sees it when the leader publishes it: names are masked by the caller. */
export function publicEntries(db: Queryable, campaignId: number) {
  return db
    .select({
      id: campaignEntries.id,
      workerName: users.name,
      unitName: orgUnits.name,
      category: campaignEntries.category,
      cashFen: campaignEntries.cashFen,
      items: campaignEntries.items,
    })
    .from(campaignEntries)
    .innerJoin(campaigns, eq(campaigns.id, campaignEntries.campaignId))
    .innerJoin(orgUnits, eq(orgUnits.id, campaignEntries.unitId))
    .innerJoin(households, eq(households.id, campaignEntries.householdId))
    .innerJoin(users, eq(users.id, households.workerId))
    .where(
      and(
        eq(campaignEntries.campaignId, campaignId),
        eq(campaigns.state, 'approved'),
        eq(campaigns.publicList, true),
        sql`${campaignEntries.state} <> 'removed'`,
      ),
    )
    .orderBy(asc(orgUnits.name), asc(campaignEntries.householdId));
}

export type CampaignFigures = {
  campaigns: number;
  planned: number;
  delivered: number;
  deliveredFen: number;
  unreachable: number;
};

/**
 * A year's campaign figures over the entries the actor keeps (households, survivors and lone
 * elderly), under `unitPath` when a unit is chosen: campaigns held, planned, handed over (and the
 * cash), unreachable.
 */
export async function campaignFigures(
  db: Queryable,
  actor: Actor,
  year: number,
  unitPath?: string,
): Promise<CampaignFigures> {
  const { rows } = await db.execute<CampaignFigures>(sql`
    SELECT count(DISTINCT e.campaign_id)::int AS campaigns,
           count(*) FILTER (WHERE e.state <> 'removed')::int AS planned,
           count(*) FILTER (WHERE e.state = 'delivered')::int AS delivered,
           coalesce(sum(e.cash_fen) FILTER (WHERE e.state = 'delivered'), 0)::int AS "deliveredFen",
           count(*) FILTER (WHERE e.state = 'unreachable')::int AS unreachable
    FROM ${allEntries} e
    JOIN ${campaigns} c ON c.id = e.campaign_id
    JOIN ${orgUnits} ON ${orgUnits.id} = e.unit_id
    WHERE c.held_on >= ${`${year}-01-01`} AND c.held_on < ${`${year + 1}-01-01`}
      AND ${registerUnitsWhere(actor)}
      ${unitPath ? sql`AND ${orgUnits.path} LIKE ${likePrefix(unitPath)}` : sql``}`);
  const [row] = rows;
  return row;
}

export interface PersonEntryRow {
  id: number;
  kind: PersonKind;
  name: string;
  /** Whom a survivor survives; a lone elderly person's background. */
  detail: string;
  unitId: number;
  unitName: string;
  cashFen: number;
  items: string;
  handedOverOn: string | null;
  method: HandoverMethod | null;
  handedOverBy: string | null;
  receivedBy: string | null;
  reference: string | null;
}

export const PERSON_PAGE_SIZE = 200;

/** Survivors and lone elderly on a campaign's list: the person's row joined by kind. */
const personsQuery = (db: Queryable) =>
  db
    .select({
      id: campaignPersonEntries.id,
      kind: campaignPersonEntries.kind,
      name: sql<string>`coalesce(${survivors.name}, ${lonelyElders.name})`,
      detail: sql<string>`coalesce(${survivors.deceasedName}, ${lonelyElders.background})`,
      unitId: campaignPersonEntries.unitId,
      unitName: orgUnits.name,
      cashFen: campaignPersonEntries.cashFen,
      items: campaignPersonEntries.items,
      handedOverOn: campaignPersonEntries.handedOverOn,
      method: campaignPersonEntries.method,
      handedOverBy: campaignPersonEntries.handedOverBy,
      receivedBy: campaignPersonEntries.receivedBy,
      reference: campaignPersonEntries.reference,
    })
    .from(campaignPersonEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, campaignPersonEntries.unitId))
    .leftJoin(survivors, eq(survivors.id, campaignPersonEntries.survivorId))
    .leftJoin(lonelyElders, eq(lonelyElders.id, campaignPersonEntries.elderId))
    .$dynamic();

/**
 * The survivors and lone elderly on a campaign's list in the actor's units (one sub-branch's with
 * `unitId`), by sub-branch then kind; `limit` rows at most (the page shows the first ones, the
 * sign-for list and the export all).
 */
export function listPersons(
  db: Queryable,
  actor: Actor,
  campaignId: number,
  opts: { unitId?: number; branchId?: number; limit?: number } = {},
): Promise<PersonEntryRow[]> {
  const q = personsQuery(db)
    .where(
      and(
        eq(campaignPersonEntries.campaignId, campaignId),
        registerUnitsWhere(actor),
        opts.unitId ? eq(campaignPersonEntries.unitId, opts.unitId) : undefined,
        opts.branchId ? eq(campaignPersonEntries.branchId, opts.branchId) : undefined,
      ),
    )
    .orderBy(
      asc(orgUnits.name),
      asc(campaignPersonEntries.unitId),
      asc(campaignPersonEntries.kind),
      asc(campaignPersonEntries.id),
    );
  return opts.limit ? q.limit(opts.limit) : q;
}

/** A person's campaign entry in the actor's units, locked; out of scope is not found. */
export async function lockPersonEntry(tx: Tx, actor: Actor, entryId: number) {
  const [row] = await tx
    .select({
      id: campaignPersonEntries.id,
      campaignId: campaignPersonEntries.campaignId,
      kind: campaignPersonEntries.kind,
      unitId: campaignPersonEntries.unitId,
      cashFen: campaignPersonEntries.cashFen,
      items: campaignPersonEntries.items,
      handedOverOn: campaignPersonEntries.handedOverOn,
    })
    .from(campaignPersonEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, campaignPersonEntries.unitId))
    .where(and(eq(campaignPersonEntries.id, entryId), registerUnitsWhere(actor)))
    .for('update', { of: campaignPersonEntries });
  if (!row) throw notFound();
  return row;
}
