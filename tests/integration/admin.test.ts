import { and, count, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createUnit, moveUnit, renameUnit } from '@/lib/admin/unit-actions';
import { createUser, resetPassword, setUserDisabled, updateUser } from '@/lib/admin/user-actions';
import { updateContact } from '@/lib/people/worker-actions';
import { changePassword } from '@/lib/auth/password-actions';
import { getDb } from '@/db/client';
import { getPerson, listPeoplePage } from '@/db/queries/people';
import { auditLog, orgUnits, users } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { loadActor } from '@/lib/auth/session';
import { makeIdNumber } from '@/lib/id-number';
import { scopeOf } from '@/lib/scope';
import { signInAs, userId } from '../session';

async function unitId(code: string) {
  const db = await getDb();
  const [u] = await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.code, code));
  return u;
}

async function auditCount(action: string, entityId: string | number) {
  const db = await getDb();
  const [{ n }] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))));
  return n;
}

describe('accounts', () => {
  it('creates an account with exactly one audit row that holds no password and a masked ID', async () => {
    await signInAs('A0001');
    const sub = await unitId('B02-01');
    const idNumber = makeIdNumber('361181', '19850312', 451);
    const result = await createUser({
      employeeNo: 'w9001',
      name: '李新',
      role: 'worker',
      unitId: sub.id,
      idNumber,
      phone: '13900001111',
      password: 'start1234',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await auditCount('user.create', result.data.id)).toBe(1);
    const db = await getDb();
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.create'), eq(auditLog.entityId, String(result.data.id))));
    expect(JSON.stringify(row.after)).not.toContain(idNumber);
    expect(JSON.stringify(row.after)).not.toContain('start1234');
    expect(row.after).toMatchObject({ employeeNo: 'W9001', idNumber: '3611**********' + idNumber.slice(-4) });
    expect((await authenticate(db, 'W9001', 'start1234', '192.0.2.1')).status).toBe('ok');
  });

  it('rejects a bad ID number, a duplicate employee number and a unit that does not fit the role, saving nothing', async () => {
    await signInAs('A0001');
    const sub = await unitId('B02-01');
    const branch = await unitId('B02');
    const db = await getDb();
    const [{ before }] = await db.select({ before: count() }).from(users);
    const [{ auditsBefore }] = await db.select({ auditsBefore: count() }).from(auditLog);

    const badId = await createUser({
      employeeNo: 'W9002',
      name: '王五',
      role: 'worker',
      unitId: sub.id,
      idNumber: '110105194912310021',
      phone: '',
      password: 'start1234',
    });
    expect(badId).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { idNumber: ['idNumber.checksum'] } });

    const dup = await createUser({
      employeeNo: 'W0001',
      name: '王五',
      role: 'worker',
      unitId: sub.id,
      idNumber: '',
      phone: '',
      password: 'start1234',
    });
    expect(dup).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { employeeNo: ['employeeNoTaken'] } });

    const wrongUnit = await createUser({
      employeeNo: 'W9003',
      name: '王五',
      role: 'worker',
      unitId: branch.id,
      idNumber: '',
      phone: '',
      password: 'start1234',
    });
    expect(wrongUnit).toMatchObject({ ok: false, fieldErrors: { unitId: ['unitWrongForRole'] } });

    const weak = await createUser({
      employeeNo: 'W9004',
      name: '王五',
      role: 'worker',
      unitId: sub.id,
      idNumber: '',
      phone: '',
      password: 'ab12',
    });
    expect(weak).toMatchObject({ ok: false, fieldErrors: { password: ['passwordTooShort'] } });

    const [{ after }] = await db.select({ after: count() }).from(users);
    const [{ auditsAfter }] = await db.select({ auditsAfter: count() }).from(auditLog);
    expect(after).toBe(before);
    expect(auditsAfter).toBe(auditsBefore);
  });

  it('ends live sessions when role, unit or status change, but not for a phone change', async () => {
    await signInAs('A0001');
    const db = await getDb();
    const target = await userId('W0120');
    const [{ ver }] = await db.select({ ver: users.sessionVersion }).from(users).where(eq(users.id, target));
    const person = await getPerson(db, { kind: 'all' }, target);

    expect(
      await updateUser({
        userId: target,
        name: person.name,
        role: 'worker',
        unitId: person.unitId,
        idNumber: person.idNumber ?? '',
        phone: '13712345678',
      }),
    ).toMatchObject({ ok: true });
    expect(await loadActor(db, target, ver)).not.toBeNull();

    const other = await unitId('B03-02');
    expect(
      await updateUser({
        userId: target,
        name: person.name,
        role: 'worker',
        unitId: other.id,
        idNumber: person.idNumber ?? '',
        phone: '13712345678',
      }),
    ).toMatchObject({ ok: true });
    expect(await loadActor(db, target, ver)).toBeNull();
    expect(await loadActor(db, target, ver + 1)).toMatchObject({ unitId: other.id });
    // The edit form sends the identifiers only after an audited "show": without them they stay.
    expect(
      await updateUser({ userId: target, name: `${person.name}改`, role: 'worker', unitId: other.id }),
    ).toMatchObject({
      ok: true,
    });
    expect(await getPerson(db, { kind: 'all' }, target)).toMatchObject({
      name: `${person.name}改`,
      idNumber: person.idNumber,
      phone: '13712345678',
    });

    expect(await setUserDisabled({ userId: target, disabled: true })).toMatchObject({ ok: true });
    expect(await loadActor(db, target, ver + 2)).toBeNull();
    expect(await auditCount('user.disable', target)).toBe(1);
    expect(await setUserDisabled({ userId: target, disabled: false })).toMatchObject({ ok: true });

    expect(await resetPassword({ userId: target, password: 'fresh1234' })).toMatchObject({ ok: true });
    expect((await authenticate(db, 'W0120', 'fresh1234', '192.0.2.2')).status).toBe('ok');
  });

  it('does not let an administrator lock themself out', async () => {
    const admin = await signInAs('A0001');
    expect(await setUserDisabled({ userId: admin.userId, disabled: true })).toMatchObject({
      ok: false,
      error: 'cannotDisableSelf',
    });
  });

  it('changes the own password only with the current one', async () => {
    await signInAs('W0130');
    expect(
      await changePassword({ currentPassword: 'wrong1234', newPassword: 'better1234', confirmPassword: 'better1234' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ['currentPasswordWrong'] },
    });
    expect(
      await changePassword({ currentPassword: 'demo1234', newPassword: 'better1234', confirmPassword: 'other1234' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ['passwordMismatch'] },
    });
    // Success re-issues the session and redirects to a fresh request of the page.
    await expect(
      changePassword({ currentPassword: 'demo1234', newPassword: 'better1234', confirmPassword: 'better1234' }),
    ).rejects.toThrow('NEXT_REDIRECT');
    const db = await getDb();
    expect((await authenticate(db, 'W0130', 'better1234', '192.0.2.3')).status).toBe('ok');
    expect((await authenticate(db, 'W0130', 'demo1234', '192.0.2.3')).status).toBe('invalid');
  });
});

describe('org tree', () => {
  it('adds, renames and moves units; the scope of people below follows the move', async () => {
    await signInAs('A0001');
    const b01 = await unitId('B01');
    const b02 = await unitId('B02');
    const created = await createUnit({ parentId: b01.id, name: '测试支会', code: 'b01-99' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const db = await getDb();
    const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, created.data.id));
    expect(unit).toMatchObject({ code: 'B01-99', level: 'sub_branch', path: `${b01.path}${unit.id}.` });

    expect(await renameUnit({ unitId: unit.id, name: '新测试支会' })).toMatchObject({ ok: true });

    // A worker in the new unit is in B0001's scope (branch 1) and not in B0002's (branch 2).
    const worker = await createUser({
      employeeNo: 'W9100',
      name: '赵六',
      role: 'worker',
      unitId: unit.id,
      idNumber: '',
      phone: '',
      password: 'start1234',
    });
    expect(worker.ok).toBe(true);
    if (!worker.ok) return;
    const b1 = await signInAs('B0001');
    const b2 = await signInAs('B0002');
    expect((await listPeoplePage(db, scopeOf(b1), { q: 'W9100' })).total.count).toBe(1);
    expect((await listPeoplePage(db, scopeOf(b2), { q: 'W9100' })).total.count).toBe(0);

    await signInAs('A0001');
    expect(await moveUnit({ unitId: unit.id, newParentId: b02.id })).toMatchObject({ ok: true });
    const [moved] = await db.select().from(orgUnits).where(eq(orgUnits.id, unit.id));
    expect(moved.path).toBe(`${b02.path}${unit.id}.`);
    expect((await listPeoplePage(db, scopeOf(b1), { q: 'W9100' })).total.count).toBe(0);
    expect((await listPeoplePage(db, scopeOf(b2), { q: 'W9100' })).total.count).toBe(1);

    const [last] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'unit.move'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(last).toMatchObject({
      entityId: String(unit.id),
      before: { parentId: b01.id },
      after: { parentId: b02.id },
    });
  });

  it('refuses moves that would break the three levels', async () => {
    await signInAs('A0001');
    const b01 = await unitId('B01');
    const sub = await unitId('B01-02');
    const mine = await unitId('MINE');
    expect(await moveUnit({ unitId: b01.id, newParentId: sub.id })).toMatchObject({
      ok: false,
      fieldErrors: { newParentId: ['unitMoveIntoSelf'] },
    });
    expect(await moveUnit({ unitId: sub.id, newParentId: mine.id })).toMatchObject({
      ok: false,
      fieldErrors: { newParentId: ['unitWrongParentLevel'] },
    });
    expect(await moveUnit({ unitId: mine.id, newParentId: b01.id })).toMatchObject({
      ok: false,
      error: 'unitCannotMove',
    });
    expect(await createUnit({ parentId: sub.id, name: 'x', code: 'XX-1' })).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ['unitNoChildren'] },
    });
  });
});

describe('scope', () => {
  it('answers a foreign id exactly like a missing one, also when the action is called directly', async () => {
    await signInAs('B0001');
    const foreign = await userId('S0005'); // a sub-branch official of the second branch
    const db = await getDb();
    const [{ phone }] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, foreign));
    const outOfScope = await updateContact({ userId: foreign, phone: '13600000000' });
    const missing = await updateContact({ userId: 99_999_999, phone: '13600000000' });
    expect(outOfScope).toEqual(missing);
    expect(outOfScope).toMatchObject({ ok: false, code: 'not_found' });
    const [{ phone: after }] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, foreign));
    expect(after).toBe(phone);
  });

  it('lets an official change a worker of their own subtree', async () => {
    await signInAs('S0001');
    const own = await userId('W0001');
    expect(await updateContact({ userId: own, phone: '13688889999' })).toMatchObject({ ok: true });
    expect(await auditCount('person.updateContact', own)).toBeGreaterThanOrEqual(1);
  });

  it('lists only the official’s unit and below', async () => {
    const db = await getDb();
    const s1 = await signInAs('S0001');
    const { rows, total } = await listPeoplePage(db, scopeOf(s1), {});
    expect(total.count).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.unitId))).toEqual(new Set([s1.unitId]));
    const leader = await signInAs('L0001');
    const all = await listPeoplePage(db, scopeOf(leader), {});
    expect(all.total.count).toBeGreaterThan(total.count);
  });
});
