'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import type { ActionResult } from '@/lib/auth/action-result';
import { signIn } from '@/lib/auth/config';
import type { FieldErrors } from '@/lib/errors';
import { loginSchema, type LoginInput } from '@/lib/validation/auth';

/**
 * Signing in is the one action open to anonymous callers. Every wrong answer reads the same;
 * a locked account or address says so (without telling whether the account exists).
 */
export async function login(input: LoginInput): Promise<ActionResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      code: 'invalid',
      error: 'invalid',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors,
    };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
    return { ok: true, data: null };
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      return err.code === 'locked'
        ? { ok: false, code: 'rate_limited', error: 'loginLocked' }
        : { ok: false, code: 'invalid', error: 'loginInvalid' };
    }
    if (err instanceof AuthError) {
      console.error('[login] auth error', err);
      return { ok: false, code: 'invalid', error: 'loginInvalid' };
    }
    console.error('[login] unexpected failure', err);
    return { ok: false, code: 'error', error: 'unexpected' };
  }
}
