import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideCase, markNotificationsRead, submitCase } from '@/lib/cases/case-actions';
import { getDb } from '@/db/client';
import { listNotifications, unreadCount } from '@/db/queries/notifications';
import { notifications } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { saveTestStandard } from '../cases-fixtures';
import { signInAs, userId } from '../session';

function ok<T>(r: { ok: true; data: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

async function kindsFor(employeeNo: string, caseId: number) {
  const db = await getDb();
  const rows = await db
    .select({ kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.userId, await userId(employeeNo)), eq(notifications.caseId, caseId)));
  return rows.map((r) => r.kind).sort();
}

beforeAll(async () => {
  await saveTestStandard();
});

describe('notifications', () => {
  it('tell the next step’s people when a case reaches them, and the worker of every decision', async () => {
    await signInAs('W0017');
    const { id } = ok(
      await submitCase({
        token: randomUUID(),
        aidKind: 'poverty',
        eventOn: todayInChina(),
        eventKey: '',
        whatHappened: '家中困难',
        helpAsked: '',
        familySituation: '',
      }),
    );
    // W0017 sits in S0001's sub-branch (W0002 in S0002's), and nobody at a later step yet.
    expect(await kindsFor('S0001', id)).toEqual(['todo:verification']);
    expect(await kindsFor('B0001', id)).toEqual([]);
    expect(await kindsFor('S0002', id)).toEqual([]);
    expect(await kindsFor('W0017', id)).toEqual([]);

    await signInAs('S0001');
    ok(await decideCase({ caseId: id, version: 2, decision: 'approve', comment: '' }));
    expect(await kindsFor('B0001', id)).toEqual(['todo:review']);
    expect(await kindsFor('B0002', id)).toEqual([]);
    expect(await kindsFor('W0017', id)).toEqual(['approve']);

    await signInAs('B0001');
    ok(await decideCase({ caseId: id, version: 3, decision: 'approve', comment: '' }));
    // Every leader approves; none has acted on the case yet.
    for (const l of ['L0001', 'L0002', 'L0003']) expect(await kindsFor(l, id)).toEqual(['todo:approval']);
  });

  it('quote the reason of a return for more information, and of that return only', async () => {
    const worker = await signInAs('W0017');
    const submit = () =>
      submitCase({
        token: randomUUID(),
        aidKind: 'poverty',
        eventOn: todayInChina(),
        eventKey: '',
        whatHappened: '家中困难',
        helpAsked: '',
        familySituation: '',
      });
    const { id } = ok(await submit());
    await signInAs('S0001');
    ok(await decideCase({ caseId: id, version: 2, decision: 'return', comment: '请补充医院诊断证明' }));
    const { rows } = await listNotifications(await getDb(), worker);
    const told = rows.find((r) => r.caseId === id && r.kind === 'return');
    expect(told).toMatchObject({ comment: '请补充医院诊断证明' });
    // A to-do notification tells of no decision and quotes nothing.
    const { rows: todo } = await listNotifications(await getDb(), await signInAs('S0001'));
    expect(todo.find((r) => r.caseId === id)).toMatchObject({ kind: 'todo:verification', comment: '' });
  });

  it('count unread for the bell and mark them read, the actor’s own only', async () => {
    const db = await getDb();
    await signInAs('W0017');
    const w = await userId('W0017');
    const before = await unreadCount(db, { userId: w });
    expect(before).toBeGreaterThan(0);
    const { rows, total } = await listNotifications(db, { userId: w });
    expect(total).toEqual({ count: before, capped: false });
    expect(rows.every((r) => !r.read && r.aidKind === 'poverty')).toBe(true);
    const leaderUnread = await unreadCount(db, { userId: await userId('L0001') });
    expect(ok(await markNotificationsRead({})).read).toBe(before);
    expect(await unreadCount(db, { userId: w })).toBe(0);
    expect(await unreadCount(db, { userId: await userId('L0001') })).toBe(leaderUnread);
  });
});
