import { rolesWith } from '@/lib/permissions';
import { addDays, format, parseISO } from 'date-fns';
import { and, count, eq, inArray, like } from 'drizzle-orm';
import { todayInChina } from '@/lib/dates';
import { nextReviewDue } from '@/lib/register/rules';
import type { Tx } from './client';
import { pick, rng } from './demo-data';
import {
  CATEGORIES,
  SIX_KNOWS,
  householdEvents,
  householdHelpers,
  householdMembers,
  households,
  orgUnits,
  symposiumAttendees,
  symposiumOpinions,
  symposiums,
  tasks,
  users,
  visits,
  type Category,
} from './schema';

const day = (today: string, offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');

const APPEALS = [
  '孩子上学交通不便，希望帮助联系校车',
  '老人住院需要陪护',
  '房屋漏雨需要维修',
  '希望安排配偶就近就业',
  '医疗费报销手续不清楚',
  '冬季取暖困难',
];
const OUTCOMES = ['已协调解决', '已联系相关部门办理完毕', '已送去慰问并落实', '已帮助办理报销'];
const HOUSING = ['自有住房 60㎡', '租住公房', '与父母同住', '单位宿舍'];
const HEALTH = ['健康', '高血压', '糖尿病', '残疾', '慢性病'];

/**
 * About 8% of the demo workers filed as hardship households across all six categories, with
 * helpers, visits, tasks, category changes and exits over the past three years, so every list
 * and figure has something real to show. W0001 is left unfiled: the walkthrough files it.
 */
export async function seedRegister(tx: Tx, today = todayInChina()): Promise<number> {
  const [{ n }] = await tx.select({ n: count() }).from(households);
  if (n > 0) return 0;
  const r = rng(3_011_2026);

  const staff = await tx
    .select({ id: users.id, role: users.role, unitId: users.unitId, path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(inArray(users.role, [...rolesWith('register.edit')]));
  const leaders = staff.filter((s) => s.role === 'leader');
  const workers = await tx
    .select({
      id: users.id,
      employeeNo: users.employeeNo,
      name: users.name,
      phone: users.phone,
      unitId: users.unitId,
      path: orgUnits.path,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(users.role, 'worker'), like(users.employeeNo, 'W%')))
    .orderBy(users.employeeNo);
  // A stride of 11 (coprime with the 16 sub-branches the workers cycle through) reaches every unit.
  const chosen = workers.filter((w) => w.employeeNo !== 'W0001').filter((_, i) => i % 11 === 5);

  let filed = 0;
  for (const [i, w] of chosen.entries()) {
    const category: Category = CATEGORIES[i % CATEGORIES.length];
    const filedDaysAgo = Math.floor(60 + r() * 1000);
    const filedOn = day(today, -filedDaysAgo);
    const exited = i % 9 === 4;
    const exitedOn = exited ? day(today, -Math.floor(10 + r() * Math.min(200, filedDaysAgo - 20))) : null;
    const [{ id }] = await tx
      .insert(households)
      .values({
        workerId: w.id,
        unitId: w.unitId,
        status: exited ? 'exited' : 'active',
        category,
        keepingLevel: i % 3 === 0 ? 'branch' : 'sub_branch',
        causes: category === 'serious_illness' ? ['illness'] : i % 4 === 0 ? ['poverty', 'special'] : ['poverty'],
        monthlyIncomeFen: 150_000 + Math.floor(r() * 300_000),
        housing: pick(r, HOUSING),
        address: `矿区生活区 ${1 + (i % 12)} 栋 ${100 + i} 室`,
        phone: w.phone ?? '13800000000',
        notes: i % 5 === 0 ? '家庭情况复杂，需重点关注（内部备注）' : '',
        filedOn,
        // Reviews fall due a year after filing; a few are left overdue on purpose.
        reviewDue: i % 7 === 0 ? day(today, -20) : nextReviewDue(day(today, -Math.floor(r() * 300))),
        exitedOn,
        exitReason: exited ? '配偶就业，家庭收入稳定' : null,
      })
      .returning({ id: households.id });
    filed++;

    await tx.insert(householdMembers).values([
      {
        householdId: id,
        name: `${w.name.slice(0, 1)}某`,
        relation: 'spouse',
        birthDate: '1980-05-01',
        health: pick(r, HEALTH),
        schoolOrWork: '无固定工作',
        monthlyIncomeFen: 80_000,
      },
      {
        householdId: id,
        name: `${w.name.slice(0, 1)}小${i}`,
        relation: 'child',
        birthDate: `${2008 + (i % 10)}-09-01`,
        health: '健康',
        schoolOrWork: '在校学生',
        monthlyIncomeFen: 0,
      },
    ]);

    await tx.insert(householdEvents).values({ householdId: id, kind: 'filed', on: filedOn, toCategory: category });
    if (i % 4 === 1) {
      const from: Category = CATEGORIES[(i + 1) % CATEGORIES.length];
      await tx.insert(householdEvents).values({
        householdId: id,
        kind: 'category_changed',
        on: day(filedOn, 200),
        fromCategory: from,
        toCategory: category,
        reason: '家庭收入变化，重新评定',
      });
    }
    if (exitedOn)
      await tx.insert(householdEvents).values({
        householdId: id,
        kind: 'exited',
        on: exitedOn,
        fromCategory: category,
        reason: '配偶就业，家庭收入稳定',
      });

    // Helpers: the branch official (unit leader), the sub-branch official (union cadre) and a
    // co-worker (grassroots leader); every seventh household still lacks its grassroots leader.
    const branchOfficial = staff.find((s) => s.role === 'branch_official' && w.path.startsWith(s.path));
    const subOfficial = staff.find((s) => s.role === 'sub_branch_official' && s.unitId === w.unitId);
    const colleague = workers.find((x) => x.unitId === w.unitId && x.id !== w.id && !chosen.includes(x));
    const helpers = [
      branchOfficial && { kind: 'unit_leader' as const, userId: branchOfficial.id },
      subOfficial && { kind: 'union_cadre' as const, userId: subOfficial.id },
      colleague && i % 7 !== 3 && { kind: 'grassroots_leader' as const, userId: colleague.id },
      i < leaders.length - 1 && { kind: 'first_helper' as const, userId: leaders[i].id },
    ].filter(
      (x): x is { kind: 'unit_leader' | 'union_cadre' | 'grassroots_leader' | 'first_helper'; userId: number } => !!x,
    );
    if (helpers.length) {
      await tx
        .insert(householdHelpers)
        .values(helpers.map((h) => ({ householdId: id, ...h, since: filedOn, until: exitedOn })));
    }

    // Visits over the years, most confirming all six knows; each may raise a task or two.
    const visitCount = 1 + Math.floor(r() * 3);
    for (let v = 0; v < visitCount; v++) {
      const visitedOn = day(today, -Math.floor(5 + r() * 900));
      if (visitedOn < filedOn) continue;
      const knows = r() < 0.7 ? [...SIX_KNOWS] : SIX_KNOWS.filter(() => r() < 0.6);
      const [{ visitId }] = await tx
        .insert(visits)
        .values({
          householdId: id,
          visitedOn,
          visitors: '支会干部、工会干部',
          knows,
          notes: '家中情况已了解，孩子学习努力。',
          recordedBy: subOfficial?.id ?? leaders[0].id,
        })
        .returning({ visitId: visits.id });
      if (r() < 0.6 && subOfficial) {
        const state = r();
        const done = state < 0.5;
        await tx.insert(tasks).values({
          householdId: id,
          unitId: w.unitId,
          visitId,
          appeal: pick(r, APPEALS),
          ownerId: subOfficial.id,
          dueOn: day(visitedOn, 30),
          status: done ? 'done' : state < 0.75 ? 'in_progress' : 'open',
          outcome: done ? pick(r, OUTCOMES) : null,
          doneOn: done ? day(visitedOn, Math.floor(5 + r() * 25)) : null,
          createdAt: parseISO(`${visitedOn}T10:00:00+08:00`),
        });
      }
    }
  }

  // One mine-level symposium a year, with a few households and opinions.
  const mine = (await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.level, 'mine')))[0];
  const present = await tx.select({ id: households.id }).from(households).limit(10);
  for (let y = 0; y < 3; y++) {
    const [{ sid }] = await tx
      .insert(symposiums)
      .values({
        unitId: mine.id,
        heldOn: day(today, -(60 + y * 365)),
        place: '矿工会三楼会议室',
        policies: '讲解《帮扶送温暖实施办法》和圆梦行动申请办法',
        recordedBy: leaders[0].id,
      })
      .returning({ sid: symposiums.id });
    await tx.insert(symposiumAttendees).values(present.map((p) => ({ symposiumId: sid, householdId: p.id })));
    await tx.insert(symposiumOpinions).values([
      { symposiumId: sid, text: '希望简化医疗互助报销手续' },
      { symposiumId: sid, text: '建议增加子女助学名额' },
    ]);
  }
  return filed;
}
