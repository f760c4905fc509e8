import 'server-only';
import { can } from '@/lib/permissions';
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn, type SelectedFields } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { cases, objections, orgUnits, students, users, type OBJECTION_STATUSES } from '@/db/schema';
import type { AidKind } from '@/lib/aid/standards';
import { maskName } from '@/lib/mask';
import { scopeOf, type Actor } from '@/lib/scope';
import { canAct, type CaseKind, type Refusal } from '@/lib/workflow/case-workflow';
import { caseVisible, stepActorsOf } from './cases';
import {
  cappedCount,
  cursorOf,
  keysetPage,
  pageOf,
  type KeysetPage,
  type PageAt,
  type SortTerm,
  type Total,
} from './keyset';
import { unitsWhere } from './scope';
import { chinaDate, chinaDayStart } from '@/db/time-zone';

/**
 * The publicity (公示) reads. Every signed-in person of the mine reads the published cases, so
 * these answer with what a notice board would show: the applicant's masked name, the unit, the
 * kind, the amount and the dates — never an ID number, never what happened or the family's
 * situation. The full name never leaves this module (it is masked here, on the server).
 */

export const PUBLICITY_PAGE_SIZE = 20;
/** How far back the "recently ended" list reaches. */
export const RECENT_DAYS = 30;

const applicant = alias(users, 'applicant');
/** The branch (分会) the case's unit belongs to: the branch itself or the one above a sub-branch. */
const branch = alias(orgUnits, 'branch');
const branchJoin = and(eq(branch.level, 'branch'), sql`starts_with(${orgUnits.path}, ${branch.path})`);

const chinaDay = (ts: AnyPgColumn) => sql<string>`to_char(${chinaDate(ts)}, 'YYYY-MM-DD')`;

/** What the board shows of any case, whatever the list. */
const boardColumns = {
  id: cases.id,
  // Student aid and awards are published under the student's name (masked), not the parent's.
  applicantName: sql<string>`coalesce(${students.name}, ${applicant.name})`,
  unitName: orgUnits.name,
  branchName: branch.name,
  kind: cases.kind,
  aidKind: cases.aidKind,
  amountFen: cases.amountFen,
};

interface BoardRow {
  id: number;
  applicantName: string;
  unitName: string;
  branchName: string | null;
  kind: CaseKind;
  aidKind: AidKind | null;
  amountFen: number | null;
}

export interface BoardCase {
  id: number;
  maskedName: string;
  unitName: string;
  branchName: string | null;
  kind: CaseKind;
  aidKind: AidKind | null;
  amountFen: number;
}

function toBoard({ applicantName, amountFen, ...rest }: BoardRow): BoardCase {
  return { ...rest, maskedName: maskName(applicantName), amountFen: amountFen ?? 0 };
}

/** Cases on the board with the extra columns a list needs (applicant, unit and branch joined). */
function onBoard<E extends SelectedFields>(db: Queryable, extra: E) {
  return db
    .select({ ...boardColumns, ...extra })
    .from(cases)
    .innerJoin(applicant, eq(applicant.id, cases.applicantId))
    .leftJoin(students, eq(students.id, cases.studentId))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .leftJoin(branch, branchJoin);
}

export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export interface PublishedCase extends BoardCase {
  publicityStart: string;
  publicityEnd: string;
  /** The viewer's own latest objection to this case, if any. */
  myObjection: { on: string; status: ObjectionStatus } | null;
  /** Whether the viewer may open the case itself (applicant, officials in scope, leaders). */
  canView: boolean;
}

export interface PublicityFilters extends PageAt {
  kind?: AidKind;
  branchId?: number;
}

/** Newest window first; a cursor holds (publicity start, id). */
const BOARD_ORDER: SortTerm[] = [
  { expr: cases.publicityStart, dir: 'desc' },
  { expr: cases.id, dir: 'desc' },
];

/**
 * The cases in publicity now, newest first: what everyone signed in may read and object to. One
 * keyset page: the board is read by the whole mine and holds every published case of every kind
 * and branch at once, a list with no bound of its own.
 */
export async function listPublished(
  db: Queryable,
  actor: Actor,
  f: PublicityFilters,
): Promise<KeysetPage<PublishedCase> & { total: Total }> {
  const where = and(
    eq(cases.state, 'in_publicity'),
    f.kind ? eq(cases.aidKind, f.kind) : undefined,
    f.branchId ? eq(branch.id, f.branchId) : undefined,
  );
  const [{ rows, prev, next }, total] = await Promise.all([
    keysetPage(BOARD_ORDER, f, PUBLICITY_PAGE_SIZE, (req) =>
      pageOf(
        onBoard(db, {
          publicityStart: cases.publicityStart,
          publicityEnd: cases.publicityEnd,
          canView: sql<boolean>`(${caseVisible(actor)})`,
          cursor: cursorOf(BOARD_ORDER),
        }).$dynamic(),
        where,
        req,
      ),
    ),
    cappedCount(
      db,
      db
        .select({ id: cases.id })
        .from(cases)
        .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
        .leftJoin(branch, branchJoin)
        .where(where)
        .$dynamic(),
    ),
  ]);
  const mine = await myObjections(
    db,
    actor.userId,
    rows.map((r) => r.id),
  );
  return {
    total,
    prev,
    next,
    rows: rows.map(({ publicityStart, publicityEnd, canView, ...r }) => ({
      ...toBoard(r),
      publicityStart: publicityStart!,
      publicityEnd: publicityEnd!,
      canView: !!canView,
      myObjection: mine.get(r.id) ?? null,
    })),
  };
}

/** The viewer's latest objection per case, for "you objected on …". */
async function myObjections(
  db: Queryable,
  userId: number,
  caseIds: number[],
): Promise<Map<number, { on: string; status: ObjectionStatus }>> {
  if (!caseIds.length) return new Map();
  const rows = await db
    .select({ caseId: objections.caseId, on: chinaDay(objections.createdAt), status: objections.status })
    .from(objections)
    .where(and(eq(objections.byId, userId), inArray(objections.caseId, caseIds)))
    .orderBy(asc(objections.createdAt), asc(objections.id));
  // Ascending, so the latest one is written last.
  return new Map(rows.map((r) => [r.caseId, { on: r.on, status: r.status }]));
}

export interface PendingObjection {
  id: number;
  reason: string;
  raisedOn: string;
  objectorName: string;
  case: BoardCase & { publicityEnd: string };
  /** Null when the viewer may decide; else why not (they reviewed or approved the case, or it is their own). */
  refusal: Refusal | null;
}

const objector = alias(users, 'objector');

/**
 * Objections awaiting a decision at the publicity step, for the people of that step: a branch
 * official sees those on cases of their unit's subtree, a leader all of them. Oldest first, as a
 * queue. Each says whether this viewer may decide it (the two-steps rule bars the reviewer and
 * the approver of the case).
 */
export async function pendingObjections(db: Queryable, actor: Actor): Promise<PendingObjection[]> {
  if (!can(actor.role, 'publicity.decideObjection')) return [];
  const rows = await db
    .select({
      ...boardColumns,
      objectionId: objections.id,
      reason: objections.reason,
      raisedOn: chinaDay(objections.createdAt),
      objectorName: objector.name,
      publicityEnd: cases.publicityEnd,
      state: cases.state,
      applicantId: cases.applicantId,
      filedBy: cases.filedBy,
      unitPath: orgUnits.path,
    })
    .from(objections)
    .innerJoin(cases, eq(cases.id, objections.caseId))
    .innerJoin(objector, eq(objector.id, objections.byId))
    .innerJoin(applicant, eq(applicant.id, cases.applicantId))
    .leftJoin(students, eq(students.id, cases.studentId))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .leftJoin(branch, branchJoin)
    .where(and(eq(objections.status, 'pending'), eq(cases.state, 'in_publicity'), unitsWhere(scopeOf(actor))))
    .orderBy(asc(objections.createdAt), asc(objections.id));
  const actorsByCase = new Map<number, Awaited<ReturnType<typeof stepActorsOf>>>();
  for (const id of new Set(rows.map((r) => r.id))) actorsByCase.set(id, await stepActorsOf(db, id));
  return rows.map(
    ({ objectionId, reason, raisedOn, objectorName, publicityEnd, state, applicantId, filedBy, unitPath, ...r }) => {
      const p = canAct({
        actor,
        case: { state, applicantId, filedBy, applicantUnitPath: unitPath, stepActors: actorsByCase.get(r.id)! },
        action: 'dismiss_objection',
      });
      return {
        id: objectionId,
        reason,
        raisedOn,
        objectorName,
        case: { ...toBoard(r), publicityEnd: publicityEnd! },
        refusal: p.ok ? null : p.reason,
      };
    },
  );
}

export type PublicityOutcome = 'ready_for_payment' | 'paid' | 'sent_back';

export interface EndedCase extends BoardCase {
  endedOn: string;
  outcome: PublicityOutcome;
}

/**
 * Publicity that ended in the last RECENT_DAYS days, with its outcome, masked like the board:
 * windows that closed (now ready for payment or paid), and cases an upheld objection sent back
 * to the leader (their window ended the day it was upheld).
 */
export async function recentlyEnded(db: Queryable, today: string, limit = 20): Promise<EndedCase[]> {
  const since = sql`(${today}::date - ${RECENT_DAYS}::int)`;
  const board = (where: SQL | undefined) =>
    onBoard(db, { state: cases.state, publicityEnd: cases.publicityEnd }).where(where);
  const [closed, sentBack] = await Promise.all([
    board(
      and(
        inArray(cases.state, ['ready_for_payment', 'paid']),
        gte(cases.publicityEnd, since as unknown as string),
        lt(cases.publicityEnd, today),
      ),
    )
      .orderBy(desc(cases.publicityEnd), desc(cases.id))
      .limit(limit),
    db
      .selectDistinctOn([objections.caseId], { caseId: objections.caseId, on: chinaDay(objections.decidedAt) })
      .from(objections)
      .where(and(eq(objections.status, 'upheld'), sql`${objections.decidedAt} >= ${chinaDayStart(since)}`))
      .orderBy(objections.caseId, desc(objections.decidedAt))
      .then(async (upheld) => {
        if (!upheld.length) return [];
        const on = new Map(upheld.map((u) => [u.caseId, u.on]));
        const rows = await board(inArray(cases.id, [...on.keys()]));
        return rows.map((r) => ({ ...r, endedOn: on.get(r.id)! }));
      }),
  ]);
  const ended: EndedCase[] = [
    ...closed.map(({ state, publicityEnd, ...r }) => ({
      ...toBoard(r),
      endedOn: publicityEnd!,
      outcome: state as PublicityOutcome,
    })),
    ...sentBack.map(({ state: _state, publicityEnd: _end, endedOn, ...r }) => ({
      ...toBoard(r),
      endedOn,
      outcome: 'sent_back' as const,
    })),
  ];
  return ended.sort((a, b) => b.endedOn.localeCompare(a.endedOn) || b.id - a.id).slice(0, limit);
}
