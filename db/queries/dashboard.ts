import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { orgUnits } from '@/db/schema';
import type { Actor } from '@/lib/scope';

export interface UnitWorkerCount {
  unitId: number;
  name: string;
  workers: number;
}

export async function unitChainName(db: Queryable, path: string): Promise<string> {
  const ids = path.split('.').filter(Boolean).map(Number);
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return ids.map((id) => byId.get(id) ?? '').join(' / ');
}

export async function unitOf(
  db: Queryable,
  actor: Actor,
): Promise<{ id: number; name: string; path: string; level: string }> {
  const [row] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, level: orgUnits.level })
    .from(orgUnits)
    .where(eq(orgUnits.id, actor.unitId));
  return row;
}
