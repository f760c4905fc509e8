import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logout } from '@/lib/auth/logout-actions';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { signOut } from '@/lib/auth/config';
import { loadActor } from '@/lib/auth/session';
import { session, signInAs } from '../session';

describe('signing out', () => {
  it('ends the session on the server: the old cookie stops working, a new sign-in works', async () => {
    const actor = await signInAs('B0002');
    const cookie = session.current!; // what the browser's cookie carries
    const db = await getDb();
    expect(await loadActor(db, cookie.uid, cookie.ver)).not.toBeNull();

    await logout();
    expect(signOut).toHaveBeenCalled();
    // The same cookie, presented again (a copy, another tab): refused.
    expect(await loadActor(db, cookie.uid, cookie.ver)).toBeNull();
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sign_out'), eq(auditLog.actorId, actor.userId)));
    expect(rows).toHaveLength(1);

    // Signing out again with the dead cookie changes nothing; signing in again works.
    await logout();
    expect(await loadActor(db, cookie.uid, cookie.ver + 2)).toBeNull();
    const again = await signInAs('B0002');
    expect(session.current!.ver).toBe(cookie.ver + 1);
    expect(again.userId).toBe(actor.userId);
  });

  it('from someone not signed in, writes nothing', async () => {
    session.current = null;
    await expect(logout()).resolves.toBeUndefined();
  });
});
