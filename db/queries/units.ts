import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { orgUnits, users, type UnitLevel } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { Scope } from '@/lib/scope';
import { unitsWhere } from './scope';

/** Tree order: compare paths as arrays of ids, so "2." sorts before "10.". */
export const treeOrder = sql`string_to_array(rtrim(${orgUnits.path}, '.'), '.')::int[]`;

export interface UnitDto {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  path: string;
}

const unitColumns = {
  id: orgUnits.id,
  code: orgUnits.code,
  name: orgUnits.name,
  level: orgUnits.level,
  parentId: orgUnits.parentId,
  path: orgUnits.path,
};

/** Every unit the scope covers, in tree order (parents before their children). */
export function listUnits(db: Queryable, scope: Scope): Promise<UnitDto[]> {
  return db.select(unitColumns).from(orgUnits).where(unitsWhere(scope)).orderBy(treeOrder);
}

/**
 * The units a dashboard names besides those in its figures: the chain down to `unit` and the
 * `shown` units below it — within scope, in tree order. A province's 2,500 units (or a mine's
 * 500 branches) would otherwise be read and labelled on every request.
 */
export function unitsAround(db: Queryable, scope: Scope, unit: { path: string }, shown: number[]): Promise<UnitDto[]> {
  const ids = [...unit.path.split('.').filter(Boolean).map(Number), ...shown];
  return db
    .select(unitColumns)
    .from(orgUnits)
    .where(and(unitsWhere(scope), inArray(orgUnits.id, ids)))
    .orderBy(treeOrder);
}

/** A unit in scope, or AppError('not_found'), the same answer for missing and out of scope. */
export async function getUnit(
  db: Queryable,
  scope: Scope,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<UnitDto> {
  const q = db
    .select(unitColumns)
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), unitsWhere(scope)))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

/** Units with the chain of names above them, e.g. "矿工会 / 采矿场 / 一采区", for labels and pickers. */
export function withChainNames(units: UnitDto[], all: UnitDto[] = units): (UnitDto & { chain: string })[] {
  const byId = new Map(all.map((u) => [u.id, u]));
  return units.map((u) => {
    const names: string[] = [];
    for (const part of u.path.split('.').filter(Boolean)) {
      const unit = byId.get(Number(part));
      if (unit) names.push(unit.name);
    }
    return { ...u, chain: names.join(' / ') };
  });
}

/** Active workers per unit, for the tree and the dashboards. */
export async function workerCountsByUnit(db: Queryable, scope: Scope): Promise<Map<number, number>> {
  const rows = await db
    .select({ unitId: users.unitId, n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(users.role, 'worker'), eq(users.disabled, false), unitsWhere(scope)))
    .groupBy(users.unitId);
  return new Map(rows.map((r) => [r.unitId, r.n]));
}
