'use server';

import { signOut } from '@/lib/auth/config';

export async function logout(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
