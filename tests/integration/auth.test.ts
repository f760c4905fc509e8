import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loginThrottle, notifications, users } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { loadActor } from '@/lib/auth/session';
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  PAIR_RULE,
  accountKey,
  addressKey,
  pairKey,
  recordFailure,
} from '@/lib/auth/throttle';

const IP = '198.51.100.7';

describe('sign-in', () => {
  beforeEach(async () => {
    const db = await getDb();
    await db.delete(loginThrottle);
    await db.update(users).set({ disabled: false }).where(eq(users.employeeNo, 'W0101'));
  });

  it('accepts the right password and refuses a wrong one with one generic answer', async () => {
    const db = await getDb();
    expect((await authenticate(db, 'W0101', 'demo1234', IP)).status).toBe('ok');
    expect((await authenticate(db, 'w0101', 'demo1234', IP)).status).toBe('ok');
    expect(await authenticate(db, 'W0101', 'wrong-pass1', IP)).toEqual({ status: 'invalid' });
    expect(await authenticate(db, 'X9999', 'demo1234', IP)).toEqual({ status: 'invalid' });
  });

  it('locks the guesser’s (account, address) pair after five failures, not the account', async () => {
    const db = await getDb();
    for (let i = 0; i < 10; i++)
      expect((await authenticate(db, 'W0102', `wrong${i}aaaa`, IP)).status).toMatch(/invalid|locked/);
    // From the guessing address even the right password is refused…
    expect((await authenticate(db, 'W0102', 'demo1234', IP)).status).toBe('locked');
    // …but the holder signs in from their own address, and nobody else is affected.
    expect((await authenticate(db, 'W0102', 'demo1234', '192.0.2.44')).status).toBe('ok');
    expect((await authenticate(db, 'W0103', 'demo1234', IP)).status).toBe('ok');
  });

  it('makes the pair wait longer after each further failure: 1, 2, 4 minutes…', async () => {
    const db = await getDb();
    const addr = '198.51.100.8';
    const lockMinutes = async () => {
      const [row] = await db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, pairKey('W0104', addr)));
      return (row.lockedUntil!.getTime() - Date.now()) / 60_000;
    };
    const expire = () =>
      db
        .update(loginThrottle)
        .set({ lockedUntil: sql`now() - interval '1 second'` })
        .where(eq(loginThrottle.key, pairKey('W0104', addr)));
    for (let i = 0; i < PAIR_RULE.max; i++) await authenticate(db, 'W0104', 'nope1234', addr);
    expect(await lockMinutes()).toBeCloseTo(1, 0);
    for (const minutes of [2, 4, 8]) {
      await expire();
      expect(await authenticate(db, 'W0104', 'nope1234', addr)).toEqual({ status: 'invalid' });
      expect(await lockMinutes()).toBeCloseTo(minutes, 0);
    }
    await expire();
    expect((await authenticate(db, 'W0104', 'demo1234', addr)).status).toBe('ok');
  });

  it('locks the account itself only past a much higher ceiling', async () => {
    const db = await getDb();
    for (let i = 0; i < ACCOUNT_RULE.max; i++) await recordFailure(db, accountKey('W0108'), ACCOUNT_RULE);
    expect(ACCOUNT_RULE.max).toBeGreaterThanOrEqual(10 * PAIR_RULE.max);
    expect((await authenticate(db, 'W0108', 'demo1234', '192.0.2.45')).status).toBe('locked');
  });

  it('tells the holder of the failed attempts at their next sign-in', async () => {
    const db = await getDb();
    const [w] = await db.select({ id: users.id }).from(users).where(eq(users.employeeNo, 'W0109'));
    for (let i = 0; i < 3; i++) await authenticate(db, 'W0109', 'nope1234', '192.0.2.46');
    expect((await authenticate(db, 'W0109', 'demo1234', IP)).status).toBe('ok');
    const notes = await db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, w.id));
    expect(notes.map((n) => n.kind)).toEqual(['signin_failures:3']);
    // Counted from there afresh: the next sign-in has nothing to tell.
    expect((await authenticate(db, 'W0109', 'demo1234', IP)).status).toBe('ok');
    expect(await db.select().from(notifications).where(eq(notifications.userId, w.id))).toHaveLength(1);
  });

  it('resets the count after a success, so only consecutive failures lock', async () => {
    const db = await getDb();
    for (let i = 0; i < PAIR_RULE.max - 1; i++) await authenticate(db, 'W0105', 'nope1234', IP);
    expect((await authenticate(db, 'W0105', 'demo1234', IP)).status).toBe('ok');
    for (let i = 0; i < PAIR_RULE.max - 1; i++) await authenticate(db, 'W0105', 'nope1234', IP);
    expect((await authenticate(db, 'W0105', 'demo1234', IP)).status).toBe('ok');
  });

  it('limits one address across accounts', async () => {
    const db = await getDb();
    for (let i = 0; i < ADDRESS_RULE.max; i++) await recordFailure(db, addressKey('203.0.113.9'), ADDRESS_RULE);
    expect((await authenticate(db, 'W0106', 'demo1234', '203.0.113.9')).status).toBe('locked');
    expect((await authenticate(db, 'W0106', 'demo1234', '203.0.113.10')).status).toBe('ok');
  });

  it('counts concurrent failures without losing any', async () => {
    const db = await getDb();
    await Promise.all(Array.from({ length: 8 }, () => recordFailure(db, accountKey('W0107'), ACCOUNT_RULE)));
    const [row] = await db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, accountKey('W0107')));
    expect(row.failures).toBe(8);
  });

  it('treats a disabled account like a wrong password', async () => {
    const db = await getDb();
    await db.update(users).set({ disabled: true }).where(eq(users.employeeNo, 'W0101'));
    expect((await authenticate(db, 'W0101', 'demo1234', IP)).status).toBe('invalid');
  });

  it('ends a session whose version is older than the account, or whose account is disabled', async () => {
    const db = await getDb();
    const [u] = await db.select().from(users).where(eq(users.employeeNo, 'W0108'));
    expect(await loadActor(db, u.id, u.sessionVersion)).not.toBeNull();
    await db
      .update(users)
      .set({ sessionVersion: u.sessionVersion + 1 })
      .where(eq(users.id, u.id));
    expect(await loadActor(db, u.id, u.sessionVersion)).toBeNull();
    expect(await loadActor(db, u.id, u.sessionVersion + 1)).not.toBeNull();
    await db.update(users).set({ disabled: true }).where(eq(users.id, u.id));
    expect(await loadActor(db, u.id, u.sessionVersion + 1)).toBeNull();
    await db.update(users).set({ disabled: false }).where(eq(users.id, u.id));
  });
});

describe('the address used for the per-address limit', () => {
  it('is the hop our reverse proxy appended, not what the client wrote', async () => {
    const { clientIp } = await import('@/lib/auth/authenticate');
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.5' }))).toBe('203.0.113.5');
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5' }))).toBe('203.0.113.5');
    expect(clientIp(new Headers({ 'x-real-ip': '203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers())).toBe('unknown');
  });
});
