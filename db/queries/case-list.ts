import 'server-only';
import { aliasedTable, and, eq, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { cases, orgUnits, users } from '@/db/schema';
import { ZONE } from '@/db/time-zone';
import type { AidKind } from '@/lib/aid/standards';
import type { Fen } from '@/lib/money';
import { escapeLike, likePrefix, scopeOf, type Actor } from '@/lib/scope';
import type { CaseKind, CaseState } from '@/lib/workflow/case-workflow';
import { caseReadable } from './cases';
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
 * The case list (and its export's reads): every case the actor may read, filtered, newest change
 * first, a keyset page at a time. The scope is in the WHERE (cases joined to their org_units row);
 * rows are DTOs with the fields the list shows.
 */

export const CASE_PAGE_SIZE = 20;

async function unitPathOf(db: Queryable, unitId: number): Promise<string | null> {
  const [u] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, unitId));
  return u?.path ?? null;
}

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
export const caseYear = sql`extract(year from coalesce(${cases.appliedOn}, (${cases.createdAt} AT TIME ZONE ${ZONE})::date))`;

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
