import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, type Database } from '@/db/client';
import { entriesPage, listEntries } from '@/db/queries/campaigns';
import { listCases } from '@/db/queries/case-list';
import { listQueues, queueOf } from '@/db/queries/case-queues';
import { listPayments } from '@/db/queries/exports';
import { cappedCount, type KeysetPage, type PageAt } from '@/db/queries/keyset';
import { listPeoplePage } from '@/db/queries/people';
import { listPublished } from '@/db/queries/publicity';
import { listHouseholds } from '@/db/queries/register';
import { listStudents } from '@/db/queries/students';
import { listTasks } from '@/db/queries/tasks';
import { rewritePii } from '@/db/pii-rewrite';
import { piiKeyring } from '@/lib/config';
import { unitFilterOptions } from '@/db/queries/unit-filter';
import { budgets, cases, householdHelpers, households, orgUnits, payments, users } from '@/db/schema';
import { encodeCursor } from '@/lib/pagination/cursor';
import { HOUSEHOLD_SORTS } from '@/lib/register/search-params';
import { scopeOf, type Actor } from '@/lib/scope';
import { rebuildCaseStats } from '@/lib/stats/case-stats';
import { signInAs, userId } from '../session';

/**
 * The lists that grow (cases, payments, the register, the worker directory, tasks, the to-do
 * queues, students, the publicity board, a campaign's entries) page by keyset: every
 * row exactly once in the list's order forward and back, ties included, filters and scope kept
 * whatever the cursor says, a forged cursor harmless, the cursor the one the URL contract names.
 */

let db: Database;
let leader: Actor;
let branch: Actor; // B0001
let sub: Actor; // S0001, a sub-branch of B0001's branch
let outsideUnit: number; // a sub-branch of another branch
let insideCaseIds: number[] = [];

const T1 = '2025-06-01T02:03:04.123456Z';
const T2 = '2025-05-01T00:00:00.000001Z';

/** Every page forward from the first by `next`, then back from the last by `prev`. */
async function walk<R>(list: (at: PageAt) => Promise<KeysetPage<R>>) {
  const forward: KeysetPage<R>[] = [];
  for (let at: PageAt = {}; ;) {
    const page = await list(at);
    forward.push(page);
    if (!page.next) break;
    at = { after: page.next };
  }
  const back = [forward[forward.length - 1]];
  while (back[0].prev) back.unshift(await list({ before: back[0].prev }));
  return {
    rows: forward.flatMap((p) => p.rows),
    back: back.flatMap((p) => p.rows),
    pages: forward.length,
    first: forward[0],
  };
}

/** A walk's rows are the expected ones, in order, both ways, each once. */
function expectWalk<R>(w: Awaited<ReturnType<typeof walk<R>>>, key: (r: R) => unknown, expected: unknown[]) {
  expect(w.rows.map(key)).toEqual(expected);
  expect(w.back.map(key)).toEqual(expected);
  expect(new Set(w.rows.map(key)).size).toBe(w.rows.length);
  expect(w.first.prev).toBeNull();
}

async function ids(query: ReturnType<typeof sql>): Promise<number[]> {
  return (await db.execute<{ id: number }>(query)).rows.map((r) => Number(r.id));
}

async function unitOf(employeeNo: string) {
  const [u] = await db
    .select({ id: users.unitId, path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(eq(users.employeeNo, employeeNo));
  return u;
}

beforeAll(async () => {
  db = await getDb();
  leader = await signInAs('L0001');
  sub = await signInAs('S0001');
  branch = await signInAs('B0001');
  const workers = await db
    .select({ id: users.id, no: users.employeeNo, unitId: users.unitId, path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(eq(users.role, 'worker'))
    .orderBy(users.employeeNo);
  const inside = workers.filter((w) => w.path.startsWith(branch.unitPath)).slice(0, 5);
  const outside = workers.filter((w) => !w.path.startsWith(branch.unitPath)).slice(0, 4);
  outsideUnit = outside[0].unitId;

  // 84 cases: many share one update time to the microsecond (T1, T2), so pages break inside ties.
  const values: (typeof cases.$inferInsert)[] = [];
  for (let i = 0; i < 84; i++) {
    const w = [...inside, ...outside][i % 9];
    values.push({
      aidKind: i % 3 === 0 ? 'illness' : 'poverty',
      applicantId: w.id,
      unitId: w.unitId,
      category: 'none',
      state: i % 2 === 0 ? 'paid' : 'submitted',
      eventOn: '2025-03-01',
      whatHappened: '测试',
      amountFen: 100_000 + i * 1_001,
      appliedOn: i % 5 === 0 ? '2024-03-01' : '2025-03-01',
      submittedAt: new Date(T2),
      updatedAt: new Date(i % 3 === 0 ? T1 : i % 3 === 1 ? T2 : Date.parse(T2) + i * 1000),
      submitToken: randomUUID(),
    });
  }
  // A worker's draft (nobody else's to see) and the branch official's own case, filed while in a
  // unit outside their branch today: readable to them as its applicant.
  values.push({ ...values[1], state: 'draft', submittedAt: null, submitToken: randomUUID() });
  values.push({ ...values[0], applicantId: branch.userId, unitId: outsideUnit, submitToken: randomUUID() });
  const inserted = await db
    .insert(cases)
    .values(values)
    .returning({ id: cases.id, state: cases.state, amountFen: cases.amountFen, unitId: cases.unitId });
  insideCaseIds = inserted.filter((c) => inside.some((w) => w.unitId === c.unitId)).map((c) => c.id);
  const [budget] = await db
    .insert(budgets)
    .values({ year: 2025, aidKind: 'poverty', amountFen: 1_000_000_000 })
    .returning({ id: budgets.id });
  const recorder = await userId('L0002');
  await db.insert(payments).values(
    inserted
      .filter((c) => c.state === 'paid')
      .map((c, i) => ({
        caseId: c.id,
        budgetId: budget.id,
        amountFen: c.amountFen!,
        paidOn: i % 4 === 0 ? '2025-07-01' : `202${4 + (i % 2)}-0${1 + (i % 5)}-15`,
        method: 'cash' as const,
        recordedBy: recorder,
      })),
  );
  // Inserted straight, past recordPayment: the ledger's totals read the aggregates it would keep.
  await db.transaction((tx) => rebuildCaseStats(tx));

  // B0001 helps one household outside their branch: it is on their register list.
  const [far] = await db
    .select({ id: households.id })
    .from(households)
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(sql`${orgUnits.path} NOT LIKE ${`${branch.unitPath}%`}`)
    .limit(1);
  await db
    .update(householdHelpers)
    .set({ until: '2025-01-01' })
    .where(
      and(
        eq(householdHelpers.householdId, far.id),
        eq(householdHelpers.kind, 'first_helper'),
        isNull(householdHelpers.until),
      ),
    );
  await db
    .insert(householdHelpers)
    .values({ householdId: far.id, kind: 'first_helper', userId: branch.userId, since: '2025-01-01' });
});

// ── Cases ─────────────────────────────────────────────────────────────────────────────────────

/** The cases an actor reads, as SQL says them: readable (own, or in scope and submitted), newest change first. */
function expectedCases(actor: Actor, where = sql`true`) {
  const scope = actor.role === 'leader' ? sql`true` : sql`o.path LIKE ${`${actor.unitPath}%`}`;
  return ids(sql`
    SELECT c.id FROM cases c JOIN org_units o ON o.id = c.unit_id
    WHERE (c.applicant_id = ${actor.userId} OR (${scope} AND c.submitted_at IS NOT NULL)) AND ${where}
    ORDER BY c.updated_at DESC, c.id DESC`);
}

describe('the case list', () => {
  it('gives a leader every case once, in order, forward and back, across pages that break inside ties', async () => {
    const w = await walk((at) => listCases(db, leader, {}, at));
    expect(w.pages).toBeGreaterThan(4);
    expectWalk(w, (r) => r.id, await expectedCases(leader));
    expect((await listCases(db, leader, {})).total).toEqual({ count: w.rows.length, capped: false });
  });

  it('gives an official their units’ cases and their own made elsewhere, never another’s draft, at every page', async () => {
    for (const actor of [branch, sub]) {
      const expected = await expectedCases(actor);
      const w = await walk((at) => listCases(db, actor, {}, at));
      expectWalk(w, (r) => r.id, expected);
      expect((await listCases(db, actor, {})).total.count).toBe(expected.length);
    }
    const own = await ids(sql`SELECT id FROM cases WHERE applicant_id = ${branch.userId} AND unit_id = ${outsideUnit}`);
    expect((await walk((at) => listCases(db, branch, {}, at))).rows.map((r) => r.id)).toEqual(
      expect.arrayContaining(own),
    );
    expect((await walk((at) => listCases(db, sub, {}, at))).rows.map((r) => r.id)).not.toEqual(
      expect.arrayContaining(own),
    );
  });

  it('keeps the filters on every page: state, kind, year, a unit', async () => {
    const filters = [
      [{ state: 'paid' as const }, sql`c.state = 'paid'`],
      [{ aidKind: 'illness' as const }, sql`c.aid_kind = 'illness'`],
      [{ year: 2024 }, sql`c.applied_on BETWEEN '2024-01-01' AND '2024-12-31'`],
      [{ state: 'submitted' as const, year: 2025 }, sql`c.state = 'submitted' AND c.applied_on >= '2025-01-01'`],
    ] as const;
    for (const actor of [leader, branch]) {
      for (const [f, where] of filters)
        expectWalk(await walk((at) => listCases(db, actor, f, at)), (r) => r.id, await expectedCases(actor, where));
    }
    const unit = await unitOf('S0001');
    expectWalk(
      await walk((at) => listCases(db, leader, { unitId: unit.id }, at)),
      (r) => r.id,
      await expectedCases(leader, sql`o.path LIKE ${`${unit.path}%`}`),
    );
  });

  it('reads a deep page from the URL contract: the edge row’s (updated_at::text, id::text)', async () => {
    const all = await expectedCases(leader);
    const [edge] = (
      await db.execute<{ at: string; id: string }>(
        sql`SELECT updated_at::text AS at, id::text AS id FROM cases WHERE id = ${all[29]}`,
      )
    ).rows;
    const page = await listCases(db, leader, {}, { after: encodeCursor([edge.at, edge.id]) });
    expect(page.rows.map((r) => r.id)).toEqual(all.slice(30, 50));
    const before = await listCases(db, leader, {}, { before: encodeCursor([edge.at, edge.id]) });
    expect(before.rows.map((r) => r.id)).toEqual(all.slice(9, 29));
  });

  it('never shows an official a row outside their scope, whatever the cursor', async () => {
    const theirs = await expectedCases(branch);
    const everyone = await expectedCases(leader);
    const outsider = everyone.find((id) => !theirs.includes(id))!;
    const [edge] = (
      await db.execute<{ at: string; id: string }>(
        sql`SELECT updated_at::text AS at, id::text AS id FROM cases WHERE id = ${outsider}`,
      )
    ).rows;
    for (const at of [{ after: encodeCursor([edge.at, edge.id]) }, { before: encodeCursor([edge.at, edge.id]) }]) {
      const page = await listCases(db, branch, {}, at);
      for (const r of page.rows) expect(theirs).toContain(r.id);
    }
  });

  it('answers a forged, foreign or stale cursor with the first page', async () => {
    const first = (await listCases(db, leader, {})).rows.map((r) => r.id);
    const forged = [
      { after: 'not-a-cursor' },
      { after: encodeCursor(['2025-01-01']) },
      { after: encodeCursor(['yesterday', 'x']) },
      { before: encodeCursor(['2025-01-01 00:00:00+00', '99999999999999']) },
      { after: Buffer.from('{"a":1}').toString('base64url') },
      // Nothing before the newest case, nothing after a time before every case.
      { before: encodeCursor(['3000-01-01 00:00:00+00', '1']) },
      { after: encodeCursor(['1990-01-01 00:00:00+00', '1']) },
    ];
    for (const at of forged) {
      const page = await listCases(db, leader, {}, at);
      expect(
        page.rows.map((r) => r.id),
        JSON.stringify(at),
      ).toEqual(first);
      expect(page.prev).toBeNull();
    }
  });
});

describe('the capped count', () => {
  it('counts to the cap and says when there are more', async () => {
    const q = () =>
      db
        .select({ id: cases.id })
        .from(cases)
        .where(sql`${cases.id} = ANY(${sql.raw(`'{${insideCaseIds.join(',')}}'::int[]`)})`)
        .$dynamic();
    expect(await cappedCount(db, q(), 5)).toEqual({ count: 5, capped: true });
    expect(await cappedCount(db, q(), insideCaseIds.length)).toEqual({ count: insideCaseIds.length, capped: false });
  });
});

// ── Payments ──────────────────────────────────────────────────────────────────────────────────

function expectedPayments(actor: Actor, where = sql`true`) {
  const scope =
    actor.role === 'leader'
      ? sql`true`
      : sql`(o.path LIKE ${`${actor.unitPath}%`} OR c.applicant_id = ${actor.userId})`;
  return ids(sql`
    SELECT p.id FROM payments p JOIN cases c ON c.id = p.case_id JOIN org_units o ON o.id = c.unit_id
    WHERE ${scope} AND ${where} ORDER BY p.paid_on DESC, p.id DESC`);
}

async function expectedTotals(actor: Actor, where = sql`true`) {
  const scope =
    actor.role === 'leader'
      ? sql`true`
      : sql`(o.path LIKE ${`${actor.unitPath}%`} OR c.applicant_id = ${actor.userId})`;
  const [r] = (
    await db.execute<{ n: string; fen: string | null }>(sql`
      SELECT count(*) AS n, sum(p.amount_fen) AS fen FROM payments p JOIN cases c ON c.id = p.case_id JOIN org_units o ON o.id = c.unit_id
      WHERE ${scope} AND ${where}`)
  ).rows;
  return { count: Number(r.n), fen: Number(r.fen ?? 0) };
}

describe('the payment ledger', () => {
  it('pages every payment once, newest first, both ways, days shared by many payments', async () => {
    for (const actor of [leader, branch, sub])
      expectWalk(await walk((at) => listPayments(db, actor, {}, at)), (r) => r.id, await expectedPayments(actor));
    const w = await walk((at) => listPayments(db, leader, { year: 2025 }, at));
    expect(w.pages).toBeGreaterThan(1);
    expectWalk(
      w,
      (r) => r.id,
      await expectedPayments(leader, sql`p.paid_on >= '2025-01-01' AND p.paid_on < '2026-01-01'`),
    );
  });

  it('sums exactly what the filters select, an official’s own payment outside their units included', async () => {
    const unit = await unitOf('S0001');
    const cases_ = [
      [{}, sql`true`],
      [{ year: 2025 }, sql`p.paid_on BETWEEN '2025-01-01' AND '2025-12-31'`],
      [{ aidKind: 'illness' as const }, sql`c.aid_kind = 'illness'`],
      [
        { year: 2024, aidKind: 'poverty' as const },
        sql`p.paid_on BETWEEN '2024-01-01' AND '2024-12-31' AND c.aid_kind = 'poverty'`,
      ],
      [{ unitId: unit.id }, sql`o.path LIKE ${`${unit.path}%`}`],
      [{ unitId: outsideUnit }, sql`c.unit_id = ${outsideUnit}`],
    ] as const;
    for (const actor of [leader, branch, sub]) {
      for (const [f, where] of cases_) {
        const { total, totalFen } = await listPayments(db, actor, f);
        const expected = await expectedTotals(actor, where);
        expect({ count: total.count, fen: totalFen }, `${actor.employeeNo} ${JSON.stringify(f)}`).toEqual(expected);
        expect(total.capped).toBe(false);
      }
    }
    const own = await expectedTotals(branch, sql`c.applicant_id = ${branch.userId}`);
    expect(own.count).toBe(1);
  });

  it('reads a deep page from the URL contract: (paid_on::text, id::text)', async () => {
    const all = await expectedPayments(leader);
    const [edge] = (
      await db.execute<{ on: string; id: string }>(
        sql`SELECT paid_on::text AS on, id::text AS id FROM payments WHERE id = ${all[19]}`,
      )
    ).rows;
    expect(
      (await listPayments(db, leader, {}, { after: encodeCursor([edge.on, edge.id]) })).rows.map((r) => r.id),
    ).toEqual(all.slice(20, 40));
    expect(
      (await listPayments(db, leader, {}, { after: encodeCursor(['2025-13-45', '1']) })).rows.map((r) => r.id),
    ).toEqual(all.slice(0, 20));
  });
});

// ── The register ──────────────────────────────────────────────────────────────────────────────

const SORT_SQL = {
  worker: sql`u.employee_no`,
  category: sql`array_position(ARRAY['extreme','hardship','near','edge','serious_illness','education']::text[], h.category)`,
  reviewDue: sql`h.review_due`,
  filedOn: sql`h.filed_on`,
  unit: sql`o.name`,
};

function expectedHouseholds(actor: Actor, sort: keyof typeof SORT_SQL, dir: 'asc' | 'desc', where = sql`true`) {
  const scope =
    actor.role === 'leader'
      ? sql`true`
      : sql`(o.path LIKE ${`${actor.unitPath}%`} OR EXISTS (SELECT 1 FROM household_helpers hh WHERE hh.household_id = h.id AND hh.user_id = ${actor.userId} AND hh.until IS NULL))`;
  return ids(sql`
    SELECT h.id FROM households h JOIN users u ON u.id = h.worker_id JOIN org_units o ON o.id = h.unit_id
    WHERE ${scope} AND ${where} ORDER BY ${SORT_SQL[sort]} ${sql.raw(dir)}, h.id ASC`);
}

describe('the register', () => {
  it('pages every file once in each order, either way, ties on the column broken by id', async () => {
    for (const sort of HOUSEHOLD_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const w = await walk((at) => listHouseholds(db, leader, { sort, dir }, at));
        expectWalk(w, (r) => r.id, await expectedHouseholds(leader, sort, dir));
        expect(w.pages, `${sort} ${dir}`).toBeGreaterThan(1);
      }
    }
  });

  it('gives an official their units’ files and the one they help elsewhere; filters hold on every page', async () => {
    const expected = await expectedHouseholds(branch, 'worker', 'asc');
    const w = await walk((at) => listHouseholds(db, branch, { sort: 'worker', dir: 'asc' }, at));
    expectWalk(w, (r) => r.id, expected);
    expect((await listHouseholds(db, branch, { sort: 'worker', dir: 'asc' })).total.count).toBe(expected.length);
    const helped = await ids(
      sql`SELECT household_id AS id FROM household_helpers WHERE user_id = ${branch.userId} AND until IS NULL`,
    );
    expect(w.rows.map((r) => r.id)).toEqual(expect.arrayContaining(helped));
    expectWalk(
      await walk((at) => listHouseholds(db, leader, { sort: 'category', dir: 'desc', status: 'active' }, at)),
      (r) => r.id,
      await expectedHouseholds(leader, 'category', 'desc', sql`h.status = 'active'`),
    );
  });

  it('reads a deep page from the URL contract, and a cursor of another order is harmless', async () => {
    const all = await expectedHouseholds(leader, 'reviewDue', 'desc');
    const [edge] = (
      await db.execute<{ due: string; id: string }>(
        sql`SELECT review_due::text AS due, id::text AS id FROM households WHERE id = ${all[19]}`,
      )
    ).rows;
    expect(
      (
        await listHouseholds(
          db,
          leader,
          { sort: 'reviewDue', dir: 'desc' },
          { after: encodeCursor([edge.due, edge.id]) },
        )
      ).rows.map((r) => r.id),
    ).toEqual(all.slice(20, 40));
    // A date where the category's rank (an integer) is expected: the first page, no error.
    const first = (await listHouseholds(db, leader, { sort: 'category', dir: 'asc' })).rows.map((r) => r.id);
    expect(
      (
        await listHouseholds(db, leader, { sort: 'category', dir: 'asc' }, { after: encodeCursor([edge.due, edge.id]) })
      ).rows.map((r) => r.id),
    ).toEqual(first);
  });
});

// ── The worker directory ──────────────────────────────────────────────────────────────────────

function expectedWorkers(actor: Actor, where = sql`true`) {
  const scope = actor.role === 'leader' ? sql`true` : sql`o.path LIKE ${`${actor.unitPath}%`}`;
  return ids(sql`
    SELECT u.id FROM users u JOIN org_units o ON o.id = u.unit_id
    WHERE u.role = 'worker' AND NOT u.disabled AND ${scope} AND ${where} ORDER BY u.employee_no, u.id`);
}

describe('the worker directory', () => {
  const f = { role: 'worker', status: 'active' } as const;

  it('pages every worker once by employee number, both ways, for a leader, an official and one unit', async () => {
    expectWalk(
      await walk((at) => listPeoplePage(db, scopeOf(leader), f, at)),
      (r) => r.id,
      await expectedWorkers(leader),
    );
    expectWalk(
      await walk((at) => listPeoplePage(db, scopeOf(branch), f, at)),
      (r) => r.id,
      await expectedWorkers(branch),
    );
    const unit = await unitOf('S0001');
    expectWalk(
      await walk((at) => listPeoplePage(db, scopeOf(leader), { ...f, unitId: unit.id }, at)),
      (r) => r.id,
      await expectedWorkers(leader, sql`u.unit_id = ${unit.id}`),
    );
  });

  it('reads a deep page from the URL contract: (employee_no, id::text); an outsider’s key shows an official nothing of theirs', async () => {
    const all = await expectedWorkers(leader);
    const [edge] = (
      await db.execute<{ no: string; id: string }>(
        sql`SELECT employee_no AS no, id::text AS id FROM users WHERE id = ${all[99]}`,
      )
    ).rows;
    expect(
      (await listPeoplePage(db, scopeOf(leader), f, { after: encodeCursor([edge.no, edge.id]) })).rows.map((r) => r.id),
    ).toEqual(all.slice(100, 120));
    const theirs = await expectedWorkers(branch);
    for (const r of (await listPeoplePage(db, scopeOf(branch), f, { after: encodeCursor([edge.no, edge.id]) })).rows)
      expect(theirs).toContain(r.id);
    expect((await listPeoplePage(db, scopeOf(leader), f)).total).toEqual({ count: all.length, capped: false });
  });
});

describe('the tasks (办实事)', () => {
  /** Open work first, then in progress, then done; the nearest deadline first; ties by id. */
  async function expectedTasks(where: ReturnType<typeof sql>) {
    return ids(sql`
      SELECT t.id FROM tasks t JOIN org_units u ON u.id = t.unit_id WHERE ${where}
      ORDER BY array_position(ARRAY['open','in_progress','done']::text[], t.status), t.due_on, t.id`);
  }

  it('pages every task once in its order, both ways, for a leader and in an official’s view', async () => {
    // Sixty more deeds over the households, with shared deadlines and every status.
    await db.execute(sql`
      INSERT INTO tasks (household_id, unit_id, appeal, owner_id, due_on, status, done_on, outcome)
      SELECT h.id, h.unit_id, '诉求' || g, ${sub.userId}, DATE '2026-01-01' + (g % 7),
        (ARRAY['open', 'in_progress', 'done'])[1 + g % 3],
        CASE WHEN g % 3 = 2 THEN DATE '2026-01-01' + (g % 7) END, CASE WHEN g % 3 = 2 THEN '已办' ELSE '' END
      FROM generate_series(1, 60) g
      JOIN LATERAL (SELECT id, unit_id FROM households ORDER BY id OFFSET g % 20 LIMIT 1) h ON true`);
    const all = await expectedTasks(sql`true`);
    expect(all.length).toBeGreaterThan(40);
    const w = await walk((at) => listTasks(db, leader, { view: 'all', ...at }));
    expect(w.pages).toBeGreaterThan(2);
    expectWalk(w, (r) => r.id, all);
    expect((await listTasks(db, leader, { view: 'all' })).total).toEqual({ count: all.length, capped: false });

    const open = await expectedTasks(
      sql`t.status IN ('open', 'in_progress') AND (u.path LIKE ${`${(await unitOf('B0001')).path}%`} OR t.owner_id = ${branch.userId})`,
    );
    expectWalk(await walk((at) => listTasks(db, branch, { view: 'open', ...at })), (r) => r.id, open);
  });
});

// ── The to-do queues ──────────────────────────────────────────────────────────────────────────

describe('the to-do queues', () => {
  /** A step's queue as SQL says it: its state, in scope, not one's own, not where one acted at another step. */
  function expectedQueue(actor: Actor, state: string, step: string) {
    const scope = actor.role === 'leader' ? sql`true` : sql`o.path LIKE ${`${actor.unitPath}%`}`;
    return ids(sql`
      SELECT c.id FROM cases c JOIN org_units o ON o.id = c.unit_id
      WHERE c.state = ${state} AND c.applicant_id <> ${actor.userId} AND ${scope}
        AND NOT EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = c.id AND s.actor_id = ${actor.userId}
                        AND s.step IS NOT NULL AND s.step <> ${step})
      ORDER BY coalesce((SELECT max(s.at) FROM case_steps s WHERE s.case_id = c.id), c.submitted_at), c.id`);
  }

  beforeAll(async () => {
    // Fifty cases waiting for verification in S0001's sub-branch and beyond, thirty for approval;
    // many reached their step at the same microsecond (their history's T1, or submitted at T2).
    const workers = (
      await db.execute<{ id: number; unit_id: number }>(sql`
        SELECT u.id, u.unit_id FROM users u JOIN org_units o ON o.id = u.unit_id
        WHERE u.role = 'worker' AND o.path LIKE ${`${sub.unitPath}%`} ORDER BY u.id LIMIT 3`)
    ).rows;
    const [far] = (
      await db.execute<{ id: number; unit_id: number }>(sql`
        SELECT u.id, u.unit_id FROM users u JOIN org_units o ON o.id = u.unit_id
        WHERE u.role = 'worker' AND o.path NOT LIKE ${`${branch.unitPath}%`} ORDER BY u.id LIMIT 1`)
    ).rows;
    const values: (typeof cases.$inferInsert)[] = [];
    for (let i = 0; i < 80; i++) {
      const w = i % 7 === 6 ? far : workers[i % workers.length];
      values.push({
        aidKind: 'poverty',
        applicantId: Number(w.id),
        unitId: Number(w.unit_id),
        category: 'none',
        state: i < 50 ? 'submitted' : 'reviewed',
        eventOn: '2025-03-01',
        whatHappened: '测试',
        amountFen: 100_000,
        appliedOn: '2025-03-01',
        submittedAt: new Date(i % 2 ? T2 : Date.parse(T2) + i * 1000),
        submitToken: randomUUID(),
      });
    }
    const inserted = await db.insert(cases).values(values).returning({ id: cases.id });
    await db.execute(sql`
      INSERT INTO case_steps (case_id, step, action, from_state, to_state, actor_id, at)
      SELECT id, NULL, 'submit', 'draft', 'submitted', NULL, ${T1}::timestamptz
      FROM unnest(${sql.raw(
        `'{${inserted
          .filter((_, i) => i % 3 === 0)
          .map((c) => c.id)
          .join(',')}}'::int[]`,
      )}) id`);
  });

  it('pages a step’s queue oldest first, every case once, both ways, in an official’s scope', async () => {
    const expected = await expectedQueue(sub, 'submitted', 'verification');
    expect(expected.length).toBeGreaterThan(40);
    const w = await walk((at) => queueOf(db, sub, 'verification', at));
    expect(w.pages).toBeGreaterThan(2);
    expectWalk(w, (r) => r.id, expected);
    expect((await queueOf(db, sub, 'verification')).total).toEqual({ count: expected.length, capped: false });
    expectWalk(
      await walk((at) => queueOf(db, leader, 'approval', at)),
      (r) => r.id,
      await expectedQueue(leader, 'reviewed', 'approval'),
    );
  });

  it('pages the chosen step only, the others at their first page; a cursor never widens the scope', async () => {
    const first = await listQueues(db, leader);
    const approval = first.find((q) => q.step === 'approval')!;
    expect(approval.next).not.toBeNull();
    const paged = await listQueues(db, leader, { step: 'approval', after: approval.next! });
    for (const q of paged) {
      const expected =
        q.step === 'approval'
          ? await queueOf(db, leader, 'approval', { after: approval.next! })
          : first.find((f) => f.step === q.step)!;
      expect(
        q.rows.map((r) => r.id),
        q.step,
      ).toEqual(expected.rows.map((r) => r.id));
    }
    expect(paged.find((q) => q.step === 'approval')!.rows[0].id).not.toBe(approval.rows[0].id);

    const theirs = await expectedQueue(sub, 'submitted', 'verification');
    const outsider = (await expectedQueue(leader, 'submitted', 'verification')).find((id) => !theirs.includes(id))!;
    const [edge] = (
      await db.execute<{ at: string; id: string }>(
        sql`SELECT coalesce((SELECT max(s.at) FROM case_steps s WHERE s.case_id = c.id), c.submitted_at)::text AS at, id::text AS id FROM cases c WHERE id = ${outsider}`,
      )
    ).rows;
    for (const at of [{ after: encodeCursor([edge.at, edge.id]) }, { before: encodeCursor([edge.at, edge.id]) }])
      for (const r of (await queueOf(db, sub, 'verification', at)).rows) expect(theirs).toContain(r.id);
    const firstIds = (await queueOf(db, sub, 'verification')).rows.map((r) => r.id);
    for (const at of [
      { after: encodeCursor(['yesterday', 'x']) },
      { before: 'not-a-cursor' },
      { after: encodeCursor(['1']) },
    ])
      expect((await queueOf(db, sub, 'verification', at)).rows.map((r) => r.id)).toEqual(firstIds);
  });
});

// ── Students ──────────────────────────────────────────────────────────────────────────────────

describe('the students (圆梦行动)', () => {
  function expectedStudents(actor: Actor, where = sql`true`) {
    const scope = actor.role === 'leader' ? sql`true` : sql`o.path LIKE ${`${actor.unitPath}%`}`;
    return ids(sql`
      SELECT s.id FROM students s JOIN users u ON u.id = s.worker_id JOIN org_units o ON o.id = u.unit_id
      WHERE ${scope} AND ${where} ORDER BY u.employee_no, s.birth_date, s.id`);
  }

  it('pages every student once by parent and age, both ways, for a leader, an official and a filter', async () => {
    // Sixty children of a dozen parents, several born the same day: pages break inside a family.
    await db.execute(sql`
      INSERT INTO students (worker_id, name, id_number, birth_date, school, stage, grade, admission_year, created_by)
      SELECT w.id, '学生' || g, 'KS' || lpad(g::text, 16, '0'), DATE '2010-01-01' + (g % 3), '一中',
        (ARRAY['primary', 'junior_secondary'])[1 + g % 2], 1, 2024, w.id
      FROM generate_series(1, 60) g
      JOIN LATERAL (SELECT id FROM users WHERE role = 'worker' ORDER BY employee_no OFFSET g % 12 LIMIT 1) w ON true`);
    // Written in plain SQL: sealed as a start seals a value from before encryption.
    await rewritePii(db, piiKeyring(), 'seal');
    const all = await expectedStudents(leader);
    expect(all.length).toBeGreaterThan(50);
    const w = await walk((at) => listStudents(db, leader, at));
    expect(w.pages).toBeGreaterThan(2);
    expectWalk(w, (r) => r.id, all);
    expect((await listStudents(db, leader, {})).total).toEqual({ count: all.length, capped: false });

    expectWalk(await walk((at) => listStudents(db, branch, at)), (r) => r.id, await expectedStudents(branch));
    expectWalk(
      await walk((at) => listStudents(db, leader, { stage: 'primary', ...at })),
      (r) => r.id,
      await expectedStudents(leader, sql`s.stage = 'primary'`),
    );
  });

  it('keeps an official in scope whatever the cursor, and starts over on a forged one', async () => {
    const theirs = await expectedStudents(branch);
    const outsider = (await expectedStudents(leader)).find((id) => !theirs.includes(id))!;
    const [edge] = (
      await db.execute<{ no: string; born: string; id: string }>(sql`
        SELECT u.employee_no AS no, s.birth_date::text AS born, s.id::text AS id
        FROM students s JOIN users u ON u.id = s.worker_id WHERE s.id = ${outsider}`)
    ).rows;
    for (const at of [
      { after: encodeCursor([edge.no, edge.born, edge.id]) },
      { before: encodeCursor([edge.no, edge.born, edge.id]) },
    ])
      for (const r of (await listStudents(db, branch, at)).rows) expect(theirs).toContain(r.id);
    const first = (await listStudents(db, leader, {})).rows.map((r) => r.id);
    for (const at of [
      { after: encodeCursor(['W0001', 'not a date', '1']) },
      { before: 'garbage' },
      { after: encodeCursor(['W0001']) },
    ])
      expect((await listStudents(db, leader, at)).rows.map((r) => r.id)).toEqual(first);
  });
});

// ── The publicity board ───────────────────────────────────────────────────────────────────────

describe('the publicity board (公示)', () => {
  function expectedBoard(where = sql`true`) {
    return ids(sql`
      SELECT c.id FROM cases c JOIN org_units o ON o.id = c.unit_id
      WHERE c.state = 'in_publicity' AND ${where} ORDER BY c.publicity_start DESC, c.id DESC`);
  }

  it('pages every published case once, newest window first, both ways, to anyone, filters kept', async () => {
    // Forty-five cases whose windows opened on three days: many share a start.
    const workers = await db
      .select({ id: users.id, unitId: users.unitId })
      .from(users)
      .where(eq(users.role, 'worker'))
      .orderBy(users.id)
      .limit(9);
    await db.insert(cases).values(
      Array.from({ length: 45 }, (_, i) => ({
        aidKind: i % 3 === 0 ? ('illness' as const) : ('poverty' as const),
        applicantId: workers[i % 9].id,
        unitId: workers[i % 9].unitId,
        category: 'none',
        state: 'in_publicity' as const,
        eventOn: '2025-03-01',
        whatHappened: '测试',
        amountFen: 100_000,
        appliedOn: '2025-03-01',
        submittedAt: new Date(T2),
        publicityStart: `2026-01-0${1 + (i % 3)}`,
        publicityEnd: '2026-01-10',
        submitToken: randomUUID(),
      })),
    );
    const all = await expectedBoard();
    expect(all.length).toBeGreaterThanOrEqual(45);
    const worker = await signInAs('W0001');
    const w = await walk((at) => listPublished(db, worker, at));
    expect(w.pages).toBeGreaterThan(2);
    expectWalk(w, (r) => r.id, all);
    expect((await listPublished(db, worker, {})).total).toEqual({ count: all.length, capped: false });
    expectWalk(
      await walk((at) => listPublished(db, worker, { kind: 'illness', ...at })),
      (r) => r.id,
      await expectedBoard(sql`c.aid_kind = 'illness'`),
    );
    const b = await unitOf('B0001');
    const branchId = Number(b.path.split('.')[1]);
    expectWalk(
      await walk((at) => listPublished(db, worker, { branchId, ...at })),
      (r) => r.id,
      await expectedBoard(sql`o.path LIKE ${`${b.path.split('.').slice(0, 2).join('.')}.%`}`),
    );
  });

  it('keeps the filter whatever the cursor and starts over on a forged one', async () => {
    const worker = await signInAs('W0001');
    const illness = await expectedBoard(sql`c.aid_kind = 'illness'`);
    const other = (await expectedBoard()).find((id) => !illness.includes(id))!;
    const [edge] = (
      await db.execute<{ on: string; id: string }>(
        sql`SELECT publicity_start::text AS on, id::text AS id FROM cases WHERE id = ${other}`,
      )
    ).rows;
    for (const r of (await listPublished(db, worker, { kind: 'illness', after: encodeCursor([edge.on, edge.id]) }))
      .rows)
      expect(illness).toContain(r.id);
    const first = (await listPublished(db, worker, {})).rows.map((r) => r.id);
    for (const at of [
      { after: encodeCursor(['2026-02-30', '1']) },
      { before: 'x' },
      { after: encodeCursor(['2026-01-01', 'one']) },
    ])
      expect((await listPublished(db, worker, at)).rows.map((r) => r.id)).toEqual(first);
  });
});

// ── A campaign's entries ──────────────────────────────────────────────────────────────────────

describe('a campaign’s entries (送温暖)', () => {
  let campaignId: number;

  function expectedEntries(actor: Actor, where = sql`true`) {
    const scope = actor.role === 'leader' ? sql`true` : sql`o.path LIKE ${`${actor.unitPath}%`}`;
    return ids(sql`
      SELECT e.id FROM campaign_entries e JOIN org_units o ON o.id = e.unit_id
      WHERE e.campaign_id = ${campaignId} AND ${scope} AND ${where}
      ORDER BY o.name, e.unit_id,
        array_position(ARRAY['extreme','hardship','near','edge','serious_illness','education']::text[], e.category),
        e.household_id`);
  }

  beforeAll(async () => {
    // A file for every worker who has none, so the list spans pages of a hundred; then a campaign
    // listing every active household below the mine (categories repeat within each sub-branch).
    await db.execute(sql`
      INSERT INTO households (worker_id, unit_id, category, keeping_level, causes, monthly_income_fen, address, phone, filed_on, review_due)
      SELECT u.id, u.unit_id, (ARRAY['extreme','hardship','near','edge','serious_illness','education'])[1 + u.id % 6],
        'sub_branch', ARRAY['poverty'], 0, '地址', '13800000000', DATE '2025-01-01', DATE '2026-01-01'
      FROM users u WHERE u.role = 'worker' AND NOT EXISTS (SELECT 1 FROM households h WHERE h.worker_id = u.id)`);
    const [c] = (
      await db.execute<{ id: number }>(sql`
        INSERT INTO campaigns (name, occasion, held_on, budget_fen, created_by)
        VALUES ('分页测试', 'spring_festival', DATE '2026-01-20', 0, ${leader.userId}) RETURNING id`)
    ).rows;
    campaignId = Number(c.id);
    await db.execute(sql`
      INSERT INTO campaign_entries (campaign_id, household_id, branch_id, unit_id, category, cash_fen, source)
      SELECT ${campaignId}, h.id, nullif(split_part(o.path, '.', 2), '')::int, h.unit_id, h.category, 100, 'drawn'
      FROM households h JOIN org_units o ON o.id = h.unit_id
      WHERE h.status = 'active' AND o.level <> 'mine'`);
  });

  it('pages every entry once by sub-branch, severity and household, both ways, in scope and by unit', async () => {
    const all = await expectedEntries(leader);
    expect(all.length).toBeGreaterThan(200);
    const w = await walk((at) => entriesPage(db, leader, campaignId, at));
    expect(w.pages).toBeGreaterThan(2);
    expectWalk(w, (r) => r.id, all);
    expect((await entriesPage(db, leader, campaignId)).total).toEqual({ count: all.length, capped: false });
    expect((await listEntries(db, leader, campaignId)).map((r) => r.id)).toEqual(all);

    expectWalk(await walk((at) => entriesPage(db, branch, campaignId, at)), (r) => r.id, await expectedEntries(branch));
    const unit = await unitOf('S0001');
    expectWalk(
      await walk((at) => entriesPage(db, leader, campaignId, { unitId: unit.id, ...at })),
      (r) => r.id,
      await expectedEntries(leader, sql`e.unit_id = ${unit.id}`),
    );
  });

  it('keeps an official in scope whatever the cursor, and starts over on a forged one', async () => {
    const theirs = await expectedEntries(branch);
    const outsider = (await expectedEntries(leader)).find((id) => !theirs.includes(id))!;
    const [edge] = (
      await db.execute<{ name: string; unit: string; sev: string; hh: string }>(sql`
        SELECT o.name, e.unit_id::text AS unit, array_position(ARRAY['extreme','hardship','near','edge','serious_illness','education']::text[], e.category)::text AS sev,
          e.household_id::text AS hh
        FROM campaign_entries e JOIN org_units o ON o.id = e.unit_id WHERE e.id = ${outsider}`)
    ).rows;
    const key = [edge.name, edge.unit, edge.sev, edge.hh];
    for (const at of [{ after: encodeCursor(key) }, { before: encodeCursor(key) }])
      for (const r of (await entriesPage(db, branch, campaignId, at)).rows) expect(theirs).toContain(r.id);
    const first = (await entriesPage(db, leader, campaignId)).rows.map((r) => r.id);
    for (const at of [
      { after: encodeCursor([edge.name, 'x', '1', '1']) },
      { before: '!!' },
      { after: encodeCursor(key.slice(0, 3)) },
    ])
      expect((await entriesPage(db, leader, campaignId, at)).rows.map((r) => r.id)).toEqual(first);
  });
});

describe('the unit filter’s choices', () => {
  it('offers the top of the scope and the level below, then the chosen unit’s chain and the units beside and below it', async () => {
    const all = await db
      .select({ id: orgUnits.id, parentId: orgUnits.parentId, path: orgUnits.path, level: orgUnits.level })
      .from(orgUnits);
    const leaderOptions = (await unitFilterOptions(db, scopeOf(leader))).map((u) => u.id).sort();
    expect(leaderOptions).toEqual(
      all
        .filter((u) => u.level !== 'sub_branch')
        .map((u) => u.id)
        .sort(),
    );
    const s1 = await unitOf('S0001');
    const chosen = (await unitFilterOptions(db, scopeOf(leader), s1.id)).map((u) => u.id);
    const siblings = all.filter((u) => u.parentId === all.find((p) => p.id === s1.id)!.parentId).map((u) => u.id);
    expect(chosen).toEqual(expect.arrayContaining([...leaderOptions, ...siblings]));
    expect(chosen.length).toBe(leaderOptions.length + siblings.length);
    const official = await unitFilterOptions(db, scopeOf(branch));
    expect(official.map((u) => u.id).sort()).toEqual(
      all
        .filter((u) => u.path.startsWith(branch.unitPath))
        .map((u) => u.id)
        .sort(),
    );
    expect(official[0].chain).not.toContain('/');
    // A unit outside the scope chosen by hand adds nothing outside it.
    expect((await unitFilterOptions(db, scopeOf(branch), outsideUnit)).map((u) => u.id).sort()).toEqual(
      official.map((u) => u.id).sort(),
    );
    expect(await unitFilterOptions(db, scopeOf(await signInAs('W0001')))).toEqual([]);
  });
});
