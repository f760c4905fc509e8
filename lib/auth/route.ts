import 'server-only';
import { jsonError } from '@/lib/http';
import { can, type Capability } from '@/lib/permissions';
import type { Actor } from '@/lib/scope';
import { getActor } from './session';

/**
 * Who is asking a route handler: the actor, or the answer to send instead — 401 without a session
 * (a JSON answer, not a redirect: these are fetched, not browsed), 403 for a role without the capability.
 * Record scope stays with the handler's scoped query, as in pages and actions.
 */
export async function routeActor(capability?: Capability): Promise<Actor | Response> {
  const actor = await getActor();
  if (!actor) return jsonError(401, 'unauthenticated');
  if (capability && !can(actor.role, capability)) return jsonError(403, 'forbidden');
  if (actor.mustChangePassword) return jsonError(403, 'mustChangePassword');
  return actor;
}
