import { and, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as ownDataGet } from '@/app/api/account/own-data/route';
import { POST as requestPost } from '@/app/api/admin/users/[id]/own-data/route';
import { getDb } from '@/db/client';
import { auditLog, cases, households, students, users } from '@/db/schema';
import { auditRows } from '../imports-fixtures';
import { signInAs, userId } from '../session';

const post = (id: number, reason: string | null, origin = 'http://localhost') => {
  const form = new FormData();
  if (reason !== null) form.set('reason', reason);
  return requestPost(
    new Request(`http://localhost/api/admin/users/${id}/own-data`, { method: 'POST', body: form, headers: { origin } }),
    { params: Promise.resolve({ id: String(id) }) },
  );
};

describe('a person’s own data', () => {
  it('gives a worker their profile, household, cases and children, masked, and nobody else’s data', async () => {
    const db = await getDb();
    const me = await userId('W0001');
    // Internal notes of the keepers stay out.
    await db.update(households).set({ notes: 'INTERNAL-NOTE-1' }).where(eq(households.workerId, me));
    await signInAs('W0001');
    const res = await ownDataGet();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('personal-data-W0001.json');
    const text = await res.text();
    const data = JSON.parse(text);
    const [row] = await db.select().from(users).where(eq(users.id, me));
    expect(data.profile).toMatchObject({ employeeNo: 'W0001', name: row.name });
    expect(data.profile.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(text).not.toContain(row.idNumber!);
    expect(text).not.toContain('INTERNAL-NOTE-1');
    const mine = await db.select({ id: cases.id }).from(cases).where(eq(cases.applicantId, me));
    expect(data.cases.map((c: { id: number }) => c.id).sort()).toEqual(mine.map((c) => c.id).sort());
    const kids = await db.select({ id: students.id }).from(students).where(eq(students.workerId, me));
    expect(data.students).toHaveLength(kids.length);
    // No other person's ID number or phone appears anywhere in the file.
    const others = await db
      .select({ idNumber: users.idNumber, phone: users.phone })
      .from(users)
      .where(and(ne(users.id, me)));
    for (const o of others) {
      if (o.idNumber) expect(text).not.toContain(o.idNumber);
      if (o.phone) expect(text).not.toContain(o.phone);
    }
    expect(await auditRows('person.ownData', me)).toBe(1);
  });

  it('lets an administrator produce the full set for a request, with a reason, audited', async () => {
    const db = await getDb();
    const w = await userId('W0002');
    const [row] = await db.select().from(users).where(eq(users.id, w));
    await signInAs('A0001');
    expect((await post(w, '')).status).toBe(400);
    expect((await post(w, 'x', 'https://evil.example')).status).toBe(403);
    expect(await auditRows('person.ownDataForRequest', w)).toBe(0);
    const res = await post(w, '申请书 2026-12-01 第 7 号');
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.profile.idNumber).toBe(row.idNumber);
    expect(data.request).toBe('申请书 2026-12-01 第 7 号');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.ownDataForRequest'), eq(auditLog.entityId, String(w))));
    expect(audit.after).toEqual({ reason: '申请书 2026-12-01 第 7 号' });
    // Leaders read accounts but do not produce this.
    await signInAs('L0001');
    expect((await post(w, 'reason')).status).toBe(403);
  });
});
