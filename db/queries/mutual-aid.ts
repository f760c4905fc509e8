import 'server-only';
import { and, asc, desc, eq, ilike, inArray, lte, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import {
  caseDocuments,
  cases,
  mutualCaps,
  mutualClaims,
  mutualEnrolments,
  mutualFunds,
  mutualSchemes,
  mutualSchemeVersions,
  orgUnits,
  payments,
  users,
} from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { SchemeKind, SchemeVersion } from '@/lib/mutual-aid/rules';
import { escapeLike, likePrefix, scopeOf, type Actor } from '@/lib/scope';
import { anyOf, cappedCount, cursorOf, fewUnits, keysetPage, pageOf, type PageAt, type SortTerm } from './keyset';
import { caseReadable } from './cases';
import { registerUnitsWhere, unitsWhere } from './scope';

/**
 * Reads of the mutual-aid schemes, enrolments, caps, funds and claims. Scope: a worker sees their
 * own enrolments and claims; officials their unit and below (the member's unit when listed);
 * leaders everything. Administrators run accounts and see none.
 */

const versionColumns = {
  id: mutualSchemeVersions.id,
  schemeId: mutualSchemeVersions.schemeId,
  kind: mutualSchemes.kind,
  effectiveOn: mutualSchemeVersions.effectiveOn,
  contributionFen: mutualSchemeVersions.contributionFen,
  unionFen: mutualSchemeVersions.unionFen,
  unitFen: mutualSchemeVersions.unitFen,
  memberFen: mutualSchemeVersions.memberFen,
  maxShares: mutualSchemeVersions.maxShares,
  termYears: mutualSchemeVersions.termYears,
  windowStart: mutualSchemeVersions.windowStart,
  windowEnd: mutualSchemeVersions.windowEnd,
  waitingDays: mutualSchemeVersions.waitingDays,
  renewalGraceDays: mutualSchemeVersions.renewalGraceDays,
  filingDeadline: mutualSchemeVersions.filingDeadline,
  publish: mutualSchemeVersions.publish,
  documents: mutualSchemeVersions.documents,
  rule: mutualSchemeVersions.rule,
};

export interface SchemeSummary {
  id: number;
  code: string;
  kind: SchemeKind;
  nameZh: string;
  nameEn: string;
  versions: SchemeVersion[];
}

/** Every scheme with its versions, newest first (the leaders' page and the pickers). */
export async function listSchemes(db: Queryable): Promise<SchemeSummary[]> {
  const [schemes, versions] = await Promise.all([
    db
      .select({
        id: mutualSchemes.id,
        code: mutualSchemes.code,
        kind: mutualSchemes.kind,
        nameZh: mutualSchemes.nameZh,
        nameEn: mutualSchemes.nameEn,
      })
      .from(mutualSchemes)
      .orderBy(asc(mutualSchemes.id)),
    db
      .select(versionColumns)
      .from(mutualSchemeVersions)
      .innerJoin(mutualSchemes, eq(mutualSchemes.id, mutualSchemeVersions.schemeId))
      .orderBy(desc(mutualSchemeVersions.effectiveOn), desc(mutualSchemeVersions.id)),
  ]);
  return schemes.map((s) => ({ ...s, versions: versions.filter((v) => v.schemeId === s.id) }));
}

/** The version of a scheme in force on a day (the latest effective on or before it), or null. */
export async function schemeVersionOn(db: Queryable, schemeId: number, day: string): Promise<SchemeVersion | null> {
  const [v] = await db
    .select(versionColumns)
    .from(mutualSchemeVersions)
    .innerJoin(mutualSchemes, eq(mutualSchemes.id, mutualSchemeVersions.schemeId))
    .where(and(eq(mutualSchemeVersions.schemeId, schemeId), lte(mutualSchemeVersions.effectiveOn, day)))
    .orderBy(desc(mutualSchemeVersions.effectiveOn), desc(mutualSchemeVersions.id))
    .limit(1);
  return v ?? null;
}

export async function schemeVersionById(db: Queryable, id: number): Promise<SchemeVersion> {
  const [v] = await db
    .select(versionColumns)
    .from(mutualSchemeVersions)
    .innerJoin(mutualSchemes, eq(mutualSchemes.id, mutualSchemeVersions.schemeId))
    .where(eq(mutualSchemeVersions.id, id));
  if (!v) throw notFound();
  return v;
}

/** Which enrolments the actor may see: their own, their subtree's, or all (leaders). */
export function enrolmentVisible(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`false`;
  if (actor.role === 'worker') return eq(mutualEnrolments.memberId, actor.userId);
  return or(eq(mutualEnrolments.memberId, actor.userId), unitsWhere(scopeOf(actor)) ?? sql`true`)!;
}

/** Units whose enrolments an official may act on (list, confirm, record contributions): the register keepers' rule (their subtree; all for leaders). */
export function enrolmentManageable(actor: Actor): SQL {
  return registerUnitsWhere(actor);
}

export interface EnrolmentHead {
  id: number;
  schemeId: number;
  versionId: number;
  year: number;
  termStart: string;
  termEnd: string;
  memberId: number;
  unitId: number;
  unitPath: string;
  shares: number;
  state: (typeof mutualEnrolments.$inferSelect)['state'];
  coverFrom: string;
  contributionFen: number;
  contributionStatus: (typeof mutualEnrolments.$inferSelect)['contributionStatus'];
  version: number;
  memberIdNumber: string | null;
}

const enrolmentHeadColumns = {
  id: mutualEnrolments.id,
  schemeId: mutualEnrolments.schemeId,
  versionId: mutualEnrolments.versionId,
  year: mutualEnrolments.year,
  termStart: mutualEnrolments.termStart,
  termEnd: mutualEnrolments.termEnd,
  memberId: mutualEnrolments.memberId,
  unitId: mutualEnrolments.unitId,
  unitPath: orgUnits.path,
  shares: mutualEnrolments.shares,
  state: mutualEnrolments.state,
  coverFrom: mutualEnrolments.coverFrom,
  contributionFen: mutualEnrolments.contributionFen,
  contributionStatus: mutualEnrolments.contributionStatus,
  version: mutualEnrolments.version,
  memberIdNumber: users.idNumber,
};

/** An enrolment the actor may see; out of scope and missing are the same "not found". */
export async function getEnrolment(db: Queryable, actor: Actor, id: number): Promise<EnrolmentHead> {
  const [row] = await db
    .select(enrolmentHeadColumns)
    .from(mutualEnrolments)
    .innerJoin(orgUnits, eq(orgUnits.id, mutualEnrolments.unitId))
    .innerJoin(users, eq(users.id, mutualEnrolments.memberId))
    .where(and(eq(mutualEnrolments.id, id), enrolmentVisible(actor)));
  if (!row) throw notFound();
  return row;
}

/** The end of the member's latest term of the scheme before `year` (continuity), or null. */
export async function previousTermEnd(db: Queryable, memberId: number, schemeId: number, year: number) {
  const [row] = await db
    .select({ termEnd: mutualEnrolments.termEnd })
    .from(mutualEnrolments)
    .where(
      and(
        eq(mutualEnrolments.memberId, memberId),
        eq(mutualEnrolments.schemeId, schemeId),
        eq(mutualEnrolments.state, 'confirmed'),
        sql`${mutualEnrolments.year} < ${year}`,
      ),
    )
    .orderBy(desc(mutualEnrolments.termEnd))
    .limit(1);
  return row?.termEnd ?? null;
}

/** What the member has drawn on the enrolment's cap in a year (0 before any approval). */
export async function capUsed(db: Queryable, enrolmentId: number, year: number): Promise<number> {
  const [row] = await db
    .select({ usedFen: mutualCaps.usedFen })
    .from(mutualCaps)
    .where(and(eq(mutualCaps.enrolmentId, enrolmentId), eq(mutualCaps.year, year)));
  return row?.usedFen ?? 0;
}

// ── The roster to enrol from, and the enrolment list ─────────────────────────────────────────

export interface RosterRow {
  id: number;
  employeeNo: string;
  name: string;
  unitName: string;
}

/** Workers in the official's scope not yet on the scheme-year's list, searched by name or employee no. */
export async function rosterToEnrol(
  db: Queryable,
  actor: Actor,
  schemeId: number,
  year: number,
  q: string,
  limit = 50,
): Promise<RosterRow[]> {
  const like = `%${escapeLike(q.trim())}%`;
  return db
    .select({ id: users.id, employeeNo: users.employeeNo, name: users.name, unitName: orgUnits.name })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(
      and(
        eq(users.role, 'worker'),
        eq(users.disabled, false),
        enrolmentManageable(actor),
        q.trim() ? or(ilike(users.name, like), ilike(users.employeeNo, like)) : undefined,
        notExists(
          db
            .select({ one: sql`1` })
            .from(mutualEnrolments)
            .where(
              and(
                eq(mutualEnrolments.memberId, users.id),
                eq(mutualEnrolments.schemeId, schemeId),
                eq(mutualEnrolments.year, year),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(users.employeeNo))
    .limit(limit);
}

export const ENROLMENT_PAGE_SIZE = 50;

// Newest first: who was just listed (and waits for the branch) is on the first page.
const ENROLMENT_ORDER: SortTerm[] = [{ expr: mutualEnrolments.id, dir: 'desc' }];

function enrolmentWhere(actor: Actor, f: { schemeId: number; year: number; state?: EnrolmentHead['state'] }) {
  return and(
    eq(mutualEnrolments.schemeId, f.schemeId),
    eq(mutualEnrolments.year, f.year),
    f.state ? eq(mutualEnrolments.state, f.state) : undefined,
    enrolmentVisible(actor),
  );
}

/**
 * The list's rule and, for an official, their few units by id (one index range each rather than a
 * path match on every row of the scheme-year: a branch official's count took ~90 ms on a province).
 */
async function enrolmentListWhere(
  db: Queryable,
  actor: Actor,
  f: { schemeId: number; year: number; state?: EnrolmentHead['state'] },
) {
  const units = await fewUnits(db, scopeOf(actor), undefined);
  return and(enrolmentWhere(actor, f), units ? anyOf(mutualEnrolments.unitId, units) : undefined);
}

/** How many rows the list has (capped, like every list's total). */
export async function enrolmentTotal(db: Queryable, actor: Actor, f: { schemeId: number; year: number }) {
  return cappedCount(
    db,
    db
      .select({ id: mutualEnrolments.id })
      .from(mutualEnrolments)
      .innerJoin(orgUnits, eq(orgUnits.id, mutualEnrolments.unitId))
      .where(await enrolmentListWhere(db, actor, f))
      .$dynamic(),
  );
}

/** One scheme-year's enrolment list in the actor's scope, newest first, by keyset (`?after=` / `?before=`). */
export async function enrolmentList(
  db: Queryable,
  actor: Actor,
  f: { schemeId: number; year: number; state?: EnrolmentHead['state'] },
  at: PageAt,
  size = ENROLMENT_PAGE_SIZE,
) {
  const where = await enrolmentListWhere(db, actor, f);
  return keysetPage(ENROLMENT_ORDER, at, size, (req) =>
    pageOf(
      db
        .select({
          id: mutualEnrolments.id,
          memberId: mutualEnrolments.memberId,
          employeeNo: users.employeeNo,
          name: users.name,
          unitName: orgUnits.name,
          shares: mutualEnrolments.shares,
          state: mutualEnrolments.state,
          coverFrom: mutualEnrolments.coverFrom,
          contributionFen: mutualEnrolments.contributionFen,
          contributionStatus: mutualEnrolments.contributionStatus,
          version: mutualEnrolments.version,
          cursor: cursorOf(req.terms),
        })
        .from(mutualEnrolments)
        .innerJoin(orgUnits, eq(orgUnits.id, mutualEnrolments.unitId))
        .innerJoin(users, eq(users.id, mutualEnrolments.memberId))
        .$dynamic(),
      where,
      req,
    ),
  );
}

/** Every row of a scheme-year's list in scope, for the payroll-deduction export (batched by id). */
export async function enrolmentExportBatch(
  db: Queryable,
  actor: Actor,
  f: { schemeId: number; year: number },
  afterId: number,
  limit: number,
) {
  return db
    .select({
      id: mutualEnrolments.id,
      employeeNo: users.employeeNo,
      name: users.name,
      unitName: orgUnits.name,
      shares: mutualEnrolments.shares,
      state: mutualEnrolments.state,
      coverFrom: mutualEnrolments.coverFrom,
      contributionFen: mutualEnrolments.contributionFen,
      contributionStatus: mutualEnrolments.contributionStatus,
    })
    .from(mutualEnrolments)
    .innerJoin(orgUnits, eq(orgUnits.id, mutualEnrolments.unitId))
    .innerJoin(users, eq(users.id, mutualEnrolments.memberId))
    .where(
      and(
        eq(mutualEnrolments.schemeId, f.schemeId),
        eq(mutualEnrolments.year, f.year),
        inArray(mutualEnrolments.state, ['listed', 'confirmed']),
        enrolmentVisible(actor),
        sql`${mutualEnrolments.id} > ${afterId}`,
      ),
    )
    .orderBy(asc(mutualEnrolments.id))
    .limit(limit);
}

// ── A member's coverage ──────────────────────────────────────────────────────────────────────

export interface CoverageRow {
  enrolmentId: number;
  schemeId: number;
  kind: SchemeKind;
  nameZh: string;
  nameEn: string;
  year: number;
  termStart: string;
  termEnd: string;
  shares: number;
  state: EnrolmentHead['state'];
  coverFrom: string;
  continuous: boolean;
  contributionFen: number;
  contributionStatus: EnrolmentHead['contributionStatus'];
  capFen: number | null;
  usedFen: number | null;
  claimedFen: number;
  claims: number;
}

/** A member's enrolments with, for the given year, what each cap holds and what was claimed. */
export async function coverageOf(db: Queryable, memberId: number, year: number): Promise<CoverageRow[]> {
  const rows = await db
    .select({
      enrolmentId: mutualEnrolments.id,
      schemeId: mutualSchemes.id,
      kind: mutualSchemes.kind,
      nameZh: mutualSchemes.nameZh,
      nameEn: mutualSchemes.nameEn,
      year: mutualEnrolments.year,
      termStart: mutualEnrolments.termStart,
      termEnd: mutualEnrolments.termEnd,
      shares: mutualEnrolments.shares,
      state: mutualEnrolments.state,
      coverFrom: mutualEnrolments.coverFrom,
      continuous: mutualEnrolments.continuous,
      contributionFen: mutualEnrolments.contributionFen,
      contributionStatus: mutualEnrolments.contributionStatus,
      capFen: mutualCaps.capFen,
      usedFen: mutualCaps.usedFen,
      claimedFen: sql<number>`coalesce((SELECT sum(${payments.amountFen}) FROM ${mutualClaims}
        JOIN ${payments} ON ${payments.caseId} = ${mutualClaims.caseId}
        WHERE ${mutualClaims.enrolmentId} = ${mutualEnrolments.id} AND ${mutualClaims.capYear} = ${year}), 0)::int`,
      claims: sql<number>`(SELECT count(*) FROM ${mutualClaims} JOIN ${cases} ON ${cases.id} = ${mutualClaims.caseId}
        WHERE ${mutualClaims.enrolmentId} = ${mutualEnrolments.id} AND ${cases.submittedAt} IS NOT NULL)::int`,
    })
    .from(mutualEnrolments)
    .innerJoin(mutualSchemes, eq(mutualSchemes.id, mutualEnrolments.schemeId))
    .leftJoin(mutualCaps, and(eq(mutualCaps.enrolmentId, mutualEnrolments.id), eq(mutualCaps.year, year)))
    .where(eq(mutualEnrolments.memberId, memberId))
    .orderBy(desc(mutualEnrolments.termEnd), asc(mutualSchemes.id));
  return rows;
}

// ── Funds ────────────────────────────────────────────────────────────────────────────────────

export interface FundRow {
  schemeId: number;
  nameZh: string;
  nameEn: string;
  year: number;
  contributionsFen: number;
  payoutsFen: number;
  payouts: number;
  balanceFen: number;
  /** Payouts over contributions in basis points (赔付率); null without contributions. */
  ratioBp: number | null;
}

/** Every scheme-year fund: in, out, balance and payout ratio. */
export async function fundRows(db: Queryable): Promise<FundRow[]> {
  const rows = await db
    .select({
      schemeId: mutualFunds.schemeId,
      nameZh: mutualSchemes.nameZh,
      nameEn: mutualSchemes.nameEn,
      year: mutualFunds.year,
      contributionsFen: mutualFunds.contributionsFen,
      payoutsFen: mutualFunds.payoutsFen,
      payouts: mutualFunds.payouts,
    })
    .from(mutualFunds)
    .innerJoin(mutualSchemes, eq(mutualSchemes.id, mutualFunds.schemeId))
    .orderBy(desc(mutualFunds.year), asc(mutualSchemes.id));
  return rows.map((r) => ({
    ...r,
    balanceFen: r.contributionsFen - r.payoutsFen,
    ratioBp: r.contributionsFen > 0 ? Math.round((r.payoutsFen * 10_000) / r.contributionsFen) : null,
  }));
}

// ── Claims ───────────────────────────────────────────────────────────────────────────────────

/** The claim facts of a case the caller has already read through the case scope (caseReadable). */
export async function claimOfCase(db: Queryable, caseId: number) {
  const [row] = await db
    .select({
      caseId: mutualClaims.caseId,
      enrolmentId: mutualClaims.enrolmentId,
      schemeId: mutualClaims.schemeId,
      versionId: mutualClaims.versionId,
      capYear: mutualClaims.capYear,
      capDrawnFen: mutualClaims.capDrawnFen,
      hospital: mutualClaims.hospital,
      admittedOn: mutualClaims.admittedOn,
      dischargedOn: mutualClaims.dischargedOn,
      totalFen: mutualClaims.totalFen,
      basicFen: mutualClaims.basicFen,
      otherFen: mutualClaims.otherFen,
      selfPaidFen: mutualClaims.selfPaidFen,
      itemCode: mutualClaims.itemCode,
      diagnosis: mutualClaims.diagnosis,
      lines: mutualClaims.lines,
      payoutFen: mutualClaims.payoutFen,
      schemeNameZh: mutualSchemes.nameZh,
      schemeNameEn: mutualSchemes.nameEn,
      kind: mutualSchemes.kind,
    })
    .from(mutualClaims)
    .innerJoin(mutualSchemes, eq(mutualSchemes.id, mutualClaims.schemeId))
    .where(eq(mutualClaims.caseId, caseId));
  return row ?? null;
}

export type ClaimFacts = NonNullable<Awaited<ReturnType<typeof claimOfCase>>>;

/**
 * A claim's page: the member, the one who filed it (an official filing for the member sees the
 * draft too) and, once submitted, whoever may read the case (officials in scope, leaders). The
 * diagnosis is among the facts: nobody else reaches this read.
 */
export async function getClaimPage(db: Queryable, actor: Actor, caseId: number) {
  const [row] = await db
    .select({
      id: cases.id,
      state: cases.state,
      version: cases.version,
      eventOn: cases.eventOn,
      applicantId: cases.applicantId,
      memberName: users.name,
      memberNo: users.employeeNo,
      filedBy: cases.filedBy,
    })
    .from(cases)
    .innerJoin(mutualClaims, eq(mutualClaims.caseId, cases.id))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(and(eq(cases.id, caseId), caseReadable(actor)));
  if (!row) throw notFound();
  const [claim, docs] = await Promise.all([
    claimOfCase(db, caseId),
    db
      .select({
        id: caseDocuments.id,
        fileName: caseDocuments.fileName,
        purpose: caseDocuments.purpose,
        sizeBytes: caseDocuments.sizeBytes,
      })
      .from(caseDocuments)
      .where(eq(caseDocuments.caseId, caseId))
      .orderBy(asc(caseDocuments.id)),
  ]);
  const version = await schemeVersionById(db, claim!.versionId);
  return { ...row, claim: claim!, documents: docs, required: version.documents, rule: version.rule };
}

/** A worker's mutual-aid claims for the household's ledger (一户一账): scheme, event, state and what was paid. */
export function memberClaimLines(db: Queryable, memberId: number) {
  return db
    .select({
      caseId: cases.id,
      nameZh: mutualSchemes.nameZh,
      nameEn: mutualSchemes.nameEn,
      eventOn: cases.eventOn,
      state: cases.state,
      payoutFen: mutualClaims.payoutFen,
      paidOn: payments.paidOn,
      paidFen: payments.amountFen,
    })
    .from(mutualClaims)
    .innerJoin(cases, eq(cases.id, mutualClaims.caseId))
    .innerJoin(mutualSchemes, eq(mutualSchemes.id, mutualClaims.schemeId))
    .leftJoin(payments, eq(payments.caseId, cases.id))
    .where(and(eq(cases.applicantId, memberId), sql`${cases.submittedAt} IS NOT NULL`))
    .orderBy(desc(cases.eventOn), desc(cases.id))
    .limit(200);
}

// ── Figures ──────────────────────────────────────────────────────────────────────────────────

/**
 * A unit filter on a table's unit column: the actor's subtree (officials), everything (leaders);
 * within that, the subtree of `unitPath` when a dashboard shows one unit.
 */
function unitColumnInScope(actor: Actor, unitColumn: SQL, unitPath?: string): SQL {
  if (actor.role === 'admin' || actor.role === 'worker') return sql`false`;
  const scope = and(
    unitsWhere(scopeOf(actor)),
    unitPath ? sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}` : undefined,
  );
  return scope ? sql`${unitColumn} IN (SELECT ${orgUnits.id} FROM ${orgUnits} WHERE ${scope})` : sql`true`;
}

/** A scheme's claims of a year paid (person-times) and the money. */
export interface SchemePaid {
  schemeId: number;
  nameZh: string;
  nameEn: string;
  paid: number;
  paidFen: number;
}

/** With the members enrolled (confirmed) that year. */
export interface SchemeYearFigure extends SchemePaid {
  enrolled: number;
}

/**
 * Per scheme, the claims of a year paid and the money, in the actor's units (under `unitPath` when
 * a dashboard shows one unit). Mine-wide these are the funds' own totals (mutual_funds, moved in
 * the payment's transaction): the dashboard recomputes its figures after every write anywhere, and
 * summing a province's payments took ~330 ms of it. Within units, the claims are read by their
 * unit (mutual_claims_unit_list_idx).
 */
export async function mutualPaid(db: Queryable, actor: Actor, year: number, unitPath?: string): Promise<SchemePaid[]> {
  const schemes = await db
    .select({ id: mutualSchemes.id, nameZh: mutualSchemes.nameZh, nameEn: mutualSchemes.nameEn })
    .from(mutualSchemes)
    .orderBy(asc(mutualSchemes.id));
  const mineWide = scopeOf(actor).kind === 'all' && !unitPath && actor.role !== 'admin';
  const rows = mineWide
    ? await db.execute<{ scheme_id: number; n: number; fen: number }>(sql`
        SELECT scheme_id, payouts AS n, payouts_fen AS fen FROM ${mutualFunds} WHERE year = ${year}`)
    : await db.execute<{ scheme_id: number; n: number; fen: number }>(sql`
        SELECT m.scheme_id, count(*)::int AS n, coalesce(sum(p.amount_fen), 0)::bigint AS fen
        FROM mutual_claims m JOIN payments p ON p.case_id = m.case_id
        WHERE m.cap_year = ${year} AND ${unitColumnInScope(actor, sql`m.unit_id`, unitPath)}
        GROUP BY m.scheme_id`);
  const paid = new Map(rows.rows.map((r) => [Number(r.scheme_id), { n: Number(r.n), fen: Number(r.fen) }]));
  return schemes.map((s) => ({
    schemeId: s.id,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    paid: paid.get(s.id)?.n ?? 0,
    paidFen: paid.get(s.id)?.fen ?? 0,
  }));
}

/**
 * Per scheme for a year, in the actor's units: members enrolled (confirmed), and what
 * `mutualPaid` gives. The roster and the share of it covered are the register's stored figures
 * (registerMeasures: mutualCovered of workers).
 */
export async function mutualFigures(db: Queryable, actor: Actor, year: number): Promise<SchemeYearFigure[]> {
  const [enrolledRows, paid] = await Promise.all([
    db.execute<{ scheme_id: number; n: number }>(sql`
      SELECT scheme_id, count(*)::int AS n FROM mutual_enrolments
      WHERE year = ${year} AND state = 'confirmed' AND ${unitColumnInScope(actor, sql`unit_id`)}
      GROUP BY scheme_id`),
    mutualPaid(db, actor, year),
  ]);
  const enrolled = new Map(enrolledRows.rows.map((r) => [Number(r.scheme_id), Number(r.n)]));
  return paid.map((p) => ({ ...p, enrolled: enrolled.get(p.schemeId) ?? 0 }));
}

/** Per branch for a year (in scope): members covered by any scheme, claims paid and the money. */
export async function mutualByBranch(db: Queryable, actor: Actor, year: number) {
  const r = await db.execute<{ id: number; name: string; covered: number; paid: number; fen: number }>(sql`
    SELECT b.id, b.name,
      (SELECT count(DISTINCT e.member_id) FROM mutual_enrolments e JOIN org_units u ON u.id = e.unit_id
        WHERE e.year = ${year} AND e.state = 'confirmed' AND u.path LIKE b.path || '%')::int AS covered,
      (SELECT count(*) FROM mutual_claims m JOIN payments p ON p.case_id = m.case_id JOIN cases c ON c.id = m.case_id
        JOIN org_units u ON u.id = c.unit_id WHERE m.cap_year = ${year} AND u.path LIKE b.path || '%')::int AS paid,
      (SELECT coalesce(sum(p.amount_fen), 0) FROM mutual_claims m JOIN payments p ON p.case_id = m.case_id JOIN cases c ON c.id = m.case_id
        JOIN org_units u ON u.id = c.unit_id WHERE m.cap_year = ${year} AND u.path LIKE b.path || '%')::bigint AS fen
    FROM org_units b
    WHERE b.level = 'branch' AND ${unitColumnInScope(actor, sql`b.id`)}
    ORDER BY b.code`);
  return r.rows.map((x) => ({
    id: Number(x.id),
    name: x.name,
    covered: Number(x.covered),
    paid: Number(x.paid),
    fen: Number(x.fen),
  }));
}

/**
 * Seriously ill workers on the register (大病职工, active files) in the actor's units who have no
 * confirmed cover in a medical scheme this year: an alert for their officials, the first 100 named
 * (their number is the register's stored figure, illUncovered).
 */
export async function seriouslyIllNotEnrolled(db: Queryable, actor: Actor, year: number) {
  const r = await db.execute<{
    household_id: number;
    worker_id: number;
    employee_no: string;
    name: string;
    unit_name: string;
  }>(sql`
    SELECT h.id AS household_id, u.id AS worker_id, u.employee_no, u.name, o.name AS unit_name
    FROM households h JOIN users u ON u.id = h.worker_id JOIN org_units o ON o.id = h.unit_id
    WHERE h.status = 'active' AND h.category = 'serious_illness' AND ${unitColumnInScope(actor, sql`h.unit_id`)}
      AND NOT EXISTS (SELECT 1 FROM mutual_enrolments e JOIN mutual_schemes s ON s.id = e.scheme_id
        WHERE e.member_id = h.worker_id AND e.year = ${year} AND e.state = 'confirmed' AND s.kind = 'medical')
    ORDER BY u.employee_no
    LIMIT 100`);
  return r.rows.map((x) => ({
    householdId: Number(x.household_id),
    workerId: Number(x.worker_id),
    employeeNo: x.employee_no,
    name: x.name,
    unitName: x.unit_name,
  }));
}

/**
 * One scheme-year's claims in the actor's reach (the claims list's rule), for the claims file: the
 * member, the event, the state, the computed payout and, once paid, the payment. `paidOnly` gives
 * the payouts file. Never the diagnosis: a file leaves the portal's access control for good. Read
 * in case-id batches (keyset) by the export.
 */
export async function claimExportBatch(
  db: Queryable,
  actor: Actor,
  f: { schemeId: number; year: number; paidOnly: boolean },
  afterId: number,
  limit: number,
) {
  const units = await fewUnits(db, scopeOf(actor), undefined);
  return db
    .select({
      id: mutualClaims.caseId,
      employeeNo: users.employeeNo,
      name: users.name,
      unitName: orgUnits.name,
      eventOn: cases.eventOn,
      hospital: mutualClaims.hospital,
      state: cases.state,
      payoutFen: mutualClaims.payoutFen,
      paidOn: payments.paidOn,
      paidFen: payments.amountFen,
      method: payments.method,
      reference: payments.reference,
    })
    .from(mutualClaims)
    .innerJoin(cases, eq(cases.id, mutualClaims.caseId))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .leftJoin(payments, eq(payments.caseId, cases.id))
    .where(
      and(
        eq(mutualClaims.schemeId, f.schemeId),
        eq(mutualClaims.capYear, f.year),
        units ? anyOf(mutualClaims.unitId, units) : undefined,
        caseReadable(actor),
        f.paidOnly ? sql`${payments.id} IS NOT NULL` : undefined,
        sql`${mutualClaims.caseId} > ${afterId}`,
      ),
    )
    .orderBy(asc(mutualClaims.caseId))
    .limit(limit);
}

export const CLAIM_PAGE_SIZE = 50;
const CLAIM_ORDER: SortTerm[] = [{ expr: mutualClaims.caseId, dir: 'desc' }];

/**
 * One scheme-year's claims that the actor may read (the case rule: their own, their units' once
 * submitted, all for leaders), newest first by keyset. An official's few units are read through
 * their ids (one index range each) rather than a path match on every claim.
 */
export async function claimList(db: Queryable, actor: Actor, f: { schemeId: number; year: number }, at: PageAt) {
  const units = await fewUnits(db, scopeOf(actor), undefined);
  const inList = and(
    eq(mutualClaims.schemeId, f.schemeId),
    eq(mutualClaims.capYear, f.year),
    units ? anyOf(mutualClaims.unitId, units) : undefined,
  );
  // Mine-wide, each claim's case is read by its id, one lookup per claim of the page, through a
  // lateral subquery the planner cannot flatten (its LIMIT 1 changes nothing: the id is the key).
  // Joined plainly, it merge-joins the claims with the cases from the newest case down: for last
  // year's claims on a province's data that walked 200,000 cases before the first row, ~100 ms a
  // page, and the count the same way (85 ms; 25 ms so). For an official's few units the plain join
  // (the subquery without a limit is flattened into one) reads their claims by unit and is the fast
  // one: 4 ms against 130.
  const readableCase = db
    .select({
      eventOn: cases.eventOn,
      state: cases.state,
      applicantId: cases.applicantId,
      unitName: orgUnits.name,
    })
    .from(cases)
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(and(eq(cases.id, mutualClaims.caseId), caseReadable(actor)))
    .$dynamic();
  const claimCase = (units ? readableCase : readableCase.limit(1)).as('claim_case');
  const total = cappedCount(
    db,
    db
      .select({ id: mutualClaims.caseId })
      .from(mutualClaims)
      .innerJoinLateral(claimCase, sql`true`)
      .where(inList)
      .$dynamic(),
  );
  const page = await keysetPage(CLAIM_ORDER, at, CLAIM_PAGE_SIZE, (req) =>
    pageOf(
      db
        .select({
          caseId: mutualClaims.caseId,
          employeeNo: users.employeeNo,
          name: users.name,
          unitName: claimCase.unitName,
          eventOn: claimCase.eventOn,
          state: claimCase.state,
          payoutFen: mutualClaims.payoutFen,
          cursor: cursorOf(req.terms),
        })
        .from(mutualClaims)
        .innerJoinLateral(claimCase, sql`true`)
        .innerJoin(users, eq(users.id, claimCase.applicantId))
        .$dynamic(),
      inList,
      req,
    ),
  );
  return { ...page, total: await total };
}
