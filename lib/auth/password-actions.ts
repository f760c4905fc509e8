'use server';

import { eq, sql } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { users } from '@/db/schema';
import { action } from '@/lib/auth/action';
import type { ActionResult } from '@/lib/auth/action-result';
import { unstable_update } from '@/lib/auth/config';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { invalidField } from '@/lib/errors';
import { changePasswordSchema } from '@/lib/validation/auth';

const change = action(
  { name: 'account.changePassword', can: 'account.manage', schema: changePasswordSchema },
  async ({ currentPassword, newPassword }, { actor, tx }) => {
    const [row] = await tx
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for('update');
    if (!(await verifyPassword(row.passwordHash, currentPassword)))
      throw invalidField('currentPassword', 'currentPasswordWrong');
    // Other sessions of this account end; this one is re-issued below with the new version.
    const [{ version }] = await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(newPassword),
        mustChangePassword: false,
        updatedAt: new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, actor.userId))
      .returning({ version: users.sessionVersion });
    return { data: { version }, audit: { action: 'account.changePassword', entity: 'user', entityId: actor.userId } };
  },
);

/**
 * Re-issues this browser's session with the new version, then sends it to a fresh request of the
 * page: the re-render inside this same request would still see the old cookie.
 */
export const changePassword = Object.assign(
  async (input: Parameters<typeof change>[0]): Promise<ActionResult> => {
    const result = await change(input);
    if (!result.ok) return result;
    await unstable_update({ ver: result.data.version });
    redirect('/account/password?changed=1');
  },
  { capability: change.capability },
);
