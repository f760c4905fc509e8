import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/premiums/[id]/export/route';
import { getDb } from '@/db/client';
import { makeIdNumber } from '@/lib/id-number';
import { householdPremiumLines, listPremiumEntries } from '@/db/queries/premiums';
import { householdMembers, premiumBatches, premiumEntries } from '@/db/schema';
import {
  addPremiumEntry,
  approveBatch,
  changePremiumEntry,
  confirmPremiumPart,
  payBatch,
  setPremiumIdNumber,
} from '@/lib/premiums/premium-actions';
import {
  confirmAllParts,
  eligibleMembers,
  fillIdNumbers,
  openPremiumBatch,
  premiumEntriesOf,
} from '../premiums-fixtures';
import { signInAs } from '../session';

const pay = (batchId: number, version = 2) => ({ batchId, version, paidOn: '2026-01-10', reference: 'SB-001' });

describe('drawing the premium list', () => {
  it('lists each member without employee insurance of active 特困/困难 households once, at the rate', async () => {
    const db = await getDb();
    const members = await eligibleMembers();
    expect(members.length).toBeGreaterThan(3);
    // One member gets employee insurance: they must not be drawn.
    const insured = members[0];
    await db.update(householdMembers).set({ employeeInsurance: true }).where(eq(householdMembers.id, insured.memberId));
    const expected = members.filter((m) => m.memberId !== insured.memberId && !m.employeeInsurance);

    const b = await openPremiumBatch(2030, { rateYuan: 380 });
    const entries = await premiumEntriesOf(b.id);
    expect(b.drawn).toBe(expected.length);
    expect(entries.map((e) => `${e.householdId}:${e.name}`).sort()).toEqual(
      expected.map((m) => `${m.householdId}:${m.name}`).sort(),
    );
    for (const e of entries) {
      expect(e).toMatchObject({ amountFen: 38_000, state: 'listed', source: 'drawn', year: 2030 });
    }
    expect(entries.some((e) => e.householdId === insured.householdId && e.name === insured.name)).toBe(false);
  });

  it('refuses a second batch for the same year and saves nothing', async () => {
    await openPremiumBatch(2031);
    await signInAs('L0001');
    const { openBatch } = await import('@/lib/premiums/premium-actions');
    const r = await openBatch({ year: '2031', rate: '500', budget: '1000' } as never);
    expect(r).toMatchObject({ ok: false, fieldErrors: { year: ['batchExists'] } });
    const [{ n }] = await (
      await getDb()
    )
      .select({ n: count() })
      .from(premiumBatches)
      .where(eq(premiumBatches.year, 2031));
    expect(n).toBe(1);
  });
});

describe('adjusting the list', () => {
  it('refuses an insured person, a person already listed and a household out of scope, saving nothing', async () => {
    const db = await getDb();
    const b = await openPremiumBatch(2032);
    const s1 = await signInAs('S0001');
    const members = await eligibleMembers();
    const mine = members.filter((m) => m.unitId === s1.unitId && !m.employeeInsurance);
    const outside = members.find((m) => !m.unitPath.startsWith(s1.unitPath))!;
    expect(mine.length).toBeGreaterThan(1);
    const before = (await premiumEntriesOf(b.id)).length;

    const listed = mine[0];
    const again = await addPremiumEntry({
      batchId: b.id,
      employeeNo: listed.employeeNo,
      memberName: listed.name,
      reason: '补报',
    });
    expect(again).toMatchObject({ ok: false, fieldErrors: { memberName: ['alreadyInBatch'] } });

    const out = await addPremiumEntry({
      batchId: b.id,
      employeeNo: outside.employeeNo,
      memberName: outside.name,
      reason: '补报',
    });
    expect(out).toMatchObject({ ok: false, fieldErrors: { employeeNo: ['householdNotInScope'] } });

    // Remove one person, mark them insured in the register: adding them back is refused.
    const entry = (await premiumEntriesOf(b.id)).find(
      (e) => e.householdId === mine[1].householdId && e.name === mine[1].name,
    )!;
    expect(
      (await changePremiumEntry({ entryId: entry.id, version: 1, change: 'remove', reason: '已参加职工医保' })).ok,
    ).toBe(true);
    await db.update(householdMembers).set({ employeeInsurance: true }).where(eq(householdMembers.id, mine[1].memberId));
    const insured = await addPremiumEntry({
      batchId: b.id,
      employeeNo: mine[1].employeeNo,
      memberName: mine[1].name,
      reason: '补报',
    });
    expect(insured).toMatchObject({ ok: false, fieldErrors: { memberName: ['personInsured'] } });
    const restored = await changePremiumEntry({ entryId: entry.id, version: 2, change: 'restore', reason: '恢复' });
    expect(restored).toMatchObject({ ok: false, error: 'personInsured' });
    // Not insured after all: the person comes back on their own row.
    await db
      .update(householdMembers)
      .set({ employeeInsurance: false })
      .where(eq(householdMembers.id, mine[1].memberId));
    const back = await addPremiumEntry({
      batchId: b.id,
      employeeNo: mine[1].employeeNo,
      memberName: mine[1].name,
      reason: '确认未参保',
    });
    expect(back).toMatchObject({ ok: true, data: { id: entry.id } });
    expect(await premiumEntriesOf(b.id)).toHaveLength(before);
  });

  it("keeps officials to their own units' people and parts", async () => {
    const b = await openPremiumBatch(2033);
    const s1 = await signInAs('S0001');
    const entries = await premiumEntriesOf(b.id);
    const db = await getDb();
    const visible = await listPremiumEntries(db, s1, b.id, { all: true });
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((e) => e.unitId === s1.unitId)).toBe(true);
    const foreign = entries.find((e) => e.unitId !== s1.unitId)!;
    const change = await changePremiumEntry({ entryId: foreign.id, version: 1, change: 'remove', reason: '越权' });
    expect(change).toMatchObject({ ok: false, code: 'not_found' });
    const idNo = await setPremiumIdNumber({
      entryId: foreign.id,
      version: 1,
      idNumber: makeIdNumber('110101', '19800501', 1),
    });
    expect(idNo).toMatchObject({ ok: false, code: 'not_found' });
    const confirm = await confirmPremiumPart({ batchId: b.id, unitId: foreign.unitId });
    expect(confirm).toMatchObject({ ok: false, code: 'not_found' });
    // Their own part: confirmed once, then fixed.
    expect((await confirmPremiumPart({ batchId: b.id, unitId: s1.unitId })).ok).toBe(true);
    const own = entries.find((e) => e.unitId === s1.unitId)!;
    const late = await changePremiumEntry({ entryId: own.id, version: 1, change: 'remove', reason: '迟报' });
    expect(late).toMatchObject({ ok: false, error: 'partConfirmed' });
  });
});

describe('approving and paying', () => {
  it('approves only when every part is confirmed, pays once within budget, and carries ID numbers to next year', async () => {
    const db = await getDb();
    const b = await openPremiumBatch(2034, { rateYuan: 400, budgetYuan: 100 });
    await signInAs('L0001');
    expect(await approveBatch({ batchId: b.id, version: 1 })).toMatchObject({ ok: false, error: 'partsNotConfirmed' });
    await confirmAllParts(b.id);
    expect((await approveBatch({ batchId: b.id, version: 1 })).ok).toBe(true);

    expect(await payBatch(pay(b.id))).toMatchObject({ ok: false, error: 'idNumbersMissing' });
    await fillIdNumbers(b.id);
    // The budget of ¥100 covers nobody: refused, nothing paid.
    expect(await payBatch(pay(b.id))).toMatchObject({ ok: false, fieldErrors: { paidOn: ['overBudget'] } });
    expect((await premiumEntriesOf(b.id)).every((e) => e.state === 'listed')).toBe(true);

    const entries = await premiumEntriesOf(b.id);
    await db
      .update(premiumBatches)
      .set({ budgetFen: entries.length * 40_000 })
      .where(eq(premiumBatches.id, b.id));
    const paid = await payBatch(pay(b.id));
    expect(paid).toMatchObject({ ok: true, data: { people: entries.length, totalFen: entries.length * 40_000 } });
    expect(await payBatch(pay(b.id, 3))).toMatchObject({ ok: false });
    const [batch] = await db.select().from(premiumBatches).where(eq(premiumBatches.id, b.id));
    expect(batch).toMatchObject({ state: 'paid', spentFen: entries.length * 40_000, paidOn: '2026-01-10' });
    expect((await premiumEntriesOf(b.id)).every((e) => e.state === 'paid' && e.paidOn === '2026-01-10')).toBe(true);

    // The household ledger shows the paid premium.
    const lines = await householdPremiumLines(db, entries[0].householdId);
    expect(lines.find((l) => l.year === 2034)).toMatchObject({ state: 'paid', amountFen: 40_000 });

    // Next year's list takes the ID numbers typed this year.
    const next = await openPremiumBatch(2035);
    const nextEntries = await premiumEntriesOf(next.id);
    for (const e of nextEntries) {
      const last = entries.find((x) => x.householdId === e.householdId && x.name === e.name);
      if (last) expect(e.idNumber).toBe((await premiumEntriesOf(b.id)).find((x) => x.id === last.id)!.idNumber);
    }
  });

  it('keeps one payment per person per year in the database itself', async () => {
    const db = await getDb();
    const b = await openPremiumBatch(2036);
    const [e] = await premiumEntriesOf(b.id);
    const { id: _id, ...copy } = e;
    void _id;
    await expect(db.insert(premiumEntries).values({ ...copy, source: 'added' })).rejects.toThrow();
    const [{ n }] = await db
      .select({ n: count() })
      .from(premiumEntries)
      .where(
        and(
          eq(premiumEntries.year, 2036),
          eq(premiumEntries.householdId, e.householdId),
          eq(premiumEntries.name, e.name),
        ),
      );
    expect(n).toBe(1);
  });
});

describe('the list for the social insurance office', () => {
  async function exportAs(employeeNo: string, batchId: number) {
    await signInAs(employeeNo);
    const res = await GET(new Request(`http://localhost/api/premiums/${batchId}/export?format=csv`), {
      params: Promise.resolve({ id: String(batchId) }),
    });
    return { status: res.status, text: res.status === 200 ? await res.text() : '' };
  }

  it('gives leaders full ID numbers, officials masked ones of their units, workers nothing', async () => {
    const b = await openPremiumBatch(2037);
    await fillIdNumbers(b.id);
    const entries = await premiumEntriesOf(b.id);
    const leader = await exportAs('L0001', b.id);
    expect(leader.status).toBe(200);
    expect(leader.text).toContain(entries[0].idNumber!);
    expect(leader.text.trim().split('\n')).toHaveLength(entries.length + 1);

    const s1 = await signInAs('S0001');
    const mine = entries.filter((e) => e.unitId === s1.unitId);
    const official = await exportAs('S0001', b.id);
    expect(official.status).toBe(200);
    expect(official.text.trim().split('\n')).toHaveLength(mine.length + 1);
    for (const e of entries) expect(official.text).not.toContain(e.idNumber!);

    expect((await exportAs('W0001', b.id)).status).toBe(403);
  });
});
