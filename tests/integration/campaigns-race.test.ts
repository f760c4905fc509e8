import { and, count, eq, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  addEntry,
  approveCampaign,
  confirmBranch,
  recordHandover,
  recordPersonHandover,
} from '@/lib/campaigns/campaign-actions';
import { getDb } from '@/db/client';
import {
  auditLog,
  campaignEntries,
  campaignPersonEntries,
  campaignQuotas,
  campaigns,
  lonelyElders,
  orgUnits,
  users,
} from '@/db/schema';
import { activeHouseholds, branches, entriesOf, makeCampaign } from '../campaigns-fixtures';
import { signInAs } from '../session';

// Enough connections that the parallel calls really run at once on the server.
process.env.PG_POOL_MAX = '30';

const PARALLEL = 25;
const TRIALS = 5;

async function approvedCampaign(
  budgetYuan: number,
  persons?: NonNullable<Parameters<typeof makeCampaign>[0]>['persons'],
) {
  const c = await makeCampaign({ cashYuan: 1000, budgetYuan, persons });
  for (const [i, b] of (await branches()).entries()) {
    await signInAs(`B${String(i + 1).padStart(4, '0')}`);
    const r = await confirmBranch({ campaignId: c.id, branchId: b.id });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  await signInAs('L0001');
  const r = await approveCampaign({ campaignId: c.id, version: 1 });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return c;
}

const handover = (entryId: number) => ({
  entryId,
  version: 1,
  method: 'bank_transfer' as const,
  handedOverOn: '2026-01-18',
  handedOverBy: '王会计',
  reference: `T${entryId}`,
});

// Only against the real PostgreSQL server: PGlite runs one transaction at a time, so every
// "parallel" call would run alone and a read-then-write bug would pass unnoticed.
describe.skipIf(!process.env.TEST_DATABASE_URL)('campaign races on the real server', () => {
  it(`${PARALLEL} parallel hand-overs against a budget for 5 never overspend and the sums balance (${TRIALS} trials)`, async () => {
    const db = await getDb();
    for (let trial = 0; trial < TRIALS; trial++) {
      const c = await approvedCampaign(5_500); // room for 5 of ¥1,000
      const entries = (await entriesOf(c.id)).slice(0, PARALLEL);
      expect(entries).toHaveLength(PARALLEL);
      await signInAs('L0001');
      const results = await Promise.all(entries.map((e) => recordHandover(handover(e.id))));
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      for (const r of results) if (!r.ok) expect(r.fieldErrors).toEqual({ handedOverOn: ['overBudget'] });
      const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, c.id));
      const [paid] = await db
        .select({ n: count(), total: sum(campaignEntries.cashFen).mapWith(Number) })
        .from(campaignEntries)
        .where(and(eq(campaignEntries.campaignId, c.id), eq(campaignEntries.state, 'delivered')));
      expect(paid).toEqual({ n: 5, total: 500_000 });
      expect(campaign.spentFen).toBe(500_000);
    }
  });

  it(`${PARALLEL} parallel hand-overs to households and lone elderly share one budget for 5 (${TRIALS} trials)`, async () => {
    const db = await getDb();
    // Lone elderly in every sub-branch, two each, so the lists have people to hand over to.
    const [leader] = await db.select({ id: users.id }).from(users).where(eq(users.employeeNo, 'L0001'));
    const subs = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.level, 'sub_branch'));
    await db.insert(lonelyElders).values(
      subs.flatMap((u, i) =>
        [0, 1].map((k) => ({
          unitId: u.id,
          name: `老人${i}-${k}`,
          birthDate: '1938-01-01',
          address: '矿区',
          visitEveryDays: 30,
          since: '2025-01-01',
          createdBy: leader.id,
        })),
      ),
    );
    for (let trial = 0; trial < TRIALS; trial++) {
      const c = await approvedCampaign(5_500, { survivor: 1000, elder: 1000 });
      const people = await db.select().from(campaignPersonEntries).where(eq(campaignPersonEntries.campaignId, c.id));
      expect(people.some((p) => p.kind === 'elder')).toBe(true);
      const persons = people.slice(0, Math.ceil(PARALLEL / 2));
      expect(persons).toHaveLength(Math.ceil(PARALLEL / 2));
      const households = (await entriesOf(c.id)).slice(0, PARALLEL - persons.length);
      await signInAs('L0001');
      const { version: _version, ...personHandover } = handover(0);
      const results = await Promise.all([
        ...households.map((e) => recordHandover(handover(e.id))),
        ...persons.map((p) => recordPersonHandover({ ...personHandover, entryId: p.id, reference: `P${p.id}` })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      for (const r of results) if (!r.ok) expect(r.fieldErrors).toEqual({ handedOverOn: ['overBudget'] });
      const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, c.id));
      const [paid] = await db
        .select({ n: count(), total: sum(campaignEntries.cashFen).mapWith(Number) })
        .from(campaignEntries)
        .where(and(eq(campaignEntries.campaignId, c.id), eq(campaignEntries.state, 'delivered')));
      const handed = (
        await db.select().from(campaignPersonEntries).where(eq(campaignPersonEntries.campaignId, c.id))
      ).filter((p) => p.handedOverOn !== null);
      expect(paid.n + handed.length).toBe(5);
      expect((paid.total ?? 0) + handed.reduce((a, p) => a + p.cashFen, 0)).toBe(500_000);
      expect(campaign.spentFen).toBe(500_000);
    }
  });

  it(`${PARALLEL} parallel hand-overs of one household record it once (${TRIALS} trials)`, async () => {
    const db = await getDb();
    const c = await approvedCampaign(1_000_000);
    const entries = await entriesOf(c.id);
    for (let trial = 0; trial < TRIALS; trial++) {
      const e = entries[trial];
      await signInAs('L0001');
      const results = await Promise.all(Array.from({ length: PARALLEL }, () => recordHandover(handover(e.id))));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const [audits] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'campaign.handover'), eq(auditLog.entityId, String(e.id))));
      expect(audits.n).toBe(1);
    }
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, c.id));
    expect(campaign.spentFen).toBe(TRIALS * 100_000);
  });

  it(`${PARALLEL} parallel additions never overfill a branch's quota (${TRIALS} trials)`, async () => {
    const db = await getDb();
    const all = await activeHouseholds();
    const bs = await branches();
    // The branch with the most households, its quota 0 so that every one of them is added by hand.
    const busiest = bs
      .map((b) => ({ ...b, households: all.filter((h) => h.branchId === b.id) }))
      .sort((a, b) => b.households.length - a.households.length)[0];
    const other = bs.find((b) => b.id !== busiest.id)!;
    expect(busiest.households.length).toBeGreaterThan(3);
    for (let trial = 0; trial < TRIALS; trial++) {
      const c = await makeCampaign({ quota: { [other.id]: 1 } });
      await signInAs('L0001');
      await db.insert(campaignQuotas).values({ campaignId: c.id, branchId: busiest.id, quota: 2 });
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          addEntry({
            campaignId: c.id,
            employeeNo: busiest.households[i % busiest.households.length].employeeNo,
            reason: '增补',
          } as never),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(2);
      const [q] = await db
        .select({ listed: campaignQuotas.listed })
        .from(campaignQuotas)
        .where(and(eq(campaignQuotas.campaignId, c.id), eq(campaignQuotas.branchId, busiest.id)));
      const [n] = await db
        .select({ n: count() })
        .from(campaignEntries)
        .where(and(eq(campaignEntries.campaignId, c.id), eq(campaignEntries.branchId, busiest.id)));
      expect(q.listed).toBe(2);
      expect(n.n).toBe(2);
    }
  });
});
