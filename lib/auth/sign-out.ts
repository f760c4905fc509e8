import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { readSession } from './session-token';

/**
 * Ends the caller's session on the server: bumps the account's session version (as a role change
 * or a password reset does), so this cookie — and any other of the same account — stops working
 * at once on every instance. Guarded on the version the cookie carries: an already ended session
 * changes nothing. Returns whether a session was ended.
 */
export async function endSession(): Promise<boolean> {
  const session = await readSession();
  if (!session) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, session.uid), eq(users.sessionVersion, session.ver)))
      .returning({ id: users.id });
    if (!row) return false;
    await writeAudit(tx, row.id, { action: 'auth.sign_out', entity: 'user', entityId: row.id });
    return true;
  });
}
