import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { notifications, users } from '@/db/schema';
import { dummyHash, verifyPassword } from './password';
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  PAIR_RULE,
  accountKey,
  addressKey,
  clearFailures,
  failuresOf,
  isLocked,
  pairKey,
  recordFailure,
} from './throttle';

export type AuthResult =
  { status: 'ok'; user: { id: number; sessionVersion: number } } | { status: 'invalid' } | { status: 'locked' };

/**
 * Checks an employee number and password. Unknown account, wrong password and disabled account
 * all answer 'invalid', so the answer does not reveal which accounts exist. A locked (account,
 * address) pair, account or address is refused before the password is even looked at, so the
 * right password does not help there; from another address the holder still signs in.
 */
export async function authenticate(
  db: Queryable,
  employeeNo: string,
  password: string,
  ip: string,
): Promise<AuthResult> {
  const acct = accountKey(employeeNo);
  const addr = addressKey(ip);
  const pair = pairKey(employeeNo, ip);
  if (await isLocked(db, [pair, acct, addr])) return { status: 'locked' };

  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.employeeNo, employeeNo.toUpperCase()))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);

  if (!user || !ok || user.disabled) {
    await recordFailure(db, pair, PAIR_RULE);
    await recordFailure(db, acct, ACCOUNT_RULE);
    await recordFailure(db, addr, ADDRESS_RULE);
    return { status: 'invalid' };
  }
  // The holder learns of the failed attempts since their last sign-in (the notifications page).
  const failed = await failuresOf(db, acct);
  if (failed > 0) await db.insert(notifications).values({ userId: user.id, kind: `signin_failures:${failed}` });
  await clearFailures(db, acct);
  await clearFailures(db, pair);
  return { status: 'ok', user: { id: user.id, sessionVersion: user.sessionVersion } };
}

/**
 * The caller's address, for the per-address limit. Next's request handler (under `npm start`)
 * fills X-Forwarded-For with the socket's address only when the request has none, so the entry we
 * trust is the last one: the address the nearest hop (our reverse proxy, which appends) saw. A
 * client's own entries sit to its left. Without a reverse proxy a client could still name itself;
 * the per-account lock does not depend on this (see README, deployment).
 */
export function clientIp(headers: Headers): string {
  const hops =
    headers
      .get('x-forwarded-for')
      ?.split(',')
      .map((h) => h.trim())
      .filter(Boolean) ?? [];
  return hops.at(-1) || headers.get('x-real-ip') || 'unknown';
}
