import { and, desc, eq, like, notLike } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { saveStandard, setBudget, setPublicityDays } from '@/lib/aid/aid-admin-actions';
import { decideCase, recordPayment } from '@/lib/cases/case-actions';
import { getDb } from '@/db/client';
import { budgetsOfYear, getStandardGrid, listStandards } from '@/db/queries/aid-admin';
import { standardInForce } from '@/db/queries/cases';
import { publicityDays } from '@/db/queries/settings';
import { auditLog, cases, orgUnits, users } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { likePrefix } from '@/lib/scope';
import { carriedKinds, standardFormDefaults, standardFormSchema, toStandardInput } from '@/lib/validation/aid-admin';
import { publicityEndsOn } from '@/lib/workflow/case-workflow';
import { insertCase, saveTestStandard } from '../cases-fixtures';
import { signInAs } from '../session';

const today = todayInChina();

function ok<T>(r: { ok: true; data: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

async function caseRow(id: number) {
  const [c] = await (
    await getDb()
  )
    .select({ state: cases.state, version: cases.version, publicityEnd: cases.publicityEnd })
    .from(cases)
    .where(eq(cases.id, id));
  return c;
}

describe('publicity window length', () => {
  it('takes a whole number of days from 1 to 30, from leaders only', async () => {
    await signInAs('L0001');
    for (const days of ['0', '31', '2.5', 'abc', '']) {
      expect(await setPublicityDays({ days })).toMatchObject({
        ok: false,
        fieldErrors: { days: ['publicityDaysRange'] },
      });
    }
    await signInAs('B0001');
    expect(await setPublicityDays({ days: '7' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await publicityDays(await getDb())).toBe(5);
  });

  it('is audited, and the next approval uses it while a published case keeps its end date', async () => {
    const db = await getDb();
    const alreadyPublished = await insertCase({ applicant: 'W0020', state: 'in_publicity' });
    const before = (await caseRow(alreadyPublished)).publicityEnd;

    await signInAs('L0001');
    expect(ok(await setPublicityDays({ days: '7' }))).toEqual({ days: 7 });
    ok(await setPublicityDays({ days: 8 }));
    expect(await publicityDays(db)).toBe(8);
    const audits = await db
      .select({ actorId: auditLog.actorId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'aid.setPublicityDays'), eq(auditLog.entity, 'setting')))
      .orderBy(desc(auditLog.id))
      .limit(2);
    const [{ id: l1 }] = await db.select({ id: users.id }).from(users).where(eq(users.employeeNo, 'L0001'));
    expect(audits).toEqual([
      { actorId: l1, before: { days: 7 }, after: { days: 8 } },
      { actorId: l1, before: { days: 5 }, after: { days: 7 } },
    ]);

    const reviewed = await insertCase({
      applicant: 'W0021',
      state: 'reviewed',
      steps: [
        ['verification', 'S0001'],
        ['review', 'B0001'],
      ],
    });
    await signInAs('L0002');
    ok(await decideCase({ caseId: reviewed, version: 1, decision: 'approve' }));
    expect(await caseRow(reviewed)).toMatchObject({ state: 'in_publicity', publicityEnd: publicityEndsOn(today, 8) });
    expect((await caseRow(alreadyPublished)).publicityEnd).toBe(before);

    await signInAs('L0001');
    ok(await setPublicityDays({ days: '5' }));
  });
});

describe('standards', () => {
  it('lists versions with the one in force today, and shows a version as a grid', async () => {
    const db = await getDb();
    const base = await saveTestStandard();
    await signInAs('L0002');
    const later = ok(
      await saveStandard({
        name: '2001年版',
        effectiveOn: '2001-01-01',
        kinds: [
          {
            kind: 'chronic_illness',
            frequency: 'yearly',
            amounts: [
              { category: 'extreme', type: 'fixed', fixed: '600' },
              { category: 'none', type: 'range', min: '100', max: '300', suggested: '200.5' },
            ],
          },
          { kind: 'poverty', frequency: 'yearly', amounts: [{ category: 'hardship', type: 'fixed', fixed: '1500' }] },
        ],
      }),
    ).id;
    const future = ok(
      await saveStandard({
        name: '2999年版',
        effectiveOn: '2999-01-01',
        kinds: [
          { kind: 'poverty', frequency: 'yearly', amounts: [{ category: 'extreme', type: 'fixed', fixed: '9' }] },
        ],
      }),
    ).id;

    const list = await listStandards(db, today);
    const status = (id: number) => list.find((v) => v.id === id)?.status;
    expect(status(future)).toBe('upcoming');
    expect(status(base)).toBe('superseded');
    expect(list.filter((v) => v.status === 'inForce')).toHaveLength(1);
    expect(list.find((v) => v.id === later)).toMatchObject({
      name: '2001年版',
      effectiveOn: '2001-01-01',
      kindCount: 2,
      createdByName: '陈志明',
    });
    // The latest effective first.
    expect(list.findIndex((v) => v.id === future)).toBeLessThan(list.findIndex((v) => v.id === later));

    const grid = await getStandardGrid(db, later);
    expect(grid.kinds).toEqual([
      {
        kind: 'poverty',
        frequency: 'yearly',
        cells: [{ category: 'hardship', variant: '', rule: { type: 'fixed', fen: 150_000 } }],
      },
      {
        kind: 'chronic_illness',
        frequency: 'yearly',
        cells: [
          { category: 'extreme', variant: '', rule: { type: 'fixed', fen: 60_000 } },
          {
            category: 'none',
            variant: '',
            rule: { type: 'range', minFen: 10_000, maxFen: 30_000, suggestedFen: 20_050 },
          },
        ],
      },
    ]);
    await expect(getStandardGrid(db, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the editor, prefilled from the version in force, saves a new version equal to it (other kinds carried over)', async () => {
    const db = await getDb();
    await signInAs('L0001');
    const source = ok(
      await saveStandard({
        name: '来源',
        effectiveOn: '2002-01-01',
        kinds: [
          {
            kind: 'death_of_spouse',
            frequency: 'per_event',
            amounts: [
              { category: 'extreme', type: 'fixed', fixed: '3000' },
              { category: 'none', type: 'range', min: '1000', max: '2000', suggested: '1500' },
            ],
          },
          {
            kind: 'student_aid',
            frequency: 'yearly',
            amounts: [{ category: 'hardship', variant: 'undergraduate', type: 'fixed', fixed: '4000' }],
          },
        ],
      }),
    ).id;
    const version = (await standardInForce(db, '2002-06-01'))!;
    expect(version.id).toBe(source);
    const values = standardFormDefaults(version.kinds, { name: '复制', effectiveOn: '2002-06-01' });
    expect(values.kinds.filter((k) => k.included).map((k) => k.kind)).toEqual(['death_of_spouse']);
    expect(standardFormSchema.safeParse(values).success).toBe(true);
    const copy = ok(await saveStandard(toStandardInput(values, carriedKinds(version.kinds)))).id;
    expect((await getStandardGrid(db, copy)).kinds).toEqual((await getStandardGrid(db, source)).kinds);
  });

  it('the editor puts each problem next to its cell', () => {
    const values = standardFormDefaults(null, { name: '', effectiveOn: '2026-01-01' });
    const issues = (v: typeof values) => {
      const r = standardFormSchema.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(issues(values)).toEqual(['name:required', 'kinds:standardNoKind']);
    values.name = '新版';
    values.kinds[1].included = true;
    expect(issues(values)).toEqual(['kinds.1.amounts:standardNoCategory']);
    values.kinds[1].amounts[0] = {
      ...values.kinds[1].amounts[0],
      type: 'range',
      min: '300',
      max: '200',
      suggested: '250',
    };
    values.kinds[1].amounts[2] = {
      ...values.kinds[1].amounts[2],
      type: 'range',
      min: '100',
      max: '200',
      suggested: '250',
    };
    values.kinds[1].amounts[3] = { ...values.kinds[1].amounts[3], type: 'fixed', fixed: '1.234' };
    expect(issues(values)).toEqual([
      'kinds.1.amounts.0.max:minAboveMax',
      'kinds.1.amounts.2.suggested:suggestedOutsideRange',
      'kinds.1.amounts.3.fixed:amountFormat',
    ]);
    // An unticked kind keeps what was typed and is not checked.
    values.kinds[1].included = false;
    values.kinds[0].included = true;
    values.kinds[0].amounts[6] = { ...values.kinds[0].amounts[6], type: 'fixed', fixed: '800' };
    expect(issues(values)).toEqual([]);
    expect(toStandardInput(values).kinds).toEqual([
      {
        kind: 'poverty',
        frequency: 'yearly',
        amounts: [{ category: 'none', variant: '', type: 'fixed', fixed: '800' }],
      },
    ]);
  });
});

/** Workers inside and outside a branch, by their unit's path. */
async function workers(branchPath: string, inside: boolean, n: number): Promise<string[]> {
  const rows = await (
    await getDb()
  )
    .select({ employeeNo: users.employeeNo })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(users.role, 'worker'), (inside ? like : notLike)(orgUnits.path, likePrefix(branchPath))))
    .orderBy(users.employeeNo)
    .limit(n);
  return rows.map((r) => r.employeeNo);
}

describe('budgets', () => {
  // A year no seed or other test uses, so the figures are this test's alone.
  const year = 2001;

  it('shows per kind the mine-wide budget and the branch splits with what was paid and what is left', async () => {
    const db = await getDb();
    const [branch] = await db
      .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(eq(users.employeeNo, 'B0001'));
    await signInAs('L0001');
    ok(await setBudget({ year, aidKind: 'chronic_illness', unitId: '', amount: '10000' }));
    ok(await setBudget({ year, aidKind: 'chronic_illness', unitId: String(branch.id), amount: '3000' }));

    const pay = async (applicant: string, amountFen: number) => {
      const id = await insertCase({
        applicant,
        state: 'ready_for_payment',
        aidKind: 'chronic_illness',
        amountFen,
        appliedOn: '2001-05-01',
        steps: [['approval', 'L0002']],
      });
      await signInAs('L0003');
      ok(
        await recordPayment({
          caseId: id,
          version: 1,
          paidOn: '2001-06-30',
          method: 'bank_transfer',
          reference: `R${id}`,
        }),
      );
    };
    // Branch 1's workers draw on its split; a worker of another branch (no split) on the mine-wide budget.
    const [a, b] = await workers(branch.path, true, 2);
    const [c] = await workers(branch.path, false, 1);
    await pay(a, 120_000);
    await pay(b, 50_000);
    await pay(c, 250_000);

    expect((await budgetsOfYear(db, year)).map(({ id: _id, ...r }) => r)).toEqual([
      {
        aidKind: 'chronic_illness',
        unitId: null,
        unitName: null,
        amountFen: 1_000_000,
        spentFen: 250_000,
        leftFen: 750_000,
        payments: 1,
      },
      {
        aidKind: 'chronic_illness',
        unitId: branch.id,
        unitName: branch.name,
        amountFen: 300_000,
        spentFen: 170_000,
        leftFen: 130_000,
        payments: 2,
      },
    ]);

    // Lowering a budget below what was paid from it is refused next to the amount.
    await signInAs('L0001');
    expect(
      await setBudget({ year, aidKind: 'chronic_illness', unitId: String(branch.id), amount: '1000' }),
    ).toMatchObject({ ok: false, fieldErrors: { amount: ['budgetBelowSpent'] } });
    ok(await setBudget({ year, aidKind: 'chronic_illness', unitId: String(branch.id), amount: '1700' }));
    expect((await budgetsOfYear(db, year)).find((r) => r.unitId === branch.id)).toMatchObject({
      amountFen: 170_000,
      leftFen: 0,
    });
    expect(await budgetsOfYear(db, 2000)).toEqual([]);
  });

  it('keeps a province-sized budget: more than int4 holds in fen', async () => {
    await signInAs('L0001');
    const db = await getDb();
    // ¥50,000,000.00 = 5,000,000,000 fen, past 2,147,483,647 (the database refused it before).
    ok(await setBudget({ year: 2002, aidKind: 'chronic_illness', unitId: '', amount: '50000000' }));
    expect((await budgetsOfYear(db, 2002)).find((r) => r.unitId === null)).toMatchObject({
      amountFen: 5_000_000_000,
      leftFen: 5_000_000_000,
    });
  });
});
