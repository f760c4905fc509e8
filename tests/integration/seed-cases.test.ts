import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, type Tx } from '@/db/client';
import { standardInForce } from '@/db/queries/cases';
import { seedCases } from '@/db/seed-cases';
import { computeAmount, HARDSHIP_KINDS, type StandardCategory } from '@/lib/aid/standards';
import { todayInChina } from '@/lib/dates';
import { CASE_STATES, transitionOf, type CaseAction, type CaseState } from '@/lib/workflow/case-workflow';

class Rollback extends Error {}

/**
 * Seeds inside a transaction that is rolled back at the end: on the shared test server the other
 * files count their own cases, budgets and standards, so this one leaves nothing behind. Whatever
 * earlier files left is cleared first (inside the same transaction), since the seed skips a
 * database that already has cases.
 */
async function withSeed(
  today: string,
  check: (tx: Tx, seeded: Awaited<ReturnType<typeof seedCases>>) => Promise<void>,
) {
  const db = await getDb();
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`TRUNCATE cases, aid_standards, budgets CASCADE`);
      await check(tx, await seedCases(tx, today));
      throw new Rollback();
    })
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
}

type Row = Record<string, unknown>;
const rows = async <T = Row>(tx: Tx, query: ReturnType<typeof sql>) => (await tx.execute(query)).rows as T[];

async function checkConsistency(tx: Tx, today: string) {
  // Every paid case has exactly one payment, of its amount; nothing else is paid.
  expect(
    await rows(
      tx,
      sql`
      SELECT c.id, c.state, c.amount_fen, count(p.id)::int AS n, sum(p.amount_fen)::int AS paid
      FROM cases c LEFT JOIN payments p ON p.case_id = c.id
      GROUP BY c.id
      HAVING (c.state = 'paid') <> (count(p.id) = 1) OR count(p.id) > 1 OR (count(p.id) = 1 AND sum(p.amount_fen) <> c.amount_fen)`,
    ),
  ).toEqual([]);

  // A budget's spent figure is exactly the sum of its payments; each payment draws on its year and
  // kind, from the branch's split where the branch has one (as the payment action chooses).
  expect(
    await rows(
      tx,
      sql`
      SELECT b.id FROM budgets b LEFT JOIN payments p ON p.budget_id = b.id
      GROUP BY b.id HAVING b.spent_fen <> coalesce(sum(p.amount_fen), 0)`,
    ),
  ).toEqual([]);
  expect(
    await rows(
      tx,
      sql`
      SELECT p.id FROM payments p
      JOIN cases c ON c.id = p.case_id JOIN org_units u ON u.id = c.unit_id JOIN budgets b ON b.id = p.budget_id
      WHERE b.year <> extract(year FROM p.paid_on) OR b.aid_kind <> c.aid_kind
         OR b.id <> (SELECT b2.id FROM budgets b2 LEFT JOIN org_units bu ON bu.id = b2.unit_id
                     WHERE b2.year = b.year AND b2.aid_kind = b.aid_kind AND (b2.unit_id IS NULL OR starts_with(u.path, bu.path))
                     ORDER BY b2.unit_id IS NULL LIMIT 1)`,
    ),
  ).toEqual([]);

  // Nobody acted on their own case at a step, nobody at two steps of one case; the applicant's
  // own moves are theirs; the right people acted at each step.
  expect(
    await rows(
      tx,
      sql`SELECT s.id FROM case_steps s JOIN cases c ON c.id = s.case_id WHERE s.step IS NOT NULL AND s.actor_id = c.applicant_id`,
    ),
  ).toEqual([]);
  expect(
    await rows(
      tx,
      sql`SELECT case_id, actor_id FROM case_steps WHERE step IS NOT NULL GROUP BY case_id, actor_id HAVING count(DISTINCT step) > 1`,
    ),
  ).toEqual([]);
  expect(
    await rows(
      tx,
      sql`SELECT s.id FROM case_steps s JOIN cases c ON c.id = s.case_id WHERE s.step IS NULL AND s.action <> 'close_publicity' AND s.actor_id <> c.applicant_id`,
    ),
  ).toEqual([]);
  expect(
    await rows(
      tx,
      sql`
      SELECT s.id, s.step, a.role FROM case_steps s
      JOIN cases c ON c.id = s.case_id JOIN org_units cu ON cu.id = c.unit_id
      JOIN users a ON a.id = s.actor_id JOIN org_units au ON au.id = a.unit_id
      WHERE s.step IS NOT NULL AND NOT (
        (s.step = 'verification' AND a.role = 'sub_branch_official' AND a.unit_id = c.unit_id)
        OR (s.step = 'review' AND a.role = 'branch_official' AND starts_with(cu.path, au.path))
        OR (s.step IN ('approval', 'publicity', 'payment') AND a.role = 'leader'))`,
    ),
  ).toEqual([]);

  // Each history is a walk through the workflow's transitions from a draft to the case's state.
  const steps = await rows<{
    case_id: number;
    action: CaseAction;
    from_state: CaseState;
    to_state: CaseState;
    at: Date;
    comment: string;
  }>(tx, sql`SELECT case_id, action, from_state, to_state, at, comment FROM case_steps ORDER BY case_id, at, id`);
  const states = await rows<{ id: number; state: CaseState; submitted_at: Date | null }>(
    tx,
    sql`SELECT id, state, submitted_at FROM cases`,
  );
  const history = new Map<number, typeof steps>();
  for (const s of steps) history.set(s.case_id, [...(history.get(s.case_id) ?? []), s]);
  for (const c of states) {
    let state: CaseState = 'draft';
    for (const s of history.get(c.id) ?? []) {
      expect(s.from_state).toBe(state);
      expect(transitionOf(s.from_state, s.action)?.to).toBe(s.to_state);
      if (['return', 'reject', 'uphold_objection', 'dismiss_objection'].includes(s.action))
        expect(s.comment).not.toBe('');
      state = s.to_state;
    }
    expect(state).toBe(c.state);
  }

  // Nothing happens after today; published cases are still inside their window.
  const endOfToday = new Date(Date.parse(`${today}T23:59:59+08:00`));
  expect(steps.every((s) => new Date(s.at) <= endOfToday)).toBe(true);
  expect(
    await rows(tx, sql`SELECT id FROM cases WHERE applied_on > ${today}::date OR event_on > ${today}::date`),
  ).toEqual([]);
  expect(await rows(tx, sql`SELECT id FROM payments WHERE paid_on > ${today}::date`)).toEqual([]);
  expect(
    await rows(
      tx,
      sql`SELECT id FROM cases WHERE state = 'in_publicity' AND (publicity_end < ${today}::date OR publicity_start > ${today}::date)`,
    ),
  ).toEqual([]);
  expect(
    await rows(tx, sql`SELECT id FROM cases WHERE state = 'ready_for_payment' AND publicity_end >= ${today}::date`),
  ).toEqual([]);

  // Every state and every hardship kind appears; the amounts come from the standard in force.
  const seenStates = (await rows<{ state: string }>(tx, sql`SELECT DISTINCT state FROM cases`))
    .map((r) => r.state)
    .sort();
  expect(seenStates).toEqual([...CASE_STATES].sort());
  const seenKinds = (await rows<{ aid_kind: string }>(tx, sql`SELECT DISTINCT aid_kind FROM cases`))
    .map((r) => r.aid_kind)
    .sort();
  expect(seenKinds).toEqual([...HARDSHIP_KINDS].sort());
  const submitted = await rows<{
    aid_kind: (typeof HARDSHIP_KINDS)[number];
    category: StandardCategory;
    applied_on: string;
    standard_id: number;
    computed_fen: number;
    amount_fen: number;
  }>(
    tx,
    sql`SELECT aid_kind, category, applied_on::text, standard_id, computed_fen, amount_fen FROM cases WHERE submitted_at IS NOT NULL`,
  );
  const standards = new Map<string, NonNullable<Awaited<ReturnType<typeof standardInForce>>>>();
  for (const c of submitted) {
    const standard = standards.get(c.applied_on) ?? (await standardInForce(tx, c.applied_on))!;
    standards.set(c.applied_on, standard);
    const computed = computeAmount(standard, c.aid_kind, c.category);
    expect(computed.ok && { id: standard.id, fen: computed.amount.fen }).toEqual({
      id: c.standard_id,
      fen: c.computed_fen,
    });
  }

  // The browser tests' applicants start clean; this year's budgets have room for their payments.
  expect(
    await rows(
      tx,
      sql`SELECT c.id FROM cases c JOIN users u ON u.id = c.applicant_id WHERE u.employee_no BETWEEN 'W0001' AND 'W0010'`,
    ),
  ).toEqual([]);
  expect(
    await rows(
      tx,
      sql`SELECT o.id FROM objections o JOIN users u ON u.id = o.by_id WHERE u.employee_no BETWEEN 'W0001' AND 'W0010'`,
    ),
  ).toEqual([]);
  expect(
    await rows(tx, sql`SELECT h.id FROM households h JOIN users u ON u.id = h.worker_id WHERE u.employee_no = 'W0001'`),
  ).toEqual([]);
  const year = Number(today.slice(0, 4));
  const current = await rows<{ aid_kind: string; left: number }>(
    tx,
    sql`SELECT aid_kind, amount_fen - spent_fen AS left FROM budgets WHERE year = ${year}`,
  );
  expect(new Set(current.map((b) => b.aid_kind))).toEqual(new Set(HARDSHIP_KINDS));
  expect(current.filter((b) => b.left < 5_000_000)).toEqual([]);

  // Objections: some dismissed, one pending in publicity, one upheld that sent its case back.
  const objections = await rows<{ status: string; state: string }>(
    tx,
    sql`SELECT o.status, c.state FROM objections o JOIN cases c ON c.id = o.case_id`,
  );
  expect(objections.filter((o) => o.status === 'dismissed').length).toBeGreaterThanOrEqual(2);
  expect(objections.filter((o) => o.status === 'pending').map((o) => o.state)).toEqual(['in_publicity']);
  expect(objections.filter((o) => o.status === 'upheld').map((o) => o.state)).toEqual(['reviewed']);

  // Applicants were told of decisions; some have read them.
  const [notes] = await rows<{ read: number; unread: number }>(
    tx,
    sql`SELECT count(*) FILTER (WHERE n.read_at IS NOT NULL)::int AS read, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread
        FROM notifications n JOIN cases c ON c.id = n.case_id WHERE n.user_id = c.applicant_id`,
  );
  expect(notes.read).toBeGreaterThan(0);
  expect(notes.unread).toBeGreaterThan(0);
}

/** What the seed made, in a form two runs can be compared by. */
async function fingerprint(tx: Tx) {
  return rows(
    tx,
    sql`
    SELECT c.submit_token, c.aid_kind, c.state, c.amount_fen, c.applied_on::text, u.employee_no, p.paid_on::text
    FROM cases c JOIN users u ON u.id = c.applicant_id LEFT JOIN payments p ON p.case_id = c.id
    ORDER BY c.submit_token`,
  );
}

describe('the demo cases', () => {
  const today = todayInChina();

  it(`are consistent: payments, budgets, people at each step, states and kinds (today ${today})`, async () => {
    await withSeed(today, async (tx, seeded) => {
      expect(seeded.cases).toBeGreaterThanOrEqual(150);
      expect(seeded.cases).toBeLessThanOrEqual(300);
      await checkConsistency(tx, today);
      // A second run adds nothing.
      expect(await seedCases(tx, today)).toEqual({ cases: 0, payments: 0 });
    });
  });

  it('are consistent early in a year too, and the same for the same day', async () => {
    const early = '2025-01-03';
    let first: Row[] = [];
    await withSeed(early, async (tx) => {
      await checkConsistency(tx, early);
      first = await fingerprint(tx);
    });
    await withSeed(early, async (tx) => {
      expect(await fingerprint(tx)).toEqual(first);
    });
    expect(first.length).toBeGreaterThan(0);
  });
});
