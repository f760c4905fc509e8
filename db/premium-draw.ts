import { sql } from 'drizzle-orm';
import type { Tx } from './client';
import { householdMembers, households, premiumBatches, premiumEntries } from './schema';
import { PREMIUM_CATEGORIES } from '../lib/premiums/rules';

// Free of 'server-only': the demo seed (a plain script) draws its batches with it too.

/**
 * Draws a year's premium list in one statement: every family member without employee medical
 * insurance of an active 特困 or 困难 household, at the batch's rate, with the ID number typed for
 * the same person in an earlier year. A person already on this year's list (by place or by ID
 * number) is skipped by the unique keys. Returns the number of people drawn.
 */
export async function drawPremiumList(tx: Tx, batchId: number): Promise<number> {
  const inserted = await tx.execute(sql`
    INSERT INTO ${premiumEntries} (batch_id, year, household_id, unit_id, name, relation, birth_date, id_number, amount_fen, source)
    SELECT b.id, b.year, h.id, h.unit_id, m.name, m.relation, m.birth_date,
           (SELECT p.id_number FROM ${premiumEntries} p
             WHERE p.household_id = h.id AND p.name = m.name AND p.birth_date = m.birth_date AND p.id_number IS NOT NULL
             ORDER BY p.year DESC LIMIT 1),
           b.rate_fen, 'drawn'
    FROM ${premiumBatches} b
    CROSS JOIN ${households} h
    JOIN ${householdMembers} m ON m.household_id = h.id
    WHERE b.id = ${batchId} AND h.status = 'active'
      AND h.category IN (${sql.raw(PREMIUM_CATEGORIES.map((c) => `'${c}'`).join(','))})
      AND NOT m.employee_insurance
    ORDER BY h.id, m.id
    ON CONFLICT DO NOTHING`);
  return inserted.rowCount ?? 0;
}
