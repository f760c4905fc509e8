import 'server-only';
import { aliasedTable, and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { orgUnits } from '@/db/schema';
import type { Scope } from '@/lib/scope';
import { unitsWhere } from './scope';
import { treeOrder, withChainNames } from './units';

export interface UnitOption {
  id: number;
  chain: string;
}

const other = aliasedTable(orgUnits, 'other_unit');

/** A path's own prefixes, the unit's chain: "1.2.502." → "1.", "1.2.", "1.2.502.". */
const chainPaths = (path: string) =>
  path
    .split('.')
    .filter(Boolean)
    .map((_, i, parts) => `${parts.slice(0, i + 1).join('.')}.`);

/**
 * What a list's unit filter offers: the top of the actor's scope and the units right below it
 * (a leader: the mine and its branches; a branch official: the branch and its sub-branches), and
 * once a unit is chosen its chain and the units right below each unit of it (its own children and
 * its siblings), so a person narrows down, or moves across, a level at a time. Every unit in scope would be 2,501 options for a province's leader: about
 * 200 KB of HTML per list page (twice, with the page's payload) and 20 ms to build and render —
 * more than the page's rows cost.
 */
export async function unitFilterOptions(db: Queryable, scope: Scope, chosenId?: number): Promise<UnitOption[]> {
  if (scope.kind === 'self') return [];
  const inScope = unitsWhere(scope);
  const top = (t: typeof orgUnits) => (scope.kind === 'subtree' ? eq(t.path, scope.unitPath) : isNull(t.parentId));
  const [chosen] = chosenId
    ? await db
        .select({ path: orgUnits.path })
        .from(orgUnits)
        .where(and(eq(orgUnits.id, chosenId), inScope))
    : [];
  const units = await db
    .select({
      id: orgUnits.id,
      code: orgUnits.code,
      name: orgUnits.name,
      level: orgUnits.level,
      parentId: orgUnits.parentId,
      path: orgUnits.path,
    })
    .from(orgUnits)
    .where(
      and(
        inScope,
        or(
          top(orgUnits),
          inArray(orgUnits.parentId, db.select({ id: other.id }).from(other).where(top(other))),
          chosen
            ? or(
                inArray(orgUnits.path, chainPaths(chosen.path)),
                inArray(
                  orgUnits.parentId,
                  db
                    .select({ id: other.id })
                    .from(other)
                    .where(inArray(other.path, chainPaths(chosen.path))),
                ),
              )
            : undefined,
        ),
      ),
    )
    .orderBy(treeOrder);
  return withChainNames(units).map(({ id, chain }) => ({ id, chain }));
}
