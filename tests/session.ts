import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/scope';
import { loadActor } from '@/lib/auth/session';

/** The session the mocked auth() returns: what a signed-in browser's cookie would carry. */
export const session: { current: { uid: number; ver: number } | null } = { current: null };

export async function userId(employeeNo: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.employeeNo, employeeNo));
  if (!row) throw new Error(`no user ${employeeNo}`);
  return row.id;
}

/** Signs in as an account (with its current session version) and returns its actor. */
export async function signInAs(employeeNo: string): Promise<Actor> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, ver: users.sessionVersion })
    .from(users)
    .where(eq(users.employeeNo, employeeNo));
  if (!row) throw new Error(`no user ${employeeNo}`);
  session.current = { uid: row.id, ver: row.ver };
  const actor = await loadActor(db, row.id, row.ver);
  if (!actor) throw new Error(`${employeeNo} cannot sign in`);
  return actor;
}

export function signOutSession() {
  session.current = null;
}
