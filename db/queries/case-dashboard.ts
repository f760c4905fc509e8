import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { AID_KINDS, type AidKind } from '@/lib/aid/standards';
import { todayInChina } from '@/lib/dates';
import { sumFen, type Fen } from '@/lib/money';
import { can } from '@/lib/permissions';
import { likePrefix, scopeOf, unitInScope, type Actor } from '@/lib/scope';
import { queueState, STEPS, type CaseKind, type CaseState, type Step } from '@/lib/workflow/case-workflow';
import { treeOrder } from './units';
import { chinaDate } from '@/db/time-zone';

/**
 * The aid cases' figures on the dashboards, each scoped in its WHERE: a leader sees the whole
 * mine, an official the cases of their unit and below (by the applicant's unit), a worker only
 * their own cases. Drafts are the workers' own notes and never count for anyone else. Each
 * dashboard gets its figures in one statement (one round trip, one plan): the dashboards are the
 * most requested pages. `today` is injectable so tests can pin the calendar.
 */

export interface StepWait {
  step: Step;
  count: number;
  /** Days since the longest-waiting case reached the step; null when none waits. */
  oldestDays: number | null;
}

export interface BudgetUse {
  amountFen: Fen;
  spentFen: Fen;
  leftFen: Fen;
}

export interface BudgetLine extends BudgetUse {
  kind: AidKind;
  /** The branch of a split; null for the mine-wide budget. */
  unitName: string | null;
  unitId: number | null;
}

export interface KindYear {
  kind: AidKind;
  approvedCount: number;
  approvedFen: Fen;
  paidCount: number;
  paidFen: Fen;
  /**
   * The year's budget of the kind, null when none is set. A leader: every budget of the kind
   * added up (the mine-wide one and the branches' splits). An official: the one budget their
   * unit's payments draw on, i.e. their branch's split where there is one (`unitName` set), else
   * the mine-wide budget (`unitName` null).
   */
  budget: (BudgetUse & { unitName: string | null }) | null;
}

export interface CaseFigures {
  year: number;
  waits: StepWait[];
  perKind: KindYear[];
  /**
   * For a leader, every budget line of the kinds split per branch (the mine-wide one and each
   * branch's); empty for officials, who see the budget they draw on in `perKind`.
   */
  splits: BudgetLine[];
  budgetView: 'mine' | 'drawn';
}

const byKind = (a: { kind: AidKind }, b: { kind: AidKind }) => AID_KINDS.indexOf(a.kind) - AID_KINDS.indexOf(b.kind);
const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;
const budgetUse = (amountFen: Fen, spentFen: Fen): BudgetUse => ({
  amountFen,
  spentFen,
  leftFen: amountFen - spentFen,
});

/** Optional narrowing of a dashboard: another year than today's, one unit (with the units below it) of the actor's scope. */
export interface CaseFilter {
  year?: number;
  unitId?: number;
}

/** `col` (a unit id) within the units under `path`; everything when there is no path (a leader's whole mine). */
const inUnits = (col: SQL, path: string | null): SQL =>
  path === null ? sql`true` : sql`${col} IN (SELECT id FROM org_units WHERE path LIKE ${likePrefix(path)})`;

const COUNTED_STEPS = STEPS.filter((s) => s !== 'publicity');

/**
 * Cases waiting at each step. How many: the maintained counts per unit and state (db/schema/stats.ts).
 * Since when: a case reaches its step with its latest move, which also set its `updated_at` (in the
 * same transaction: the same moment as the history's row; nothing else writes a case while it
 * waits at a decision or payment step), so the oldest is the first entry of the step's state in
 * cases_waiting_idx. A published case waits on the publicity step only while an objection is
 * undecided, from the oldest such objection on (few: read from the pending objections). The
 * to-do queues show the same clock.
 */
function waitsSql(path: string | null, today: string): SQL {
  const days = (at: SQL) => sql`(${today}::date - ${chinaDate(at)})`;
  // Each state as a literal, so the planner can prove the partial index's predicate and read its first entry.
  const counted = COUNTED_STEPS.map((step) => {
    const state = sql.raw(`'${queueState(step)}'`);
    return sql`
      SELECT ${state} AS state,
        coalesce((SELECT sum(case_counts.cases) FROM case_counts WHERE case_counts.state = ${state} AND ${inUnits(sql`case_counts.unit_id`, path)}), 0)::int AS n,
        ${days(sql`SELECT min(cases.updated_at) FROM cases WHERE cases.state = ${state} AND ${inUnits(sql`cases.unit_id`, path)}`)} AS oldest_days`;
  });
  return sql`
    ${sql.join(counted, sql` UNION ALL `)}
    UNION ALL
    SELECT ${queueState('publicity')}, count(*)::int, ${days(sql`min(pending.since)`)}
    FROM (SELECT case_id, min(created_at) AS since FROM objections WHERE status = 'pending' GROUP BY case_id) pending
      JOIN cases ON cases.id = pending.case_id
    WHERE cases.state = ${queueState('publicity')} AND ${inUnits(sql`cases.unit_id`, path)}`;
}

/**
 * Approved and paid in the year, per kind, from the maintained aggregates. A case counts as
 * approved in the year its approval published it (publicity_start, which an upheld objection
 * clears) while it stays approved; as paid in the year of its payment.
 */
function perKindSql(path: string | null, year: number): SQL {
  const approved = sql`case_stats.measure = 'approved'`;
  const paid = sql`case_stats.measure = 'paid'`;
  return sql`
    SELECT case_stats.aid_kind AS kind,
      coalesce(sum(case_stats.cases) FILTER (WHERE ${approved}), 0)::int AS approved_count,
      coalesce(sum(case_stats.amount_fen) FILTER (WHERE ${approved}), 0)::bigint AS approved_fen,
      coalesce(sum(case_stats.cases) FILTER (WHERE ${paid}), 0)::int AS paid_count,
      coalesce(sum(case_stats.amount_fen) FILTER (WHERE ${paid}), 0)::bigint AS paid_fen
    FROM case_stats WHERE case_stats.measure IN ('approved', 'paid') AND case_stats.year = ${year} AND ${inUnits(sql`case_stats.unit_id`, path)}
    GROUP BY case_stats.aid_kind
    HAVING sum(case_stats.cases) > 0`;
}

/** The year's budgets: all for the whole mine; for a unit, per kind the one it draws on (the payment action's rule). */
function budgetsSql(path: string | null, year: number): SQL {
  const columns = sql`budgets.aid_kind AS kind, budgets.unit_id, org_units.name AS unit_name, budgets.amount_fen, budgets.spent_fen`;
  const from = sql`budgets LEFT JOIN org_units ON org_units.id = budgets.unit_id WHERE budgets.year = ${year}`;
  return path === null
    ? sql`SELECT ${columns}, row_number() OVER (ORDER BY budgets.unit_id IS NOT NULL, ${treeOrder}) AS ord FROM ${from}`
    : sql`SELECT DISTINCT ON (budgets.aid_kind) ${columns}, 0 AS ord FROM ${from}
          AND (budgets.unit_id IS NULL OR starts_with(${path}, org_units.path))
          ORDER BY budgets.aid_kind, budgets.unit_id IS NULL`;
}

type Json<T> = T[] | null;

/**
 * The unit path the figures are limited to: null for the whole mine (a leader without a unit
 * filter); undefined when the filter's unit is unknown or outside the actor's scope.
 */
async function figuresPath(
  db: Queryable,
  actor: Actor,
  unitId: number | undefined,
): Promise<string | null | undefined> {
  const scope = scopeOf(actor);
  if (unitId === undefined) return scope.kind === 'subtree' ? scope.unitPath : null;
  const [unit] = (await db.execute<{ path: string }>(sql`SELECT path FROM org_units WHERE id = ${unitId}`)).rows;
  return unit && unitInScope(scope, unit.path) ? unit.path : undefined;
}

/**
 * The figures of an official's unit or a leader's mine; null for those who decide no cases, and
 * for a filter's unit that does not exist or lies outside the actor's scope (as if not found).
 * With a unit, the budgets shown are those the unit draws on.
 */
export async function caseFigures(
  db: Queryable,
  actor: Actor,
  today = todayInChina(),
  filter: CaseFilter = {},
): Promise<CaseFigures | null> {
  if (!can(actor.role, 'cases.queue')) return null;
  const path = await figuresPath(db, actor, filter.unitId);
  if (path === undefined) return null;
  const year = filter.year ?? Number(today.slice(0, 4));
  const result = await db.execute<{
    waits: Json<{ state: CaseState; n: number; oldest_days: number | null }>;
    per_kind: Json<{
      kind: AidKind;
      approved_count: number;
      approved_fen: number;
      paid_count: number;
      paid_fen: number;
    }>;
    budgets: Json<{
      kind: AidKind;
      unit_id: number | null;
      unit_name: string | null;
      amount_fen: number;
      spent_fen: number;
    }>;
  }>(sql`
    SELECT
      (SELECT json_agg(w) FROM (${waitsSql(path, today)}) w) AS waits,
      (SELECT json_agg(k) FROM (${perKindSql(path, year)}) k) AS per_kind,
      (SELECT json_agg(b ORDER BY b.ord) FROM (${budgetsSql(path, year)}) b) AS budgets`);
  const row = result.rows[0];
  const stepOf = new Map<CaseState, Step>(STEPS.map((s) => [queueState(s), s]));
  const waiting = new Map((row.waits ?? []).map((w) => [stepOf.get(w.state)!, w]));
  const waits = STEPS.map((step) => {
    const w = waiting.get(step);
    return { step, count: w?.n ?? 0, oldestDays: w?.oldest_days == null ? null : Math.max(0, w.oldest_days) };
  });

  const budgetRows = row.budgets ?? [];
  const leader = path === null;
  const budgetOf = (kind: AidKind): KindYear['budget'] => {
    const rows = budgetRows.filter((b) => b.kind === kind);
    if (!rows.length) return null;
    const amount = sumFen(rows.map((b) => Number(b.amount_fen)));
    const spent = sumFen(rows.map((b) => Number(b.spent_fen)));
    return { ...budgetUse(amount, spent), unitName: leader ? null : rows[0].unit_name };
  };
  const counts = new Map((row.per_kind ?? []).map((k) => [k.kind, k]));
  const kinds = AID_KINDS.filter((k) => counts.has(k) || budgetRows.some((b) => b.kind === k));
  const perKind = kinds.map((kind) => {
    const k = counts.get(kind);
    return {
      kind,
      approvedCount: k?.approved_count ?? 0,
      approvedFen: Number(k?.approved_fen ?? 0),
      paidCount: k?.paid_count ?? 0,
      paidFen: Number(k?.paid_fen ?? 0),
      budget: budgetOf(kind),
    };
  });
  const splitKinds = new Set(budgetRows.filter((b) => b.unit_name !== null).map((b) => b.kind));
  const splits = leader
    ? budgetRows
        .filter((b) => splitKinds.has(b.kind))
        .map((b) => ({
          kind: b.kind,
          unitName: b.unit_name,
          unitId: b.unit_id,
          ...budgetUse(Number(b.amount_fen), Number(b.spent_fen)),
        }))
        .sort(byKind)
    : [];
  return { year, waits, perKind, splits, budgetView: leader ? 'mine' : 'drawn' };
}

// ── The worker's own ────────────────────────────────────────────────────────────────────────────

export interface OwnCase {
  id: number;
  kind: CaseKind;
  aidKind: AidKind | null;
  state: CaseState;
  amountFen: Fen | null;
  /** The application date, or for a draft the day it was started. */
  day: string;
}

export interface WorkerCaseFigures {
  year: number;
  /** The latest few of the worker's cases, newest first; `total` counts them all. */
  cases: OwnCase[];
  total: number;
  /** What the household was paid in the year, by payment date: in all and per kind. */
  received: { totalFen: Fen; count: number; byKind: { kind: AidKind; count: number; fen: Fen }[] };
}

export const OWN_CASES_SHOWN = 5;

/**
 * A worker's own cases and what their household received in the year. The household is the
 * ledger's: the worker's file when they have one (every case filed under it), and their own
 * applications in any case.
 */
export async function workerCaseFigures(
  db: Queryable,
  actor: Actor,
  today = todayInChina(),
  year = Number(today.slice(0, 4)),
): Promise<WorkerCaseFigures> {
  const [from, to] = yearBounds(year);
  const result = await db.execute<{
    own: Json<{
      id: number;
      kind: CaseKind;
      aid_kind: AidKind | null;
      state: CaseState;
      amount_fen: number | null;
      day: string;
    }>;
    total: number;
    received: Json<{ kind: AidKind; n: number; fen: number }>;
  }>(sql`
    SELECT
      (SELECT json_agg(c ORDER BY c.created_at DESC, c.id DESC) FROM (
        SELECT id, kind, aid_kind, state, amount_fen, created_at,
          coalesce(applied_on, ${chinaDate(sql`created_at`)})::text AS day
        FROM cases WHERE applicant_id = ${actor.userId}
        ORDER BY created_at DESC, id DESC LIMIT ${OWN_CASES_SHOWN}) c) AS own,
      (SELECT count(*)::int FROM cases WHERE applicant_id = ${actor.userId}) AS total,
      (SELECT json_agg(r) FROM (
        SELECT cases.aid_kind AS kind, count(*)::int AS n, sum(payments.amount_fen)::bigint AS fen
        FROM payments JOIN (
          -- Two indexed reads rather than one OR, which the planner can only answer by scanning
          -- the year's payments (1.4 million at provincial scale).
          SELECT id, aid_kind FROM cases WHERE applicant_id = ${actor.userId}
          UNION SELECT id, aid_kind FROM cases WHERE household_id IN (SELECT id FROM households WHERE worker_id = ${actor.userId})
        ) cases ON cases.id = payments.case_id
        WHERE payments.paid_on BETWEEN ${from}::date AND ${to}::date AND cases.aid_kind IS NOT NULL
        GROUP BY cases.aid_kind) r) AS received`);
  const row = result.rows[0];
  const received = (row.received ?? []).map((r) => ({ kind: r.kind, count: r.n, fen: Number(r.fen) })).sort(byKind);
  return {
    year,
    cases: (row.own ?? []).map((c) => ({
      id: c.id,
      kind: c.kind,
      aidKind: c.aid_kind,
      state: c.state,
      amountFen: c.amount_fen,
      day: c.day,
    })),
    total: row.total,
    received: {
      totalFen: sumFen(received.map((r) => r.fen)),
      count: received.reduce((n, r) => n + r.count, 0),
      byKind: received,
    },
  };
}
