import 'server-only';
import { and, between, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { cases, orgUnits, payments } from '@/db/schema';
import { sumFen, type Fen } from '@/lib/money';
import { likePrefix, scopeOf, type Actor } from '@/lib/scope';
import { AWARD_TIERS, STAGES, type AwardTier, type Stage } from '@/lib/students/stages';
import { unitsWhere } from './scope';

/**
 * The Dream Come True fund's report (圆梦行动): what the union reports each year and over several —
 * students aided (person-times: one paid student aid case is one) and the money paid, by stage and
 * by branch, and the awards by tier. Only what was paid counts, by the school year the aid was
 * for. Branch officials see their branch (the scope of the case's unit), leaders the mine.
 */

export interface Tally {
  count: number;
  fen: Fen;
}

export interface BranchTally extends Tally {
  branchId: number;
  branchName: string;
}

export interface Figures {
  aid: Tally;
  /** Different students aided (a student aided in two years counts once over the span). */
  students: number;
  byStage: Record<Stage, Tally>;
  byBranch: BranchTally[];
  awards: Tally;
  byTier: Record<AwardTier, Tally>;
  /** Aid and awards together: what the fund paid. */
  paidFen: Fen;
}

export interface FundReport {
  from: number;
  to: number;
  years: ({ schoolYear: number } & Figures)[];
  total: Figures;
}

const empty = (): Tally => ({ count: 0, fen: 0 });
const add = (t: Tally, count: number, fen: Fen) => {
  t.count += count;
  t.fen = sumFen([t.fen, fen]);
};

function blank(): Figures {
  return {
    aid: empty(),
    students: 0,
    byStage: Object.fromEntries(STAGES.map((s) => [s, empty()])) as Record<Stage, Tally>,
    byBranch: [],
    awards: empty(),
    byTier: Object.fromEntries(AWARD_TIERS.map((t) => [t, empty()])) as Record<AwardTier, Tally>,
    paidFen: 0,
  };
}

const branch = alias(orgUnits, 'branch');
/** The branch a unit lies in: the second id of its path ("1.4.17." → 4). */
const branchIdOf = sql<number>`split_part(${orgUnits.path}, '.', 2)::int`;

/**
 * The report for the school years from..to (both included), within the actor's scope and, when
 * given, the subtree of one unit (its path: the caller has checked it lies in the scope).
 */
export async function fundReport(
  db: Queryable,
  actor: Actor,
  from: number,
  to: number,
  unitPath?: string,
): Promise<FundReport> {
  const where = and(
    inArray(cases.kind, ['student_aid', 'student_award']),
    eq(cases.state, 'paid'),
    between(cases.schoolYear, from, to),
    unitsWhere(scopeOf(actor)),
    unitPath === undefined ? undefined : sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}`,
  );
  const groups = await db
    .select({
      schoolYear: cases.schoolYear,
      kind: cases.kind,
      stage: cases.stage,
      tier: cases.awardTier,
      branchId: branchIdOf,
      branchName: branch.name,
      count: sql<number>`count(*)::int`,
      fen: sql<number>`sum(${payments.amountFen})::bigint`.mapWith(Number),
    })
    .from(cases)
    .innerJoin(payments, eq(payments.caseId, cases.id))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .leftJoin(branch, eq(branch.id, branchIdOf))
    .where(where)
    .groupBy(cases.schoolYear, cases.kind, cases.stage, cases.awardTier, branchIdOf, branch.name, branch.path)
    .orderBy(cases.schoolYear, branch.path);
  // Distinct students per year and over the whole span (one query, grouping sets).
  const distinct = await db
    .select({ schoolYear: cases.schoolYear, students: sql<number>`count(DISTINCT ${cases.studentId})::int` })
    .from(cases)
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(and(where, eq(cases.kind, 'student_aid')))
    .groupBy(sql`GROUPING SETS ((${cases.schoolYear}), ())`);

  const years = new Map<number, Figures>();
  for (let y = from; y <= to; y++) years.set(y, blank());
  const total = blank();
  for (const g of groups) {
    for (const f of [years.get(g.schoolYear!)!, total]) {
      f.paidFen = sumFen([f.paidFen, g.fen]);
      if (g.kind === 'student_award') {
        add(f.awards, g.count, g.fen);
        if (g.tier) add(f.byTier[g.tier], g.count, g.fen);
        continue;
      }
      add(f.aid, g.count, g.fen);
      if (g.stage) add(f.byStage[g.stage], g.count, g.fen);
      let b = f.byBranch.find((x) => x.branchId === g.branchId);
      if (!b) f.byBranch.push((b = { branchId: g.branchId, branchName: g.branchName ?? '', ...empty() }));
      add(b, g.count, g.fen);
    }
  }
  for (const d of distinct) (d.schoolYear == null ? total : years.get(d.schoolYear)!).students = d.students;
  return { from, to, years: [...years].map(([schoolYear, f]) => ({ schoolYear, ...f })), total };
}

/** The school years the report can cover in the actor's scope: those with anything paid. */
export async function reportYears(db: Queryable, actor: Actor): Promise<number[]> {
  const rows = await db
    .selectDistinct({ y: cases.schoolYear })
    .from(cases)
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(
      and(inArray(cases.kind, ['student_aid', 'student_award']), eq(cases.state, 'paid'), unitsWhere(scopeOf(actor))),
    )
    .orderBy(cases.schoolYear);
  return rows.map((r) => r.y!);
}
