import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '@/lib/admin/unit-actions';
import { createUser } from '@/lib/admin/user-actions';
import {
  assignHelper,
  changeCategory,
  exitHousehold,
  fileHousehold,
  recordVisit,
  refileHousehold,
  reviewHousehold,
  readHouseholdPhone,
} from '@/lib/register/household-actions';
import { updateTaskStatus } from '@/lib/register/task-actions';
import { getDb } from '@/db/client';
import {
  getHouseholdDetail,
  getOwnHouseholdSummary,
  householdsHelpedBy,
  listHouseholds,
  taskOwnerOptions,
} from '@/db/queries/register';
import { registerMeasures } from '@/db/queries/register-dashboard';
import { auditLog, householdEvents, households, orgUnits, tasks, visits } from '@/db/schema';
import { plusOneYear, todayInChina } from '@/lib/dates';
import { signInAs, userId } from '../session';

const today = todayInChina();
const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

const baseFile = {
  keepingLevel: 'sub_branch' as const,
  causes: ['poverty' as const],
  monthlyIncome: '3000',
  housing: '租住公房',
  address: '生活区 3 栋 101',
  phone: '13800138000',
  notes: '内部备注：不给职工看',
  members: [
    {
      name: '王某',
      relation: 'spouse' as const,
      birthDate: '1982-03-04',
      health: '慢性病',
      schoolOrWork: '无',
      monthlyIncome: '500',
    },
    {
      name: '王小',
      relation: 'child' as const,
      birthDate: '2012-09-01',
      health: '健康',
      schoolOrWork: '初中',
      monthlyIncome: '',
    },
  ],
};

/** A fresh branch "TB" with two sub-branches, their officials and workers: a known data set. */
const fx = {} as Record<'branch' | 'sub1' | 'sub2', number> & Record<string, number>;

async function newUser(employeeNo: string, role: 'worker' | 'sub_branch_official' | 'branch_official', unitId: number) {
  const r = await createUser({
    employeeNo,
    name: `测试${employeeNo}`,
    role,
    unitId,
    idNumber: '',
    phone: '',
    password: 'test12345',
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.id;
}

async function file(employeeNo: string, category: string, as: string) {
  await signInAs(as);
  const r = await fileHousehold({ ...baseFile, workerId: await userId(employeeNo), category: category as 'extreme' });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.id;
}

beforeAll(async () => {
  await signInAs('A0001');
  const mine = (await (await getDb()).select().from(orgUnits).where(eq(orgUnits.level, 'mine')))[0];
  const branch = await createUnit({ parentId: mine.id, name: '测试分会', code: 'TB' });
  if (!branch.ok) throw new Error('unit');
  fx.branch = branch.data.id;
  const s1 = await createUnit({ parentId: fx.branch, name: '测试一支会', code: 'TB-01' });
  const s2 = await createUnit({ parentId: fx.branch, name: '测试二支会', code: 'TB-02' });
  if (!s1.ok || !s2.ok) throw new Error('unit');
  fx.sub1 = s1.data.id;
  fx.sub2 = s2.data.id;
  await newUser('B0900', 'branch_official', fx.branch);
  await newUser('S0901', 'sub_branch_official', fx.sub1);
  await newUser('S0902', 'sub_branch_official', fx.sub2);
  for (const [no, unit] of [
    ['W0901', fx.sub1],
    ['W0902', fx.sub1],
    ['W0903', fx.sub1],
    ['W0904', fx.sub2],
    ['W0905', fx.sub2],
    ['W0906', fx.sub2],
    ['W0907', fx.sub1],
  ] as const) {
    await newUser(no, 'worker', unit);
  }
});

describe('filing', () => {
  it('files a household in scope with its members, one timeline entry and one audit row', async () => {
    const id = await file('W0907', 'hardship', 'S0901');
    const db = await getDb();
    const actor = await signInAs('S0901');
    const detail = await getHouseholdDetail(db, actor, id);
    expect(detail).toMatchObject({
      category: 'hardship',
      status: 'active',
      monthlyIncomeFen: 300_000,
      perHeadIncomeFen: 100_000,
      reviewDue: plusOneYear(today),
    });
    expect(detail.members).toHaveLength(2);
    expect(detail.events.map((e) => e.kind)).toEqual(['filed']);
    // The page's data carries the worker's phone masked; the full one only on "show" with a reason.
    expect(JSON.stringify(detail)).not.toContain('13800138000');
    expect(detail.phoneMasked).toBe('138****8000');
    expect(await readHouseholdPhone({ householdId: id, reason: ' ' })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ['required'] },
    });
    expect(await readHouseholdPhone({ householdId: id, reason: 'x'.repeat(201) })).toMatchObject({ ok: false });
    expect(await readHouseholdPhone({ householdId: id, reason: '电话回访' })).toEqual({
      ok: true,
      data: { phone: '13800138000' },
    });
    const [seen] = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'household.readPhone'), eq(auditLog.entityId, String(id))));
    expect(seen.after).toEqual({ reason: '电话回访' });
    await signInAs('W0907');
    expect(await readHouseholdPhone({ householdId: id, reason: '电话回访' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const [{ n }] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'household.file'), eq(auditLog.entityId, String(id))));
    expect(n).toBe(1);
  });

  it('refuses a second file, an unknown category, a future birth date and a worker out of scope — saving nothing', async () => {
    const db = await getDb();
    const [{ before }] = await db.select({ before: count() }).from(households);
    await signInAs('S0901');
    const second = await fileHousehold({ ...baseFile, workerId: await userId('W0907'), category: 'near' });
    expect(second).toMatchObject({ ok: false, fieldErrors: { workerId: ['householdExists'] } });
    const unknown = await fileHousehold({ ...baseFile, workerId: await userId('W0903'), category: 'rich' as 'near' });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { category: ['categoryUnknown'] } });
    const future = await fileHousehold({
      ...baseFile,
      workerId: await userId('W0903'),
      category: 'near',
      members: [{ ...baseFile.members[0], birthDate: tomorrow }],
    });
    expect(future).toMatchObject({ ok: false, code: 'invalid' });
    const foreign = await fileHousehold({ ...baseFile, workerId: await userId('W0904'), category: 'near' }); // W0904 is in the sibling sub-branch
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { workerId: ['workerNotInScope'] } });
    const [{ after }] = await db.select({ after: count() }).from(households);
    expect(after).toBe(before);
  });
});

describe('dynamic management', () => {
  it('keeps every category change, review, exit and re-filing on one timeline', async () => {
    const id = await file('W0906', 'near', 'S0902');
    expect(await changeCategory({ householdId: id, toCategory: 'near', reason: 'x' })).toMatchObject({
      ok: false,
      fieldErrors: { toCategory: ['categoryUnchanged'] },
    });
    expect(await changeCategory({ householdId: id, toCategory: 'hardship', reason: '' })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ['required'] },
    });
    expect(await changeCategory({ householdId: id, toCategory: 'hardship', reason: '配偶失业' })).toMatchObject({
      ok: true,
    });
    expect(await reviewHousehold({ householdId: id, category: 'extreme', reason: '' })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ['reasonRequiredForChange'] },
    });
    expect(await reviewHousehold({ householdId: id, category: 'hardship', reason: '' })).toMatchObject({ ok: true });
    expect(await exitHousehold({ householdId: id, exitedOn: tomorrow, reason: '就业' })).toMatchObject({
      ok: false,
      fieldErrors: { exitedOn: ['dateInFuture'] },
    });
    expect(await exitHousehold({ householdId: id, exitedOn: today, reason: '配偶就业' })).toMatchObject({ ok: true });
    expect(await changeCategory({ householdId: id, toCategory: 'edge', reason: 'x' })).toMatchObject({
      ok: false,
      error: 'householdNotActive',
    });
    expect(await refileHousehold({ householdId: id, category: 'edge', reason: '再次失业' })).toMatchObject({
      ok: true,
    });

    const db = await getDb();
    const events = await db
      .select()
      .from(householdEvents)
      .where(eq(householdEvents.householdId, id))
      .orderBy(householdEvents.id);
    expect(events.map((e) => [e.kind, e.fromCategory, e.toCategory])).toEqual([
      ['filed', null, 'near'],
      ['category_changed', 'near', 'hardship'],
      ['reviewed', 'hardship', 'hardship'],
      ['exited', 'hardship', null],
      ['refiled', 'hardship', 'edge'],
    ]);
    expect(events[1].reason).toBe('配偶失业');
    const [h] = await db.select().from(households).where(eq(households.id, id));
    expect(h).toMatchObject({ status: 'active', category: 'edge', reviewDue: plusOneYear(today), exitedOn: null });
  });
});

describe('helpers', () => {
  it('takes helpers from the unit chain only, a leader as first helper, and keeps the handover history', async () => {
    const id = await file('W0905', 'extreme', 'S0902');
    await signInAs('S0902');
    const sibling = await userId('S0901');
    expect(await assignHelper({ householdId: id, kind: 'union_cadre', userId: sibling })).toMatchObject({
      ok: false,
      fieldErrors: { userId: ['helperNotInChain'] },
    });
    expect(await assignHelper({ householdId: id, kind: 'first_helper', userId: await userId('B0900') })).toMatchObject({
      ok: false,
      fieldErrors: { userId: ['helperNotLeader'] },
    });
    expect(
      await assignHelper({ householdId: id, kind: 'grassroots_leader', userId: await userId('W0905') }),
    ).toMatchObject({ ok: false, fieldErrors: { userId: ['helperIsWorker'] } });
    expect(await assignHelper({ householdId: id, kind: 'unit_leader', userId: await userId('B0900') })).toMatchObject({
      ok: true,
    });
    expect(await assignHelper({ householdId: id, kind: 'union_cadre', userId: await userId('S0902') })).toMatchObject({
      ok: true,
    });
    expect(
      await assignHelper({ householdId: id, kind: 'grassroots_leader', userId: await userId('W0904') }),
    ).toMatchObject({ ok: true });
    expect(await assignHelper({ householdId: id, kind: 'first_helper', userId: await userId('L0003') })).toMatchObject({
      ok: true,
    });
    // Three helpers are three people.
    expect(
      await assignHelper({ householdId: id, kind: 'grassroots_leader', userId: await userId('S0902') }),
    ).toMatchObject({ ok: false, fieldErrors: { userId: ['helperAlreadyHolds'] } });
    // Handover: W0906 replaces W0904; W0904's term ends today and stays on record.
    expect(
      await assignHelper({ householdId: id, kind: 'grassroots_leader', userId: await userId('W0906') }),
    ).toMatchObject({ ok: true });
    const detail = await getHouseholdDetail(await getDb(), await signInAs('S0902'), id);
    expect(detail.missing).toEqual([]);
    const grassroots = detail.helpers.filter((h) => h.kind === 'grassroots_leader');
    expect(grassroots.map((h) => [h.employeeNo, h.until])).toEqual([
      ['W0906', null],
      ['W0904', today],
    ]);
  });
});

describe('visits and tasks', () => {
  it('records a visit with appeals as tasks; refuses a future date or an appeal without owner; tasks move open → in progress → done', async () => {
    const id = await file('W0903', 'edge', 'S0901');
    const owner = await userId('S0901');
    expect(
      await recordVisit({ householdId: id, visitedOn: tomorrow, visitors: '张三', knows: [], notes: '', appeals: [] }),
    ).toMatchObject({ ok: false, fieldErrors: { visitedOn: ['dateInFuture'] } });
    expect(
      await recordVisit({
        householdId: id,
        visitedOn: today,
        visitors: '张三',
        knows: [],
        notes: '',
        appeals: [{ appeal: '修屋顶', ownerId: '' as unknown as number, dueOn: tomorrow }],
      }),
    ).toMatchObject({ ok: false, code: 'invalid' });
    const db = await getDb();
    expect((await db.select({ n: count() }).from(visits).where(eq(visits.householdId, id)))[0].n).toBe(0);

    const ok = await recordVisit({
      householdId: id,
      visitedOn: today,
      visitors: '王支会、李干部',
      knows: ['name', 'address', 'phone', 'spouse', 'schooling', 'family_events'],
      notes: '内部家访记录',
      appeals: [
        { appeal: '孩子上学远', ownerId: owner, dueOn: tomorrow },
        { appeal: '房屋漏雨', ownerId: owner, dueOn: tomorrow },
      ],
    });
    expect(ok.ok).toBe(true);
    const rows = await db.select().from(tasks).where(eq(tasks.householdId, id)).orderBy(tasks.id);
    expect(rows.map((t) => t.status)).toEqual(['open', 'open']);

    expect(await updateTaskStatus({ taskId: rows[0].id, status: 'done', outcome: '' })).toMatchObject({
      ok: false,
      fieldErrors: { outcome: ['outcomeRequired'] },
    });
    expect(await updateTaskStatus({ taskId: rows[0].id, status: 'in_progress', outcome: '' })).toMatchObject({
      ok: true,
    });
    expect(await updateTaskStatus({ taskId: rows[0].id, status: 'done', outcome: '已联系校车' })).toMatchObject({
      ok: true,
    });
    expect(await updateTaskStatus({ taskId: rows[0].id, status: 'open', outcome: '' })).toMatchObject({
      ok: false,
      fieldErrors: { status: ['taskMoveNotAllowed'] },
    });

    // The worker sees category, helpers and tasks with outcomes, never notes or visits.
    const worker = await signInAs('W0903');
    const summary = await getOwnHouseholdSummary(db, worker);
    expect(summary?.tasks.map((t) => [t.status, t.outcome]).sort()).toEqual([
      ['done', '已联系校车'],
      ['open', null],
    ]);
    const text = JSON.stringify(summary);
    expect(text).not.toContain('内部');
    expect(text).not.toContain('visits');
    expect(text).not.toContain('monthlyIncome');
  });
});

describe('scope', () => {
  it('an official of another branch can neither see nor change the household, also calling actions directly', async () => {
    const id = await file('W0902', 'hardship', 'S0901');
    const outsider = await signInAs('B0001');
    const db = await getDb();
    await expect(getHouseholdDetail(db, outsider, id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listHouseholds(db, outsider, { q: 'W0902', sort: 'worker', dir: 'asc' })).total.count).toBe(0);
    const attempts = [
      await changeCategory({ householdId: id, toCategory: 'extreme', reason: 'x' }),
      await exitHousehold({ householdId: id, exitedOn: today, reason: 'x' }),
      await recordVisit({ householdId: id, visitedOn: today, visitors: 'x', knows: [], notes: '', appeals: [] }),
      await assignHelper({ householdId: id, kind: 'union_cadre', userId: await userId('S0001') }),
    ];
    for (const r of attempts) expect(r).toMatchObject({ ok: false, code: 'not_found' });
    // …and the same for an administrator, who runs accounts, not the register.
    const admin = await signInAs('A0001');
    await expect(getHouseholdDetail(db, admin, id)).rejects.toMatchObject({ code: 'not_found' });
    const [h] = await db.select().from(households).where(eq(households.id, id));
    expect(h.category).toBe('hardship');
  });

  it('a worker who is a helper may see that household and record a visit, but not change the file', async () => {
    const id = await file('W0901', 'near', 'S0901');
    expect(
      await assignHelper({ householdId: id, kind: 'grassroots_leader', userId: await userId('W0907') }),
    ).toMatchObject({ ok: true });
    const helper = await signInAs('W0907');
    const db = await getDb();
    expect((await getHouseholdDetail(db, helper, id)).canManage).toBe(false);
    // …and finds it on their dashboard.
    expect((await householdsHelpedBy(db, helper)).map((r) => [r.id, r.kind])).toEqual([[id, 'grassroots_leader']]);
    expect(
      await recordVisit({
        householdId: id,
        visitedOn: today,
        visitors: '同事',
        knows: ['name'],
        notes: '',
        appeals: [],
      }),
    ).toMatchObject({ ok: true });
    // Task owners: the helper sees the household's helpers only, not the co-workers of the unit.
    const head = { id, unitPath: (await getHouseholdDetail(db, helper, id)).unitPath, workerId: await userId('W0901') };
    expect((await taskOwnerOptions(db, helper, head)).map((o) => o.employeeNo)).toEqual(['W0907']);
    const official = await taskOwnerOptions(db, await signInAs('S0901'), head);
    expect(official.map((o) => o.employeeNo)).toEqual(expect.arrayContaining(['S0901', 'W0902']));
    await signInAs('W0907');
    expect(
      await recordVisit({
        householdId: id,
        visitedOn: today,
        visitors: '同事',
        knows: [],
        notes: '',
        appeals: [{ appeal: '修水管', ownerId: await userId('W0902'), dueOn: today }],
      }),
    ).toMatchObject({ ok: false, fieldErrors: undefined, error: 'taskOwnerRequired' });
    expect(await changeCategory({ householdId: id, toCategory: 'extreme', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});

describe('dashboard measures on a known data set', () => {
  it('match hand-counted figures for the official’s sub-units and the leader’s branch row', async () => {
    // The TB data set by now (see the tests above), hand-counted:
    //   sub1: W0907 hardship (no visit), W0903 edge (visit today, six knows, 2 tasks, 1 done),
    //         W0902 hardship (no visit), W0901 near (visit today by its helper, 1 know)
    //   sub2: W0906 edge (filed, exited, re-filed: active), W0905 extreme (4 helpers, no visit)
    // Add one overdue task to sub2 and one exit to make those figures non-zero.
    await signInAs('S0902');
    const w0905 = (
      await (
        await getDb()
      )
        .select({ id: households.id })
        .from(households)
        .where(eq(households.workerId, await userId('W0905')))
    )[0].id;
    // A deadline in the past is refused; an overdue task is one whose deadline has since passed.
    expect(
      await recordVisit({
        householdId: w0905,
        visitedOn: today,
        visitors: '支会',
        knows: [],
        notes: '',
        appeals: [{ appeal: '逾期事项', ownerId: await userId('S0902'), dueOn: yesterday }],
      }),
    ).toMatchObject({ ok: false, code: 'invalid' });
    expect(
      await recordVisit({
        householdId: w0905,
        visitedOn: today,
        visitors: '支会',
        knows: ['name', 'phone'],
        notes: '',
        appeals: [{ appeal: '逾期事项', ownerId: await userId('S0902'), dueOn: today }],
      }),
    ).toMatchObject({ ok: true });
    await (await getDb()).update(tasks).set({ dueOn: yesterday }).where(eq(tasks.appeal, '逾期事项'));
    const w0904 = await file('W0904', 'serious_illness', 'S0902');
    expect(await exitHousehold({ householdId: w0904, exitedOn: today, reason: '康复' })).toMatchObject({ ok: true });

    const db = await getDb();
    const rows = await registerMeasures(db, fx.branch);
    const [sub1, sub2] = rows;
    expect(rows.map((r) => r.name)).toEqual(['测试一支会', '测试二支会']);
    expect(sub1).toMatchObject({
      active: 4,
      perCategory: { extreme: 0, hardship: 2, near: 1, edge: 1, serious_illness: 0, education: 0 },
      exitedThisYear: 0,
      visited: 2,
      known: 1,
      tasksRaised: 2,
      tasksDone: 1,
      overdueTasks: 0,
      overdueReviews: 0,
      missingHelper: 4,
    });
    expect(sub2).toMatchObject({
      active: 2,
      perCategory: { extreme: 1, hardship: 0, near: 0, edge: 1, serious_illness: 0, education: 0 },
      exitedThisYear: 1,
      visited: 1,
      known: 0,
      tasksRaised: 1,
      tasksDone: 0,
      overdueTasks: 1,
      overdueReviews: 0,
      missingHelper: 1,
    });
    // The leader's mine view has one row per branch; TB's row is the sum of its sub-branches.
    const mine = (await db.select().from(orgUnits).where(eq(orgUnits.level, 'mine')))[0];
    const tb = (await registerMeasures(db, mine.id)).find((r) => r.unitId === fx.branch);
    expect(tb).toMatchObject({
      active: 6,
      exitedThisYear: 1,
      visited: 3,
      known: 1,
      tasksRaised: 3,
      tasksDone: 1,
      overdueTasks: 1,
      missingHelper: 5,
    });
  });
});
