import 'server-only';
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { aidStandardRules, aidStandards, budgets, orgUnits, payments, users } from '@/db/schema';
import {
  AID_KINDS,
  STANDARD_CATEGORIES,
  versionInForce,
  type AidKind,
  type AmountRule,
  type Frequency,
  type StandardCategory,
} from '@/lib/aid/standards';
import { notFound } from '@/lib/errors';

/**
 * The leaders' reads for the aid standard (帮扶送温暖实施办法) and the budgets. Pages call these
 * after requirePermission('aid.standards' | 'aid.budgets'); nothing here is scoped further, as leaders see the whole mine.
 */

export type VersionStatus = 'inForce' | 'upcoming' | 'superseded';

export interface StandardListItem {
  id: number;
  name: string;
  effectiveOn: string;
  createdByName: string;
  createdAt: Date;
  kindCount: number;
  status: VersionStatus;
}

const versionColumns = {
  id: aidStandards.id,
  name: aidStandards.name,
  effectiveOn: aidStandards.effectiveOn,
  createdByName: users.name,
  createdAt: aidStandards.createdAt,
};

/** Every version, the latest effective first, each marked in force (today), upcoming or superseded. */
export async function listStandards(db: Queryable, today: string): Promise<StandardListItem[]> {
  const rows = await db
    .select({ ...versionColumns, kindCount: sql<number>`count(DISTINCT ${aidStandardRules.kind})::int` })
    .from(aidStandards)
    .innerJoin(users, eq(users.id, aidStandards.createdBy))
    .leftJoin(aidStandardRules, eq(aidStandardRules.standardId, aidStandards.id))
    .groupBy(aidStandards.id, users.name)
    .orderBy(desc(aidStandards.effectiveOn), desc(aidStandards.id));
  const inForce = versionInForce(rows, today);
  const inForceId = inForce.ok ? inForce.version.id : null;
  return rows.map((r) => ({
    ...r,
    status: r.id === inForceId ? 'inForce' : r.effectiveOn > today ? 'upcoming' : 'superseded',
  }));
}

export interface GridCell {
  category: StandardCategory;
  /** The stage or tier for the student kinds; '' for the hardship kinds. */
  variant: string;
  rule: AmountRule;
}

export interface GridKind {
  kind: AidKind;
  frequency: Frequency;
  cells: GridCell[];
}

export interface StandardGrid extends Omit<StandardListItem, 'kindCount' | 'status'> {
  kinds: GridKind[];
}

const categoryOrder = (c: string) => STANDARD_CATEGORIES.indexOf(c as StandardCategory);

/** One version with every rule, kinds in the standard's order, categories in the register's. */
export async function getStandardGrid(db: Queryable, id: number): Promise<StandardGrid> {
  const [version] = await db
    .select(versionColumns)
    .from(aidStandards)
    .innerJoin(users, eq(users.id, aidStandards.createdBy))
    .where(eq(aidStandards.id, id));
  if (!version) throw notFound();
  const rules = await db
    .select()
    .from(aidStandardRules)
    .where(eq(aidStandardRules.standardId, id))
    .orderBy(asc(aidStandardRules.variant), asc(aidStandardRules.id));
  const byKind = new Map<AidKind, GridKind>();
  for (const r of rules) {
    const k = byKind.get(r.kind) ?? { kind: r.kind, frequency: r.frequency, cells: [] };
    byKind.set(r.kind, k);
    const rule: AmountRule =
      r.ruleType === 'fixed'
        ? { type: 'fixed', fen: r.fixedFen! }
        : { type: 'range', minFen: r.minFen!, maxFen: r.maxFen!, suggestedFen: r.suggestedFen! };
    k.cells.push({ category: r.category as StandardCategory, variant: r.variant, rule });
  }
  const kinds = AID_KINDS.flatMap((kind) => {
    const k = byKind.get(kind);
    return k
      ? [
          {
            ...k,
            cells: k.cells.sort(
              (a, b) => a.variant.localeCompare(b.variant) || categoryOrder(a.category) - categoryOrder(b.category),
            ),
          },
        ]
      : [];
  });
  return { ...version, kinds };
}

export interface BudgetRow {
  id: number;
  aidKind: AidKind;
  /** Null for the mine-wide budget; else the branch the split is for. */
  unitId: number | null;
  unitName: string | null;
  amountFen: number;
  spentFen: number;
  leftFen: number;
  payments: number;
}

/** A year's budgets: per kind, the mine-wide one first, then the branch splits by name. */
export async function budgetsOfYear(db: Queryable, year: number): Promise<BudgetRow[]> {
  const rows = await db
    .select({
      id: budgets.id,
      aidKind: budgets.aidKind,
      unitId: budgets.unitId,
      unitName: orgUnits.name,
      amountFen: budgets.amountFen,
      spentFen: budgets.spentFen,
      payments: count(payments.id),
    })
    .from(budgets)
    .leftJoin(orgUnits, eq(orgUnits.id, budgets.unitId))
    .leftJoin(payments, eq(payments.budgetId, budgets.id))
    .where(eq(budgets.year, year))
    .groupBy(budgets.id, orgUnits.name, orgUnits.path)
    .orderBy(sql`${budgets.unitId} IS NOT NULL`, orgUnits.path);
  const kindOrder = (k: AidKind) => AID_KINDS.indexOf(k);
  // Rows come mine-wide first, then branches in tree order; a stable sort by kind keeps that within each kind.
  return rows
    .map((r) => ({ ...r, leftFen: r.amountFen - r.spentFen }))
    .sort((a, b) => kindOrder(a.aidKind) - kindOrder(b.aidKind));
}

/** The years the selector offers: every year with a budget, this year and the next (budgets are set ahead). */
export async function budgetYears(db: Queryable, thisYear: number): Promise<number[]> {
  const rows = await db.selectDistinct({ year: budgets.year }).from(budgets);
  return [...new Set([...rows.map((r) => r.year), thisYear, thisYear + 1])].sort((a, b) => b - a);
}
