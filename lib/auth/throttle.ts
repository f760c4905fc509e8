import { and, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { loginThrottle } from '@/db/schema';

export interface ThrottleRule {
  /** failures that trigger the lock */
  max: number;
  /** failures older than this no longer count */
  window: string;
  /** how long the key stays refused */
  lock: string;
}

/** 10 consecutive failures lock an account for 15 minutes. */
export const ACCOUNT_RULE: ThrottleRule = { max: 10, window: '100 years', lock: '15 minutes' };
/** One address may fail 50 times in 15 minutes (a shared office gateway stays usable). */
export const ADDRESS_RULE: ThrottleRule = { max: 50, window: '15 minutes', lock: '15 minutes' };

export const accountKey = (employeeNo: string) => `acct:${employeeNo.toUpperCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

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
  // A lock that has run out, or a window that has passed, starts the count again.
  const stale = sql`(login_throttle.locked_until IS NOT NULL AND login_throttle.locked_until <= now())
    OR login_throttle.window_start < now() - ${rule.window}::interval`;
  const next = sql`CASE WHEN ${stale} THEN 1 ELSE login_throttle.failures + 1 END`;
  await db.execute(sql`
    INSERT INTO login_throttle (key, failures, window_start, locked_until)
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${rule.max} THEN now() + ${rule.lock}::interval END)
    ON CONFLICT (key) DO UPDATE SET
      failures = ${next},
      window_start = CASE WHEN ${stale} THEN now() ELSE login_throttle.window_start END,
      locked_until = CASE
        WHEN ${next} >= ${rule.max} THEN now() + ${rule.lock}::interval
        WHEN ${stale} THEN NULL
        ELSE login_throttle.locked_until END`);
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.delete(loginThrottle).where(sql`${loginThrottle.key} = ${key}`);
}
