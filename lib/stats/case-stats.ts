import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import type { CaseState } from '@/lib/workflow/case-workflow';

/**
 * How the pre-aggregated case figures (db/schema/stats.ts) follow the cases: pure deltas from a
 * row before and after a change, one upsert per touched row, and the rebuild from the base tables
 * the seeds run after their bulk inserts. The rebuild's GROUP BY is also the definition the
 * exactness test compares the maintained aggregates with.
 */

/** A case counts as approved while it is in one of these states (publicity_start says when). */
export const APPROVED_STATES: readonly CaseState[] = ['in_publicity', 'ready_for_payment', 'paid'];

/** The columns a case's figures depend on. */
export interface CaseFacts {
  state: CaseState;
  unitId: number;
  aidKind: string | null;
  amountFen: number | null;
  publicityStart: string | null;
}

export interface StatDelta {
  measure: 'approved' | 'paid';
  year: number;
  unitId: number;
  aidKind: string;
  cases: number;
  amountFen: number;
}

export interface CountDelta {
  unitId: number;
  state: CaseState;
  cases: number;
}

function approved(c: CaseFacts | null, sign: 1 | -1): StatDelta[] {
  if (!c || !APPROVED_STATES.includes(c.state) || !c.publicityStart || !c.aidKind) return [];
  return [
    {
      measure: 'approved',
      year: Number(c.publicityStart.slice(0, 4)),
      unitId: c.unitId,
      aidKind: c.aidKind,
      cases: sign,
      amountFen: sign * (c.amountFen ?? 0),
    },
  ];
}

const sameKey = (a: StatDelta, b: StatDelta) =>
  a.measure === b.measure && a.year === b.year && a.unitId === b.unitId && a.aidKind === b.aidKind;

/** What a change of one case (null: not there) does to the money figures; rows that cancel out are dropped. */
export function statDeltas(before: CaseFacts | null, after: CaseFacts | null): StatDelta[] {
  const out: StatDelta[] = [];
  for (const d of [...approved(before, -1), ...approved(after, 1)]) {
    const same = out.find((o) => sameKey(o, d));
    if (same) {
      same.cases += d.cases;
      same.amountFen += d.amountFen;
    } else out.push({ ...d });
  }
  return out.filter((d) => d.cases !== 0 || d.amountFen !== 0);
}

/** What a change of state does to the counts per state (drafts are not counted). */
export function countDeltas(unitId: number, from: CaseState | null, to: CaseState | null): CountDelta[] {
  if (from === to) return [];
  return [
    ...(from && from !== 'draft' ? [{ unitId, state: from, cases: -1 }] : []),
    ...(to && to !== 'draft' ? [{ unitId, state: to, cases: 1 }] : []),
  ];
}

/** A payment of a case: one more paid, in the year of its date. */
export function paymentDelta(
  c: { unitId: number; aidKind: string },
  payment: { amountFen: number; paidOn: string },
): StatDelta {
  return {
    measure: 'paid',
    year: Number(payment.paidOn.slice(0, 4)),
    unitId: c.unitId,
    aidKind: c.aidKind,
    cases: 1,
    amountFen: payment.amountFen,
  };
}

/**
 * Records a payment in the aggregates, in the payment's transaction: paid per year and kind
 * (case_stats) and per month (payment_months, the charts).
 */
export async function addPayment(
  tx: Queryable,
  c: { unitId: number; aidKind: string },
  payment: { amountFen: number; paidOn: string },
): Promise<void> {
  await applyStatDeltas(tx, [paymentDelta(c, payment)]);
  await addPaymentMonth(tx, c.unitId, payment);
}

/** A payment in the month figures (every payment, a mutual-aid claim's too: PAYMENT_MONTHS_FROM_BASE). */
export async function addPaymentMonth(
  tx: Queryable,
  unitId: number,
  payment: { amountFen: number; paidOn: string },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO payment_months (year, month, unit_id, payments, amount_fen)
    VALUES (${Number(payment.paidOn.slice(0, 4))}::int, ${Number(payment.paidOn.slice(5, 7))}::int, ${unitId}::int, 1, ${payment.amountFen}::bigint)
    ON CONFLICT (year, unit_id, month)
    DO UPDATE SET payments = payment_months.payments + 1, amount_fen = payment_months.amount_fen + excluded.amount_fen`);
}

const byKey =
  <T>(key: (d: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Applies the deltas in the caller's transaction; a row that reaches zero stays (harmless, and
 * reused). Rows are locked in key order, so two changes touching the same two rows the other way
 * round (an approval and an upheld objection in one unit) wait for each other instead of deadlocking.
 */
export async function applyStatDeltas(tx: Queryable, stats: StatDelta[], counts: CountDelta[] = []): Promise<void> {
  stats = [...stats].sort(byKey((d) => `${d.measure}|${d.year}|${d.unitId}|${d.aidKind}`));
  counts = [...counts].sort(byKey((d) => `${d.unitId}|${d.state}`));
  if (stats.length) {
    const rows = sql.join(
      stats.map(
        (d) =>
          sql`(${d.measure}, ${d.year}::int, ${d.unitId}::int, ${d.aidKind}, ${d.cases}::int, ${d.amountFen}::bigint)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      INSERT INTO case_stats (measure, year, unit_id, aid_kind, cases, amount_fen) VALUES ${rows}
      ON CONFLICT (measure, year, unit_id, aid_kind)
      DO UPDATE SET cases = case_stats.cases + excluded.cases, amount_fen = case_stats.amount_fen + excluded.amount_fen`);
  }
  if (counts.length) {
    const rows = sql.join(
      counts.map((d) => sql`(${d.unitId}::int, ${d.state}, ${d.cases}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      INSERT INTO case_counts (unit_id, state, cases) VALUES ${rows}
      ON CONFLICT (unit_id, state) DO UPDATE SET cases = case_counts.cases + excluded.cases`);
  }
}

const approvedStates = APPROVED_STATES.map((st) => `'${st}'`).join(', ');

/**
 * The figures from the base tables, in the aggregates' shape: the one definition of each. Plain
 * SQL text (constants only), so the provincial-scale loader's own connection runs it too.
 */
export const CASE_STATS_FROM_BASE = `
  SELECT 'approved' AS measure, extract(year FROM publicity_start)::int AS year, unit_id, aid_kind, count(*)::int AS cases, coalesce(sum(amount_fen), 0)::bigint AS amount_fen
  FROM cases WHERE state IN (${approvedStates}) AND publicity_start IS NOT NULL AND aid_kind IS NOT NULL
  GROUP BY 2, unit_id, aid_kind
  UNION ALL
  SELECT 'paid', extract(year FROM payments.paid_on)::int, cases.unit_id, cases.aid_kind, count(*)::int, sum(payments.amount_fen)::bigint
  FROM payments JOIN cases ON cases.id = payments.case_id WHERE cases.aid_kind IS NOT NULL
  GROUP BY 2, cases.unit_id, cases.aid_kind`;

export const PAYMENT_MONTHS_FROM_BASE = `
  SELECT extract(year FROM payments.paid_on)::int AS year, extract(month FROM payments.paid_on)::int AS month, cases.unit_id,
    count(*)::int AS payments, sum(payments.amount_fen)::bigint AS amount_fen
  FROM payments JOIN cases ON cases.id = payments.case_id
  GROUP BY 1, 2, cases.unit_id`;

export const CASE_COUNTS_FROM_BASE = `SELECT unit_id, state, count(*)::int AS cases FROM cases WHERE state <> 'draft' GROUP BY unit_id, state`;

/** Recomputes the aggregates from the base tables (after a bulk load), as statements for the caller's transaction. */
export const REBUILD_CASE_STATS: readonly string[] = [
  'DELETE FROM case_stats',
  `INSERT INTO case_stats (measure, year, unit_id, aid_kind, cases, amount_fen) ${CASE_STATS_FROM_BASE}`,
  'DELETE FROM case_counts',
  `INSERT INTO case_counts (unit_id, state, cases) ${CASE_COUNTS_FROM_BASE}`,
  'DELETE FROM payment_months',
  `INSERT INTO payment_months (year, month, unit_id, payments, amount_fen) ${PAYMENT_MONTHS_FROM_BASE}`,
];

export async function rebuildCaseStats(tx: Queryable): Promise<void> {
  for (const statement of REBUILD_CASE_STATS) await tx.execute(sql.raw(statement));
}
