import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { orgUnits, users } from '@/db/schema';
import { likePrefix, type Actor } from '@/lib/scope';

export interface UnitWorkerCount {
  unitId: number;
  name: string;
  workers: number;
}

/**
 * Active workers under each child of `parent` (or under `parent` itself when it has no children,
 * as for a sub-branch). Used per branch for leaders and per sub-unit for officials.
 */
export async function workersPerChildUnit(db: Queryable, parent: { id: number; path: string }): Promise<UnitWorkerCount[]> {
  const rows = await db.execute<{ unit_id: number; name: string; workers: number }>(sql`
    SELECT c.id AS unit_id, c.name, count(u.id)::int AS workers
    FROM ${orgUnits} c
    LEFT JOIN ${orgUnits} d ON d.path LIKE c.path || '%'
    LEFT JOIN ${users} u ON u.unit_id = d.id AND u.role = 'worker' AND NOT u.disabled
    WHERE c.parent_id = ${parent.id} OR (c.id = ${parent.id} AND NOT EXISTS (SELECT 1 FROM ${orgUnits} k WHERE k.parent_id = ${parent.id}))
    GROUP BY c.id, c.name, c.path
    ORDER BY string_to_array(rtrim(c.path, '.'), '.')::int[]`);
  return rows.rows.map((r) => ({ unitId: Number(r.unit_id), name: r.name, workers: Number(r.workers) }));
}

export interface WorkerProfile {
  employeeNo: string;
  name: string;
  unitChain: string;
  phoneMasked: string;
  idNumberMasked: string;
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

export async function unitOf(db: Queryable, actor: Actor): Promise<{ id: number; name: string; path: string; level: string }> {
  const [row] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, level: orgUnits.level })
    .from(orgUnits)
    .where(eq(orgUnits.id, actor.unitId));
  return row;
}

export async function activeWorkersUnder(db: Queryable, path: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(users.role, 'worker'), eq(users.disabled, false), sql`${orgUnits.path} LIKE ${likePrefix(path)}`));
  return row.n;
}
