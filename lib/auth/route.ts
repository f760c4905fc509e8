import 'server-only';
import { jsonError } from '@/lib/http';
import type { Role } from '@/lib/roles';
import type { Actor } from '@/lib/scope';
import { getActor } from './session';

/**
 * Who is asking a route handler: the actor, or the answer to send instead — 401 without a session
 * (a JSON answer, not a redirect: these are fetched, not browsed), 403 for a role not in `roles`.
 * Record scope stays with the handler's scoped query, as in pages and actions.
 */
export async function routeActor(roles?: readonly Role[]): Promise<Actor | Response> {
  const actor = await getActor();
  if (!actor) return jsonError(401, 'unauthenticated');
  if (roles && !roles.includes(actor.role)) return jsonError(403, 'forbidden');
  return actor;
}
