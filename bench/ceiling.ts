import { SIX_KNOWS } from '@/db/schema/register';
import { queueState, STEPS } from '@/lib/workflow/case-workflow';
import type { SqlClient } from './database';

/**
 * The SQL ceiling: the leader's dashboard figures (whole mine, this year) computed straight from
 * the base tables (users, households, visits, helpers, tasks, cases, objections, payments,
 * budgets) with no aggregate table — what the page would cost without pre-aggregation. Written
 * set-based (one GROUP BY per table) rather than as the app's queries, so it is the plain-SQL
 * answer, not a copy of the page. Each figure set runs its statements one after another on one
 * connection.
 */

export interface Statement {
  label: string;
  text: string;
  params: unknown[];
}

const WAITING_STATES = STEPS.filter((s) => s !== 'publicity').map(queueState);
const APPROVED_STATES = ['in_publicity', 'ready_for_payment', 'paid'];

/**
 * Figures per branch (the units right below the mine, $1): `perUnit` groups the big table by
 * unit_id (and `keys`) first, then its `measures` are summed per branch through a small map of
 * the few thousand units to their branch (by materialised path).
 */
function perBranch(perUnit: string, keys: string[], measures: string[]): string {
  const k = keys.map((key) => `, x.${key}`).join('');
  return `SELECT b.branch${k}, ${measures.map((m) => `sum(x.${m}) AS ${m}`).join(', ')}
    FROM (${perUnit}) x
    JOIN (SELECT o.id AS unit_id, b.id AS branch FROM org_units o JOIN org_units b ON b.parent_id = $1 AND starts_with(o.path, b.path)) b ON b.unit_id = x.unit_id
    GROUP BY b.branch${k}`;
}

/** A day's start in China, as the app counts "this year" for timestamps. */
const chinaDay = (param: string) => `(${param}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;

export function ceilingStatements(mineId: number, year: number, today: string): Statement[] {
  const from = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  const raised = `t.created_at >= ${chinaDay('$2')} AND t.created_at < ${chinaDay('$3')}`;
  return [
    {
      label: 'active workers per branch',
      text: perBranch(
        `SELECT unit_id, count(*) AS workers FROM users WHERE role = 'worker' AND NOT disabled GROUP BY unit_id`,
        [],
        ['workers'],
      ),
      params: [mineId],
    },
    {
      label: 'households per branch, category and status; exits this year; overdue reviews',
      text: perBranch(
        `SELECT unit_id, category, status, count(*) AS households,
           count(*) FILTER (WHERE exited_on >= $2::date AND exited_on < $3::date) AS exited,
           count(*) FILTER (WHERE status = 'active' AND review_due < $4::date) AS overdue_reviews
         FROM households GROUP BY unit_id, category, status`,
        ['category', 'status'],
        ['households', 'exited', 'overdue_reviews'],
      ),
      params: [mineId, from, next, today],
    },
    {
      label: 'visited this year, six knows in 12 months (per branch)',
      text: perBranch(
        `SELECT h.unit_id, count(*) FILTER (WHERE v.visited) AS visited, count(*) FILTER (WHERE v.knows = ${SIX_KNOWS.length}) AS known
         FROM (SELECT visits.household_id, bool_or(visits.visited_on >= $2::date AND visits.visited_on < $3::date) AS visited,
                 count(DISTINCT k.know) FILTER (WHERE visits.visited_on > $4::date - interval '12 months') AS knows
               FROM visits LEFT JOIN LATERAL unnest(visits.knows) AS k(know) ON true
               WHERE visits.visited_on >= least($2::date, $4::date - interval '12 months') GROUP BY visits.household_id) v
         JOIN households h ON h.id = v.household_id AND h.status = 'active' GROUP BY h.unit_id`,
        [],
        ['visited', 'known'],
      ),
      params: [mineId, from, next, today],
    },
    {
      label: 'active households missing a helper (per branch)',
      text: perBranch(
        `SELECT h.unit_id, count(*) AS missing_helper FROM households h
         LEFT JOIN (SELECT household_id, count(DISTINCT kind) AS kinds FROM household_helpers
                    WHERE until IS NULL AND kind <> 'first_helper' GROUP BY household_id) x ON x.household_id = h.id
         WHERE h.status = 'active' AND coalesce(x.kinds, 0) < 3 GROUP BY h.unit_id`,
        [],
        ['missing_helper'],
      ),
      params: [mineId],
    },
    {
      label: 'tasks raised and done this year, overdue (per branch)',
      text: perBranch(
        `SELECT t.unit_id, count(*) FILTER (WHERE ${raised}) AS raised, count(*) FILTER (WHERE ${raised} AND t.status = 'done') AS done,
           count(*) FILTER (WHERE t.status <> 'done' AND t.due_on < $4::date) AS overdue
         FROM tasks t GROUP BY t.unit_id`,
        [],
        ['raised', 'done', 'overdue'],
      ),
      params: [mineId, from, next, today],
    },
    {
      label: 'cases waiting per step, oldest wait',
      text: `SELECT state::text, count(*), min(updated_at) FROM cases WHERE state = ANY($1::text[]) GROUP BY state
        UNION ALL
        SELECT 'in_publicity', count(DISTINCT o.case_id), min(o.created_at) FROM objections o JOIN cases c ON c.id = o.case_id
        WHERE o.status = 'pending' AND c.state = 'in_publicity'`,
      params: [WAITING_STATES],
    },
    {
      label: 'approved this year per kind; budgets',
      text: `SELECT aid_kind, count(*), sum(amount_fen) FROM cases
        WHERE state = ANY($1::text[]) AND publicity_start >= $2::date AND publicity_start < $3::date AND aid_kind IS NOT NULL GROUP BY aid_kind
        UNION ALL
        SELECT aid_kind, count(*), sum(amount_fen - spent_fen) FROM budgets WHERE year = $4 GROUP BY aid_kind`,
      params: [APPROVED_STATES, from, next, year],
    },
    {
      label: 'paid this year per kind, month and branch',
      text: perBranch(
        `SELECT c.unit_id, c.aid_kind, extract(month FROM p.paid_on)::int AS month, count(*) AS payments, sum(p.amount_fen) AS fen
         FROM payments p JOIN cases c ON c.id = p.case_id
         WHERE p.paid_on >= $2::date AND p.paid_on < $3::date AND c.aid_kind IS NOT NULL GROUP BY 1, 2, 3`,
        ['aid_kind', 'month'],
        ['payments', 'fen'],
      ),
      params: [mineId, from, next],
    },
  ];
}

/** One figure set: every statement, one after another. */
export async function runCeiling(sql: SqlClient, statements: Statement[], perStatement?: number[][]): Promise<boolean> {
  for (const [i, s] of statements.entries()) {
    const t0 = performance.now();
    await sql.rows(s.text, s.params);
    perStatement?.[i].push(performance.now() - t0);
  }
  return true;
}

/**
 * Whether the ceiling's money paid this year per kind equals the maintained aggregate the
 * dashboard reads (case_stats): a cheap check that the page and the ceiling show the same figures.
 */
export async function paidMatchesAggregate(sql: SqlClient, year: number): Promise<string> {
  const [row] = await sql.rows<{ base: string | null; agg: string | null }>(
    `SELECT
       (SELECT json_agg(x ORDER BY x.k)::text FROM (SELECT c.aid_kind AS k, count(*)::int AS n, sum(p.amount_fen)::bigint AS fen
          FROM payments p JOIN cases c ON c.id = p.case_id WHERE p.paid_on >= $1::date AND p.paid_on < $2::date AND c.aid_kind IS NOT NULL GROUP BY 1) x) AS base,
       (SELECT json_agg(x ORDER BY x.k)::text FROM (SELECT aid_kind AS k, sum(cases)::int AS n, sum(amount_fen)::bigint AS fen
          FROM case_stats WHERE measure = 'paid' AND year = $3 GROUP BY 1 HAVING sum(cases) > 0) x) AS agg`,
    [`${year}-01-01`, `${year + 1}-01-01`, year],
  );
  return row.base === row.agg ? 'equal' : `DIFFERENT (base tables ${row.base}; case_stats ${row.agg})`;
}
