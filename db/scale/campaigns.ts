import { eq, sql } from 'drizzle-orm';
import { branchOfPath, drawList } from '../campaign-draw';
import type { Database } from '../client';
import { campaignAmounts, campaignPersonRules, campaignQuotas, campaigns, users } from '../schema';

const AMOUNTS = [
  { category: 'extreme' as const, cashFen: 90_000, items: '大米 25 kg、食用油 5 L' },
  { category: 'hardship' as const, cashFen: 70_000, items: '大米 25 kg' },
  { category: 'near' as const, cashFen: 50_000, items: '' },
  { category: 'serious_illness' as const, cashFen: 100_000, items: '' },
];

/** Survivors' Spring Festival subsidy and the lone elderly's, listed outside the household quotas. */
const PERSON_RULES = [
  { kind: 'survivor' as const, cashFen: 50_000, items: '' },
  { kind: 'elder' as const, cashFen: 60_000, items: '大米 10 kg、食用油 5 L' },
];

/**
 * A province's Spring Festival campaign, still being listed: each branch's quota is what it has of
 * the covered categories, so the list holds every such active household (≈ 110,000 of a
 * million workers' 200,000 files) — the size of list the campaign pages and the export must serve —
 * and, by the campaign's person rules, every active survivor and lone elderly person (a few thousand).
 * Drawn with the app's own statement (db/campaign-draw.ts). Returns the number of entries.
 */
export async function seedProvinceCampaign(db: Database, today: string): Promise<number> {
  const [leader] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'leader')).limit(1);
  if (!leader) return 0;
  const drawn = await db.transaction(async (tx) => {
    const [{ id }] = await tx
      .insert(campaigns)
      .values({
        name: `${today.slice(0, 4)}年全省春节送温暖`,
        occasion: 'spring_festival',
        heldOn: today,
        budgetFen: 0,
        createdBy: leader.id,
      })
      .returning({ id: campaigns.id });
    await tx.insert(campaignAmounts).values(AMOUNTS.map((a) => ({ ...a, campaignId: id })));
    await tx.insert(campaignPersonRules).values(PERSON_RULES.map((r) => ({ ...r, campaignId: id })));
    await tx.execute(sql`
      INSERT INTO ${campaignQuotas} (campaign_id, branch_id, quota)
      SELECT ${id}, ${branchOfPath(sql`u.path`)}, count(*)
      FROM households h JOIN org_units u ON u.id = h.unit_id
      WHERE h.status = 'active' AND h.category IN ('extreme', 'hardship', 'near', 'serious_illness')
        AND u.level <> 'mine'
      GROUP BY 2`);
    const n = await drawList(tx, id);
    await tx.execute(sql`
      UPDATE ${campaigns} SET budget_fen = (
        (SELECT coalesce(sum(cash_fen), 0) FROM campaign_entries WHERE campaign_id = ${id}) +
        (SELECT coalesce(sum(cash_fen), 0) FROM campaign_person_entries WHERE campaign_id = ${id})) * 11 / 10
      WHERE id = ${id}`);
    return n;
  });
  await db.execute(
    sql`ANALYZE campaigns, campaign_amounts, campaign_quotas, campaign_entries, campaign_person_rules, campaign_person_entries, survivors, lonely_elders`,
  );
  return drawn;
}
