import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import { orgUnits, users } from '@/db/schema';
import { likePrefix, type Scope } from '@/lib/scope';

/** WHERE fragment limiting org units (joined as org_units) to a scope. */
export function unitsWhere(scope: Scope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'subtree') return sql`${orgUnits.path} LIKE ${likePrefix(scope.unitPath)}`;
  return sql`false`;
}

/** WHERE fragment limiting people (users joined to their org_units row) to a scope. */
export function peopleWhere(scope: Scope): SQL | undefined {
  if (scope.kind === 'self') return eq(users.id, scope.userId);
  return unitsWhere(scope);
}
