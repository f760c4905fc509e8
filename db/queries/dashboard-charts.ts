import 'server-only';
import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import type { Fen } from '@/lib/money';
import { likePrefix, scopeOf, type Actor } from '@/lib/scope';
import { unitsWhere } from './scope';

export interface MonthPaid {
  /** 1–12 */
  month: number;
  count: number;
  fen: Fen;
}

export interface UnitPaid {
  unitId: number;
  count: number;
  fen: Fen;
}

export interface PaymentCharts {
  /** Every month of the year, empty months included, so the chart's axis is whole. */
  months: MonthPaid[];
  /** Paid per unit directly below `unit` (or `unit` itself when it has none below). */
  perUnit: UnitPaid[];
}

/**
 * The path of the unit directly below `parent` that p.path lies under (p.path itself when it is
 * the parent): an equality join on it reads each row once, where a LIKE per child would read
 * every row once per child.
 */
const childPath = (parent: string) =>
  sql`CASE WHEN p.path = ${parent} THEN p.path ELSE ${parent} || split_part(substr(p.path, length(${parent}) + 1), '.', 1) || '.' END`;

/**
 * Payments of the year under `unit` (a unit the page checked is in scope; the actor's scope is
 * applied again here): per month and per unit below it. Payments count by their payment date and
 * the applicant's unit, as on the case figures. Read from payment_months, kept exact by
 * recordPayment in the payment's transaction (lib/stats/case-stats.ts): a few rows per unit, not
 * the year's payments. One statement: the units' months are read once, then grouped twice.
 */
export async function paymentCharts(
  db: Queryable,
  actor: Actor,
  unit: { id: number; path: string },
  year: number,
): Promise<PaymentCharts> {
  const scope = unitsWhere(scopeOf(actor)) ?? sql`true`;
  const result = await db.execute<{
    months: { month: number; n: number; fen: number }[] | null;
    per_unit: { unit_id: number; n: number; fen: number }[] | null;
  }>(sql`
    WITH p AS (
      SELECT pm.month, pm.payments, pm.amount_fen, org_units.path
      FROM payment_months pm JOIN org_units ON org_units.id = pm.unit_id
      WHERE ${scope} AND org_units.path LIKE ${likePrefix(unit.path)} AND pm.year = ${year}
    ), c AS (
      SELECT id, path FROM org_units
      WHERE parent_id = ${unit.id} OR (id = ${unit.id} AND NOT EXISTS (SELECT 1 FROM org_units k WHERE k.parent_id = ${unit.id}))
    )
    SELECT
      (SELECT json_agg(m) FROM (
        SELECT month, sum(payments)::int AS n, sum(amount_fen)::bigint AS fen FROM p GROUP BY 1 HAVING sum(payments) > 0) m) AS months,
      (SELECT json_agg(u) FROM (
        SELECT c.id AS unit_id, sum(p.payments)::int AS n, sum(p.amount_fen)::bigint AS fen
        FROM p JOIN c ON c.path = ${childPath(unit.path)} GROUP BY c.id HAVING sum(p.payments) > 0) u) AS per_unit`);
  const row = result.rows[0];
  const byMonth = new Map((row.months ?? []).map((m) => [Number(m.month), m]));
  return {
    months: Array.from({ length: 12 }, (_, i) => {
      const m = byMonth.get(i + 1);
      return { month: i + 1, count: m ? Number(m.n) : 0, fen: m ? Number(m.fen) : 0 };
    }),
    perUnit: (row.per_unit ?? []).map((u) => ({ unitId: Number(u.unit_id), count: Number(u.n), fen: Number(u.fen) })),
  };
}
