import { sql } from 'drizzle-orm';
import type { Tx } from './client';
import {
  campaignAmounts,
  campaignEntries,
  campaignQuotas,
  campaignPersonEntries,
  campaignPersonRules,
  categorySeverity,
  households,
  lonelyElders,
  orgUnits,
  survivors,
} from './schema';

// Free of 'server-only': the demo seed (a plain script) draws its campaigns' lists with it too.

/**
 * The branch a unit belongs to: the second id of its path ("1.4.17." → 4), the unit itself for a
 * branch, null for the mine (whose households belong to no branch's quota).
 */
export const branchOfPath = (path: unknown) => sql<number>`nullif(split_part(${path}, '.', 2), '')::int`;

/**
 * Draws the list by rule, in one statement so a province's 200,000 households never travel to
 * the application: the active households of the covered categories, in the branches with a quota,
 * the hardest categories first (then the oldest file) up to each branch's quota. Then each
 * quota's `listed` is set to what was drawn. For each kind of person the campaign includes (a person
 * rule), every such person in a branch with a quota is listed too, apart from the households and
 * outside their quotas: survivors still receiving an allowance, lone elderly people still on the
 * visit list. Returns the number of household entries.
 */
export async function drawList(tx: Tx, campaignId: number): Promise<number> {
  const inserted = await tx.execute(sql`
    INSERT INTO ${campaignEntries} (campaign_id, household_id, branch_id, unit_id, category, cash_fen, items, source)
    SELECT ${campaignId}, ranked.id, ranked.branch_id, ranked.unit_id, ranked.category, ranked.cash_fen, ranked.items, 'drawn'
    FROM (
      SELECT h.id, h.unit_id, h.category, a.cash_fen, a.items, q.branch_id, q.quota,
             row_number() OVER (PARTITION BY q.branch_id ORDER BY ${categorySeverity(sql`h.category`)}, h.id) AS n
      FROM ${households} h
      JOIN ${orgUnits} u ON u.id = h.unit_id
      JOIN ${campaignAmounts} a ON a.campaign_id = ${campaignId} AND a.category = h.category
      JOIN ${campaignQuotas} q ON q.campaign_id = ${campaignId} AND q.branch_id = ${branchOfPath(sql`u.path`)}
      WHERE h.status = 'active'
    ) ranked
    WHERE ranked.n <= ranked.quota`);
  await tx.execute(sql`
    INSERT INTO ${campaignPersonEntries} (campaign_id, kind, survivor_id, elder_id, branch_id, unit_id, cash_fen, items)
    SELECT r.campaign_id, r.kind, p.survivor_id, p.elder_id, q.branch_id, p.unit_id, r.cash_fen, r.items
    FROM ${campaignPersonRules} r
    JOIN (
      SELECT 'survivor' AS kind, s.id AS survivor_id, NULL::int AS elder_id, s.unit_id FROM ${survivors} s WHERE s.status = 'active'
      UNION ALL
      SELECT 'elder', NULL, e.id, e.unit_id FROM ${lonelyElders} e WHERE e.active
    ) p ON p.kind = r.kind
    JOIN ${orgUnits} u ON u.id = p.unit_id
    JOIN ${campaignQuotas} q ON q.campaign_id = r.campaign_id AND q.branch_id = ${branchOfPath(sql`u.path`)}
    WHERE r.campaign_id = ${campaignId}
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`
    UPDATE ${campaignQuotas} q SET listed = (
      SELECT count(*) FROM ${campaignEntries} e WHERE e.campaign_id = q.campaign_id AND e.branch_id = q.branch_id)
    WHERE q.campaign_id = ${campaignId}`);
  return inserted.rowCount ?? 0;
}
