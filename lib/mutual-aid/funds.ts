import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { mutualFunds } from '@/db/schema';

/**
 * Moves a scheme-year's fund by the given amounts (positive in, negative back), creating the row on
 * first use. The CHECK on mutual_funds keeps each total from going below zero.
 */
export async function addToFund(
  tx: Queryable,
  schemeId: number,
  year: number,
  d: { contributionsFen?: number; payoutsFen?: number; payouts?: number },
): Promise<void> {
  const c = d.contributionsFen ?? 0;
  const p = d.payoutsFen ?? 0;
  const n = d.payouts ?? 0;
  // An UPDATE first: an INSERT's CHECK would judge a negative delta itself, before ON CONFLICT.
  const updated = await tx
    .update(mutualFunds)
    .set({
      contributionsFen: sql`${mutualFunds.contributionsFen} + ${c}::bigint`,
      payoutsFen: sql`${mutualFunds.payoutsFen} + ${p}::bigint`,
      payouts: sql`${mutualFunds.payouts} + ${n}::int`,
    })
    .where(and(eq(mutualFunds.schemeId, schemeId), eq(mutualFunds.year, year)))
    .returning({ id: mutualFunds.id });
  if (updated.length > 0) return;
  await tx
    .insert(mutualFunds)
    .values({ schemeId, year, contributionsFen: c, payoutsFen: p, payouts: n })
    .onConflictDoUpdate({
      target: [mutualFunds.schemeId, mutualFunds.year],
      set: {
        contributionsFen: sql`${mutualFunds.contributionsFen} + excluded.contributions_fen`,
        payoutsFen: sql`${mutualFunds.payoutsFen} + excluded.payouts_fen`,
        payouts: sql`${mutualFunds.payouts} + excluded.payouts`,
      },
    });
}
