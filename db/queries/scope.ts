import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import { orgUnits, users } from '@/db/schema';
import { likePrefix, scopeOf, type Actor, type Scope } from '@/lib/scope';

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

/**
 * Units whose hardship register the actor keeps (joined as org_units): an official's subtree,
 * everything for a leader, nothing for workers and administrators. Households, symposiums and
 * their opinions all use this one rule.
 */
export function registerUnitsWhere(actor: Actor): SQL {
  if (actor.role === 'admin' || actor.role === 'worker') return sql`false`;
  return unitsWhere(scopeOf(actor)) ?? sql`true`;
}
