import { addDays, format, parseISO } from 'date-fns';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { makeIdNumber } from '@/lib/id-number';
import { todayInChina } from '@/lib/dates';
import type { Database } from './client';
import { chineseName, pick, rng } from './demo-data';
import { drawPremiumList } from './premium-draw';
import {
  elderHelp,
  elderVisits,
  employmentFiles,
  employmentFollowUps,
  householdEvents,
  householdMembers,
  households,
  lonelyElders,
  orgUnits,
  premiumBatches,
  premiumConfirmations,
  premiumEntries,
  survivorChecks,
  survivors,
  users,
} from './schema';

const day = (today: string, offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');

/** The residents' premium per person by year (fen), as cities set it: about ¥380–¥400. */
const RATE_FEN = (year: number, thisYear: number) => (year < thisYear - 1 ? 38_000 : 40_000);

const SCHOOLS = ['江西理工大学', '南昌大学', '九江职业技术学院', '江西应用技术职业学院', '赣南医学院'];
const MAJORS = ['采矿工程', '机电一体化', '会计', '护理', '化学工程', '计算机应用'];
const EMPLOYERS = ['本矿选矿厂', '本矿机修厂', '本矿供电车间', '县人民医院', '某物流公司', '某电子厂'];

/**
 * The programmes on the demo register, three years of them: the premium batches (drawn by rule,
 * ID numbers filled, confirmed, approved and paid; some spouses have employee insurance),
 * survivors with their yearly checks and Spring Festival subsidies (two allowances stopped), lone
 * elderly with a visit schedule (some visits overdue), help and advances (some still unsettled),
 * and about ten employment files a year, the spouses' jobs linked to their households' exits.
 * Kept off W0001–W0010, which the browser tests walk through. Skipped once any batch exists.
 */
export async function seedProgrammes(
  db: Database,
  today = todayInChina(),
): Promise<{ batches: number; survivors: number; elders: number; files: number }> {
  const none = { batches: 0, survivors: 0, elders: 0, files: 0 };
  const [{ n }] = await db.select({ n: count() }).from(premiumBatches);
  if (n > 0) return none;
  const [leader] = await db.select({ id: users.id }).from(users).where(eq(users.employeeNo, 'L0001'));
  if (!leader) return none;
  const r = rng(2026_1206);
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear - 2, thisYear - 1, thisYear];
  const subBranches = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(eq(orgUnits.level, 'sub_branch'))
    .orderBy(asc(orgUnits.id));

  return db.transaction(async (tx) => {
    // A third of the spouses work and have employee insurance: the union pays no premium for them.
    await tx.execute(sql`
      UPDATE ${householdMembers} SET employee_insurance = true, school_or_work = '在职（有职工医保）'
      WHERE relation = 'spouse' AND id % 3 = 0`);

    let batches = 0;
    for (const year of years) {
      const paidOn = `${year}-01-15`;
      if (paidOn > today) continue;
      const [{ id }] = await tx
        .insert(premiumBatches)
        .values({ year, rateFen: RATE_FEN(year, thisYear), budgetFen: 0, openedBy: leader.id })
        .returning({ id: premiumBatches.id });
      await drawPremiumList(tx, id);
      const entries = await tx
        .select({ id: premiumEntries.id, birthDate: premiumEntries.birthDate, idNumber: premiumEntries.idNumber })
        .from(premiumEntries)
        .where(eq(premiumEntries.batchId, id));
      for (const e of entries.filter((x) => !x.idNumber))
        await tx
          .update(premiumEntries)
          .set({ idNumber: makeIdNumber('360281', e.birthDate.replaceAll('-', ''), e.id % 1000) })
          .where(eq(premiumEntries.id, e.id));
      const units = await tx
        .selectDistinct({ unitId: premiumEntries.unitId })
        .from(premiumEntries)
        .where(eq(premiumEntries.batchId, id));
      if (units.length)
        await tx.insert(premiumConfirmations).values(
          units.map(({ unitId }) => ({
            batchId: id,
            unitId,
            confirmedBy: leader.id,
            confirmedAt: new Date(`${year}-01-05T02:00:00Z`),
          })),
        );
      await tx.update(premiumEntries).set({ state: 'paid', paidOn, version: 2 }).where(eq(premiumEntries.batchId, id));
      // The budget as agreed: the list's total and a tenth in reserve; spent is what was paid.
      await tx.execute(sql`
        UPDATE ${premiumBatches} b SET
          spent_fen = coalesce((SELECT sum(amount_fen) FROM ${premiumEntries} WHERE batch_id = b.id), 0),
          budget_fen = ceil(coalesce((SELECT sum(amount_fen) FROM ${premiumEntries} WHERE batch_id = b.id), 0) * 1.1 / 10000) * 10000 + 10000,
          state = 'paid', approved_by = ${leader.id}, approved_at = ${`${year}-01-08T02:00:00Z`}::timestamptz,
          paid_on = ${paidOn}::date, paid_by = ${leader.id}, reference = ${`社保缴费 ${year}-001`}, version = 3
        WHERE b.id = ${id}`);
      batches += 1;
    }

    // Survivors: three in every other sub-branch, checked each January with the Spring Festival subsidy.
    let survivorCount = 0;
    for (const [i, unit] of subBranches.entries()) {
      if (i % 2 === 1) continue;
      for (let k = 0; k < 3; k++) {
        const idx = survivorCount;
        const deceasedName = chineseName(r);
        const [{ id }] = await tx
          .insert(survivors)
          .values({
            unitId: unit.id,
            deceasedName,
            diedOn: day(today, -Math.floor(1200 + r() * 3000)),
            name: `${deceasedName.slice(0, 1)}${k === 0 ? '母' : k === 1 ? '妻' : '子'}`,
            relation: k === 0 ? 'parent' : k === 1 ? 'spouse' : 'child',
            birthDate: k === 0 ? '1942-03-01' : k === 1 ? '1968-07-15' : '2012-09-01',
            monthlyIncomeFen: k === 2 ? 0 : 30_000 + Math.floor(r() * 50_000),
            monthlyAllowanceFen: [14_000, 15_000, 16_000, 17_000, 18_000][idx % 5],
            livesAlone: k === 0,
            phone: `139${String(10_000_000 + idx * 7_771).slice(-8)}`,
            address: `矿区${(idx % 6) + 1}村`,
            bankCard: `62220212${String(10_000_000_000 + idx * 97_531).slice(-11)}`,
            createdBy: leader.id,
          })
          .returning({ id: survivors.id });
        survivorCount += 1;
        for (const year of years) {
          const checkedOn = `${year}-01-10`;
          if (checkedOn > today) continue;
          // One parent died in the latest year, one spouse remarried the year before.
          const died = idx === 3 && year === thisYear;
          const remarried = idx === 7 && year === thisYear - 1;
          await tx.insert(survivorChecks).values({
            survivorId: id,
            year,
            checkedOn,
            alive: !died,
            eligible: !remarried,
            subsidyFen: died || remarried ? 0 : 50_000,
            note: died ? '家属告知已去世' : remarried ? '已再婚' : '',
            recordedBy: leader.id,
          });
          if (died || remarried) {
            await tx
              .update(survivors)
              .set({
                status: 'stopped',
                stoppedOn: checkedOn,
                stopReason: died ? 'deceased' : 'not_eligible',
                stopNote: died ? '家属告知已去世' : '已再婚',
                version: 2,
              })
              .where(eq(survivors.id, id));
            break;
          }
        }
      }
    }

    // Lone elderly: one per sub-branch, visited every 30 days for a year; every fourth is overdue.
    let elderCount = 0;
    for (const [i, unit] of subBranches.entries()) {
      const [{ id }] = await tx
        .insert(lonelyElders)
        .values({
          unitId: unit.id,
          name: chineseName(r),
          birthDate: `19${30 + (i % 12)}-0${1 + (i % 9)}-15`,
          address: `矿区${(i % 6) + 1}村 ${i + 1} 号`,
          phone: '',
          background: i % 3 === 0 ? '退休职工' : i % 3 === 1 ? '遗属' : '矿区孤寡老人',
          visitEveryDays: 30,
          since: day(today, -400),
          createdBy: leader.id,
        })
        .returning({ id: lonelyElders.id });
      elderCount += 1;
      const lastGap = i % 4 === 0 ? 45 + i : 5 + (i % 20);
      const visits = [];
      for (let d = lastGap; d < 390; d += 30) {
        visits.push({
          elderId: id,
          visitedOn: day(today, -d),
          visitors: '支会主席、工会干事',
          notes: pick(r, ['身体尚好', '送去米面油', '血压偏高，已提醒就医', '打扫房间，检查水电']),
          recordedBy: leader.id,
        });
      }
      await tx.insert(elderVisits).values(visits);
      if (i % 3 === 0) {
        const settled = i % 6 === 0;
        await tx.insert(elderHelp).values({
          elderId: id,
          kind: 'hospital',
          on: day(today, -(60 + i)),
          description: '夜间突发不适，送县医院急诊',
          advancedFen: 60_000 + i * 5_000,
          advancedBy: '支会主席',
          settledOn: settled ? day(today, -(30 + i)) : null,
          settledFen: settled ? 60_000 + i * 5_000 : null,
          settleNote: settled ? '医保报销后家属归还' : '',
          recordedBy: leader.id,
        });
      }
    }

    // Jobs: about ten files a year, children and family members of the register's households (not
    // W0001–W0010), placed at the mine or elsewhere; spouses of households that left hardship through
    // a job have the placement linked to that exit.
    const homes = await tx
      .select({
        id: households.id,
        workerId: households.workerId,
        unitId: households.unitId,
        status: households.status,
        exitedOn: households.exitedOn,
        workerName: users.name,
      })
      .from(households)
      .innerJoin(users, eq(users.id, households.workerId))
      .where(sql`${users.employeeNo} > 'W0010'`)
      .orderBy(asc(households.id));
    const exits = await tx
      .select({ id: householdEvents.id, householdId: householdEvents.householdId, on: householdEvents.on })
      .from(householdEvents)
      .where(
        and(
          eq(householdEvents.kind, 'exited'),
          inArray(
            householdEvents.householdId,
            homes.map((h) => h.id),
          ),
        ),
      );
    let files = 0;
    for (const [y, year] of years.entries()) {
      for (let k = 0; k < 10; k++) {
        const h = homes[(y * 10 + k) % homes.length];
        const exit = y === 2 && k < exits.length ? exits[k] : null;
        const home = exit ? (homes.find((x) => x.id === exit.householdId) ?? h) : h;
        const openedOn = exit ? day(exit.on, -90) : `${year}-03-${String(1 + k).padStart(2, '0')}`;
        if (openedOn > today) continue;
        const graduate = !exit && k % 3 !== 2;
        const placedOn = exit
          ? exit.on
          : k % 5 === 4
            ? null
            : `${year}-0${7 + (k % 3)}-${String(10 + k).padStart(2, '0')}`;
        const placed = placedOn !== null && placedOn <= today;
        const [{ id }] = await tx
          .insert(employmentFiles)
          .values({
            kind: exit ? 'family_member' : graduate ? 'graduate' : k % 2 ? 'survivor' : 'family_member',
            unitId: home.unitId,
            workerId: home.workerId,
            householdId: home.id,
            name: exit
              ? `${home.workerName.slice(0, 1)}某`
              : `${home.workerName.slice(0, 1)}${pick(r, ['晓', '佳', '志', '思'])}${pick(r, ['明', '宇', '婷', '涵'])}`,
            school: graduate ? pick(r, SCHOOLS) : '',
            major: graduate ? pick(r, MAJORS) : '',
            graduationYear: graduate ? year : null,
            wishes: graduate ? '希望回矿工作' : '就近就业，照顾家庭',
            outcome: placed ? (k % 2 === 0 ? 'placed_mine' : 'placed_elsewhere') : 'not_yet',
            placedOn: placed ? placedOn : null,
            employer: placed ? (k % 2 === 0 ? EMPLOYERS[k % 3] : EMPLOYERS[3 + (k % 3)]) : null,
            exitEventId: exit && placed ? exit.id : null,
            openedOn,
            createdBy: leader.id,
          })
          .returning({ id: employmentFiles.id });
        const followUps = [
          { kind: 'follow_up' as const, on: day(openedOn, 10), note: '了解就业意愿，登记需求', employer: '' },
          { kind: 'referral' as const, on: day(openedOn, 30), note: '推荐参加招聘', employer: pick(r, EMPLOYERS) },
        ].filter((f) => f.on <= today);
        if (followUps.length)
          await tx
            .insert(employmentFollowUps)
            .values(followUps.map((f) => ({ ...f, fileId: id, recordedBy: leader.id })));
        files += 1;
      }
    }
    return { batches, survivors: survivorCount, elders: elderCount, files };
  });
}
