import { drizzle } from 'drizzle-orm/node-postgres';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_CATEGORIES } from '@/lib/aid/standards';
import {
  CASE_STATES,
  STEP_ROLES,
  transitionOf,
  type CaseAction,
  type CaseState,
  type Step,
} from '@/lib/workflow/case-workflow';
import { verifyAuditChain } from '@/db/audit-chain';
import { ScaleRefusal, seedScale, type ScaleReport } from '@/db/scale';
import * as schema from '@/db/schema';
import { CASES_PER_WORKER, KINDS } from '@/db/scale/cases';
import { FILED_SHARE } from '@/db/scale/register';
import { shapeOf } from '@/db/scale/sql';
import { TIME_ZONE } from '@/lib/dates';

// Three branches (the last one smaller), so every rule that crosses units is tested across them.
const WORKERS = 4_500;

describe('seed:scale refuses what it cannot fill', () => {
  it('anything but a PostgreSQL server, and a size out of range', async () => {
    await expect(seedScale({ url: 'memory://', workers: WORKERS })).rejects.toBeInstanceOf(ScaleRefusal);
    await expect(seedScale({ url: '', workers: WORKERS })).rejects.toBeInstanceOf(ScaleRefusal);
    expect(() => shapeOf(10)).toThrow(RangeError);
    expect(() => shapeOf(2_500.5)).toThrow(RangeError);
  });
});

// The generator is set-based SQL run inside a real PostgreSQL server, which every test run has
// (tests/global-setup.ts). They run in a database of their own
// (<test database>_scale), created and dropped here: the generator empties whatever it fills.
describe(`seed:scale at ${WORKERS.toLocaleString('en')} workers`, () => {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://localhost/none');
  const name = `${base.pathname.slice(1)}_scale`;
  const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  // This file's own database (tests/setup.ts): migrated by the same migrations, and always there.
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  const db = new Client({ connectionString: url });
  let report: ScaleReport;

  const count = async (text: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(text, params)).rows[0].n);

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    // The aid cases' checks below read every case: mutual aid has its own test (mutual-aid-scale.test.ts).
    report = await seedScale({ url, workers: WORKERS, mutualAid: false });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("lists a province's campaign: every active household of the covered categories, once, within the quotas", async () => {
    const eligible = await count(`SELECT count(*) AS n FROM households
      WHERE status = 'active' AND category IN ('extreme', 'hardship', 'near', 'serious_illness')`);
    expect(eligible).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM campaign_entries`)).toBe(eligible);
    expect(await count(`SELECT count(*) AS n FROM campaign_quotas WHERE listed <> quota`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM campaigns WHERE budget_fen <= 0`)).toBe(0);
  });

  it('lists the survivors (linked to deceased workers) and lone elderly in that campaign, each once', async () => {
    const { subBranches } = shapeOf(WORKERS);
    const survivors = await count(`SELECT count(*) AS n FROM survivors`);
    expect(survivors / WORKERS).toBeGreaterThan(0.001);
    expect(survivors / WORKERS).toBeLessThan(0.006);
    // Each survivor's deceased worker is a worker account of the same name and unit.
    expect(
      await count(`SELECT count(*) AS n FROM survivors s JOIN users w
        ON w.id = s.deceased_worker_id AND w.role = 'worker' AND w.name = s.deceased_name AND w.unit_id = s.unit_id`),
    ).toBe(survivors);
    expect(await count(`SELECT count(*) AS n FROM survivors WHERE phone NOT LIKE 'v1.%'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM lonely_elders`)).toBe(subBranches);
    for (const [kind, active] of [
      ['survivor', `SELECT count(*) AS n FROM survivors WHERE status = 'active'`],
      ['elder', `SELECT count(*) AS n FROM lonely_elders WHERE active`],
    ]) {
      const listed = await count(`SELECT count(*) AS n FROM campaign_person_entries WHERE kind = $1`, [kind]);
      expect(listed).toBeGreaterThan(0);
      expect(listed).toBe(await count(active));
    }
  });

  it('sizes everything from the number of workers, as the README documents', async () => {
    const { branches, subBranches, leaders } = shapeOf(WORKERS);
    expect(branches).toBe(3);
    expect(await count(`SELECT count(*) AS n FROM org_units`)).toBe(1 + branches + subBranches);
    expect(await count(`SELECT count(*) AS n FROM users`)).toBe(WORKERS + 1 + leaders + branches + subBranches);
    expect(await count(`SELECT count(*) AS n FROM users WHERE role = 'worker'`)).toBe(WORKERS);
    const households = await count(`SELECT count(*) AS n FROM households`);
    expect(households / WORKERS).toBeGreaterThan(FILED_SHARE * 0.85);
    expect(households / WORKERS).toBeLessThan(FILED_SHARE * 1.15);
    const cases = await count(`SELECT count(*) AS n FROM cases`);
    expect(cases / WORKERS).toBeGreaterThan(CASES_PER_WORKER * 0.95);
    expect(cases / WORKERS).toBeLessThan(CASES_PER_WORKER * 1.05);
    expect(await count(`SELECT count(*) AS n FROM payments`)).toBeGreaterThan(cases * 0.8);
    expect(await count(`SELECT count(*) AS n FROM visits`)).toBeGreaterThan(households * 2);
    expect(await count(`SELECT count(*) AS n FROM tasks`)).toBeGreaterThan(households);
    // The report counts what was written.
    expect(report.rows.cases).toBe(cases);
    expect(report.rows.households).toBe(households);
  });

  it("puts every case in its applicant's unit and household", async () => {
    expect(
      await count(
        `SELECT count(*) AS n FROM cases c JOIN users u ON u.id = c.applicant_id WHERE c.unit_id <> u.unit_id OR u.role <> 'worker'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM cases c JOIN households h ON h.id = c.household_id WHERE h.worker_id <> c.applicant_id`,
      ),
    ).toBe(0);
    // Submitted while a file existed: the case names it (an unsent draft names none yet).
    expect(
      await count(`SELECT count(*) AS n FROM cases c JOIN households h ON h.worker_id = c.applicant_id
                   WHERE (c.submitted_at IS NOT NULL AND h.filed_on <= c.applied_on) <> (c.household_id IS NOT NULL)`),
    ).toBe(0);
    // The category is the file's when it was active on the application date, else none.
    expect(await count(`SELECT count(*) AS n FROM cases c WHERE c.category <> 'none' AND c.household_id IS NULL`)).toBe(
      0,
    );
    expect(
      await count(`SELECT count(*) AS n FROM cases c JOIN households h ON h.id = c.household_id
                   WHERE c.category = 'none' AND h.filed_on <= c.applied_on AND (h.exited_on IS NULL OR h.exited_on > c.applied_on)`),
    ).toBe(0);
  });

  it('pays every paid case exactly once, its amount, and no other case', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM cases c WHERE c.state = 'paid'
                   AND (SELECT count(*) FROM payments p WHERE p.case_id = c.id AND p.amount_fen = c.amount_fen) <> 1`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM payments p JOIN cases c ON c.id = p.case_id WHERE c.state <> 'paid'`),
    ).toBe(0);
    expect(await count(`SELECT count(*) - count(DISTINCT case_id) AS n FROM payments`)).toBe(0);
    // The payer (a leader, as the step requires) neither approved the case nor judged its objection.
    expect(
      await count(`SELECT count(*) AS n FROM payments p JOIN users u ON u.id = p.recorded_by
                   WHERE u.role <> 'leader' OR EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = p.case_id AND s.actor_id = p.recorded_by AND s.step <> 'payment')`),
    ).toBe(0);
  });

  it("draws each payment on its year's budget of its kind in the applicant's branch, which it never overspends", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM budgets b
                   WHERE b.spent_fen <> coalesce((SELECT sum(p.amount_fen) FROM payments p WHERE p.budget_id = b.id), 0) OR b.spent_fen > b.amount_fen`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM payments p JOIN cases c ON c.id = p.case_id JOIN budgets b ON b.id = p.budget_id JOIN org_units u ON u.id = c.unit_id
                   WHERE b.year <> date_part('year', p.paid_on) OR b.aid_kind <> c.aid_kind OR b.unit_id IS DISTINCT FROM u.parent_id`),
    ).toBe(0);
  });

  it('computes each amount from the standard in force on the application date', async () => {
    expect(await count(`SELECT count(*) AS n FROM aid_standards`)).toBe(3);
    expect(
      await count(
        `SELECT count(DISTINCT (standard_id, kind, category)) AS n FROM aid_standard_rules WHERE variant = ''`,
      ),
    ).toBe(3 * KINDS.length * STANDARD_CATEGORIES.length);
    expect(
      await count(`SELECT count(*) AS n FROM cases c JOIN aid_standards s ON s.id = c.standard_id
                   WHERE s.effective_on > c.applied_on OR EXISTS (SELECT 1 FROM aid_standards s2 WHERE s2.effective_on <= c.applied_on AND s2.effective_on > s.effective_on)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM cases c JOIN aid_standard_rules r ON r.standard_id = c.standard_id AND r.kind = c.aid_kind AND r.category = c.category
                   WHERE r.frequency <> c.frequency
                      OR (r.rule_type = 'fixed' AND (c.amount_fen <> r.fixed_fen OR c.computed_fen <> r.fixed_fen OR c.rule <> jsonb_build_object('type', 'fixed', 'fen', r.fixed_fen)))
                      OR (r.rule_type = 'range' AND (c.computed_fen <> r.suggested_fen OR c.amount_fen NOT BETWEEN r.min_fen AND r.max_fen
                          OR (c.amount_fen <> c.computed_fen) <> (c.amount_reason IS NOT NULL)))`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM cases WHERE submitted_at IS NOT NULL AND (standard_id IS NULL OR amount_fen IS NULL)`,
      ),
    ).toBe(0);
  });

  it('gives every case a history the workflow allows, by the right people, ending in its state', async () => {
    const { rows: moves } = await db.query<{
      from_state: CaseState;
      action: CaseAction;
      to_state: CaseState;
      step: Step | null;
    }>(`SELECT DISTINCT from_state, action, to_state, step FROM case_steps`);
    for (const m of moves) {
      const t = transitionOf(m.from_state, m.action);
      expect(t?.to, `${m.from_state} ${m.action}`).toBe(m.to_state);
      expect(m.step).toBe(t!.by === 'applicant' || t!.by === 'system' ? null : t!.by);
    }
    // Never the applicant at a step, never one person at two steps of a case.
    expect(
      await count(
        `SELECT count(*) AS n FROM case_steps s JOIN cases c ON c.id = s.case_id WHERE s.step IS NOT NULL AND s.actor_id = c.applicant_id`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT case_id, actor_id FROM case_steps WHERE step IS NOT NULL GROUP BY 1, 2 HAVING count(DISTINCT step) > 1) x`,
      ),
    ).toBe(0);
    // The applicant's own moves are theirs; the system's have no actor.
    expect(
      await count(`SELECT count(*) AS n FROM case_steps s JOIN cases c ON c.id = s.case_id
                   WHERE s.step IS NULL AND (s.actor_id IS DISTINCT FROM CASE WHEN s.action = 'close_publicity' THEN NULL ELSE c.applicant_id END)`),
    ).toBe(0);
    // Each step's role, and the officials' scope: the case's own sub-branch, its branch.
    for (const [step, roles] of Object.entries(STEP_ROLES)) {
      expect(
        await count(
          `SELECT count(*) AS n FROM case_steps s JOIN users u ON u.id = s.actor_id WHERE s.step = $1 AND NOT (u.role = ANY($2))`,
          [step, roles],
        ),
      ).toBe(0);
    }
    expect(
      await count(`SELECT count(*) AS n FROM case_steps s JOIN cases c ON c.id = s.case_id JOIN users u ON u.id = s.actor_id JOIN org_units cu ON cu.id = c.unit_id
                   JOIN org_units au ON au.id = u.unit_id WHERE s.step IS NOT NULL AND NOT starts_with(cu.path, au.path)`),
    ).toBe(0);
    // Each move starts where the one before ended; the case stands where its history ends.
    expect(
      await count(`SELECT count(*) AS n FROM (SELECT from_state, lag(to_state) OVER (PARTITION BY case_id ORDER BY at, id) AS before FROM case_steps) x
                   WHERE x.from_state <> coalesce(x.before, 'draft')`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM cases c
                   WHERE c.state <> coalesce((SELECT s.to_state FROM case_steps s WHERE s.case_id = c.id ORDER BY s.at DESC, s.id DESC LIMIT 1), 'draft')`),
    ).toBe(0);
    // The case was last written by its last move (or the objection raised after it).
    expect(
      await count(`SELECT count(*) AS n FROM cases c WHERE c.updated_at IS DISTINCT FROM greatest(
                     coalesce((SELECT max(s.at) FROM case_steps s WHERE s.case_id = c.id), c.created_at),
                     (SELECT max(o.created_at) FROM objections o WHERE o.case_id = c.id))`),
    ).toBe(0);
    // The submission time is the submit move's; a submission exactly when the state says so.
    expect(
      await count(
        `SELECT count(*) AS n FROM cases c WHERE c.submitted_at IS DISTINCT FROM (SELECT min(s.at) FROM case_steps s WHERE s.case_id = c.id AND s.action = 'submit')`,
      ),
    ).toBe(0);
  });

  it('has every state, with publicity dates exactly where publicity happened and objections on published cases', async () => {
    const { rows } = await db.query<{ state: string; n: string }>(
      `SELECT state, count(*) AS n FROM cases GROUP BY state`,
    );
    expect(rows.map((r) => r.state).sort()).toEqual([...CASE_STATES].sort());
    expect(
      await count(`SELECT count(*) AS n FROM cases WHERE (state IN ('in_publicity', 'ready_for_payment', 'paid')) <> (publicity_start IS NOT NULL)
                   OR publicity_end <> publicity_start + 4`),
    ).toBe(0);
    // A window still open has not ended (the system closes ended ones just after midnight).
    expect(
      await count(`SELECT count(*) AS n FROM cases WHERE state = 'in_publicity' AND publicity_end < $1`, [
        report.today,
      ]),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM objections o JOIN cases c ON c.id = o.case_id
                   WHERE o.by_id = c.applicant_id OR (o.status = 'pending') <> (c.state = 'in_publicity' AND NOT EXISTS (
                     SELECT 1 FROM case_steps s WHERE s.case_id = c.id AND s.action IN ('dismiss_objection', 'uphold_objection')))`),
    ).toBe(0);
    const { rows: statuses } = await db.query<{ status: string }>(`SELECT DISTINCT status FROM objections`);
    expect(statuses.map((r) => r.status)).toEqual(expect.arrayContaining(['dismissed', 'upheld']));
  });

  it('asks for a reason on exactly the payments that repeat a yearly kind in its year', async () => {
    const repeats = `EXISTS (SELECT 1 FROM payments p2 JOIN cases c2 ON c2.id = p2.case_id
      WHERE c2.applicant_id = c.applicant_id AND c2.aid_kind = c.aid_kind AND c2.id <> c.id AND (p2.created_at, p2.id) < (p.created_at, p.id)
        AND CASE c.frequency WHEN 'yearly' THEN date_part('year', p2.paid_on) = date_part('year', c.applied_on) ELSE c2.event_key = c.event_key END)`;
    expect(
      await count(
        `SELECT count(*) AS n FROM payments p JOIN cases c ON c.id = p.case_id WHERE (p.repeat_reason IS NOT NULL) <> ${repeats}`,
      ),
    ).toBe(0);
  });

  it('dates nothing after today', async () => {
    // Due dates (reviews, tasks, a publicity window still open) lie ahead by nature.
    const dated: Record<string, string[]> = {
      org_units: ['created_at'],
      users: ['created_at', 'updated_at'],
      households: ['filed_on', 'exited_on', 'created_at'],
      household_members: ['birth_date'],
      household_events: ['"on"', 'at'],
      household_helpers: ['since', 'until'],
      visits: ['visited_on', 'created_at'],
      tasks: ['done_on', 'created_at'],
      symposiums: ['held_on', 'created_at'],
      aid_standards: ['effective_on', 'created_at'],
      budgets: ['updated_at'],
      cases: ['event_on', 'applied_on', 'submitted_at', 'publicity_start', 'created_at', 'updated_at'],
      case_steps: ['at'],
      payments: ['paid_on', 'created_at'],
      objections: ['created_at', 'decided_at'],
      notifications: ['created_at', 'read_at'],
    };
    const tomorrow = `(DATE '${report.today}' + 1)::timestamp AT TIME ZONE '${TIME_ZONE}'`;
    for (const [table, columns] of Object.entries(dated)) {
      for (const column of columns) {
        expect(
          await count(`SELECT count(*) AS n FROM ${table} WHERE ${column} >= ${tomorrow}`),
          `${table}.${column}`,
        ).toBe(0);
      }
    }
    // Three years: this one and the two before.
    const firstYear = Number(report.today.slice(0, 4)) - 2;
    expect(await count(`SELECT count(*) AS n FROM cases WHERE created_at < DATE '${firstYear}-01-01'`)).toBe(0);
  });

  it('keeps the register the way its actions leave it', async () => {
    const { rows: categories } = await db.query<{ category: string }>(`SELECT DISTINCT category FROM households`);
    expect(categories).toHaveLength(6);
    // Helpers come from the file's unit or above (the first helper: a leader); never the worker; an exit ends every term.
    expect(
      await count(`SELECT count(*) AS n FROM household_helpers hh JOIN households h ON h.id = hh.household_id JOIN users u ON u.id = hh.user_id
                   JOIN org_units hu ON hu.id = h.unit_id JOIN org_units uu ON uu.id = u.unit_id
                   WHERE hh.user_id = h.worker_id OR (hh.kind = 'first_helper') <> (u.role = 'leader') OR NOT starts_with(hu.path, uu.path)
                      OR (h.status = 'exited' AND hh.until IS NULL)`),
    ).toBe(0);
    // The file's unit is its worker's; visits fall while it was active; done tasks have their outcome.
    expect(
      await count(
        `SELECT count(*) AS n FROM households h JOIN users u ON u.id = h.worker_id WHERE h.unit_id <> u.unit_id`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM visits v JOIN households h ON h.id = v.household_id WHERE v.visited_on < h.filed_on OR v.visited_on >= coalesce(h.exited_on, 'infinity')`,
      ),
    ).toBe(0);
    // The timeline: filed first with the category it then had, the last category move ending in the file's.
    expect(
      await count(`SELECT count(*) AS n FROM households h WHERE (SELECT e.kind FROM household_events e WHERE e.household_id = h.id ORDER BY e."on", e.id LIMIT 1) <> 'filed'
                   OR h.category <> (SELECT e.to_category FROM household_events e WHERE e.household_id = h.id AND e.to_category IS NOT NULL ORDER BY e."on" DESC, e.id DESC LIMIT 1)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM households WHERE status = 'active' AND review_due < $1`, [report.today]),
    ).toBeGreaterThan(0);
  });

  it('leaves every key, index and foreign key the migrations define (set aside during the load)', async () => {
    const definitions = `
      SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`;
    // This file's database, migrated by tests/setup.ts, holds the definitions as the migrations make them.
    const expected = (await admin.query<{ d: string }>(definitions)).rows.map((r) => r.d);
    expect(expected.length).toBeGreaterThan(100);
    expect((await db.query<{ d: string }>(definitions)).rows.map((r) => r.d)).toEqual(expected);
  });

  it('stores every ID number and phone encrypted, and keeps the audit chain whole', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM users WHERE id_number NOT LIKE 'v1.%' OR phone NOT LIKE 'v1.%'`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM households WHERE phone NOT LIKE 'v1.%'`)).toBe(0);
    expect(await count(`SELECT count(DISTINCT id_number_hash) AS n FROM users`)).toBe(
      await count(`SELECT count(*) AS n FROM users WHERE id_number IS NOT NULL`),
    );
    expect(await verifyAuditChain(drizzle(db, { schema }))).toMatchObject({ ok: true });
  });

  it('refuses a database with data, and with --reset makes the same data again', async () => {
    const digest = async () =>
      (
        await db.query<{ d: string }>(
          `SELECT (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM cases t) || (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM case_steps t)
             || (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM payments t) || (SELECT md5(string_agg((to_jsonb(t) - 'phone')::text, '|' ORDER BY id)) FROM households t)
             || (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM tasks t)
             || (SELECT md5(string_agg((t.id, t.employee_no, t.name, t.role, t.unit_id, t.id_number_hash, t.phone_hash)::text, '|' ORDER BY id)) FROM users t) AS d`,
        )
      ).rows[0].d;
    // Identifiers are encrypted with a fresh IV each time: compare their blind indexes instead.
    const before = await digest();
    await expect(seedScale({ url, workers: WORKERS, today: report.today, mutualAid: false })).rejects.toThrow(
      /already has data/,
    );
    await seedScale({ url, workers: WORKERS, today: report.today, reset: true, mutualAid: false });
    expect(await digest()).toBe(before);
    // The reset starts the audit chain over: the new seed row is its first link.
    expect(await verifyAuditChain(drizzle(db, { schema }))).toMatchObject({ ok: true });
  }, 120_000);
});
