import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import {
  elderHelp,
  elderVisits,
  employmentFiles,
  householdEvents,
  households,
  lonelyElders,
  orgUnits,
  premiumEntries,
  survivorChecks,
  survivors,
} from '@/db/schema';
import type { LineKey, ReportLine, ReportSection } from '@/lib/reports/lines';
import { lineOf, type YearRow } from '@/lib/reports/tally';
import { placementRate } from '@/lib/employment/rules';
import { likePrefix, type Actor } from '@/lib/scope';
import { careFigures, householdSurvivorLines, type CareFigures } from './care';
import { householdEmploymentLines } from './employment';
import { householdPremiumLines, premiumFigures, type PremiumFigures } from './premiums';
import { registerUnitsWhere } from './scope';

// The programmes' dashboard and report figures (premiums, jobs, exits from hardship) live here,
// apart from the register's and the cases' own, so each feature's additions stay in its own file.

export interface EmploymentFigures {
  helped: number;
  placed: number;
  placedAtMine: number;
  rate: number;
}

export interface ExitFigures {
  year: number;
  employment: number;
  other: number;
}

const yearRange = (col: SQL | unknown, year: number) =>
  sql`${col} >= ${`${year}-01-01`}::date AND ${col} < ${`${year + 1}-01-01`}::date`;

const under = (unitPath?: string) => (unitPath ? sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}` : undefined);

/**
 * A year's employment figures over the actor's units: people helped (files open at some point of
 * the year), placed in the year (at the mine among them), and the placement rate.
 */
export async function employmentFigures(
  db: Queryable,
  actor: Actor,
  year: number,
  unitPath?: string,
): Promise<EmploymentFigures> {
  const [row] = await db
    .select({
      helped: sql<number>`count(*)::int`,
      placed: sql<number>`count(*) FILTER (WHERE ${yearRange(employmentFiles.placedOn, year)})::int`,
      placedAtMine: sql<number>`count(*) FILTER (WHERE ${employmentFiles.outcome} = 'placed_mine' AND ${yearRange(employmentFiles.placedOn, year)})::int`,
    })
    .from(employmentFiles)
    .innerJoin(orgUnits, eq(orgUnits.id, employmentFiles.unitId))
    .where(
      and(
        sql`${employmentFiles.openedOn} < ${`${year + 1}-01-01`}::date`,
        sql`(${employmentFiles.placedOn} IS NULL OR ${employmentFiles.placedOn} >= ${`${year}-01-01`}::date)`,
        registerUnitsWhere(actor),
        under(unitPath),
      ),
    );
  return { ...row, rate: placementRate(row) };
}

/**
 * Households that left hardship (脱困) in each of `years`, over the actor's units, and why: through
 * a placement linked to the exit, or for another reason.
 */
export async function exitsByYear(
  db: Queryable,
  actor: Actor,
  years: readonly number[],
  unitPath?: string,
): Promise<ExitFigures[]> {
  if (years.length === 0) return [];
  const from = Math.min(...years);
  const to = Math.max(...years);
  const rows = await db
    .select({
      year: sql<number>`extract(year FROM ${householdEvents.on})::int`,
      employment: sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${employmentFiles} f WHERE f.exit_event_id = ${householdEvents.id}))::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(householdEvents)
    .innerJoin(households, eq(households.id, householdEvents.householdId))
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(
      and(
        eq(householdEvents.kind, 'exited'),
        sql`${householdEvents.on} >= ${`${from}-01-01`}::date AND ${householdEvents.on} < ${`${to + 1}-01-01`}::date`,
        registerUnitsWhere(actor),
        under(unitPath),
      ),
    )
    .groupBy(sql`1`);
  return years.map((year) => {
    const r = rows.find((x) => Number(x.year) === year);
    return { year, employment: r?.employment ?? 0, other: (r?.total ?? 0) - (r?.employment ?? 0) };
  });
}

export interface ProgrammeFigures {
  premiums: PremiumFigures;
  employment: EmploymentFigures;
  exits: ExitFigures;
  care: CareFigures;
}

/** The dashboard's programme figures for one year (the actor's units, under `unitPath` if chosen); overdue visits as of `today`. */
export async function programmeFigures(
  db: Queryable,
  actor: Actor,
  year: number,
  today: string,
  unitPath?: string,
): Promise<ProgrammeFigures> {
  const [premiums, employment, [exits], care] = await Promise.all([
    premiumFigures(db, actor, year, unitPath),
    employmentFigures(db, actor, year, unitPath),
    exitsByYear(db, actor, [year], unitPath),
    careFigures(db, actor, year, today, unitPath),
  ]);
  return { premiums, employment, exits, care };
}

/** A household's programme lines for its ledger (一户一账): premiums paid for its members, its members' jobs. */
export async function householdProgrammeLines(db: Queryable, householdId: number) {
  const [premiums, jobs, survivors] = await Promise.all([
    householdPremiumLines(db, householdId),
    householdEmploymentLines(db, householdId),
    householdSurvivorLines(db, householdId),
  ]);
  return { premiums, jobs: jobs.map((j) => ({ ...j, exitLinked: Boolean(j.exitLinked) })), survivors };
}

/** A date column's calendar year, and whether it lies in the report's span. */
const yearOfDay = (day: SQL | unknown) => sql<number>`extract(year FROM ${day})::int`;
const inYears = (day: SQL | unknown, span: { from: number; to: number }) =>
  sql`${day} BETWEEN ${`${span.from}-01-01`}::date AND ${`${span.to}-12-31`}::date`;

const reportLine = (key: LineKey, years: number[], rows: YearRow[], money: boolean): ReportLine => ({
  key,
  money,
  ...lineOf(years, rows),
});

/**
 * The three-year report's programme sections (db/queries/reports.ts): premiums paid (people and
 * yuan, by the day paid); jobs found (by the placement's day) and exits from hardship through a
 * job (by the exit's day); survivors' subsidies (by the check's day), visits to lone elderly and
 * fees advanced for them. `where` is the report's scope over org_units.
 */
export async function programmeSections(
  db: Queryable,
  where: SQL,
  span: { from: number; to: number },
  years: number[],
): Promise<ReportSection[]> {
  const [premiums, jobs, exits, subsidies, visits, advances] = await Promise.all([
    db
      .select({
        year: yearOfDay(premiumEntries.paidOn),
        count: sql<number>`count(*)::int`,
        fen: sql<number>`sum(${premiumEntries.amountFen})::bigint`.mapWith(Number),
      })
      .from(premiumEntries)
      .innerJoin(orgUnits, eq(orgUnits.id, premiumEntries.unitId))
      .where(and(eq(premiumEntries.state, 'paid'), inYears(premiumEntries.paidOn, span), where))
      .groupBy(yearOfDay(premiumEntries.paidOn)),
    db
      .select({ year: yearOfDay(employmentFiles.placedOn), count: sql<number>`count(*)::int` })
      .from(employmentFiles)
      .innerJoin(orgUnits, eq(orgUnits.id, employmentFiles.unitId))
      .where(and(inYears(employmentFiles.placedOn, span), where))
      .groupBy(yearOfDay(employmentFiles.placedOn)),
    db
      .select({ year: yearOfDay(householdEvents.on), count: sql<number>`count(*)::int` })
      .from(employmentFiles)
      .innerJoin(householdEvents, eq(householdEvents.id, employmentFiles.exitEventId))
      .innerJoin(orgUnits, eq(orgUnits.id, employmentFiles.unitId))
      .where(and(inYears(householdEvents.on, span), where))
      .groupBy(yearOfDay(householdEvents.on)),
    db
      .select({
        year: yearOfDay(survivorChecks.checkedOn),
        count: sql<number>`count(*)::int`,
        fen: sql<number>`sum(${survivorChecks.subsidyFen})::bigint`.mapWith(Number),
      })
      .from(survivorChecks)
      .innerJoin(survivors, eq(survivors.id, survivorChecks.survivorId))
      .innerJoin(orgUnits, eq(orgUnits.id, survivors.unitId))
      .where(and(sql`${survivorChecks.subsidyFen} > 0`, inYears(survivorChecks.checkedOn, span), where))
      .groupBy(yearOfDay(survivorChecks.checkedOn)),
    db
      .select({ year: yearOfDay(elderVisits.visitedOn), count: sql<number>`count(*)::int` })
      .from(elderVisits)
      .innerJoin(lonelyElders, eq(lonelyElders.id, elderVisits.elderId))
      .innerJoin(orgUnits, eq(orgUnits.id, lonelyElders.unitId))
      .where(and(inYears(elderVisits.visitedOn, span), where))
      .groupBy(yearOfDay(elderVisits.visitedOn)),
    db
      .select({
        year: yearOfDay(elderHelp.on),
        count: sql<number>`count(*)::int`,
        fen: sql<number>`sum(${elderHelp.advancedFen})::bigint`.mapWith(Number),
      })
      .from(elderHelp)
      .innerJoin(lonelyElders, eq(lonelyElders.id, elderHelp.elderId))
      .innerJoin(orgUnits, eq(orgUnits.id, lonelyElders.unitId))
      .where(and(sql`${elderHelp.advancedFen} > 0`, inYears(elderHelp.on, span), where))
      .groupBy(yearOfDay(elderHelp.on)),
  ]);
  return [
    { programme: 'premiums', lines: [reportLine('premiumsPaid', years, premiums, true)] },
    {
      programme: 'employment',
      lines: [reportLine('jobsPlaced', years, jobs, false), reportLine('exitsThroughJobs', years, exits, false)],
    },
    {
      programme: 'care',
      lines: [
        reportLine('survivorSubsidies', years, subsidies, true),
        reportLine('elderVisits', years, visits, false),
        reportLine('elderAdvances', years, advances, true),
      ],
    },
  ];
}
