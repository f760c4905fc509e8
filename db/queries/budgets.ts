import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { budgets, orgUnits } from '@/db/schema';
import { fundKind, type AidKind } from '@/lib/aid/standards';
import type { Fen } from '@/lib/money';

export interface BudgetLeft {
  id: number;
  year: number;
  amountFen: Fen;
  spentFen: Fen;
  leftFen: Fen;
  /** The branch of a per-branch split; null for the mine-wide budget. */
  unitName: string | null;
}

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
