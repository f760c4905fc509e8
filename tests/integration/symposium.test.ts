import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { opinionToTask, recordSymposium } from '@/lib/register/symposium-actions';
import { getDb } from '@/db/client';
import { households, orgUnits, symposiumAttendees, symposiumOpinions, symposiums, tasks, users } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { signInAs, userId } from '../session';

const today = todayInChina();
const inAWeek = new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);

/** Active households of a branch (by code), from the demo seed. */
async function householdsOf(branchCode: string) {
  const db = await getDb();
  const [branch] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.code, branchCode));
  const rows = await db
    .select({ id: households.id, path: orgUnits.path })
    .from(households)
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(eq(households.status, 'active'));
  return rows.filter((r) => r.path.startsWith(branch.path)).map((r) => r.id);
}

describe('symposiums', () => {
  it('records the households present and the opinions; an opinion becomes one task, once', async () => {
    await signInAs('B0001');
    const present = (await householdsOf('B01')).slice(0, 3);
    expect(present.length).toBeGreaterThan(0);
    const r = await recordSymposium({
      heldOn: today,
      place: '采矿场会议室',
      policies: '讲解帮扶办法',
      householdIds: present,
      opinions: ['希望增加夏季降温补贴', '班车时间调整'],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const db = await getDb();
    expect(
      (await db.select({ n: count() }).from(symposiumAttendees).where(eq(symposiumAttendees.symposiumId, r.data.id)))[0]
        .n,
    ).toBe(present.length);
    const opinions = await db
      .select()
      .from(symposiumOpinions)
      .where(eq(symposiumOpinions.symposiumId, r.data.id))
      .orderBy(symposiumOpinions.id);
    expect(opinions.map((o) => o.text)).toEqual(['希望增加夏季降温补贴', '班车时间调整']);
    const [s] = await db.select({ unitId: symposiums.unitId }).from(symposiums).where(eq(symposiums.id, r.data.id));
    const [me] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.employeeNo, 'B0001'));
    expect(s.unitId).toBe(me.unitId);

    const owner = await userId('S0001');
    expect(
      await opinionToTask({
        opinionId: opinions[0].id,
        ownerId: owner,
        dueOn: today.replace(/^\d{4}/, (y) => String(Number(y) - 1)),
      }),
    ).toMatchObject({ ok: false, fieldErrors: { dueOn: ['dueInPast'] } });
    const made = await opinionToTask({ opinionId: opinions[0].id, ownerId: owner, dueOn: inAWeek });
    expect(made.ok).toBe(true);
    expect(await opinionToTask({ opinionId: opinions[0].id, ownerId: owner, dueOn: inAWeek })).toMatchObject({
      ok: false,
      code: 'conflict',
      error: 'opinionAlreadyTask',
    });
    const [task] = await db
      .select()
      .from(tasks)
      .where(and(eq(tasks.opinionId, opinions[0].id)));
    expect(task).toMatchObject({ appeal: '希望增加夏季降温补贴', ownerId: owner, status: 'open', householdId: null });
  });

  it('refuses households and opinions outside the official’s scope', async () => {
    await signInAs('B0001');
    expect(
      await recordSymposium({
        heldOn: today,
        place: '采矿场',
        policies: '',
        householdIds: [],
        opinions: ['一分会的意见'],
      }),
    ).toMatchObject({ ok: true });
    await signInAs('B0002');
    const foreign = (await householdsOf('B01')).slice(0, 1);
    expect(
      await recordSymposium({ heldOn: today, place: '选矿厂', policies: '', householdIds: foreign, opinions: [] }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { householdIds: ['notFound'] },
    });
    // An opinion from branch 1's symposium is not found for branch 2's official.
    const db = await getDb();
    const [b1] = await db.select({ id: users.unitId }).from(users).where(eq(users.employeeNo, 'B0001'));
    const [op] = await db
      .select({ id: symposiumOpinions.id })
      .from(symposiumOpinions)
      .innerJoin(symposiums, eq(symposiums.id, symposiumOpinions.symposiumId))
      .where(eq(symposiums.unitId, b1.id))
      .limit(1);
    expect(await opinionToTask({ opinionId: op.id, ownerId: await userId('S0005'), dueOn: inAWeek })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(
      await recordSymposium({ heldOn: inAWeek, place: 'x', policies: '', householdIds: [], opinions: [] }),
    ).toMatchObject({ ok: false, fieldErrors: { heldOn: ['dateInFuture'] } });
  });
});
