import { addDays, format, parseISO } from 'date-fns';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, type Database } from '@/db/client';
import { registerMeasures, registerMeasuresFromBase } from '@/db/queries/register-dashboard';
import { rng } from '@/db/demo-data';
import { CATEGORIES, SIX_KNOWS } from '@/db/schema';
import { todayInChina } from '@/lib/dates';

/**
 * The register's dashboard figures are stored per unit and kept by triggers that name the units
 * each statement touched; a read recomputes those units first. After many random changes made
 * straight in SQL — so no application code could have kept them — the stored figures must equal
 * the same figures computed from the base tables, for the mine and for a branch, this year and
 * last year, and for a later day (when overdue reviews and the twelve months of visits move).
 */

const today = todayInChina();
const year = Number(today.slice(0, 4));
const day = (offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');

async function ids(db: Database, query: ReturnType<typeof sql>): Promise<number[]> {
  return (await db.execute<{ id: number }>(query)).rows.map((r) => Number(r.id));
}

async function expectExact(db: Database, on: string, forYear: number) {
  const [mine] = await ids(db, sql`SELECT id FROM org_units WHERE level = 'mine'`);
  const [branch] = await ids(db, sql`SELECT id FROM org_units WHERE level = 'branch' ORDER BY id`);
  for (const unit of [mine, branch]) {
    const stored = await registerMeasures(db, unit, on, { year: forYear });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(await registerMeasuresFromBase(db, unit, on, { year: forYear }));
  }
}

describe('stored register figures', () => {
  it('equal the base tables after random changes made in SQL, for any year and day', async () => {
    const db = await getDb();
    await expectExact(db, today, year);
    await expectExact(db, today, year - 1);
    const before = await registerMeasures(
      db,
      (await ids(db, sql`SELECT id FROM org_units WHERE level = 'mine'`))[0],
      today,
    );
    expect(before.reduce((n, r) => n + r.active, 0)).toBeGreaterThan(0);

    const random = rng(20261124);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const households = await ids(db, sql`SELECT id FROM households`);
    const units = await ids(db, sql`SELECT id FROM org_units WHERE level = 'sub_branch'`);
    const workers = await ids(db, sql`SELECT id FROM users WHERE role = 'worker'`);
    const officials = await ids(db, sql`SELECT id FROM users WHERE role = 'sub_branch_official'`);
    expect(Math.min(households.length, units.length, workers.length, officials.length)).toBeGreaterThan(0);

    for (let i = 0; i < 120; i++) {
      const h = pick(households);
      switch (Math.floor(random() * 9)) {
        case 0:
          await db.execute(sql`UPDATE households SET category = ${pick(CATEGORIES)} WHERE id = ${h}`);
          break;
        case 1: {
          // leaves hardship on some day, or comes back; the timeline says so too (the exit cohort reads it)
          const on = day(-Math.floor(random() * 400));
          await db.execute(sql`
            UPDATE households SET status = CASE WHEN status = 'active' THEN 'exited' ELSE 'active' END,
              exited_on = CASE WHEN status = 'active' THEN ${on}::date END WHERE id = ${h}`);
          await db.execute(sql`
            INSERT INTO household_events (household_id, kind, "on", reason)
            SELECT id, CASE WHEN status = 'exited' THEN 'exited' ELSE 'refiled' END, ${on}::date, '' FROM households WHERE id = ${h}`);
          break;
        }
        case 2: // moves to another sub-branch
          await db.execute(sql`UPDATE households SET unit_id = ${pick(units)} WHERE id = ${h}`);
          break;
        case 3:
          await db.execute(sql`
            INSERT INTO visits (household_id, visited_on, visitors, knows, notes, recorded_by)
            VALUES (${h}, ${day(-Math.floor(random() * 500))}, '支会', ${sql.param(SIX_KNOWS.filter(() => random() < 0.8))}::text[], '', ${pick(officials)})`);
          break;
        case 4:
          await db.execute(
            sql`DELETE FROM visits WHERE id = (SELECT v.id FROM visits v WHERE v.household_id = ${h} AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.visit_id = v.id) ORDER BY v.id LIMIT 1)`,
          );
          break;
        case 5: // a helper leaves
          await db.execute(
            sql`UPDATE household_helpers SET until = ${today} WHERE id = (SELECT id FROM household_helpers WHERE household_id = ${h} AND until IS NULL ORDER BY id LIMIT 1)`,
          );
          break;
        case 6:
          await db.execute(
            sql`UPDATE households SET review_due = ${day(Math.floor(random() * 60) - 30)} WHERE id = ${h}`,
          );
          break;
        case 7: // a task raised, done, or overdue
          await db.execute(sql`
            INSERT INTO tasks (household_id, unit_id, appeal, owner_id, due_on, created_at)
            SELECT id, unit_id, '诉求', ${pick(officials)}, ${day(Math.floor(random() * 40) - 20)},
              now() - ${`${Math.floor(random() * 500)} days`}::interval FROM households WHERE id = ${h}`);
          await db.execute(sql`
            UPDATE tasks SET status = 'done', done_on = ${today}, outcome = '已办'
            WHERE status <> 'done' AND id % 3 = ${i % 3} AND household_id = ${h}`);
          break;
        default: // a worker disabled, enabled or moved
          await db.execute(sql`UPDATE users SET disabled = NOT disabled WHERE id = ${pick(workers)}`);
          await db.execute(sql`UPDATE users SET unit_id = ${pick(units)} WHERE id = ${pick(workers)}`);
      }
      // Read now and then, so some changes land on figures already stored and some pile up.
      if (i % 17 === 0) await registerMeasures(db, units[0], today);
    }
    await expectExact(db, today, year);
    await expectExact(db, today, year - 1);
    // A later day: reviews fall due and visits age out of the twelve months.
    await expectExact(db, day(45), year);
    await expectExact(db, day(400), year + 1);
  });

  it('count the exit cohort from the timelines: on the register on 1 January, and of those who left', async () => {
    const db = await getDb();
    const [mine] = await ids(db, sql`SELECT id FROM org_units WHERE level = 'mine'`);
    // Give some households a history across the new year, straight in SQL.
    const some = await ids(db, sql`SELECT id FROM households ORDER BY id LIMIT 12`);
    for (const [i, h] of some.entries()) {
      const kinds = [['exited'], ['exited', 'refiled'], ['refiled', 'exited'], []][i % 4];
      for (const [k, kind] of kinds.entries()) {
        await db.execute(sql`
          INSERT INTO household_events (household_id, kind, "on", reason)
          VALUES (${h}, ${kind}, ${`${year - 1}-12-${20 + i}`}::date + ${k * 20}::int, '')`);
      }
    }
    const events = (
      await db.execute<{ household_id: number; kind: string; on: string }>(
        sql`SELECT household_id, kind, "on"::text AS on FROM household_events
            WHERE kind IN ('filed', 'refiled', 'exited') ORDER BY household_id, "on", id`,
      )
    ).rows;
    // The same rule, read in code: the last timeline entry before 1 January was a filing.
    const start = `${year}-01-01`;
    const next = `${year + 1}-01-01`;
    const last = new Map<number, string>();
    const left = new Set<number>();
    for (const e of events) {
      if (e.on < start) last.set(Number(e.household_id), e.kind);
      else if (e.kind === 'exited' && e.on < next) left.add(Number(e.household_id));
    }
    const cohort = [...last].filter(([, kind]) => kind !== 'exited').map(([h]) => h);
    const expected = { atStart: cohort.length, left: cohort.filter((h) => left.has(h)).length };
    expect(expected.atStart).toBeGreaterThan(0);
    expect(expected.left).toBeGreaterThan(0);

    const rows = await registerMeasures(db, mine, today);
    const total = rows.reduce(
      (n, r) => ({ atStart: n.atStart + r.exitCohort.atStart, left: n.left + r.exitCohort.left }),
      { atStart: 0, left: 0 },
    );
    expect(total).toEqual(expected);
    expect(rows).toEqual(await registerMeasuresFromBase(db, mine, today));
  });

  it('are not touched by a sign-in or a phone number change', async () => {
    const db = await getDb();
    await registerMeasures(db, (await ids(db, sql`SELECT id FROM org_units WHERE level = 'mine'`))[0], today);
    await db.execute(
      sql`UPDATE users SET phone = '13900000000' WHERE role = 'worker' AND id IN (SELECT id FROM users ORDER BY id LIMIT 20)`,
    );
    const dirty = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM register_dirty_units`);
    expect(dirty.rows[0].n).toBe(0);
  });
});
