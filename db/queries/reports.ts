import 'server-only';
import { and, between, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import {
  campaignEntries,
  campaignPersonEntries,
  campaigns,
  cases,
  householdEvents,
  households,
  mutualClaims,
  mutualSchemes,
  orgUnits,
  payments,
  tasks,
  visits,
} from '@/db/schema';
import { HARDSHIP_KINDS } from '@/lib/aid/standards';
import type { HardshipKind, ReportLine, ReportSection } from '@/lib/reports/lines';
import { yearsOf, type Span } from '@/lib/reports/span';
import { lineOf, sumLines, type Figure, type YearRow } from '@/lib/reports/tally';
import { likePrefix, scopeOf, type Actor } from '@/lib/scope';
import { fundReport } from './fund-report';
import { programmeSections } from './programme-figures';
import { registerUnitsWhere } from './scope';
import { getUnit, type UnitDto } from './units';

/**
 * The three-year report (三年工作报表): per programme, the people-times and money of each year and
 * of the span, as the union reports its work upward. Each programme is one grouped query over the
 * base tables (by year, never a query per year), scoped in its WHERE to the viewer's scope and the
 * chosen unit's subtree (org_units joined as the unit the programme's rows belong to).
 *
 * - Hardship aid: payments of the hardship kinds, by the year they were paid.
 * - Dream Come True fund: the fund report's own figures (fund-report.ts), by the school year the
 *   aid was for, as the fund reports them; a column's year is the school year that starts in it.
 * - Register: filings (first and again) and exits from the households' timelines, by their date;
 *   visits by their day; deeds (tasks) by the day they were done. A household counts in the unit
 *   it belongs to now, as on the register's screens.
 */

export interface ThreeYearReport extends Span {
  years: number[];
  /** The unit whose subtree the figures cover; null for a leader's whole mine. */
  unit: Pick<UnitDto, 'id' | 'name' | 'level'> | null;
  sections: ReportSection[];
}

/** A date column of the programme's rows: when a payment, event, visit or deed happened. */
type Day = AnyPgColumn<{ data: string }>;
const yearOf = (day: Day) => sql<number>`extract(year FROM ${day})::int`;
const inSpan = (day: Day, { from, to }: Span) => between(day, `${from}-01-01`, `${to}-12-31`);
/** The year and the span's total in one pass, for counts of distinct things. */
const byYearAndTotal = (day: Day) => sql`GROUPING SETS ((${yearOf(day)}), ())`;

const line = (
  key: ReportLine['key'],
  years: number[],
  rows: YearRow[],
  money: boolean,
  aidKind?: HardshipKind,
): ReportLine => ({
  key,
  ...(aidKind ? { aidKind } : {}),
  money,
  ...lineOf(years, rows),
});

async function hardshipSection(
  db: Queryable,
  where: SQL | undefined,
  span: Span,
  years: number[],
): Promise<ReportSection> {
  const rows = await db
    .select({
      kind: cases.aidKind,
      year: yearOf(payments.paidOn),
      count: count(),
      fen: sql<number>`sum(${payments.amountFen})::bigint`.mapWith(Number),
    })
    .from(payments)
    .innerJoin(cases, eq(cases.id, payments.caseId))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(and(inArray(cases.aidKind, [...HARDSHIP_KINDS]), inSpan(payments.paidOn, span), where))
    .groupBy(cases.aidKind, yearOf(payments.paidOn));
  const kinds = HARDSHIP_KINDS.filter((k) => rows.some((r) => r.kind === k));
  const lines = kinds.map((k) =>
    line(
      'aidKind',
      years,
      rows.filter((r) => r.kind === k),
      true,
      k,
    ),
  );
  return {
    programme: 'hardship',
    lines: [...lines, { key: 'aidSubtotal', money: true, ...sumLines(lines, years.length) }],
  };
}

async function studentSection(
  db: Queryable,
  actor: Actor,
  unitPath: string | undefined,
  span: Span,
  years: number[],
): Promise<ReportSection> {
  const r = await fundReport(db, actor, span.from, span.to, unitPath);
  const per = (pick: (f: (typeof r)['total']) => Figure): YearRow[] => [
    ...r.years.map((y) => ({ year: y.schoolYear, ...pick(y) })),
    { year: null, ...pick(r.total) },
  ];
  return {
    programme: 'students',
    lines: [
      line(
        'studentAid',
        years,
        per((f) => f.aid),
        true,
      ),
      line(
        'students',
        years,
        per((f) => ({ count: f.students, fen: 0 })),
        false,
      ),
      line(
        'awards',
        years,
        per((f) => f.awards),
        true,
      ),
    ],
  };
}

async function registerSection(db: Queryable, where: SQL, span: Span, years: number[]): Promise<ReportSection> {
  const rows = await db
    .select({
      year: yearOf(householdEvents.on),
      filed: sql<number>`count(*) FILTER (WHERE ${householdEvents.kind} IN ('filed', 'refiled'))::int`,
      exited: sql<number>`count(*) FILTER (WHERE ${householdEvents.kind} = 'exited')::int`,
    })
    .from(householdEvents)
    .innerJoin(households, eq(households.id, householdEvents.householdId))
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(and(inArray(householdEvents.kind, ['filed', 'refiled', 'exited']), inSpan(householdEvents.on, span), where))
    .groupBy(yearOf(householdEvents.on));
  return {
    programme: 'register',
    lines: [
      line(
        'filed',
        years,
        rows.map((r) => ({ year: r.year, count: r.filed })),
        false,
      ),
      line(
        'exited',
        years,
        rows.map((r) => ({ year: r.year, count: r.exited })),
        false,
      ),
      await exitRateLine(db, where, years),
    ],
  };
}

/**
 * The exit rate of each year (lib/register/exit-rate.ts): of the households on the register on
 * 1 January — by their timeline, as the dashboards count them — how many left during the year.
 */
async function exitRateLine(db: Queryable, where: SQL, years: number[]): Promise<ReportLine> {
  const result = await db.execute<{ year: number; at_start: number; left_of_start: number }>(sql`
    SELECT y.year::int AS year, count(*)::int AS at_start,
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM household_events e WHERE e.household_id = h.id AND e.kind = 'exited'
          AND e.on >= make_date(y.year, 1, 1) AND e.on < make_date(y.year + 1, 1, 1)))::int AS left_of_start
    FROM unnest(${sql.param(years)}::int[]) AS y(year)
    CROSS JOIN ${households} h
    JOIN ${orgUnits} ON ${orgUnits.id} = h.unit_id
    CROSS JOIN LATERAL (
      SELECT e.kind FROM household_events e
      WHERE e.household_id = h.id AND e.kind IN ('filed', 'refiled', 'exited') AND e.on < make_date(y.year, 1, 1)
      ORDER BY e.on DESC, e.id DESC LIMIT 1) last
    WHERE last.kind <> 'exited' AND ${where}
    GROUP BY y.year`);
  const byYear = new Map(result.rows.map((r) => [Number(r.year), r]));
  const cohorts = years.map((y) => {
    const r = byYear.get(y);
    return { atStart: r ? Number(r.at_start) : 0, left: r ? Number(r.left_of_start) : 0 };
  });
  return {
    ...line(
      'exitRate',
      years,
      years.map((year, i) => ({ year, count: cohorts[i].left })),
      false,
    ),
    cohorts,
  };
}

async function visitSection(db: Queryable, where: SQL, span: Span, years: number[]): Promise<ReportSection> {
  const rows = await db
    .select({
      year: yearOf(visits.visitedOn),
      visits: count(),
      households: sql<number>`count(DISTINCT ${visits.householdId})::int`,
    })
    .from(visits)
    .innerJoin(households, eq(households.id, visits.householdId))
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(and(inSpan(visits.visitedOn, span), where))
    .groupBy(byYearAndTotal(visits.visitedOn));
  return {
    programme: 'visits',
    lines: [
      line(
        'visits',
        years,
        rows.map((r) => ({ year: r.year, count: r.visits })),
        false,
      ),
      line(
        'visitedHouseholds',
        years,
        rows.map((r) => ({ year: r.year, count: r.households })),
        false,
      ),
    ],
  };
}

/**
 * Campaign hand-overs (送温暖): households reached and the cash, by the campaign's date; and those
 * not reached; the survivors and lone elderly reached (listed apart from the households) apart.
 */
async function campaignSection(db: Queryable, where: SQL, span: Span, years: number[]): Promise<ReportSection> {
  const rows = await db
    .select({
      year: yearOf(campaigns.heldOn),
      delivered: sql<number>`count(*) FILTER (WHERE ${campaignEntries.state} = 'delivered')::int`,
      fen: sql<number>`coalesce(sum(${campaignEntries.cashFen}) FILTER (WHERE ${campaignEntries.state} = 'delivered'), 0)::int`,
      unreachable: sql<number>`count(*) FILTER (WHERE ${campaignEntries.state} = 'unreachable')::int`,
    })
    .from(campaignEntries)
    .innerJoin(campaigns, eq(campaigns.id, campaignEntries.campaignId))
    .innerJoin(orgUnits, eq(orgUnits.id, campaignEntries.unitId))
    .where(and(inSpan(campaigns.heldOn, span), where))
    .groupBy(yearOf(campaigns.heldOn));
  const people = await db
    .select({
      year: yearOf(campaigns.heldOn),
      delivered: sql<number>`count(*)::int`,
      fen: sql<number>`coalesce(sum(${campaignPersonEntries.cashFen}), 0)::int`,
    })
    .from(campaignPersonEntries)
    .innerJoin(campaigns, eq(campaigns.id, campaignPersonEntries.campaignId))
    .innerJoin(orgUnits, eq(orgUnits.id, campaignPersonEntries.unitId))
    .where(and(inSpan(campaigns.heldOn, span), sql`${campaignPersonEntries.handedOverOn} IS NOT NULL`, where))
    .groupBy(yearOf(campaigns.heldOn));
  return {
    programme: 'campaigns',
    lines: [
      line(
        'campaignHandovers',
        years,
        rows.map((r) => ({ year: r.year, count: r.delivered, fen: r.fen })),
        true,
      ),
      line(
        'campaignPersons',
        years,
        people.map((r) => ({ year: r.year, count: r.delivered, fen: r.fen })),
        true,
      ),
      line(
        'campaignUnreachable',
        years,
        rows.map((r) => ({ year: r.year, count: r.unreachable })),
        false,
      ),
    ],
  };
}

/** Mutual aid (保障帮扶): paid claims and their money by the year of the event, medical and insurance apart. */
async function mutualSection(db: Queryable, where: SQL, span: Span, years: number[]): Promise<ReportSection> {
  const medical = sql<boolean>`${mutualSchemes.kind} = 'medical'`;
  const rows = await db
    .select({
      medical,
      year: mutualClaims.capYear,
      count: count(),
      fen: sql<number>`sum(${payments.amountFen})::bigint`.mapWith(Number),
    })
    .from(payments)
    .innerJoin(mutualClaims, eq(mutualClaims.caseId, payments.caseId))
    .innerJoin(mutualSchemes, eq(mutualSchemes.id, mutualClaims.schemeId))
    .innerJoin(cases, eq(cases.id, payments.caseId))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(and(between(mutualClaims.capYear, span.from, span.to), where))
    .groupBy(medical, mutualClaims.capYear);
  return {
    programme: 'mutual',
    lines: [
      line(
        'mutualMedical',
        years,
        rows.filter((r) => r.medical),
        true,
      ),
      line(
        'mutualInsurance',
        years,
        rows.filter((r) => !r.medical),
        true,
      ),
    ],
  };
}

async function taskSection(db: Queryable, where: SQL, span: Span, years: number[]): Promise<ReportSection> {
  const rows = await db
    .select({ year: yearOf(tasks.doneOn), count: count() })
    .from(tasks)
    .innerJoin(orgUnits, eq(orgUnits.id, tasks.unitId))
    .where(and(eq(tasks.status, 'done'), inSpan(tasks.doneOn, span), where))
    .groupBy(yearOf(tasks.doneOn));
  return { programme: 'tasks', lines: [line('tasksDone', years, rows, false)] };
}

/**
 * The report for the calendar years of `span` and the subtree of `unitId` — by default an
 * official's own unit, a leader's whole mine. A unit outside the viewer's scope is not found,
 * like a unit that does not exist.
 */
export async function threeYearReport(
  db: Queryable,
  actor: Actor,
  span: Span,
  unitId?: number,
): Promise<ThreeYearReport> {
  const scope = scopeOf(actor);
  const id = unitId ?? (scope.kind === 'subtree' ? actor.unitId : undefined);
  const unit = id === undefined ? null : await getUnit(db, scope, id);
  // The viewer's scope always, and the chosen unit's subtree (which lies inside it) when there is one.
  const where = and(registerUnitsWhere(actor), unit ? sql`${orgUnits.path} LIKE ${likePrefix(unit.path)}` : undefined)!;
  const years = yearsOf(span);
  const sections = await Promise.all([
    hardshipSection(db, where, span, years),
    studentSection(db, actor, unit?.path, span, years),
    mutualSection(db, where, span, years),
    campaignSection(db, where, span, years),
    registerSection(db, where, span, years),
    visitSection(db, where, span, years),
    taskSection(db, where, span, years),
  ]);
  sections.push(...(await programmeSections(db, where, span, years)));
  return { ...span, years, unit: unit && { id: unit.id, name: unit.name, level: unit.level }, sections };
}
