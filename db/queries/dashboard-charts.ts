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
 * Payments of the year under `unit` (a unit the page checked is in scope; the actor's scope is
 * applied again here): per month and per unit below it. Payments count by their payment date and
 * the applicant's unit, as on the case figures. One statement: the payments of the year are read
 * once, then grouped twice.
 */
export async function paymentCharts(db: Queryable, actor: Actor, unit: { id: number; path: string }, year: number): Promise<PaymentCharts> {
  const scope = unitsWhere(scopeOf(actor)) ?? sql`true`;
  const result = await db.execute<{
    months: { month: number; n: number; fen: number }[] | null;
    per_unit: { unit_id: number; n: number; fen: number }[] | null;
  }>(sql`
    WITH p AS (
      SELECT pay.amount_fen, pay.paid_on, org_units.path
      FROM payments pay JOIN cases ON cases.id = pay.case_id JOIN org_units ON org_units.id = cases.unit_id
      WHERE ${scope} AND org_units.path LIKE ${likePrefix(unit.path)}
        AND pay.paid_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
    ), c AS (
      SELECT id, path FROM org_units
      WHERE parent_id = ${unit.id} OR (id = ${unit.id} AND NOT EXISTS (SELECT 1 FROM org_units k WHERE k.parent_id = ${unit.id}))
    )
    SELECT
      (SELECT json_agg(m) FROM (
        SELECT extract(month FROM paid_on)::int AS month, count(*)::int AS n, sum(amount_fen)::bigint AS fen FROM p GROUP BY 1) m) AS months,
      (SELECT json_agg(u) FROM (
        SELECT c.id AS unit_id, count(*)::int AS n, sum(p.amount_fen)::bigint AS fen
        FROM c JOIN p ON p.path LIKE c.path || '%' GROUP BY c.id) u) AS per_unit`);
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
