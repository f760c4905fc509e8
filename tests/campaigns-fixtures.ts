import { and, eq, sql } from 'drizzle-orm';
import { createCampaign } from '@/lib/campaigns/campaign-actions';
import { getDb } from '@/db/client';
import { campaignEntries, CATEGORIES, households, orgUnits, users } from '@/db/schema';
import { signInAs } from './session';

/** The demo mine's branches, in code order. */
export async function branches(): Promise<{ id: number; code: string }[]> {
  const db = await getDb();
  return db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(eq(orgUnits.level, 'branch'))
    .orderBy(orgUnits.code);
}

/** Active households with their worker's employee number, unit and branch. */
export async function activeHouseholds() {
  const db = await getDb();
  return db
    .select({
      id: households.id,
      employeeNo: users.employeeNo,
      category: households.category,
      unitId: households.unitId,
      branchId: sql<number>`split_part(${orgUnits.path}, '.', 2)::int`,
    })
    .from(households)
    .innerJoin(users, eq(users.id, households.workerId))
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(eq(households.status, 'active'))
    .orderBy(households.id);
}

/**
 * A campaign created by L0001: every category at `cashYuan` unless `categories` narrows it, each
 * branch's quota `quota` (or per branch id), budget `budgetYuan`.
 */
export async function makeCampaign(
  opts: {
    name?: string;
    cashYuan?: number;
    budgetYuan?: number;
    quota?: number | Record<number, number>;
    categories?: readonly string[];
    /** Survivors and/or lone elderly listed too, each at this cash (yuan). */
    persons?: Partial<Record<'survivor' | 'elder', number>>;
  } = {},
) {
  await signInAs('L0001');
  const bs = await branches();
  const cats = opts.categories ?? CATEGORIES;
  const r = await createCampaign({
    name: opts.name ?? '春节送温暖',
    occasion: 'spring_festival',
    heldOn: '2026-01-20',
    budget: String(opts.budgetYuan ?? 1_000_000),
    amounts: cats.map((category) => ({ category, cash: String(opts.cashYuan ?? 800), items: '' })),
    persons: Object.entries(opts.persons ?? {}).map(([kind, cash]) => ({ kind, cash: String(cash), items: '' })),
    quotas: bs.map((b) => ({
      branchId: b.id,
      quota: String(typeof opts.quota === 'object' ? (opts.quota[b.id] ?? 0) : (opts.quota ?? 100)),
    })),
  } as never);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

export async function entriesOf(campaignId: number) {
  const db = await getDb();
  return db
    .select()
    .from(campaignEntries)
    .where(and(eq(campaignEntries.campaignId, campaignId)))
    .orderBy(campaignEntries.id);
}
