import { and, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { loginThrottle } from '@/db/schema';

export interface ThrottleRule {
  /** failures that trigger the lock */
  max: number;
  /** failures older than this no longer count */
  window: string;
  /** how long the key stays refused; 'growing': 1 minute at `max`, doubling with each failure after, at most an hour */
  lock: string | 'growing';
}

/**
 * Why three counters (README, "Sign-in throttling"): a stranger who knows an employee number must
 * not be able to lock its holder out, so the tight limit is on the (account, address) pair — the
 * guesser's own address — with delays that grow: 5 failures lock the pair for 1 minute, each
 * further failure doubles it, up to an hour. The account alone has a much higher ceiling (a
 * distributed guess from many addresses), and one address a ceiling across accounts.
 */
export const PAIR_RULE: ThrottleRule = { max: 5, window: '24 hours', lock: 'growing' };
/** 100 failures within a day, from any addresses, lock the account itself for 15 minutes. */
export const ACCOUNT_RULE: ThrottleRule = { max: 100, window: '24 hours', lock: '15 minutes' };
/** One address may fail 50 times in 15 minutes (a shared office gateway stays usable). */
export const ADDRESS_RULE: ThrottleRule = { max: 50, window: '15 minutes', lock: '15 minutes' };

export const accountKey = (employeeNo: string) => `acct:${employeeNo.toUpperCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;
export const pairKey = (employeeNo: string, ip: string) => `pair:${employeeNo.toUpperCase()}|${ip}`;

export async function isLocked(db: Queryable, keys: string[]): Promise<boolean> {
  const rows = await db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.lockedUntil, sql`now()`)))
    .limit(1);
  return rows.length > 0;
}

/** Counts one failure atomically; concurrent failures all count. */
export async function recordFailure(db: Queryable, key: string, rule: ThrottleRule): Promise<void> {
  const growing = rule.lock === 'growing';
  // A window that has passed starts the count again; so does a fixed lock that has run out (a
  // growing lock keeps counting, which is what makes it grow).
  const stale = growing
    ? sql`login_throttle.window_start < now() - ${rule.window}::interval`
    : sql`(login_throttle.locked_until IS NOT NULL AND login_throttle.locked_until <= now())
    OR login_throttle.window_start < now() - ${rule.window}::interval`;
  const next = sql`CASE WHEN ${stale} THEN 1 ELSE login_throttle.failures + 1 END`;
  const lockFor = (failures: SQL) =>
    growing ? sql`least(60, power(2, ${failures} - ${rule.max})) * interval '1 minute'` : sql`${rule.lock}::interval`;
  await db.execute(sql`
    INSERT INTO login_throttle (key, failures, window_start, locked_until)
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${rule.max} THEN now() + ${lockFor(sql`1`)} END)
    ON CONFLICT (key) DO UPDATE SET
      failures = ${next},
      window_start = CASE WHEN ${stale} THEN now() ELSE login_throttle.window_start END,
      locked_until = CASE
        WHEN ${next} >= ${rule.max} THEN now() + ${lockFor(next)}
        WHEN ${stale} THEN NULL
        ELSE login_throttle.locked_until END`);
}

/** Failures counted on a key (within its window), e.g. the account's since its last sign-in. */
export async function failuresOf(db: Queryable, key: string): Promise<number> {
  const [row] = await db.select({ n: loginThrottle.failures }).from(loginThrottle).where(eq(loginThrottle.key, key));
  return row?.n ?? 0;
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.delete(loginThrottle).where(sql`${loginThrottle.key} = ${key}`);
}
