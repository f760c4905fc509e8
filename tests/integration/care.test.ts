import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as exportSurvivors } from '@/app/api/survivors/export/route';
import { getDb } from '@/db/client';
import { careFigures, getSurvivor, listElders } from '@/db/queries/care';
import { householdProgrammeLines } from '@/db/queries/programme-figures';
import { GET as exportCampaign } from '@/app/api/campaigns/[id]/export/route';
import { branchLines, subBranchParts } from '@/db/queries/campaigns';
import {
  campaignPersonEntries,
  campaigns,
  elderHelp,
  elderVisits,
  households,
  lonelyElders,
  survivorChecks,
  survivors,
  users,
} from '@/db/schema';
import {
  approveCampaign,
  confirmBranch,
  createCampaign,
  recordPersonHandover,
  uploadSheet,
} from '@/lib/campaigns/campaign-actions';
import { branches } from '../campaigns-fixtures';
import {
  addElder,
  addSurvivor,
  recordElderHelp,
  recordElderVisit,
  recordSurvivorCheck,
  settleAdvance,
  stopAllowance,
} from '@/lib/care/care-actions';
import { todayInChina } from '@/lib/dates';
import { signInAs } from '../session';

const today = todayInChina();
const daysAgo = (n: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

async function workerOfHousehold(officialNo: string) {
  const official = await signInAs(officialNo);
  const db = await getDb();
  const [h] = await db
    .select({ id: households.id, employeeNo: users.employeeNo, workerName: users.name })
    .from(households)
    .innerJoin(users, eq(users.id, households.workerId))
    .where(eq(households.unitId, official.unitId))
    .orderBy(households.id)
    .limit(1);
  return h;
}

const survivor = (over: Record<string, unknown> = {}) => ({
  deceasedEmployeeNo: '',
  deceasedName: '刘故',
  diedOn: '2020-03-01',
  name: '刘遗属',
  relation: 'spouse',
  birthDate: '1950-02-01',
  monthlyIncome: '300',
  monthlyAllowance: '160',
  livesAlone: true,
  phone: '13812345678',
  address: '矿区一村',
  bankCard: '6222 0212 3456 7890 123',
  ...over,
});

describe('survivors', () => {
  it('links a survivor to the deceased worker, masks the card, and shows them in the household ledger', async () => {
    const h = await workerOfHousehold('S0001');
    const r = await addSurvivor(survivor({ deceasedEmployeeNo: h.employeeNo, deceasedName: h.workerName }) as never);
    expect(r.ok).toBe(true);
    const id = (r as { data: { id: number } }).data.id;
    const s1 = await signInAs('S0001');
    const s = await getSurvivor(await getDb(), s1, id);
    expect(s.bankCardMasked).toBe('***************0123');
    expect(s.phoneMasked).toBe('138****5678');
    const ledger = await householdProgrammeLines(await getDb(), h.id);
    expect(ledger.survivors).toEqual([expect.objectContaining({ id, status: 'active' })]);
    // Out of the official's scope, the deceased worker is not found.
    await signInAs('S0002');
    const out = await addSurvivor(survivor({ deceasedEmployeeNo: h.employeeNo }) as never);
    expect(out).toMatchObject({ ok: false, fieldErrors: { deceasedEmployeeNo: ['workerNotInScope'] } });
  });

  it('checks a survivor once a year, and stops the allowance of one found no longer eligible', async () => {
    const db = await getDb();
    await signInAs('S0001');
    const r = await addSurvivor(survivor() as never);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const id = r.data.id;
    const year = String(Number(today.slice(0, 4)) - 1);
    const check = {
      survivorId: id,
      year,
      checkedOn: daysAgo(300),
      alive: true,
      eligible: true,
      subsidy: '500',
      note: '',
    };
    expect((await recordSurvivorCheck(check)).ok).toBe(true);
    expect(await recordSurvivorCheck(check)).toMatchObject({ ok: false, fieldErrors: { year: ['checkedThisYear'] } });
    const [{ n }] = await db.select({ n: count() }).from(survivorChecks).where(eq(survivorChecks.survivorId, id));
    expect(n).toBe(1);

    const stopped = await recordSurvivorCheck({
      ...check,
      year: today.slice(0, 4),
      checkedOn: today,
      eligible: false,
      subsidy: '0',
      note: '再婚',
    });
    expect(stopped).toMatchObject({ ok: true, data: { stopped: 'not_eligible' } });
    const [row] = await db.select().from(survivors).where(eq(survivors.id, id));
    expect(row).toMatchObject({ status: 'stopped', stopReason: 'not_eligible', stoppedOn: today });
    const again = await stopAllowance({
      survivorId: id,
      version: row.version,
      stoppedOn: today,
      reason: 'other',
      note: '',
    });
    expect(again).toMatchObject({ ok: false, error: 'allowanceStopped' });
  });

  it('keeps survivors to the officials of their unit', async () => {
    await signInAs('S0001');
    const r = await addSurvivor(survivor() as never);
    if (!r.ok) throw new Error(JSON.stringify(r));
    await signInAs('S0002');
    const check = await recordSurvivorCheck({
      survivorId: r.data.id,
      year: today.slice(0, 4),
      checkedOn: today,
      alive: true,
      eligible: true,
      subsidy: '0',
      note: '',
    });
    expect(check).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('lone elderly on a visit schedule', () => {
  it('lists overdue visits for the officials of the unit, and counts them on the dashboard', async () => {
    const db = await getDb();
    const s1 = await signInAs('S0001');
    const before = await careFigures(db, s1, Number(today.slice(0, 4)), today);
    const add = (name: string) =>
      addElder({
        unitId: String(s1.unitId),
        name,
        birthDate: '1940-01-01',
        address: '矿区二村',
        phone: '',
        background: '退休职工',
        visitEveryDays: '30',
      });
    const a = await add('赵老');
    const b = await add('钱老');
    if (!a.ok || !b.ok) throw new Error('elders not added');
    // 赵老 was listed 40 days ago and never visited: overdue. 钱老 was visited 10 days ago: not.
    await db
      .update(lonelyElders)
      .set({ since: daysAgo(40) })
      .where(eq(lonelyElders.id, a.data.id));
    await db
      .update(lonelyElders)
      .set({ since: daysAgo(40) })
      .where(eq(lonelyElders.id, b.data.id));
    expect(
      (await recordElderVisit({ elderId: b.data.id, visitedOn: daysAgo(10), visitors: '支会主席', notes: '身体尚好' }))
        .ok,
    ).toBe(true);

    const overdue = await listElders(db, s1, today, { overdueOnly: true });
    expect(overdue.map((e) => e.id)).toContain(a.data.id);
    expect(overdue.map((e) => e.id)).not.toContain(b.data.id);
    expect(overdue.find((e) => e.id === a.data.id)).toMatchObject({ due: daysAgo(10), overdue: true, lastVisit: null });
    const after = await careFigures(db, s1, Number(today.slice(0, 4)), today);
    expect(after.overdueVisits).toBe(before.overdueVisits + 1);
    expect(after.elders).toBe(before.elders + 2);

    // Another sub-branch's official sees none of them and cannot record a visit.
    const s2 = await signInAs('S0002');
    expect((await listElders(db, s2, today)).map((e) => e.id)).not.toContain(a.data.id);
    const refused = await recordElderVisit({ elderId: a.data.id, visitedOn: today, visitors: '某', notes: '' });
    expect(refused).toMatchObject({ ok: false, code: 'not_found' });
    // A visit today ends the overdue state.
    await signInAs('S0001');
    expect((await recordElderVisit({ elderId: a.data.id, visitedOn: today, visitors: '支会主席', notes: '' })).ok).toBe(
      true,
    );
    expect((await listElders(db, s1, today, { overdueOnly: true })).map((e) => e.id)).not.toContain(a.data.id);
    const [{ n }] = await db.select({ n: count() }).from(elderVisits).where(eq(elderVisits.elderId, a.data.id));
    expect(n).toBe(1);
  });

  it('records an advance and settles it once, for at most what was advanced', async () => {
    const db = await getDb();
    const s1 = await signInAs('S0001');
    const e = await addElder({
      unitId: String(s1.unitId),
      name: '孙老',
      birthDate: '1938-05-01',
      address: '矿区三村',
      phone: '',
      background: '',
      visitEveryDays: '14',
    });
    if (!e.ok) throw new Error(JSON.stringify(e));
    const noPayer = await recordElderHelp({
      elderId: e.data.id,
      kind: 'hospital',
      on: today,
      description: '送医',
      advanced: '800',
      advancedBy: '',
    });
    expect(noPayer).toMatchObject({ ok: false, fieldErrors: { advancedBy: ['required'] } });
    const help = await recordElderHelp({
      elderId: e.data.id,
      kind: 'hospital',
      on: today,
      description: '送医院急诊',
      advanced: '800',
      advancedBy: '支会主席',
    });
    if (!help.ok) throw new Error(JSON.stringify(help));
    // Sub-branch officials record; settling is for branch officials and leaders.
    await signInAs('B0001');
    const tooMuch = await settleAdvance({ helpId: help.data.id, settledOn: today, settled: '900', note: '' });
    expect(tooMuch).toMatchObject({ ok: false, fieldErrors: { settled: ['settleTooMuch'] } });
    expect((await settleAdvance({ helpId: help.data.id, settledOn: today, settled: '800', note: '家属归还' })).ok).toBe(
      true,
    );
    const twice = await settleAdvance({ helpId: help.data.id, settledOn: today, settled: '800', note: '' });
    expect(twice).toMatchObject({ ok: false, error: 'alreadySettled' });
    const [row] = await db.select().from(elderHelp).where(eq(elderHelp.id, help.data.id));
    expect(row).toMatchObject({ advancedFen: 80_000, settledFen: 80_000, settledOn: today });
  });
});

/** A campaign over every branch (quota 100), extreme households at ¥900, and the given person rules. */
async function personCampaign(budget: string, persons: { kind: 'survivor' | 'elder'; cash: string; items: string }[]) {
  await signInAs('L0001');
  const bs = await branches();
  const created = await createCampaign({
    name: '春节慰问',
    occasion: 'spring_festival',
    heldOn: '2026-01-20',
    budget,
    amounts: [{ category: 'extreme', cash: '900', items: '' }],
    persons,
    quotas: bs.map((b) => ({ branchId: b.id, quota: '100' })),
  } as never);
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.data.id;
}

async function confirmAndApprove(campaignId: number) {
  for (const [i, b] of (await branches()).entries()) {
    await signInAs(`B${String(i + 1).padStart(4, '0')}`);
    const r = await confirmBranch({ campaignId, branchId: b.id });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  await signInAs('L0001');
  expect((await approveCampaign({ campaignId, version: 1 })).ok).toBe(true);
}

const personHandover = (entryId: number) => ({
  entryId,
  method: 'in_person' as const,
  handedOverOn: today,
  handedOverBy: '支会主席',
  receivedBy: '本人',
  reference: '',
});

describe('survivors drawn into a campaign', () => {
  it('lists the survivors still receiving in branches with a quota, and hands over once on the budget', async () => {
    const db = await getDb();
    await signInAs('S0001');
    const kept = await addSurvivor(survivor({ name: '周遗属' }) as never);
    const gone = await addSurvivor(survivor({ name: '吴遗属' }) as never);
    if (!kept.ok || !gone.ok) throw new Error('survivors not added');
    const [row] = await db.select().from(survivors).where(eq(survivors.id, gone.data.id));
    expect(
      (
        await stopAllowance({
          survivorId: gone.data.id,
          version: row.version,
          stoppedOn: today,
          reason: 'moved',
          note: '',
        })
      ).ok,
    ).toBe(true);

    const campaignId = await personCampaign('100000', [{ kind: 'survivor', cash: '500', items: '' }]);
    const listed = await db
      .select()
      .from(campaignPersonEntries)
      .where(eq(campaignPersonEntries.campaignId, campaignId));
    // Survivors only: the campaign did not choose the lone elderly.
    expect(listed.every((e) => e.kind === 'survivor')).toBe(true);
    const ids = listed.map((e) => e.survivorId);
    expect(ids).toContain(kept.data.id);
    expect(ids).not.toContain(gone.data.id);
    const [active] = await db.select({ n: count() }).from(survivors).where(eq(survivors.status, 'active'));
    expect(listed).toHaveLength(active.n);
    expect(listed.every((e) => e.cashFen === 50_000)).toBe(true);

    const entry = listed.find((e) => e.survivorId === kept.data.id)!;
    const handover = personHandover(entry.id);
    // Not before the leader approves the list.
    expect(await recordPersonHandover(handover)).toMatchObject({ ok: false, error: 'notApproved' });
    await confirmAndApprove(campaignId);
    await signInAs('S0002');
    expect(await recordPersonHandover(handover)).toMatchObject({ ok: false, code: 'not_found' });
    await signInAs('S0001');
    expect((await recordPersonHandover(handover)).ok).toBe(true);
    expect(await recordPersonHandover(handover)).toMatchObject({
      ok: false,
      fieldErrors: { handedOverOn: ['alreadyHandedOver'] },
    });
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(c.spentFen).toBe(50_000);
  });
});

describe('lone elderly drawn into a campaign', () => {
  async function elders(names: string[]) {
    const s1 = await signInAs('S0001');
    const ids: number[] = [];
    for (const name of names) {
      const r = await addElder({
        unitId: String(s1.unitId),
        name,
        birthDate: '1936-06-01',
        address: '矿区四村',
        phone: '',
        background: '退休职工',
        visitEveryDays: '30',
      });
      if (!r.ok) throw new Error(JSON.stringify(r));
      ids.push(r.data.id);
    }
    return { ids, unitId: s1.unitId };
  }

  it('lists the active ones outside the quotas, once per campaign, in the totals, export and sign-for part', async () => {
    const db = await getDb();
    const { ids, unitId } = await elders(['冯老', '陈老']);
    const [active, gone] = ids;
    await db.update(lonelyElders).set({ active: false }).where(eq(lonelyElders.id, gone));
    const campaignId = await personCampaign('100000', [
      { kind: 'survivor', cash: '500', items: '' },
      { kind: 'elder', cash: '600', items: '大米 10 kg' },
    ]);
    const listed = await db
      .select()
      .from(campaignPersonEntries)
      .where(and(eq(campaignPersonEntries.campaignId, campaignId), eq(campaignPersonEntries.kind, 'elder')));
    const [{ n: activeElders }] = await db
      .select({ n: count() })
      .from(lonelyElders)
      .where(eq(lonelyElders.active, true));
    expect(listed).toHaveLength(activeElders);
    expect(listed.map((e) => e.elderId)).toContain(active);
    expect(listed.map((e) => e.elderId)).not.toContain(gone);
    const mine = listed.find((e) => e.elderId === active)!;
    expect(mine).toMatchObject({ cashFen: 60_000, items: '大米 10 kg', unitId, survivorId: null });

    // Once per campaign: a second row for the same person and campaign is refused by the key.
    await expect(
      db.insert(campaignPersonEntries).values({ ...mine, id: undefined, handedOverOn: null }),
    ).rejects.toThrow();

    // Outside the households' quotas: `listed` counts households only; the totals count them apart.
    const lines = await branchLines(db, await signInAs('S0001'), campaignId);
    const line = lines.find((l) => l.branchId === mine.branchId)!;
    expect(line.persons).toBeGreaterThanOrEqual(1);
    expect(line.listed).toBeLessThanOrEqual(line.quota);
    const part = (await subBranchParts(db, await signInAs('S0001'), campaignId)).find((p) => p.unitId === unitId)!;
    expect(part.persons).toBeGreaterThanOrEqual(1);
    const csv = await (
      await exportCampaign(new Request(`http://localhost/api/campaigns/${campaignId}/export?format=csv`), {
        params: Promise.resolve({ id: String(campaignId) }),
      })
    ).text();
    expect(csv).toContain('冯老');
    expect(csv).not.toContain('陈老');

    await confirmAndApprove(campaignId);
    // Another sub-branch's official does not see them.
    await signInAs('S0002');
    expect(await recordPersonHandover(personHandover(mine.id))).toMatchObject({ ok: false, code: 'not_found' });
    await signInAs('S0001');
    const before = await branchLines(db, await signInAs('S0001'), campaignId);
    expect((await recordPersonHandover(personHandover(mine.id))).ok).toBe(true);
    expect(await recordPersonHandover(personHandover(mine.id))).toMatchObject({
      ok: false,
      fieldErrors: { handedOverOn: ['alreadyHandedOver'] },
    });
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(c.spentFen).toBe(60_000);
    const after = await branchLines(db, await signInAs('S0001'), campaignId);
    const b0 = before.find((l) => l.branchId === mine.branchId)!;
    const b1 = after.find((l) => l.branchId === mine.branchId)!;
    expect(b1.delivered - b0.delivered).toBe(1);
    expect(b1.deliveredFen - b0.deliveredFen).toBe(60_000);

    // The signed list locks the sub-branch's people too.
    const other = listed.find((e) => e.unitId === unitId && e.id !== mine.id);
    const signed = new FormData();
    signed.set('campaignId', String(campaignId));
    signed.set('unitId', String(unitId));
    signed.set('file', new File([Buffer.from('%PDF-1.4\n% signed\n')], '签领表.pdf'));
    expect((await uploadSheet(signed as never)).ok).toBe(true);
    const survivorHere = await db
      .select()
      .from(campaignPersonEntries)
      .where(and(eq(campaignPersonEntries.campaignId, campaignId), eq(campaignPersonEntries.unitId, unitId)));
    const locked = other ?? survivorHere.find((e) => e.id !== mine.id);
    if (locked)
      expect(await recordPersonHandover(personHandover(locked.id))).toMatchObject({ ok: false, error: 'sheetSigned' });
  });

  it("draws a hand-over on the campaign's budget and refuses one the budget cannot cover, saving nothing", async () => {
    const db = await getDb();
    await elders(['褚老']);
    // A budget of ¥1,000 for people of ¥600 each: one hand-over fits, the second does not.
    const campaignId = await personCampaign('1000', [{ kind: 'elder', cash: '600', items: '' }]);
    const listed = await db
      .select()
      .from(campaignPersonEntries)
      .where(and(eq(campaignPersonEntries.campaignId, campaignId), eq(campaignPersonEntries.kind, 'elder')));
    const own = await signInAs('S0001');
    const here = listed.filter((e) => e.unitId === own.unitId);
    expect(here.length).toBeGreaterThanOrEqual(1);
    await confirmAndApprove(campaignId);
    await signInAs('S0001');
    const [first] = here;
    expect((await recordPersonHandover(personHandover(first.id))).ok).toBe(true);
    const second = listed.find((e) => e.id !== first.id);
    expect(second).toBeDefined();
    if (second) {
      // The leader keeps every unit: the second person's hand-over is in scope, but not in the budget.
      await signInAs('L0001');
      expect(await recordPersonHandover(personHandover(second.id))).toMatchObject({
        ok: false,
        fieldErrors: { handedOverOn: ['overBudget'] },
      });
      const [row] = await db.select().from(campaignPersonEntries).where(eq(campaignPersonEntries.id, second.id));
      expect(row.handedOverOn).toBeNull();
    }
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(c.spentFen).toBe(60_000);
  });
});

describe('the survivors list export', () => {
  it("gives an official their units' survivors without phone or bank card, and a worker nothing", async () => {
    await signInAs('S0001');
    const r = await addSurvivor(survivor({ name: '郑遗属' }) as never);
    expect(r.ok).toBe(true);
    const res = await exportSurvivors(new Request('http://localhost/api/survivors/export?format=csv'));
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('郑遗属');
    expect(csv).not.toContain('13812345678');
    expect(csv).not.toContain('6222021234567890123');
    await signInAs('S0002');
    expect(
      await (await exportSurvivors(new Request('http://localhost/api/survivors/export?format=csv'))).text(),
    ).not.toContain('郑遗属');
    await signInAs('W0001');
    expect((await exportSurvivors(new Request('http://localhost/api/survivors/export?format=csv'))).status).toBe(403);
  });
});
