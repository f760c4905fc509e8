import { addDays, format, parseISO } from 'date-fns';
import { and, eq, inArray, notLike } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideObjection, objectToCase } from '@/lib/cases/case-actions';
import { getDb } from '@/db/client';
import { listPublished, pendingObjections, recentlyEnded } from '@/db/queries/publicity';
import { cases, orgUnits, users } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { likePrefix } from '@/lib/scope';
import { insertCase } from '../cases-fixtures';
import { signInAs } from '../session';

const today = todayInChina();
const shift = (days: number) => format(addDays(parseISO(today), days), 'yyyy-MM-dd');
const SECRET = '住院治疗肝癌，家中欠债二十万';

function ok<T>(r: { ok: true; data: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

/** A published case with its window from today (or as given), its story and the chain's deciders. */
async function published(
  applicant: string,
  o: {
    start?: string;
    end?: string;
    steps?: Parameters<typeof insertCase>[0]['steps'];
    aidKind?: 'poverty' | 'illness';
  } = {},
) {
  const id = await insertCase({
    applicant,
    state: 'in_publicity',
    aidKind: o.aidKind,
    steps: o.steps ?? [
      ['verification', 'S0001'],
      ['review', 'B0001'],
      ['approval', 'L0001'],
    ],
  });
  await (
    await getDb()
  )
    .update(cases)
    .set({
      publicityStart: o.start ?? today,
      publicityEnd: o.end ?? shift(4),
      whatHappened: SECRET,
      familySituation: SECRET,
    })
    .where(eq(cases.id, id));
  return id;
}

const firstPage = {};
let branch1: { id: number; path: string };
/** A worker outside W0001's branch (branch 1): sees the board, not the cases. */
let outsider: string;

beforeAll(async () => {
  const db = await getDb();
  const [b] = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(eq(users.employeeNo, 'B0001'));
  branch1 = b;
  const [w] = await db
    .select({ employeeNo: users.employeeNo })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(users.role, 'worker'), notLike(orgUnits.path, likePrefix(b.path))))
    .orderBy(users.employeeNo)
    .limit(1);
  outsider = w.employeeNo;
});

describe('the publicity board', () => {
  it('lists only cases in publicity, masked, to a worker of another branch and to an administrator', async () => {
    const db = await getDb();
    const shown = await published('W0001');
    const notYet = await insertCase({ applicant: 'W0001', state: 'reviewed' });
    const paid = await insertCase({ applicant: 'W0001', state: 'paid' });

    const { rows, total } = await listPublished(db, await signInAs(outsider), firstPage);
    const ids = rows.map((r) => r.id);
    expect(ids).toContain(shown);
    expect(ids).not.toContain(notYet);
    expect(ids).not.toContain(paid);
    expect(total.count).toBeGreaterThanOrEqual(rows.length);
    const states = await db.select({ state: cases.state }).from(cases).where(inArray(cases.id, ids));
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(['in_publicity']));

    const row = rows.find((r) => r.id === shown)!;
    expect(row).toEqual({
      id: shown,
      maskedName: '张*明',
      unitName: expect.any(String),
      branchName: expect.any(String),
      kind: 'aid',
      aidKind: 'poverty',
      amountFen: 100_000,
      publicityStart: today,
      publicityEnd: shift(4),
      myObjection: null,
      canView: false,
    });
    // Nothing on the board carries the full name, the ID number or the story.
    const [w1] = await db
      .select({ name: users.name, idNumber: users.idNumber })
      .from(users)
      .where(eq(users.employeeNo, 'W0001'));
    const text = JSON.stringify(rows);
    expect(text).not.toContain(w1.name);
    expect(text).not.toContain(w1.idNumber!);
    expect(text).not.toContain(SECRET);

    const asAdmin = await listPublished(db, await signInAs('A0001'), firstPage);
    expect(asAdmin.rows.find((r) => r.id === shown)).toMatchObject({ maskedName: '张*明', canView: false });
    // The applicant and the officials over them may open the case itself.
    expect(
      (await listPublished(db, await signInAs('W0001'), firstPage)).rows.find((r) => r.id === shown)?.canView,
    ).toBe(true);
    expect(
      (await listPublished(db, await signInAs('B0001'), firstPage)).rows.find((r) => r.id === shown)?.canView,
    ).toBe(true);
  });

  it('filters by kind and branch, newest first', async () => {
    const db = await getDb();
    const older = await published('W0001', { start: shift(-1), aidKind: 'illness' });
    const newer = await published(outsider, { aidKind: 'illness' });
    const actor = await signInAs('W0002');
    const illness = await listPublished(db, actor, { kind: 'illness' });
    expect(illness.rows.every((r) => r.aidKind === 'illness')).toBe(true);
    const ids = illness.rows.map((r) => r.id);
    expect(ids.indexOf(newer)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));

    const inBranch1 = await listPublished(db, actor, { branchId: branch1.id });
    expect(inBranch1.rows.map((r) => r.id)).toContain(older);
    expect(inBranch1.rows.map((r) => r.id)).not.toContain(newer);
    const paths = await db
      .select({ path: orgUnits.path })
      .from(cases)
      .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
      .where(
        inArray(
          cases.id,
          inBranch1.rows.map((r) => r.id),
        ),
      );
    expect(paths.every((p) => p.path.startsWith(branch1.path))).toBe(true);
  });
});

describe('objections', () => {
  it('anyone may object during the window; the official in scope sees it, another branch does not; upheld sends the case back', async () => {
    const db = await getDb();
    // Approved by L0001; the branch official did not review it, so B0001 may decide.
    const id = await published('W0001', {
      steps: [
        ['verification', 'S0001'],
        ['approval', 'L0001'],
      ],
    });
    const objector = await signInAs(outsider);
    const objection = ok(await objectToCase({ caseId: id, reason: '他家有两套房' }));
    expect((await listPublished(db, objector, firstPage)).rows.find((r) => r.id === id)?.myObjection).toEqual({
      on: today,
      status: 'pending',
    });

    const mine = await pendingObjections(db, await signInAs('B0001'));
    expect(mine.find((o) => o.id === objection.id)).toMatchObject({
      reason: '他家有两套房',
      refusal: null,
      case: { id, maskedName: '张*明' },
    });
    expect(JSON.stringify(mine)).not.toContain(SECRET);
    expect((await pendingObjections(db, await signInAs('B0002'))).map((o) => o.id)).not.toContain(objection.id);
    // The approver may not judge an objection to their own approval; another leader may.
    expect((await pendingObjections(db, await signInAs('L0001'))).find((o) => o.id === objection.id)?.refusal).toBe(
      'actedAtAnotherStep',
    );
    expect(
      (await pendingObjections(db, await signInAs('L0002'))).find((o) => o.id === objection.id)?.refusal,
    ).toBeNull();
    // Workers and sub-branch officials decide no objections.
    expect(await pendingObjections(db, await signInAs('S0001'))).toEqual([]);
    expect(await pendingObjections(db, objector)).toEqual([]);

    await signInAs('B0001');
    expect(await decideObjection({ objectionId: objection.id, uphold: true, comment: '' })).toMatchObject({
      ok: false,
      fieldErrors: { comment: ['required'] },
    });
    ok(await decideObjection({ objectionId: objection.id, uphold: true, comment: '经核实属实' }));
    const [c] = await db
      .select({ state: cases.state, publicityEnd: cases.publicityEnd })
      .from(cases)
      .where(eq(cases.id, id));
    expect(c).toEqual({ state: 'reviewed', publicityEnd: null });

    const b1 = await signInAs('B0001');
    expect((await pendingObjections(db, b1)).map((o) => o.id)).not.toContain(objection.id);
    expect((await listPublished(db, b1, firstPage)).rows.map((r) => r.id)).not.toContain(id);
    const ended = await recentlyEnded(db, today);
    expect(ended.find((e) => e.id === id)).toMatchObject({ outcome: 'sent_back', endedOn: today, maskedName: '张*明' });
  });

  it('the reviewer sees the objection but may not decide it', async () => {
    const db = await getDb();
    const id = await published('W0001');
    await signInAs(outsider);
    const objection = ok(await objectToCase({ caseId: id, reason: '金额过高' }));
    expect((await pendingObjections(db, await signInAs('B0001'))).find((o) => o.id === objection.id)?.refusal).toBe(
      'actedAtAnotherStep',
    );
    expect(await decideObjection({ objectionId: objection.id, uphold: false, comment: '不成立' })).toMatchObject({
      ok: false,
      error: 'caseTwoSteps',
    });
  });

  it('a closed window refuses objections; windows that closed are listed with their outcome', async () => {
    const db = await getDb();
    const over = await published('W0001', { start: shift(-6), end: shift(-1) });
    await signInAs(outsider);
    expect(await objectToCase({ caseId: over, reason: '晚了' })).toMatchObject({ ok: false, error: 'publicityOver' });

    const closed = await insertCase({ applicant: 'W0001', state: 'ready_for_payment' });
    const longAgo = await insertCase({ applicant: 'W0001', state: 'paid' });
    await db
      .update(cases)
      .set({ publicityStart: shift(-7), publicityEnd: shift(-3) })
      .where(eq(cases.id, closed));
    await db
      .update(cases)
      .set({ publicityStart: shift(-60), publicityEnd: shift(-56) })
      .where(eq(cases.id, longAgo));
    const ended = await recentlyEnded(db, today, 1000);
    expect(ended.find((e) => e.id === closed)).toMatchObject({
      outcome: 'ready_for_payment',
      endedOn: shift(-3),
      maskedName: '张*明',
    });
    expect(ended.map((e) => e.id)).not.toContain(longAgo);
    expect(ended.map((e) => e.id)).not.toContain(over);
    expect(JSON.stringify(ended)).not.toContain(SECRET);
  });
});
