import 'server-only';
import { lookupHash } from '@/db/schema/pii';
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import {
  householdMembers,
  households,
  importIssues,
  importJobs,
  importRecords,
  mutualEnrolments,
  orgUnits,
  users,
  type ImportKind,
} from '@/db/schema';
import { notFound } from '@/lib/errors';
import { scopeOf, type Actor } from '@/lib/scope';
import { registerUnitsWhere, unitsWhere } from './scope';

/** Every unit by its code: a mine has hundreds, read once per dry run. */
export async function unitsByCode(db: Queryable) {
  const rows = await db
    .select({ id: orgUnits.id, code: orgUnits.code, level: orgUnits.level, path: orgUnits.path })
    .from(orgUnits);
  return new Map(rows.map((u) => [u.code, u]));
}

/** Existing accounts by employee number: the import's key (never the ID number). */
export function peopleByEmployeeNo(db: Queryable, employeeNos: string[], opts: { forUpdate?: boolean } = {}) {
  if (!employeeNos.length) return Promise.resolve([]);
  const q = db
    .select({
      id: users.id,
      employeeNo: users.employeeNo,
      name: users.name,
      role: users.role,
      unitId: users.unitId,
      idNumber: users.idNumber,
      phone: users.phone,
      disabled: users.disabled,
    })
    .from(users)
    .where(inArray(users.employeeNo, employeeNos));
  return opts.forUpdate ? q.for('update') : q;
}

/**
 * Who already holds these ID numbers, for the dry run's "registered to someone else". The one
 * place the import looks people up by ID number (an exact match on the stored value).
 */
export function holdersOfIdNumbers(db: Queryable, idNumbers: string[]) {
  if (!idNumbers.length) return Promise.resolve([]);
  return (
    db
      .select({ employeeNo: users.employeeNo, idNumber: users.idNumber })
      .from(users)
      // Sealed values differ each time (random IV): match their blind index.
      .where(
        and(
          inArray(
            users.idNumberHash,
            idNumbers.map((n) => lookupHash('idNumber', n)),
          ),
          isNotNull(users.idNumber),
        ),
      )
  );
}

/** Workers whose register the actor keeps, by employee number (others are simply absent). */
export function registerWorkers(db: Queryable, actor: Actor, employeeNos: string[]) {
  if (!employeeNos.length) return Promise.resolve([]);
  return db
    .select({ id: users.id, employeeNo: users.employeeNo, unitId: users.unitId })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(inArray(users.employeeNo, employeeNos), eq(users.role, 'worker'), registerUnitsWhere(actor)));
}

/**
 * Workers the actor may enrol (active workers of units in their scope, as the enrol action asks),
 * by employee number; others are simply absent. The ID number's blind index is compared, never the value.
 */
export function enrolableWorkers(db: Queryable, actor: Actor, employeeNos: string[]) {
  if (!employeeNos.length) return Promise.resolve([]);
  return db
    .select({
      id: users.id,
      employeeNo: users.employeeNo,
      name: users.name,
      unitId: users.unitId,
      idNumber: users.idNumber,
      idNumberHash: users.idNumberHash,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(
      and(
        inArray(users.employeeNo, employeeNos),
        eq(users.role, 'worker'),
        eq(users.disabled, false),
        unitsWhere(scopeOf(actor)),
      ),
    );
}

/** These members' enrolments of one scheme-year (at most one each), locked when the import is about to change them. */
export function enrolmentsOfMembers(
  db: Queryable,
  schemeId: number,
  year: number,
  memberIds: number[],
  opts: { forUpdate?: boolean } = {},
) {
  if (!memberIds.length) return Promise.resolve([]);
  const q = db
    .select({
      id: mutualEnrolments.id,
      memberId: mutualEnrolments.memberId,
      shares: mutualEnrolments.shares,
      state: mutualEnrolments.state,
      contributionStatus: mutualEnrolments.contributionStatus,
    })
    .from(mutualEnrolments)
    .where(
      and(
        eq(mutualEnrolments.schemeId, schemeId),
        eq(mutualEnrolments.year, year),
        inArray(mutualEnrolments.memberId, memberIds),
      ),
    );
  return opts.forUpdate ? q.for('update') : q;
}

/** The current files of these workers, locked for the batch that may change them. */
export function householdsOfWorkers(db: Queryable, workerIds: number[]) {
  if (!workerIds.length) return Promise.resolve([]);
  return db
    .select({
      id: households.id,
      workerId: households.workerId,
      category: households.category,
      keepingLevel: households.keepingLevel,
      causes: households.causes,
      monthlyIncomeFen: households.monthlyIncomeFen,
      housing: households.housing,
      address: households.address,
      phone: households.phone,
      notes: households.notes,
    })
    .from(households)
    .where(inArray(households.workerId, workerIds))
    .for('update');
}

/** A family member's own columns, as the register's file and the person's own data show them. */
export const memberColumns = {
  name: householdMembers.name,
  relation: householdMembers.relation,
  birthDate: householdMembers.birthDate,
  health: householdMembers.health,
  schoolOrWork: householdMembers.schoolOrWork,
  monthlyIncomeFen: householdMembers.monthlyIncomeFen,
};

export function membersOf(db: Queryable, householdIds: number[]) {
  if (!householdIds.length) return Promise.resolve([]);
  return db
    .select({ householdId: householdMembers.householdId, ...memberColumns })
    .from(householdMembers)
    .where(inArray(householdMembers.householdId, householdIds))
    .orderBy(householdMembers.householdId, householdMembers.id);
}

const jobColumns = {
  id: importJobs.id,
  kind: importJobs.kind,
  status: importJobs.status,
  fileName: importJobs.fileName,
  params: importJobs.params,
  rowsTotal: importJobs.rowsTotal,
  rowsWithIssues: importJobs.rowsWithIssues,
  recordsTotal: importJobs.recordsTotal,
  recordsDone: importJobs.recordsDone,
  created: importJobs.created,
  updated: importJobs.updated,
  unchanged: importJobs.unchanged,
  credentialsTakenAt: importJobs.credentialsTakenAt,
  createdAt: importJobs.createdAt,
  finishedAt: importJobs.finishedAt,
};
export type ImportJob = Awaited<ReturnType<typeof getJob>>;

/** A job of the actor's own (an upload is seen by whoever made it), or not found. */
export async function getJob(db: Queryable, actor: Actor, jobId: number, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select(jobColumns)
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), eq(importJobs.actorId, actor.userId)))
    .limit(1);
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  if (!row) throw notFound();
  return row;
}

/** The actor's latest uploads of a kind. */
export function recentJobs(db: Queryable, actor: Actor, kind: ImportKind, limit = 20) {
  return db
    .select(jobColumns)
    .from(importJobs)
    .where(and(eq(importJobs.actorId, actor.userId), eq(importJobs.kind, kind)))
    .orderBy(desc(importJobs.id))
    .limit(limit);
}

export const ISSUES_PAGE = 50;

/** A page of a job's problems in row order, after the issue `after` (keyset on the serial id). */
export function issuesAfter(db: Queryable, jobId: number, after: number, limit = ISSUES_PAGE) {
  return db
    .select({
      id: importIssues.id,
      rowNo: importIssues.rowNo,
      field: importIssues.field,
      message: importIssues.message,
    })
    .from(importIssues)
    .where(and(eq(importIssues.jobId, jobId), gt(importIssues.id, after)))
    .orderBy(asc(importIssues.id))
    .limit(limit);
}

/**
 * One page of a job's problems in row order (keyset on the serial id, which follows the file):
 * after the issue `after`, or before `before`, or the first page; with the keys of its neighbours.
 */
export async function issuesPage(db: Queryable, jobId: number, at: { after?: number; before?: number }) {
  const cols = {
    id: importIssues.id,
    rowNo: importIssues.rowNo,
    field: importIssues.field,
    message: importIssues.message,
  };
  const mine = eq(importIssues.jobId, jobId);
  let rows;
  if (at.before) {
    rows = (
      await db
        .select(cols)
        .from(importIssues)
        .where(and(mine, lt(importIssues.id, at.before)))
        .orderBy(desc(importIssues.id))
        .limit(ISSUES_PAGE + 1)
    ).reverse();
  } else {
    rows = await db
      .select(cols)
      .from(importIssues)
      .where(and(mine, at.after ? gt(importIssues.id, at.after) : undefined))
      .orderBy(asc(importIssues.id))
      .limit(ISSUES_PAGE + 1);
  }
  // The extra row says whether there is another page in the direction we read.
  const more = rows.length > ISSUES_PAGE;
  if (more) rows = at.before ? rows.slice(1) : rows.slice(0, ISSUES_PAGE);
  const first = rows[0]?.id;
  const last = rows.at(-1)?.id;
  const hasPrev = at.before ? more : !!at.after;
  const hasNext = at.before ? true : more;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(importIssues)
    .where(mine);
  return {
    rows,
    prev: hasPrev && first ? String(first) : null,
    next: hasNext && last ? String(last) : null,
    total: { count: n, capped: false },
  };
}

/** The next staged records after `seq`, in file order. */
export function recordsAfter(db: Queryable, jobId: number, seq: number, limit: number) {
  return db
    .select({ seq: importRecords.seq, rowNo: importRecords.rowNo, data: importRecords.data })
    .from(importRecords)
    .where(and(eq(importRecords.jobId, jobId), gt(importRecords.seq, seq)))
    .orderBy(asc(importRecords.seq))
    .limit(limit);
}

/** The accounts a job created, in file order, after `seq`. */
export function createdAfter(db: Queryable, jobId: number, seq: number, limit: number) {
  return db
    .select({ seq: importRecords.seq, employeeNo: importRecords.employeeNo })
    .from(importRecords)
    .where(and(eq(importRecords.jobId, jobId), eq(importRecords.outcome, 'created'), gt(importRecords.seq, seq)))
    .orderBy(asc(importRecords.seq))
    .limit(limit);
}

/** Names of accounts by employee number (for the credentials sheet). */
export function namesOf(db: Queryable, employeeNos: string[]) {
  if (!employeeNos.length) return Promise.resolve([]);
  return db
    .select({ employeeNo: users.employeeNo, name: users.name })
    .from(users)
    .where(and(inArray(users.employeeNo, employeeNos), ne(users.role, 'admin')));
}
