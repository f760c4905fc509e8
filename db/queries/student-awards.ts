import 'server-only';
import { and, asc, desc, eq, ilike, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { caseSteps, cases, orgUnits, students, users } from '@/db/schema';
import { computeAmount, NO_FILE, type AmountRule, type StandardCategory } from '@/lib/aid/standards';
import { maskName } from '@/lib/mask';
import { escapeLike, type Actor } from '@/lib/scope';
import { AWARD_TIERS, type AwardTier, type Stage } from '@/lib/students/stages';
import type { CaseState } from '@/lib/workflow/case-workflow';
import { caseReadable, standardInForce } from './cases';
import type { KeysetPage, PageAt, SortTerm, Total } from './keyset';
import { documentsOf, type CaseDocumentBrief } from './student-aid';
import { parentColumns, PUBLISHED_STATES, studentsPage, studentVisible } from './students';

// ── Outstanding aided students (优秀受助生) ─────────────────────────────────────────────────────

export interface NomineeRow {
  id: number;
  name: string;
  school: string;
  stage: Stage;
  grade: number;
  parentName: string;
  employeeNo: string;
  unitName: string;
  /** The last school year in which the student was paid student aid. */
  lastAidedYear: number;
}

/** A student who was paid student aid in a school year up to `schoolYear`: who may be nominated that year. */
export function aidedBy(schoolYear: number): SQL {
  return sql`EXISTS (SELECT 1 FROM ${cases} a WHERE a.student_id = ${students.id} AND a.kind = 'student_aid' AND a.state = 'paid' AND a.school_year <= ${schoolYear})`;
}

/** By unit, then parent; a cursor holds (unit path, employee no., id). */
const NOMINEE_ORDER: SortTerm[] = [
  { expr: orgUnits.path, dir: 'asc' },
  { expr: users.employeeNo, dir: 'asc' },
  { expr: students.id, dir: 'asc' },
];

/**
 * Students the actor may nominate for a school year: in scope, aided by then, and without a live
 * award for that year. Searchable by student, parent or school.
 */
export async function nominees(
  db: Queryable,
  actor: Actor,
  schoolYear: number,
  f: { q?: string } & PageAt,
): Promise<KeysetPage<NomineeRow> & { total: Total }> {
  const q = f.q?.trim();
  const where = and(
    studentVisible(actor),
    aidedBy(schoolYear),
    sql`NOT EXISTS (SELECT 1 FROM ${cases} w WHERE w.student_id = ${students.id} AND w.kind = 'student_award' AND w.school_year = ${schoolYear} AND w.state NOT IN ('rejected', 'withdrawn'))`,
    q
      ? or(
          ilike(students.name, `%${escapeLike(q)}%`),
          ilike(students.school, `%${escapeLike(q)}%`),
          ilike(users.name, `%${escapeLike(q)}%`),
          ilike(users.employeeNo, `${escapeLike(q)}%`),
        )
      : undefined,
  );
  const lastAidedYear = sql<number>`(SELECT max(a.school_year) FROM ${cases} a WHERE a.student_id = ${students.id} AND a.kind = 'student_aid' AND a.state = 'paid')`;
  return studentsPage<NomineeRow>(
    db,
    {
      id: students.id,
      name: students.name,
      school: students.school,
      stage: students.stage,
      grade: students.grade,
      ...parentColumns,
      lastAidedYear,
    },
    where,
    NOMINEE_ORDER,
    f,
  );
}

export interface TierOffer {
  tier: AwardTier;
  rule: AmountRule | null;
}

export interface AwardRow {
  id: number;
  version: number;
  state: CaseState;
  schoolYear: number;
  studentName: string;
  school: string;
  stage: Stage;
  grade: number;
  parentName: string;
  unitName: string;
  results: string | null;
  nominatorName: string | null;
  awardTier: AwardTier | null;
  amountFen: number | null;
  /** While awaiting the leader: what each tier of the standard in force on the nomination date pays. */
  tiers: TierOffer[];
  documents: CaseDocumentBrief[];
}

const nominator = alias(users, 'nominator');
const parent = alias(users, 'parent');

/**
 * The award cases of a school year the actor may read, by state: the leader's queue (nominated,
 * awaiting the tier) or the year's list. Names stay whole here: only officials and leaders, who
 * decide on them, read this; the public list masks them (publishedAwards).
 */
export async function awardCases(
  db: Queryable,
  actor: Actor,
  schoolYear: number,
  states: readonly CaseState[],
): Promise<AwardRow[]> {
  const rows = await db
    .select({
      id: cases.id,
      version: cases.version,
      state: cases.state,
      schoolYear: cases.schoolYear,
      studentName: students.name,
      school: students.school,
      stage: cases.stage,
      grade: cases.grade,
      parentName: parent.name,
      unitName: orgUnits.name,
      results: cases.results,
      nominatorName: nominator.name,
      awardTier: cases.awardTier,
      amountFen: cases.amountFen,
      category: cases.category,
      appliedOn: cases.appliedOn,
    })
    .from(cases)
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .innerJoin(students, eq(students.id, cases.studentId))
    .innerJoin(parent, eq(parent.id, cases.applicantId))
    .leftJoin(
      caseSteps,
      and(
        eq(caseSteps.caseId, cases.id),
        eq(caseSteps.step, 'review'),
        eq(caseSteps.toState, 'reviewed'),
        eq(caseSteps.fromState, 'draft'),
      ),
    )
    .leftJoin(nominator, eq(nominator.id, caseSteps.actorId))
    .where(
      and(
        eq(cases.kind, 'student_award'),
        eq(cases.schoolYear, schoolYear),
        inArray(cases.state, [...states]),
        caseReadable(actor),
      ),
    )
    .orderBy(asc(cases.submittedAt), asc(cases.id));
  const standards = new Map<string, Awaited<ReturnType<typeof standardInForce>>>();
  const out: AwardRow[] = [];
  for (const { category, appliedOn, ...r } of rows) {
    let tiers: TierOffer[] = [];
    if (r.state === 'reviewed' && appliedOn) {
      if (!standards.has(appliedOn)) standards.set(appliedOn, await standardInForce(db, appliedOn));
      const standard = standards.get(appliedOn);
      tiers = AWARD_TIERS.map((tier) => {
        const computed = standard
          ? computeAmount(standard, 'student_award', (category ?? NO_FILE) as StandardCategory, tier)
          : null;
        return { tier, rule: computed?.ok ? computed.amount.rule : null };
      });
    }
    out.push({
      ...r,
      schoolYear: r.schoolYear!,
      stage: r.stage!,
      grade: r.grade!,
      tiers,
      documents: await documentsOf(db, r.id),
    });
  }
  return out;
}

export interface PublishedAward {
  id: number;
  maskedName: string;
  unitName: string;
  stage: Stage;
  awardTier: AwardTier;
  amountFen: number;
  state: CaseState;
}

/**
 * The year's award list as the mine reads it (like the publicity page): masked names, unit,
 * stage, tier and amount; no ID numbers, schools or results. Every signed-in person may read it.
 */
export async function publishedAwards(db: Queryable, schoolYear: number): Promise<PublishedAward[]> {
  const rows = await db
    .select({
      id: cases.id,
      name: students.name,
      unitName: orgUnits.name,
      stage: cases.stage,
      awardTier: cases.awardTier,
      amountFen: cases.amountFen,
      state: cases.state,
    })
    .from(cases)
    .innerJoin(students, eq(students.id, cases.studentId))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(
      and(
        eq(cases.kind, 'student_award'),
        eq(cases.schoolYear, schoolYear),
        inArray(cases.state, [...PUBLISHED_STATES]),
      ),
    )
    .orderBy(
      sql`array_position(ARRAY[${sql.raw(AWARD_TIERS.map((t) => `'${t}'`).join(','))}]::text[], ${cases.awardTier})`,
      asc(orgUnits.path),
      asc(cases.id),
    );
  return rows.map(({ name, ...r }) => ({
    ...r,
    maskedName: maskName(name),
    stage: r.stage!,
    awardTier: r.awardTier!,
    amountFen: r.amountFen!,
  }));
}

/** The school years that have student aid or award cases, newest first, for the year pickers. */
export async function fundYears(db: Queryable): Promise<number[]> {
  const rows = await db
    .selectDistinct({ y: cases.schoolYear })
    .from(cases)
    .where(and(isNotNull(cases.schoolYear), lte(cases.schoolYear, 2100)))
    .orderBy(desc(cases.schoolYear));
  return rows.map((r) => r.y!);
}
