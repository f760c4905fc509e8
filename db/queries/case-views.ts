import 'server-only';
import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import {
  aidStandards,
  budgets,
  caseSteps,
  cases,
  notifications,
  objections,
  orgUnits,
  payments,
  users,
} from '@/db/schema';
import { fundKind, type AidKind, type AmountRule, type Frequency, type StandardCategory } from '@/lib/aid/standards';
import {
  receivedInYear,
  repeatApplications,
  repeatPayments,
  type LedgerPayment,
  type OpenApplication,
} from '@/lib/aid/ledger';
import { todayInChina } from '@/lib/dates';
import { notFound } from '@/lib/errors';
import type { Fen } from '@/lib/money';
import type { Role } from '@/lib/roles';
import { escapeLike, likePrefix, scopeOf, type Actor } from '@/lib/scope';
import {
  canAct,
  queueState,
  stepsOf,
  waitingOn,
  barredFrom,
  type Barred,
  type CaseAction,
  type CaseFacts,
  type CaseKind,
  type CaseState,
  type Step,
} from '@/lib/workflow/case-workflow';
import { caseReadable, caseVisible, ledgerPayments, openApplications, stepActorsOf } from './cases';
import { listCaseDocuments, type DocumentInfo } from './documents';
import {
  anyArray,
  anyOf,
  cappedCount,
  cursorOf,
  fewUnits,
  keysetPage,
  pageOf,
  type KeysetPage,
  type PageAt,
  type PageRequest,
  type SortTerm,
  type Total,
} from './keyset';

/**
 * The screens' reads of cases: the list, the to-do queues and the case page. Every query carries
 * the actor's scope in its WHERE (cases joined to their org_units row) and returns DTOs with the
 * fields a screen shows — never an ID number, a hash or the client's submit token.
 */

/** Who has cases to read (administrators run accounts and see none) and who has to-do queues. */
export const CASE_ROLES = [
  'worker',
  'sub_branch_official',
  'branch_official',
  'leader',
] as const satisfies readonly Role[];
export const QUEUE_ROLES = ['sub_branch_official', 'branch_official', 'leader'] as const satisfies readonly Role[];

export const CASE_PAGE_SIZE = 20;
export const QUEUE_PAGE_SIZE = 20;

async function unitPathOf(db: Queryable, unitId: number): Promise<string | null> {
  const [u] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, unitId));
  return u?.path ?? null;
}

// ── The list ──────────────────────────────────────────────────────────────────────────────────

export interface CaseListFilter {
  state?: CaseState;
  aidKind?: AidKind;
  /** The year of the application date (a draft's: the day it was started). */
  year?: number;
  /** A unit and everything below it; officials and leaders only. */
  unitId?: number;
  /** Applicant's name (part) or employee number (start); officials and leaders only. */
  q?: string;
}

export interface CaseListRow {
  id: number;
  kind: CaseKind;
  aidKind: AidKind | null;
  state: CaseState;
  applicantName: string;
  employeeNo: string;
  unitName: string;
  amountFen: Fen | null;
  appliedOn: string | null;
  updatedAt: Date;
}

/** The list's order (and its export's): last changed first. A cursor holds (updated_at, id) as text. */
export const CASE_ORDER: SortTerm[] = [
  { expr: cases.updatedAt, dir: 'desc' },
  { expr: cases.id, dir: 'desc' },
];

/**
 * A case's year: of its application date, or for a draft of the (China) day it was started. The
 * very expression of the index cases_year_updated_id_idx (db/schema/cases.ts), which serves a year's
 * cases in the list's order.
 */
export const caseYear = sql`extract(year from coalesce(${cases.appliedOn}, (${cases.createdAt} AT TIME ZONE 'Asia/Shanghai')::date))`;

async function caseListParts(db: Queryable, actor: Actor, f: CaseListFilter) {
  const staff = actor.role !== 'worker';
  const q = staff ? f.q?.trim() : undefined;
  const unitPath = staff && f.unitId ? await unitPathOf(db, f.unitId) : undefined;
  // What a case must be besides readable and under the chosen unit.
  const rowFilter = and(
    f.state ? eq(cases.state, f.state) : undefined,
    f.aidKind ? eq(cases.aidKind, f.aidKind) : undefined,
    f.year ? sql`${caseYear} = ${f.year}` : undefined,
    q ? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.employeeNo, `${escapeLike(q)}%`)) : undefined,
  );
  const where = and(
    caseReadable(actor),
    rowFilter,
    staff && f.unitId ? (unitPath ? sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}` : sql`false`) : undefined,
  );
  // Implied by the search, and indexable: the matching people first (a scan of the people, not of
  // the millions of cases in the list's order), then their cases.
  const applicants = q
    ? inArray(
        cases.applicantId,
        db
          .select({ id: searched.id })
          .from(searched)
          .where(or(ilike(searched.name, `%${escapeLike(q)}%`), ilike(searched.employeeNo, `${escapeLike(q)}%`))),
      )
    : undefined;
  return { where, rowFilter, applicants, unitPath: staff && f.unitId ? unitPath : undefined };
}

const searched = aliasedTable(users, 'searched');

const caseListFields = {
  id: cases.id,
  kind: cases.kind,
  aidKind: cases.aidKind,
  state: cases.state,
  applicantName: users.name,
  employeeNo: users.employeeNo,
  unitName: orgUnits.name,
  amountFen: cases.amountFen,
  appliedOn: cases.appliedOn,
  updatedAt: cases.updatedAt,
};

/** Cases joined to their unit and applicant: the FROM of the list and of its export. */
export function withCaseJoins<T extends PgSelect>(qb: T) {
  return qb.innerJoin(orgUnits, eq(orgUnits.id, cases.unitId)).innerJoin(users, eq(users.id, cases.applicantId));
}

/**
 * The ids of a page's candidates when the list is confined to a few units: each unit's first
 * `limit` cases past the edge (an index on (unit_id, updated_at, id) reads just those), merged.
 * One index range over the whole table would instead pass every other unit's cases on the way —
 * an official's branch holds a five-hundredth of a province's. Within a unit in scope, readable
 * means the applicant's own or submitted (caseReadable without the scope, which the planner would
 * misjudge and sort the unit's every case instead).
 */
function perUnitPage(db: Queryable, actor: Actor, rowFilter: SQL | undefined, units: number[], req: PageRequest): SQL {
  const inUnit = and(
    sql`${cases.unitId} = su.unit_id`,
    or(eq(cases.applicantId, actor.userId), isNotNull(cases.submittedAt)),
    rowFilter,
  );
  const perUnit = pageOf(
    db
      .select({ id: cases.id, updatedAt: cases.updatedAt })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.applicantId))
      .$dynamic(),
    inUnit,
    req,
  );
  const dir = sql.raw(req.terms[0].dir);
  return sql`ARRAY(SELECT p.id FROM unnest(${anyArray(units)}) AS su(unit_id) CROSS JOIN LATERAL (${perUnit}) p ORDER BY p.updated_at ${dir}, p.id ${dir} LIMIT ${req.limit})`;
}

/**
 * One page of the list, newest change first, after or before a cursor (PageAt), with its total
 * counted up to COUNT_CAP.
 */
export async function listCases(
  db: Queryable,
  actor: Actor,
  f: CaseListFilter,
  at: PageAt = {},
): Promise<KeysetPage<CaseListRow> & { total: Total }> {
  const reads = await caseListReads(db, actor, f);
  const cursor = cursorOf(CASE_ORDER);
  const [page, total] = await Promise.all([
    keysetPage(CASE_ORDER, at, CASE_PAGE_SIZE, (req) =>
      pageOf(
        withCaseJoins(
          db
            .select({ ...caseListFields, cursor })
            .from(cases)
            .$dynamic(),
        ),
        reads.page(req),
        req,
      ),
    ),
    cappedCount(
      db,
      db
        .select({ id: cases.id })
        .from(cases)
        .leftJoin(orgUnits, eq(orgUnits.id, cases.unitId))
        .leftJoin(users, eq(users.id, cases.applicantId))
        .where(reads.all)
        .$dynamic(),
    ),
  ]);
  return { ...page, total };
}

/**
 * The list's rows as WHEREs over cases joined to their unit and applicant: `page(req)` for one
 * page (or an export's batch) and `all` for counting. An official's list, or one narrowed to a
 * unit, reads its few units' own index ranges (perUnitPage); their own applications made
 * elsewhere (before a move) still count as readable.
 */
export async function caseListReads(
  db: Queryable,
  actor: Actor,
  f: CaseListFilter,
): Promise<{ page: (req: PageRequest) => SQL | undefined; all: SQL | undefined }> {
  const parts = await caseListParts(db, actor, f);
  const units = await fewUnits(db, scopeOf(actor), parts.unitPath);
  // A few units' cases are few enough to search as they are read.
  const where = units ? parts.where : and(parts.where, parts.applicants);
  const own = eq(cases.applicantId, actor.userId);
  return {
    page: (req) =>
      and(
        where,
        units ? or(sql`${cases.id} = ANY(${perUnitPage(db, actor, parts.rowFilter, units, req)})`, own) : undefined,
      ),
    all: and(where, units ? or(anyOf(cases.unitId, units), own) : undefined),
  };
}

// ── The to-do queues ──────────────────────────────────────────────────────────────────────────

export interface QueueRow {
  id: number;
  kind: CaseKind;
  aidKind: AidKind | null;
  applicantName: string;
  employeeNo: string;
  unitName: string;
  amountFen: Fen | null;
  /** When the case reached the step (for publicity: when its oldest undecided objection came). */
  waitingSince: Date;
}

export interface QueueStep {
  step: Step;
  total: number;
  rows: QueueRow[];
}

const hasPendingObjection = sql`EXISTS (SELECT 1 FROM ${objections} o WHERE o.case_id = ${cases.id} AND o.status = 'pending')`;

/**
 * When a case reached its step: its latest move (a case arrives at a step by the move before
 * it), or its submission when the history has none. A published case waits on the publicity step
 * only once someone objects, so its clock starts with the oldest undecided objection.
 */
function waitingSince(step: Step) {
  return (
    step === 'publicity'
      ? sql`(SELECT min(o.created_at) FROM ${objections} o WHERE o.case_id = ${cases.id} AND o.status = 'pending')`
      : sql`coalesce((SELECT max(s.at) FROM ${caseSteps} s WHERE s.case_id = ${cases.id}), ${cases.submittedAt})`
  ).mapWith(cases.submittedAt);
}

/**
 * The cases waiting at a step that this actor may act on, in SQL what `canAct` says in code: the
 * step's state within the actor's scope, not their own application, and not a case where they
 * acted at another step (the two-steps rule). The publicity step holds only cases with an
 * undecided objection.
 */
function queueWhere(actor: Actor, step: Step): SQL {
  return and(
    caseVisible(actor),
    eq(cases.state, queueState(step)),
    ne(cases.applicantId, actor.userId),
    sql`NOT EXISTS (SELECT 1 FROM ${caseSteps} s WHERE s.case_id = ${cases.id} AND s.actor_id = ${actor.userId} AND s.step IS NOT NULL AND s.step <> ${step})`,
    step === 'publicity' ? hasPendingObjection : undefined,
  )!;
}

/** One step's queue: its count and one page of its cases, oldest first. */
export async function queueOf(db: Queryable, actor: Actor, step: Step, page = 1): Promise<QueueStep> {
  const where = queueWhere(actor, step);
  const since = waitingSince(step);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: cases.id,
        kind: cases.kind,
        aidKind: cases.aidKind,
        applicantName: users.name,
        employeeNo: users.employeeNo,
        unitName: orgUnits.name,
        amountFen: cases.amountFen,
        waitingSince: since,
      })
      .from(cases)
      .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
      .innerJoin(users, eq(users.id, cases.applicantId))
      .where(where)
      .orderBy(asc(since), asc(cases.id))
      .limit(QUEUE_PAGE_SIZE)
      .offset((page - 1) * QUEUE_PAGE_SIZE),
    db.select({ total: count() }).from(cases).innerJoin(orgUnits, eq(orgUnits.id, cases.unitId)).where(where),
  ]);
  return { step, total, rows };
}

/** Every queue the actor works on (none for workers and administrators), in chain order. */
export function listQueues(
  db: Queryable,
  actor: Actor,
  opts: { step?: Step; page?: number } = {},
): Promise<QueueStep[]> {
  return Promise.all(stepsOf(actor.role).map((step) => queueOf(db, actor, step, step === opts.step ? opts.page : 1)));
}

// ── The case page ─────────────────────────────────────────────────────────────────────────────

export type DecisionStep = 'verification' | 'review' | 'approval';

/** What the actor may do on the case now, each answer from the workflow's `canAct`. */
export interface CaseAbilities {
  /** The step at which the actor may approve, return or reject; null when none. */
  decideAt: DecisionStep | null;
  pay: boolean;
  withdraw: boolean;
  /** The applicant may edit (a draft, or a case returned for more information). */
  edit: boolean;
  /** The actor may decide the case's undecided objections. */
  decideObjection: boolean;
  /** Why separation of duties keeps the actor from the step the case waits at (shown, not hidden). */
  barred: Barred | null;
}

export function abilitiesOf(
  actor: Pick<Actor, 'userId' | 'role' | 'unitPath'>,
  facts: CaseFacts,
  pendingObjections: number,
): CaseAbilities {
  const may = (action: CaseAction) => canAct({ actor, case: facts, action }).ok;
  return {
    decideAt: may('approve') ? (waitingOn(facts.state) as DecisionStep) : null,
    pay: may('pay'),
    withdraw: may('withdraw'),
    edit: may('submit') || may('resubmit'),
    decideObjection: pendingObjections > 0 && may('dismiss_objection'),
    barred: barredFrom(actor, facts),
  };
}

export interface HistoryEntry {
  id: number;
  step: Step | null;
  action: CaseAction;
  fromState: CaseState;
  toState: CaseState;
  /** Null for the system's own moves (the publicity window closing). */
  actorName: string | null;
  actorRole: Role | null;
  /** Whether the viewer took this step. */
  byViewer: boolean;
  comment: string;
  at: Date;
}

export interface ObjectionEntry {
  id: number;
  byName: string;
  reason: string;
  status: 'pending' | 'upheld' | 'dismissed';
  decidedByName: string | null;
  decision: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export interface LedgerEntry {
  caseId: number;
  kind: AidKind;
  paidOn: string;
  amountFen: Fen;
}

/** The household aid ledger (一户一账) as the case page shows it. */
export interface LedgerView {
  /** Whether the ledger is the household file's, or the applicant's own (no file). */
  byHousehold: boolean;
  year: number;
  totalFen: Fen;
  count: number;
  byKind: { kind: AidKind; fen: Fen }[];
  /** Every payment, newest first. */
  payments: LedgerEntry[];
  /** Payments of the same kind within this case's period (once per event, once a year). */
  repeats: LedgerEntry[];
  /** Other applications of the same kind within the period, still on their way. */
  repeatsInProgress: { caseId: number; state: CaseState; appliedOn: string }[];
}

export interface BudgetLeft {
  id: number;
  year: number;
  amountFen: Fen;
  spentFen: Fen;
  leftFen: Fen;
  /** The branch of a per-branch split; null for the mine-wide budget. */
  unitName: string | null;
}

export interface CaseView {
  id: number;
  kind: CaseKind;
  aidKind: AidKind | null;
  state: CaseState;
  version: number;
  applicant: { name: string; employeeNo: string };
  isApplicant: boolean;
  unitName: string;
  /** The unit with the units above it, e.g. "矿工会 / 采矿场 / 一采区". */
  unitChain: string;
  eventOn: string;
  eventKey: string;
  whatHappened: string;
  familySituation: string;
  helpAsked: string;
  appliedOn: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  amount: {
    amountFen: Fen | null;
    computedFen: Fen | null;
    rule: AmountRule | null;
    frequency: Frequency | null;
    category: StandardCategory | null;
    /** The approver's written reason when they chose another amount than the computed one. */
    reason: string | null;
    standard: { name: string; effectiveOn: string } | null;
  };
  publicity: { start: string; end: string } | null;
  payment: {
    paidOn: string;
    method: 'bank_transfer' | 'cash';
    reference: string;
    amountFen: Fen;
    repeatReason: string | null;
    recordedByName: string;
  } | null;
  history: HistoryEntry[];
  /** Null for those who may not read objections (the applicant; workers). */
  objections: ObjectionEntry[] | null;
  documents: DocumentInfo[];
  ledger: LedgerView | null;
  /** The budget a payment would draw on this year; only for those who may pay. */
  budget: BudgetLeft | null;
  /** Why the case came back to the applicant, when it did. */
  returned: { step: Step | null; comment: string; at: Date } | null;
  /** The actor's unread notifications about this case. */
  unread: number;
  can: CaseAbilities;
}

const unitChain = sql<string>`(SELECT string_agg(u.name, ' / ' ORDER BY length(u.path)) FROM ${orgUnits} u WHERE starts_with(${orgUnits.path}, u.path))`;

/**
 * The budget a payment of this kind in this year would draw on, as recordPayment picks it: the
 * branch's split, else the mine's; an award draws on the fund's student-aid budget.
 */
export async function budgetFor(
  db: Queryable,
  aidKind: AidKind,
  unitPath: string,
  year: number,
): Promise<BudgetLeft | null> {
  const [b] = await db
    .select({ id: budgets.id, amountFen: budgets.amountFen, spentFen: budgets.spentFen, unitName: orgUnits.name })
    .from(budgets)
    .leftJoin(orgUnits, eq(orgUnits.id, budgets.unitId))
    .where(
      and(
        eq(budgets.year, year),
        eq(budgets.aidKind, fundKind(aidKind)),
        sql`(${budgets.unitId} IS NULL OR starts_with(${unitPath}, ${orgUnits.path}))`,
      ),
    )
    .orderBy(sql`${budgets.unitId} IS NULL`)
    .limit(1);
  return b ? { year, ...b, leftFen: b.amountFen - b.spentFen } : null;
}

function ledgerView(
  all: LedgerPayment[],
  open: OpenApplication[],
  c: {
    id: number;
    aidKind: AidKind | null;
    eventKey: string;
    eventOn: string;
    appliedOn: string | null;
    frequency: Frequency | null;
    householdId: number | null;
  },
  year: number,
): LedgerView {
  const entry = (p: LedgerPayment): LedgerEntry => ({
    caseId: p.caseId,
    kind: p.kind,
    paidOn: p.paidOn,
    amountFen: p.amountFen,
  });
  const received = receivedInYear(all, year);
  const me =
    c.aidKind && c.frequency && c.appliedOn
      ? { caseId: c.id, kind: c.aidKind, event: { key: c.eventKey || null, on: c.eventOn }, appliedOn: c.appliedOn }
      : null;
  const repeats = me && c.frequency ? repeatPayments(all, me, c.frequency) : [];
  const inProgress = me && c.frequency ? repeatApplications(open, me, c.frequency) : [];
  return {
    byHousehold: c.householdId !== null,
    year,
    totalFen: received.totalFen,
    count: received.count,
    byKind: Object.entries(received.byKind).map(([kind, fen]) => ({ kind: kind as AidKind, fen: fen! })),
    payments: [...all].sort((a, b) => b.paidOn.localeCompare(a.paidOn) || b.caseId - a.caseId).map(entry),
    repeats: repeats.map(entry),
    repeatsInProgress: inProgress.map((o) => ({
      caseId: o.caseId,
      state: (o as OpenApplication & { state: CaseState }).state,
      appliedOn: o.appliedOn,
    })),
  };
}

function objectionsOf(db: Queryable, caseId: number): Promise<ObjectionEntry[]> {
  const decidedBy = aliasedTable(users, 'decided_by');
  return db
    .select({
      id: objections.id,
      byName: users.name,
      reason: objections.reason,
      status: objections.status,
      decidedByName: decidedBy.name,
      decision: objections.decision,
      decidedAt: objections.decidedAt,
      createdAt: objections.createdAt,
    })
    .from(objections)
    .innerJoin(users, eq(users.id, objections.byId))
    .leftJoin(decidedBy, eq(decidedBy.id, objections.decidedBy))
    .where(eq(objections.caseId, caseId))
    .orderBy(asc(objections.createdAt), asc(objections.id));
}

/** Everything the case page and the printed form show, for someone who may read the case; else not found. */
export async function getCaseView(db: Queryable, actor: Actor, id: number): Promise<CaseView> {
  const [c] = await db
    .select({
      id: cases.id,
      kind: cases.kind,
      aidKind: cases.aidKind,
      state: cases.state,
      version: cases.version,
      applicantId: cases.applicantId,
      applicantName: users.name,
      employeeNo: users.employeeNo,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      unitChain,
      householdId: cases.householdId,
      category: cases.category,
      eventOn: cases.eventOn,
      eventKey: cases.eventKey,
      whatHappened: cases.whatHappened,
      familySituation: cases.familySituation,
      helpAsked: cases.helpAsked,
      appliedOn: cases.appliedOn,
      submittedAt: cases.submittedAt,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      amountFen: cases.amountFen,
      computedFen: cases.computedFen,
      rule: cases.rule,
      frequency: cases.frequency,
      amountReason: cases.amountReason,
      standardName: aidStandards.name,
      standardEffectiveOn: aidStandards.effectiveOn,
      publicityStart: cases.publicityStart,
      publicityEnd: cases.publicityEnd,
    })
    .from(cases)
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .leftJoin(aidStandards, eq(aidStandards.id, cases.standardId))
    .where(and(eq(cases.id, id), caseReadable(actor)));
  if (!c) throw notFound();

  const isApplicant = c.applicantId === actor.userId;
  const seesObjections = !isApplicant && actor.role !== 'worker';
  const year = Number(todayInChina().slice(0, 4));
  const [stepActors, history, documents, objectionRows, paymentRows, ledger, [{ unread }]] = await Promise.all([
    stepActorsOf(db, id),
    db
      .select({
        id: caseSteps.id,
        step: caseSteps.step,
        action: caseSteps.action,
        fromState: caseSteps.fromState,
        toState: caseSteps.toState,
        actorName: users.name,
        actorRole: users.role,
        byViewer: sql<boolean>`coalesce(${caseSteps.actorId} = ${actor.userId}, false)`,
        comment: caseSteps.comment,
        at: caseSteps.at,
      })
      .from(caseSteps)
      .leftJoin(users, eq(users.id, caseSteps.actorId))
      .where(eq(caseSteps.caseId, id))
      .orderBy(asc(caseSteps.at), asc(caseSteps.id)),
    listCaseDocuments(db, id),
    objectionsOf(db, id),
    db
      .select({
        paidOn: payments.paidOn,
        method: payments.method,
        reference: payments.reference,
        amountFen: payments.amountFen,
        repeatReason: payments.repeatReason,
        recordedByName: users.name,
      })
      .from(payments)
      .innerJoin(users, eq(users.id, payments.recordedBy))
      .where(eq(payments.caseId, id)),
    c.aidKind
      ? Promise.all([ledgerPayments(db, c), c.kind === 'aid' ? openApplications(db, c) : Promise.resolve([])])
      : Promise.resolve(null),
    db
      .select({ unread: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.userId), eq(notifications.caseId, id), isNull(notifications.readAt))),
  ]);

  const facts: CaseFacts = { state: c.state, applicantId: c.applicantId, applicantUnitPath: c.unitPath, stepActors };
  const pending = objectionRows.filter((o) => o.status === 'pending').length;
  const can = abilitiesOf(actor, facts, pending);
  const lastReturn = c.state.startsWith('returned_') ? history.findLast((h) => h.action === 'return') : undefined;

  return {
    id: c.id,
    kind: c.kind,
    aidKind: c.aidKind,
    state: c.state,
    version: c.version,
    applicant: { name: c.applicantName, employeeNo: c.employeeNo },
    isApplicant,
    unitName: c.unitName,
    unitChain: c.unitChain ?? c.unitName,
    eventOn: c.eventOn,
    eventKey: c.eventKey,
    whatHappened: c.whatHappened,
    familySituation: c.familySituation,
    helpAsked: c.helpAsked,
    appliedOn: c.appliedOn,
    submittedAt: c.submittedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    amount: {
      amountFen: c.amountFen,
      computedFen: c.computedFen,
      rule: c.rule,
      frequency: c.frequency,
      category: c.category as StandardCategory | null,
      reason: c.amountReason,
      standard:
        c.standardName && c.standardEffectiveOn ? { name: c.standardName, effectiveOn: c.standardEffectiveOn } : null,
    },
    publicity: c.publicityStart && c.publicityEnd ? { start: c.publicityStart, end: c.publicityEnd } : null,
    payment: paymentRows[0] ?? null,
    history,
    objections: seesObjections ? objectionRows : null,
    documents,
    ledger: ledger ? ledgerView(ledger[0], ledger[1], c, year) : null,
    budget: can.pay && c.aidKind ? await budgetFor(db, c.aidKind, c.unitPath, year) : null,
    returned: lastReturn ? { step: lastReturn.step, comment: lastReturn.comment, at: lastReturn.at } : null,
    unread,
    can,
  };
}
