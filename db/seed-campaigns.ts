import { count, eq, sql } from 'drizzle-orm';
import { todayInChina } from '@/lib/dates';
import type { Database } from './client';
import { drawList } from './campaign-draw';
import {
  campaignAmounts,
  campaignEntries,
  campaignPersonEntries,
  campaignPersonRules,
  campaignQuotas,
  campaignSheets,
  campaigns,
  orgUnits,
  users,
} from './schema';

/** The two holiday campaigns a year, with the amounts the union gives per category (fen) and goods. */
const OCCASIONS = [
  {
    occasion: 'spring_festival' as const,
    day: '01-20',
    name: (y: number) => `${y}年春节送温暖`,
    amounts: [
      { category: 'extreme' as const, cashFen: 90_000, items: '大米 25 kg、食用油 5 L' },
      { category: 'hardship' as const, cashFen: 70_000, items: '大米 25 kg' },
      { category: 'near' as const, cashFen: 50_000, items: '' },
      { category: 'serious_illness' as const, cashFen: 100_000, items: '' },
    ],
    // The lone elderly are listed too (outside the quotas). Survivors are not: the demo pays their
    // Spring Festival subsidy with the yearly check (db/seed-programmes.ts).
    persons: [{ kind: 'elder' as const, cashFen: 60_000, items: '大米 10 kg、食用油 5 L' }],
  },
  {
    occasion: 'mid_autumn' as const,
    day: '09-15',
    name: (y: number) => `${y}年中秋慰问`,
    amounts: [
      { category: 'extreme' as const, cashFen: 50_000, items: '月饼 1 盒' },
      { category: 'hardship' as const, cashFen: 30_000, items: '月饼 1 盒' },
      { category: 'serious_illness' as const, cashFen: 50_000, items: '' },
    ],
    persons: [],
  },
];

const SIGNED_PDF = Buffer.from('%PDF-1.4\n% demo signed sign-for list\n');

/**
 * Three years of holiday campaigns on the demo register: each drawn by rule (the Spring Festival's
 * with the lone elderly, so seed the programmes first), confirmed by every branch, approved by L0001
 * and handed over (one household in twelve could not be reached; every elderly person was), the
 * signed lists of past campaigns uploaded. Skipped once any campaign exists.
 */
export async function seedCampaigns(
  db: Database,
  today = todayInChina(),
): Promise<{ campaigns: number; entries: number }> {
  const [{ n }] = await db.select({ n: count() }).from(campaigns);
  if (n > 0) return { campaigns: 0, entries: 0 };
  const [leader] = await db.select({ id: users.id }).from(users).where(eq(users.employeeNo, 'L0001'));
  if (!leader) return { campaigns: 0, entries: 0 };
  const branches = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.level, 'branch'));
  const thisYear = Number(today.slice(0, 4));
  let made = 0;
  let entries = 0;
  for (const year of [thisYear - 2, thisYear - 1, thisYear]) {
    for (const o of OCCASIONS) {
      const heldOn = `${year}-${o.day}`;
      if (heldOn > today) continue;
      await db.transaction(async (tx) => {
        const [{ id }] = await tx
          .insert(campaigns)
          .values({ name: o.name(year), occasion: o.occasion, heldOn, budgetFen: 0, createdBy: leader.id })
          .returning({ id: campaigns.id });
        await tx.insert(campaignAmounts).values(o.amounts.map((a) => ({ ...a, campaignId: id })));
        if (o.persons.length)
          await tx.insert(campaignPersonRules).values(o.persons.map((p) => ({ ...p, campaignId: id })));
        await tx.insert(campaignQuotas).values(branches.map((b) => ({ campaignId: id, branchId: b.id, quota: 40 })));
        entries += await drawList(tx, id);
        // One in twelve not reached; the rest handed over five days before the holiday.
        await tx.execute(sql`
          UPDATE ${campaignEntries} SET
            state = CASE WHEN id % 12 = 0 THEN 'unreachable' ELSE 'delivered' END,
            reason = CASE WHEN id % 12 = 0 THEN '外出务工，未联系上' ELSE '' END,
            handed_over_on = CASE WHEN id % 12 = 0 THEN NULL ELSE ${heldOn}::date - 5 END,
            method = CASE WHEN id % 12 = 0 THEN NULL WHEN id % 3 = 0 THEN 'bank_transfer' ELSE 'in_person' END,
            handed_over_by = CASE WHEN id % 12 = 0 THEN NULL ELSE '支会主席' END,
            received_by = CASE WHEN id % 12 = 0 OR id % 3 = 0 THEN NULL ELSE '本人' END,
            reference = CASE WHEN id % 12 <> 0 AND id % 3 = 0 THEN 'ZH' || id ELSE NULL END,
            recorded_by = CASE WHEN id % 12 = 0 THEN NULL ELSE ${leader.id}::int END,
            version = 2
          WHERE campaign_id = ${id}`);
        await tx.execute(sql`
          UPDATE ${campaignPersonEntries} SET handed_over_on = ${heldOn}::date - 4, method = 'in_person',
            handed_over_by = '支会主席', received_by = '本人', recorded_by = ${leader.id}::int
          WHERE campaign_id = ${id}`);
        // The budget as agreed: the planned cash and a tenth in reserve; spent is what was handed over.
        await tx.execute(sql`
          UPDATE ${campaigns} c SET
            budget_fen = ceil((coalesce((SELECT sum(cash_fen) FROM ${campaignEntries} WHERE campaign_id = c.id), 0)
              + coalesce((SELECT sum(cash_fen) FROM ${campaignPersonEntries} WHERE campaign_id = c.id), 0)) * 1.1 / 10000) * 10000 + 10000,
            spent_fen = coalesce((SELECT sum(cash_fen) FROM ${campaignEntries} WHERE campaign_id = c.id AND state = 'delivered'), 0)
              + coalesce((SELECT sum(cash_fen) FROM ${campaignPersonEntries} WHERE campaign_id = c.id), 0),
            state = 'approved', approved_by = ${leader.id}, approved_at = (${heldOn}::date - 10)::timestamptz, version = 2
          WHERE c.id = ${id}`);
        await tx
          .update(campaignQuotas)
          .set({ confirmedAt: sql`(${heldOn}::date - 12)::timestamptz` as unknown as Date, confirmedBy: leader.id })
          .where(eq(campaignQuotas.campaignId, id));
        const units = await tx
          .selectDistinct({ unitId: campaignEntries.unitId })
          .from(campaignEntries)
          .where(eq(campaignEntries.campaignId, id))
          .union(
            tx
              .selectDistinct({ unitId: campaignPersonEntries.unitId })
              .from(campaignPersonEntries)
              .where(eq(campaignPersonEntries.campaignId, id)),
          );
        if (units.length)
          await tx.insert(campaignSheets).values(
            units.map(({ unitId }) => ({
              campaignId: id,
              unitId,
              fileName: '签领表.pdf',
              contentType: 'application/pdf' as const,
              sizeBytes: SIGNED_PDF.byteLength,
              content: SIGNED_PDF,
              uploadedBy: leader.id,
            })),
          );
      });
      made += 1;
    }
  }
  return { campaigns: made, entries };
}
