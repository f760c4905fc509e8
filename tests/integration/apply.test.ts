import { randomUUID } from 'node:crypto';
import { differenceInYears, parseISO } from 'date-fns';
import { and, asc, eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideCase, resubmitCase, saveDraft, submitCase } from '@/lib/cases/case-actions';
import { getDb } from '@/db/client';
import { composeFamilySituation, getApplyContext, getOwnEditableCase } from '@/db/queries/apply';
import { cases, householdMembers, households, users } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { messagesFor } from '@/lib/i18n/catalog';
import { formatFen } from '@/lib/money';
import { saveTestStandard } from '../cases-fixtures';
import { signInAs } from '../session';

const today = todayInChina();

function ok<T>(r: { ok: true; data: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

const translator = (locale: 'zh-CN' | 'en') =>
  createTranslator({ locale, messages: messagesFor(locale) }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;

const application = (token: string = randomUUID()) => ({
  token,
  aidKind: 'poverty' as const,
  eventOn: today,
  eventKey: '',
  whatHappened: '家中困难',
  helpAsked: '生活补助',
  familySituation: '',
});

/** A worker with an active household file (the seed files every eleventh worker, never W0001). */
async function filedWorker() {
  const db = await getDb();
  const [row] = await db
    .select({ employeeNo: users.employeeNo, householdId: households.id })
    .from(households)
    .innerJoin(users, eq(users.id, households.workerId))
    .where(eq(households.status, 'active'))
    .orderBy(asc(users.employeeNo))
    .limit(1);
  const [h] = await db.select().from(households).where(eq(households.id, row.householdId));
  const members = await db
    .select()
    .from(householdMembers)
    .where(eq(householdMembers.householdId, row.householdId))
    .orderBy(asc(householdMembers.id));
  return { employeeNo: row.employeeNo, household: h, members };
}

beforeAll(async () => {
  await saveTestStandard();
});

describe('what the form offers', () => {
  it('a worker without a file: the "none" column, the hardship kinds only, and why a kind pays nothing', async () => {
    const actor = await signInAs('W0001');
    const ctx = await getApplyContext(await getDb(), actor, today);
    expect(ctx).toMatchObject({
      category: 'none',
      household: null,
      members: [],
      standard: { name: '测试标准', effectiveOn: '2000-01-01' },
    });
    expect(ctx.kinds.map((k) => k.kind)).toEqual([
      'poverty',
      'illness',
      'special_hardship',
      'death_of_parent',
      'death_of_spouse',
      'death_of_child',
      'family_serious_illness',
      'chronic_illness',
    ]);
    expect(ctx.kinds[0]).toEqual({
      kind: 'poverty',
      frequency: 'yearly',
      rule: { type: 'range', minFen: 100_000, maxFen: 300_000, suggestedFen: 200_000 },
      refusal: null,
    });
    expect(ctx.kinds[3]).toEqual({
      kind: 'death_of_parent',
      frequency: 'per_event',
      rule: { type: 'fixed', fen: 100_000 },
      refusal: null,
    });
    expect(ctx.kinds[1]).toEqual({ kind: 'illness', frequency: null, rule: null, refusal: 'kindNotInStandard' });
  });

  it('before any standard is in force every kind says so', async () => {
    const actor = await signInAs('W0001');
    const ctx = await getApplyContext(await getDb(), actor, '1999-12-31');
    expect(ctx.standard).toBeNull();
    expect(new Set(ctx.kinds.map((k) => k.refusal))).toEqual(new Set(['noStandardInForce']));
  });

  it('a worker with a file: its category, its members to name, and a family situation text with the file’s facts', async () => {
    const { employeeNo, household, members } = await filedWorker();
    expect(employeeNo).not.toBe('W0001');
    const actor = await signInAs(employeeNo);
    const ctx = await getApplyContext(await getDb(), actor, today);
    expect(ctx.category).toBe(household.category);
    expect(ctx.members).toEqual(members.map(({ id, name, relation }) => ({ id, name, relation })));
    // The officials' internal notes stay out of what the worker gets.
    expect(JSON.stringify(ctx)).not.toContain('内部备注');

    const zh = composeFamilySituation(ctx.household!, translator('zh-CN'), today);
    const t = translator('zh-CN');
    expect(zh).toContain(`困难类别：${t(`register.categories.${household.category}`)}`);
    expect(zh).toContain(`家庭月收入：${formatFen(household.monthlyIncomeFen)}`);
    if (household.housing) expect(zh).toContain(`住房情况：${household.housing}`);
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) {
      const age = differenceInYears(parseISO(today), parseISO(m.birthDate));
      expect(zh).toContain(`${t(`register.relations.${m.relation}`)} ${m.name}，${age} 岁`);
      if (m.health) expect(zh).toContain(m.health);
      if (m.monthlyIncomeFen > 0) expect(zh).toContain(`月收入 ${formatFen(m.monthlyIncomeFen)}`);
    }
    expect(zh).not.toContain('内部备注');

    const en = composeFamilySituation(ctx.household!, translator('en'), today);
    expect(en).toContain(`Household monthly income: ${formatFen(household.monthlyIncomeFen)}`);
    expect(en).toContain('Family members:');
  });

  it('a file that has left the register neither prefills nor sets the category', async () => {
    const db = await getDb();
    const [row] = await db
      .select({ employeeNo: users.employeeNo })
      .from(households)
      .innerJoin(users, eq(users.id, households.workerId))
      .where(eq(households.status, 'exited'))
      .limit(1);
    const actor = await signInAs(row.employeeNo);
    const ctx = await getApplyContext(db, actor, today);
    expect(ctx).toMatchObject({ category: 'none', household: null, members: [] });
  });
});

describe('the edit page’s case', () => {
  it('is the applicant’s own draft, with its token and fields; anyone else’s is not found', async () => {
    const token = randomUUID();
    const actor = await signInAs('W0001');
    const { id } = ok(await saveDraft({ ...application(token), familySituation: '一家三口' }));
    const db = await getDb();
    expect(await getOwnEditableCase(db, actor, id)).toMatchObject({
      id,
      state: 'draft',
      token,
      aidKind: 'poverty',
      familySituation: '一家三口',
      returnNote: null,
      documents: [],
    });
    const other = await signInAs('W0002');
    await expect(getOwnEditableCase(db, other, id)).rejects.toMatchObject({ code: 'not_found' });
    const official = await signInAs('S0001');
    await expect(getOwnEditableCase(db, official, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getOwnEditableCase(db, actor, id + 100_000)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('is gone once submitted, and back when returned, with the returning step’s comment; resubmitting as the form does returns it to that step', async () => {
    const token = randomUUID();
    const actor = await signInAs('W0001');
    const { id } = ok(await submitCase(application(token)));
    const db = await getDb();
    await expect(getOwnEditableCase(db, actor, id)).rejects.toMatchObject({ code: 'not_found' });

    await signInAs('S0001');
    const [{ version }] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, id));
    ok(await decideCase({ caseId: id, version, decision: 'return', comment: '请补充医院诊断证明' }));

    await signInAs('W0001');
    const returned = await getOwnEditableCase(db, actor, id);
    expect(returned).toMatchObject({
      state: 'returned_from_verification',
      token,
      amountFen: 200_000,
      category: 'none',
      returnNote: { step: 'verification', comment: '请补充医院诊断证明' },
    });

    // The form's resubmit: the fields under the case's own token, then the move with the version that save returned.
    const saved = ok(await saveDraft({ ...application(returned.token), whatHappened: '已补充：住院治疗' }));
    expect(saved.id).toBe(id);
    ok(await resubmitCase({ caseId: id, version: saved.version }));
    const [after] = await db
      .select({ state: cases.state, whatHappened: cases.whatHappened })
      .from(cases)
      .where(and(eq(cases.id, id)));
    expect(after).toEqual({ state: 'submitted', whatHappened: '已补充：住院治疗' });
    await expect(getOwnEditableCase(db, actor, id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
