import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  addEntry,
  approveCampaign,
  changeEntry,
  confirmBranch,
  recordHandover,
  setQuota,
  uploadSheet,
} from '@/lib/campaigns/campaign-actions';
import { getDb } from '@/db/client';
import { branchLines, householdCampaignLines, listEntries } from '@/db/queries/campaigns';
import { campaignEntries, campaigns, CATEGORIES } from '@/db/schema';
import { activeHouseholds, branches, entriesOf, makeCampaign } from '../campaigns-fixtures';
import { signInAs } from '../session';

const severity = (c: string) => CATEGORIES.indexOf(c as never);
const PDF = () => new File([Buffer.from('%PDF-1.4\n% signed sign-for list\n')], '签领表.pdf');

async function confirmAll(campaignId: number) {
  for (const [i, b] of (await branches()).entries()) {
    await signInAs(`B${String(i + 1).padStart(4, '0')}`);
    const r = await confirmBranch({ campaignId, branchId: b.id });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
}

async function approved(opts: Parameters<typeof makeCampaign>[0] = {}) {
  const c = await makeCampaign(opts);
  await confirmAll(c.id);
  await signInAs('L0001');
  const r = await approveCampaign({ campaignId: c.id, version: 1 });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return c;
}

const handover = (entryId: number, version = 1) => ({
  entryId,
  version,
  method: 'in_person' as const,
  handedOverOn: '2026-01-18',
  handedOverBy: '王会计',
  receivedBy: '本人',
});

describe('drawing the list', () => {
  it('lists every active household of the covered categories once, at the category amount', async () => {
    const all = await activeHouseholds();
    const c = await makeCampaign({ categories: ['extreme', 'hardship'], cashYuan: 900 });
    const entries = await entriesOf(c.id);
    const expected = all.filter((h) => h.category === 'extreme' || h.category === 'hardship');
    expect(expected.length).toBeGreaterThan(0);
    expect(c.drawn).toBe(expected.length);
    expect(entries.map((e) => e.householdId).sort()).toEqual(expected.map((h) => h.id).sort());
    for (const e of entries) {
      expect(e.cashFen).toBe(90_000);
      expect(e.state).toBe('listed');
      expect(e.source).toBe('drawn');
      expect(e.unitId).toBe(expected.find((h) => h.id === e.householdId)!.unitId);
    }
  });

  it("takes each branch's hardest categories first, up to its quota, and counts the places", async () => {
    const all = await activeHouseholds();
    const [b1] = await branches();
    const inB1 = all.filter((h) => h.branchId === b1.id);
    expect(inB1.length).toBeGreaterThan(2);
    const c = await makeCampaign({ quota: { [b1.id]: 2 } });
    const entries = await entriesOf(c.id);
    expect(entries).toHaveLength(2);
    const hardest = [...inB1].sort((a, b) => severity(a.category) - severity(b.category) || a.id - b.id).slice(0, 2);
    expect(entries.map((e) => e.householdId).sort()).toEqual(hardest.map((h) => h.id).sort());
    const actor = await signInAs('L0001');
    const [line] = await branchLines(await getDb(), actor, c.id);
    expect(line).toMatchObject({ branchId: b1.id, quota: 2, listed: 2, planned: 2, plannedFen: 160_000 });
  });
});

describe('adjusting within quota and scope', () => {
  it('refuses a quota below what is listed and saves nothing', async () => {
    const [b1] = await branches();
    const c = await makeCampaign({ quota: { [b1.id]: 2 } });
    await signInAs('L0001');
    const r = await setQuota({ campaignId: c.id, branchId: b1.id, quota: '1' });
    expect(r).toMatchObject({ ok: false, fieldErrors: { quota: ['quotaBelowListed'] } });
    const ok = await setQuota({ campaignId: c.id, branchId: b1.id, quota: '3' });
    expect(ok.ok).toBe(true);
  });

  it('adds a household of the official’s scope with a reason, within quota, once per campaign', async () => {
    const all = await activeHouseholds();
    const s1 = await signInAs('S0001');
    const [b1] = await branches();
    const mine = all.filter((h) => h.unitId === s1.unitId);
    const outside = all.find((h) => h.branchId !== b1.id)!;
    expect(mine.length).toBeGreaterThan(0);
    // Quota 0 for the official's branch: nothing drawn there, so adding needs a larger quota.
    const other = (await branches()).find((b) => b.id !== b1.id)!;
    const c = await makeCampaign({ quota: { [b1.id]: 1, [other.id]: 1 } });
    const listed = await entriesOf(c.id);
    const target = mine.find((h) => !listed.some((e) => e.householdId === h.id));

    await signInAs('S0001');
    const out = await addEntry({ campaignId: c.id, employeeNo: outside.employeeNo, reason: '新增' } as never);
    expect(out).toMatchObject({ ok: false, fieldErrors: { employeeNo: ['householdNotInScope'] } });

    expect(target).toBeDefined();
    {
      const full = await addEntry({ campaignId: c.id, employeeNo: target!.employeeNo, reason: '新增' } as never);
      expect(full).toMatchObject({ ok: false, fieldErrors: { employeeNo: ['quotaFull'] } });
      await signInAs('L0001');
      expect((await setQuota({ campaignId: c.id, branchId: b1.id, quota: '5' })).ok).toBe(true);
      await signInAs('S0001');
      const noReason = await addEntry({
        campaignId: c.id,
        employeeNo: target!.employeeNo,
        cash: '1500',
        reason: '新增',
      } as never);
      expect(noReason).toMatchObject({ ok: false, fieldErrors: { amountReason: ['amountNeedsReason'] } });
      const added = await addEntry({ campaignId: c.id, employeeNo: target!.employeeNo, reason: '新增困难' } as never);
      expect(added.ok).toBe(true);
      const twice = await addEntry({ campaignId: c.id, employeeNo: target!.employeeNo, reason: '再次' } as never);
      expect(twice).toMatchObject({ ok: false, fieldErrors: { employeeNo: ['alreadyListed'] } });
    }

    // The constraint backs the rule even for a write that skips the action.
    const db = await getDb();
    const [first] = await entriesOf(c.id);
    await expect(
      db.insert(campaignEntries).values({ ...first, id: undefined, source: 'added' } as never),
    ).rejects.toThrow();
  });

  it('removes with a reason, marks unreachable, and ends adjustments at the branch confirmation', async () => {
    const [b1] = await branches();
    const c = await makeCampaign({ quota: { [b1.id]: 3 } });
    const [e1, e2] = await entriesOf(c.id);
    await signInAs('B0001');
    const removed = await changeEntry({ entryId: e1.id, version: 1, change: 'remove', reason: '已脱困' });
    expect(removed.ok).toBe(true);
    const gone = await changeEntry({ entryId: e2.id, version: 1, change: 'unreachable', reason: '外出务工' });
    expect(gone.ok).toBe(true);
    const db = await getDb();
    const actor = await signInAs('B0001');
    const [line] = await branchLines(db, actor, c.id);
    // The unreachable household keeps its place (it is reported, not dropped); the removed one frees it.
    expect(line).toMatchObject({ listed: 2, planned: 2, unreachable: 1, removed: 1 });
    expect((await confirmBranch({ campaignId: c.id, branchId: b1.id })).ok).toBe(true);
    const late = await changeEntry({ entryId: e2.id, version: 2, change: 'restore', reason: '联系上了' });
    expect(late).toMatchObject({ ok: false, error: 'branchConfirmed' });
    // A sub-branch official of another branch does not see the entry at all.
    await signInAs('S0016');
    const hidden = await changeEntry({ entryId: e2.id, version: 2, change: 'remove', reason: 'x' });
    expect(hidden).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('approval and hand-over', () => {
  it('approves only when every branch has confirmed, once', async () => {
    const c = await makeCampaign();
    await signInAs('L0001');
    expect(await approveCampaign({ campaignId: c.id, version: 1 })).toMatchObject({
      ok: false,
      error: 'branchesNotConfirmed',
    });
    await confirmAll(c.id);
    await signInAs('L0001');
    expect((await approveCampaign({ campaignId: c.id, version: 1 })).ok).toBe(true);
    expect((await approveCampaign({ campaignId: c.id, version: 1 })).ok).toBe(false);
  });

  it('draws each hand-over on the budget, refuses a second one, and locks a part once its signed list is in', async () => {
    const c = await approved({ cashYuan: 800 });
    const entries = await entriesOf(c.id);
    const unitId = entries[0].unitId;
    const part = entries.filter((e) => e.unitId === unitId);
    await signInAs('L0001');
    expect((await recordHandover(handover(part[0].id))).ok).toBe(true);
    const again = await recordHandover(handover(part[0].id, 2));
    expect(again).toMatchObject({ ok: false, fieldErrors: { handedOverOn: ['alreadyHandedOver'] } });
    const db = await getDb();
    const [row] = await db.select({ spentFen: campaigns.spentFen }).from(campaigns).where(eq(campaigns.id, c.id));
    expect(row.spentFen).toBe(80_000);
    const ledger = await householdCampaignLines(db, part[0].householdId);
    expect(ledger.find((l) => l.campaignId === c.id)).toMatchObject({ state: 'delivered', cashFen: 80_000 });

    const wrongType = await uploadSheet(toForm({ campaignId: c.id, unitId, file: new File(['hello'], 'x.pdf') }));
    expect(wrongType).toMatchObject({ ok: false, fieldErrors: { file: ['uploadWrongType'] } });
    expect((await uploadSheet(toForm({ campaignId: c.id, unitId, file: PDF() }))).ok).toBe(true);
    expect(await uploadSheet(toForm({ campaignId: c.id, unitId, file: PDF() }))).toMatchObject({
      ok: false,
      error: 'sheetSigned',
    });
    if (part[1]) {
      expect(await recordHandover(handover(part[1].id))).toMatchObject({ ok: false, error: 'sheetSigned' });
    }
    const [after] = await db.select({ spentFen: campaigns.spentFen }).from(campaigns).where(eq(campaigns.id, c.id));
    expect(after.spentFen).toBe(80_000);
  });

  it('shows officials only their part of the list', async () => {
    const c = await makeCampaign();
    const db = await getDb();
    const s1 = await signInAs('S0001');
    const seen = await listEntries(db, s1, c.id);
    expect(seen.every((e) => e.unitId === s1.unitId)).toBe(true);
    const [n] = await db
      .select({ n: count() })
      .from(campaignEntries)
      .where(and(eq(campaignEntries.campaignId, c.id), sql`${campaignEntries.unitId} = ${s1.unitId}`));
    expect(seen).toHaveLength(n.n);
  });
});

function toForm(values: Record<string, string | number | File>): never {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v instanceof File ? v : String(v));
  return f as never;
}
