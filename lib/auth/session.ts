import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb, type Queryable } from '@/db/client';
import { preparedOn } from '@/db/prepared';
import { orgUnits, users } from '@/db/schema';
import { can, type Capability } from '@/lib/permissions';
import type { Actor } from '@/lib/scope';
import { readSession } from './session-token';

/**
 * The one way to learn who is asking. The token only names the user and a session version; role,
 * unit and status always come from the database, so disabling an account, changing its role or
 * unit, or resetting its password takes effect on the very next request.
 */
const actorQuery = (db: Queryable) =>
  db
    .select({
      userId: users.id,
      employeeNo: users.employeeNo,
      name: users.name,
      role: users.role,
      unitId: users.unitId,
      unitPath: orgUnits.path,
      version: users.sessionVersion,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(eq(users.id, sql.placeholder('userId')))
    .limit(1)
    .prepare('load_actor');

export async function loadActor(db: Queryable, userId: number, version: number | undefined): Promise<Actor | null> {
  // Every request runs this: built once (db/prepared.ts).
  const [row] = await preparedOn(db, actorQuery).execute({ userId });
  if (!row || row.disabled || row.version !== version) return null;
  const { disabled: _disabled, ...actor } = row;
  return actor;
}

/** Cached per request: one session decode and one query however many components ask. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await readSession();
  if (!session) return null;
  return loadActor(await getDb(), session.uid, session.ver);
});

/**
 * For pages: the actor, or a redirect to the sign-in page. An account still on its one-time
 * password (an import created it) is sent to change it first; only that page lets it stay.
 */
export async function requireActor(opts: { pendingPassword?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  if (actor.mustChangePassword && !opts.pendingPassword) redirect('/account/password?first=1');
  return actor;
}

/** For pages reserved to a capability (lib/permissions.ts): roles without it get the 403 page. */
export async function requirePermission(capability: Capability): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, capability)) forbidden();
  return actor;
}
