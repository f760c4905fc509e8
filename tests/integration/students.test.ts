import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideCase, recordPayment, withdrawCase } from '@/lib/cases/case-actions';
import { listPublished } from '@/db/queries/publicity';
import {
  awardStudent,
  nominateStudent,
  registerStudent,
  saveStudentAid,
  submitStudentAid,
  readStudentIdNumber,
  updateStudent,
} from '@/lib/students/student-actions';
import { getDb } from '@/db/client';
import { getStudentCaseFacts } from '@/db/queries/student-aid';
import { getStudentForEdit, listStudents } from '@/db/queries/students';
import { auditLog, budgets, caseDocuments, cases, households, students, users } from '@/db/schema';
import { closeDuePublicity } from '@/lib/cases/publicity';
import { todayInChina } from '@/lib/dates';
import { schoolYearOf, type Stage } from '@/lib/students/stages';
import { signInAs, userId } from '../session';
import { application, childId, fundBudget, ok, pdf, saveFundStandard } from './students-fixtures';

const today = todayInChina();
const schoolYear = schoolYearOf(today);
const db = () => getDb();

const child = (
  o: Partial<{
    name: string;
    idNumber: string;
    school: string;
    stage: Stage;
    grade: string;
    admissionYear: string;
  }> = {},
) => ({
  name: '张小华',
  idNumber: childId(),
  school: '江西理工大学',
  stage: 'undergraduate' as Stage,
  grade: '1',
  admissionYear: String(schoolYear),
  ...o,
});

async function caseRow(id: number) {
  const [c] = await (await db()).select().from(cases).where(eq(cases.id, id));
  return c;
}

/** Takes a submitted case through verification, review and approval, publicity and payment. */
async function throughTheChain(
  id: number,
  who: { verifier: string; reviewer: string } = { verifier: 'S0001', reviewer: 'B0001' },
) {
  for (const decider of [who.verifier, who.reviewer, 'L0001']) {
    await signInAs(decider);
    ok(await decideCase({ caseId: id, version: (await caseRow(id)).version, decision: 'approve' }));
  }
  expect(await closeDuePublicity(await db(), '2999-01-01')).toContain(id);
  await signInAs('L0002');
  return recordPayment({
    caseId: id,
    version: (await caseRow(id)).version,
    paidOn: today,
    method: 'bank_transfer',
    reference: 'T',
  });
}

const budgetYear = Number(today.slice(0, 4));
async function spent() {
  const [b] = await (
    await db()
  )
    .select({ spentFen: budgets.spentFen })
    .from(budgets)
    .where(and(eq(budgets.aidKind, 'student_aid'), eq(budgets.year, budgetYear)));
  return b.spentFen;
}

beforeAll(async () => {
  await saveFundStandard();
  await fundBudget(budgetYear);
});

describe('the students register', () => {
  it('a worker registers a child; bad input is refused with a message and changes nothing', async () => {
    await signInAs('W0001');
    const bad = async (o: Parameters<typeof child>[0]) => {
      const r = await registerStudent(child(o));
      expect(r.ok).toBe(false);
      return r.ok ? null : r.fieldErrors;
    };
    const [{ before }] = await (await db()).select({ before: count() }).from(students);
    expect(await bad({ idNumber: childId('20991231') })).toEqual({ idNumber: ['studentBornInFuture'] });
    expect(await bad({ idNumber: '36118120080315123X' })).toMatchObject({
      idNumber: [expect.stringMatching(/^idNumber\./)],
    });
    expect(await bad({ stage: 'junior_secondary', grade: '5' })).toEqual({ grade: ['gradeOutOfRange'] });
    expect(await bad({ stage: 'primary', grade: '1', admissionYear: String(schoolYear - 4) })).toEqual({
      grade: ['gradeInconsistent'],
    });
    expect(await bad({ admissionYear: String(schoolYear + 1) })).toEqual({ admissionYear: ['admissionInFuture'] });
    const [{ after }] = await (await db()).select({ after: count() }).from(students);
    expect(after).toBe(before);

    // Tolerance: two years behind (a repeated year) and one ahead are accepted.
    ok(await registerStudent(child({ stage: 'primary', grade: '3', admissionYear: String(schoolYear - 4) })));
    const idNumber = childId('20080601');
    const { id } = ok(await registerStudent(child({ idNumber })));
    expect(await bad({ idNumber })).toEqual({ idNumber: ['studentIdNumberTaken'] });
    const [audit] = await (
      await db()
    )
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'student.register'), eq(auditLog.entityId, String(id))));
    expect(JSON.stringify(audit.after)).not.toContain(idNumber);
    expect((audit.after as { idNumber: string }).idNumber).toBe(
      `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
    );
  });

  it('the parent and officials in scope see and correct a student; others answer not found; lists mask the ID', async () => {
    await signInAs('W0001');
    const idNumber = childId('20100101');
    const { id } = ok(
      await registerStudent(
        child({ idNumber, stage: 'senior_secondary', grade: '2', admissionYear: String(schoolYear - 1) }),
      ),
    );
    const input = {
      ...child({ idNumber, stage: 'senior_secondary', grade: '2', admissionYear: String(schoolYear - 1) }),
      studentId: String(id),
      school: '一中',
    };

    for (const outsider of ['W0002', 'S0002', 'B0002']) {
      await signInAs(outsider);
      expect(await updateStudent(input)).toMatchObject({ ok: false, code: 'not_found' });
    }
    await signInAs('A0001');
    expect(await updateStudent(input)).toMatchObject({ ok: false, code: 'forbidden' });
    for (const corrector of ['W0001', 'S0001', 'B0001', 'L0001']) {
      await signInAs(corrector);
      ok(await updateStudent({ ...input, school: `一中-${corrector}` }));
    }
    const [row] = await (await db()).select({ school: students.school }).from(students).where(eq(students.id, id));
    expect(row.school).toBe('一中-L0001');

    const s1 = await signInAs('S0001');
    const { rows } = await listStudents(await db(), s1, { q: '一中' });
    expect(rows.map((r) => r.id)).toContain(id);
    expect(JSON.stringify(rows)).not.toContain(idNumber);
    // The edit page carries the ID masked; its form asks for the full number, in scope only.
    expect(JSON.stringify(await getStudentForEdit(await db(), s1, id))).not.toContain(idNumber);
    expect(await readStudentIdNumber({ studentId: id, reason: '核对学籍' })).toMatchObject({
      ok: true,
      data: { idNumber },
    });
    await signInAs('W0001');
    expect(await readStudentIdNumber({ studentId: id, reason: '核对学籍' })).toMatchObject({
      ok: true,
      data: { idNumber },
    });
    await signInAs('S0002');
    expect(await readStudentIdNumber({ studentId: id, reason: '核对学籍' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const s2 = await signInAs('S0002');
    expect((await listStudents(await db(), s2, {})).rows.map((r) => r.id)).not.toContain(id);
    const w2 = await signInAs('W0002');
    expect((await listStudents(await db(), w2, {})).rows.map((r) => r.id)).not.toContain(id);
  });
});

describe('student aid', () => {
  it('a new entrant needs the admission letter; the amount is the standard’s by stage; the chain pays it from the fund', async () => {
    await signInAs('W0001');
    const { id: studentId } = ok(await registerStudent(child({ idNumber: childId('20080909') })));
    const token = randomUUID();
    // A draft without the proof saves; submitting it without the proof is refused and changes nothing.
    const draft = ok(await saveStudentAid(application(studentId, { token })));
    expect(await submitStudentAid(application(studentId, { token }))).toMatchObject({
      ok: false,
      fieldErrors: { proof: ['admissionLetterRequired'] },
    });
    expect((await caseRow(draft.id)).state).toBe('draft');
    // A file that is not a PDF, JPEG or PNG is refused whatever its name says.
    const fake = new File([Buffer.from('MZ not a pdf')], 'letter.pdf');
    expect(await submitStudentAid(application(studentId, { token, proof: fake }))).toMatchObject({
      ok: false,
      fieldErrors: { proof: ['uploadWrongType'] },
    });
    expect(await (await db()).select().from(caseDocuments).where(eq(caseDocuments.caseId, draft.id))).toHaveLength(0);

    // A double click sends the same form twice at once: one submission, one proof stored.
    const form = application(studentId, { token, proof: pdf('录取通知书.pdf') });
    const [a, b] = await Promise.all([submitStudentAid(form), submitStudentAid(form)]);
    expect(ok(a).id).toBe(draft.id);
    expect(ok(b).id).toBe(draft.id);
    const c = await caseRow(draft.id);
    expect(c).toMatchObject({
      state: 'submitted',
      kind: 'student_aid',
      aidKind: 'student_aid',
      schoolYear,
      stage: 'undergraduate',
      grade: 1,
      tuitionFen: 500_000,
      livingFen: 300_050,
      amountFen: 300_000,
      category: 'none',
    });
    const docs = await (
      await db()
    )
      .select({ purpose: caseDocuments.purpose })
      .from(caseDocuments)
      .where(eq(caseDocuments.caseId, draft.id));
    expect(docs).toEqual([{ purpose: 'admission_letter' }]);
    // The case page's student facts: for whoever may read the case, the ID number masked.
    const facts = await getStudentCaseFacts(await db(), await signInAs('S0001'), draft.id);
    expect(facts).toMatchObject({
      kind: 'student_aid',
      schoolYear,
      stage: 'undergraduate',
      grade: 1,
      tuitionFen: 500_000,
      proof: 'admission_letter',
      proofDocuments: 1,
    });
    expect(facts?.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(await getStudentCaseFacts(await db(), await signInAs('S0002'), draft.id)).toBeNull();

    const before = await spent();
    ok(await throughTheChain(draft.id));
    expect((await caseRow(draft.id)).state).toBe('paid');
    expect((await spent()) - before).toBe(300_000);
  });

  it('once per student and school year: told on choosing, refused on saving, whatever the token; free again after a withdrawal', async () => {
    await signInAs('W0001');
    const { id: studentId } = ok(
      await registerStudent(
        child({
          idNumber: childId('20120202'),
          stage: 'junior_secondary',
          grade: '2',
          admissionYear: String(schoolYear - 1),
        }),
      ),
    );
    const first = ok(
      await submitStudentAid(application(studentId, { stage: 'junior_secondary', grade: '2', proof: pdf() })),
    );
    expect((await caseRow(first.id)).amountFen).toBe(80_000);
    for (const save of [saveStudentAid, submitStudentAid]) {
      expect(await save(application(studentId, { stage: 'junior_secondary', grade: '2', proof: pdf() }))).toMatchObject(
        { ok: false, fieldErrors: { studentId: ['studentAidThisYear'] } },
      );
    }
    const [{ n }] = await (await db()).select({ n: count() }).from(cases).where(eq(cases.studentId, studentId));
    expect(n).toBe(1);
    ok(await withdrawCase({ caseId: first.id, version: (await caseRow(first.id)).version }));
    ok(await submitStudentAid(application(studentId, { stage: 'junior_secondary', grade: '2', proof: pdf() })));
    // Two different applications for one student at the same moment: the unique index lets one through.
    const { id: other } = ok(
      await registerStudent(
        child({ idNumber: childId('20120303'), stage: 'primary', grade: '2', admissionYear: String(schoolYear - 1) }),
      ),
    );
    const race = await Promise.all(
      [1, 2, 3].map(() => submitStudentAid(application(other, { stage: 'primary', grade: '2', proof: pdf() }))),
    );
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(race.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ fieldErrors: { studentId: ['studentAidThisYear'] } }),
      expect.objectContaining({ fieldErrors: { studentId: ['studentAidThisYear'] } }),
    ]);
  });

  it('amounts by stage and household category; a continuing student needs the enrolment certificate; a stage the standard lacks is refused', async () => {
    const conn = await getDb();
    // A worker whose household is filed as 特困户.
    const [filed] = await conn
      .select({ employeeNo: users.employeeNo })
      .from(households)
      .innerJoin(users, eq(users.id, households.workerId))
      .where(and(eq(households.category, 'extreme'), eq(households.status, 'active')))
      .limit(1);
    await signInAs(filed.employeeNo);
    const { id: undergrad } = ok(
      await registerStudent(
        child({
          idNumber: childId('20070707'),
          stage: 'undergraduate',
          grade: '2',
          admissionYear: String(schoolYear - 1),
        }),
      ),
    );
    expect(
      await submitStudentAid(application(undergrad, { stage: 'undergraduate', grade: '2', proof: pdf() })),
    ).toMatchObject({ ok: true });
    const [c] = await conn.select().from(cases).where(eq(cases.studentId, undergrad));
    expect(c).toMatchObject({ amountFen: 500_000, category: 'extreme', rule: { type: 'fixed', fen: 500_000 } });
    const [doc] = await conn
      .select({ purpose: caseDocuments.purpose })
      .from(caseDocuments)
      .where(eq(caseDocuments.caseId, c.id));
    expect(doc.purpose).toBe('enrolment_certificate');

    const { id: postgrad } = ok(
      await registerStudent(
        child({ idNumber: childId('20000101'), stage: 'postgraduate', grade: '1', admissionYear: String(schoolYear) }),
      ),
    );
    const r = ok(await submitStudentAid(application(postgrad, { stage: 'postgraduate', grade: '1', proof: pdf() })));
    expect(await caseRow(r.id)).toMatchObject({
      amountFen: 400_000,
      computedFen: 400_000,
      rule: { type: 'range', minFen: 200_000, maxFen: 600_000, suggestedFen: 400_000 },
    });

    // A standard from tomorrow on pays no primary school aid; cases applied today still use today's.
    await signInAs('W0001');
    const { id: pupil } = ok(
      await registerStudent(
        child({ idNumber: childId('20160606'), stage: 'primary', grade: '4', admissionYear: String(schoolYear - 3) }),
      ),
    );
    await signInAs('L0001');
    const { saveStandard } = await import('@/lib/aid/aid-admin-actions');
    ok(
      await saveStandard({
        name: '无小学',
        effectiveOn: today,
        kinds: [
          {
            kind: 'student_aid',
            frequency: 'per_event',
            amounts: [{ category: 'none', variant: 'senior_secondary', type: 'fixed', fixed: '900' }],
          },
        ],
      }),
    );
    await signInAs('W0001');
    expect(await submitStudentAid(application(pupil, { stage: 'primary', grade: '4', proof: pdf() }))).toMatchObject({
      ok: false,
      fieldErrors: { stage: ['stageNotInStandard'] },
    });
    await signInAs('L0001');
    await saveFundStandard(today);
  });

  it('a returned application is corrected and resubmitted to the same step, its amount recomputed for the new stage', async () => {
    await signInAs('W0001');
    const { id: studentId } = ok(
      await registerStudent(
        child({
          idNumber: childId('20090419'),
          stage: 'senior_secondary',
          grade: '3',
          admissionYear: String(schoolYear - 2),
        }),
      ),
    );
    const token = randomUUID();
    const { id } = ok(
      await submitStudentAid(application(studentId, { token, stage: 'senior_secondary', grade: '3', proof: pdf() })),
    );
    await signInAs('S0001');
    ok(
      await decideCase({ caseId: id, version: (await caseRow(id)).version, decision: 'return', comment: '请核对学段' }),
    );
    await signInAs('W0001');
    const again = ok(await submitStudentAid(application(studentId, { token, stage: 'vocational', grade: '3' })));
    expect(again.id).toBe(id);
    expect(await caseRow(id)).toMatchObject({ state: 'submitted', stage: 'vocational', amountFen: 100_000 });
  });
});

describe('outstanding aided students', () => {
  it('a branch official nominates an aided student; the leader awards a tier the standard has; once a year; paid from the fund', async () => {
    await signInAs('W0001');
    const { id: studentId } = ok(
      await registerStudent(
        child({
          idNumber: childId('20081111'),
          stage: 'undergraduate',
          grade: '2',
          admissionYear: String(schoolYear - 1),
        }),
      ),
    );
    const nomination = (token = randomUUID()) => ({
      token,
      studentId: String(studentId),
      grades: '平均分 92',
      rank: '3/120',
      honours: '国家励志奖学金',
      comment: '推荐',
      document: pdf('成绩单.pdf'),
    });

    // Not aided yet: not eligible.
    await signInAs('B0001');
    expect(await nominateStudent(nomination())).toMatchObject({
      ok: false,
      fieldErrors: { studentId: ['studentNotAided'] },
    });
    await signInAs('W0001');
    const aid = ok(
      await submitStudentAid(application(studentId, { stage: 'undergraduate', grade: '2', proof: pdf() })),
    );
    ok(await throughTheChain(aid.id, { verifier: 'S0001', reviewer: 'B0001' }));

    // Out of scope: another branch's official does not find the student.
    await signInAs('B0002');
    expect(await nominateStudent(nomination())).toMatchObject({ ok: false, code: 'not_found' });
    await signInAs('B0001');
    const token = randomUUID();
    const { id } = ok(await nominateStudent(nomination(token)));
    expect(ok(await nominateStudent(nomination(token)))).toEqual({ id, repeated: true });
    expect(await nominateStudent(nomination())).toMatchObject({
      ok: false,
      fieldErrors: { studentId: ['studentAwardedThisYear'] },
    });
    const award = await caseRow(id);
    expect(award).toMatchObject({
      kind: 'student_award',
      state: 'reviewed',
      applicantId: await userId('W0001'),
      schoolYear,
      amountFen: null,
    });
    expect(JSON.parse(award.results!)).toEqual({ grades: '平均分 92', rank: '3/120', honours: '国家励志奖学金' });

    // The nominator decides nothing further; a tier the standard lacks is refused.
    await signInAs('L0001');
    // The general decision cannot approve an award without its tier and amount.
    expect(await decideCase({ caseId: id, version: award.version, decision: 'approve' })).toMatchObject({
      ok: false,
      fieldErrors: { decision: ['awardNeedsTier'] },
    });
    expect(await awardStudent({ caseId: id, version: award.version, tier: 'third' })).toMatchObject({
      ok: false,
      fieldErrors: { tier: ['awardTierNotInStandard'] },
    });
    expect(await awardStudent({ caseId: id, version: award.version, tier: 'first', amount: '2500' })).toMatchObject({
      ok: false,
      fieldErrors: { amount: ['amountFixed'] },
    });
    ok(await awardStudent({ caseId: id, version: award.version, tier: 'first', comment: '一等奖' }));
    expect(await caseRow(id)).toMatchObject({ state: 'in_publicity', awardTier: 'first', amountFen: 200_000 });
    // Published under the student's masked name (张小华), not the parent's (张小明).
    const board = await listPublished(await db(), await signInAs('W0002'), { kind: 'student_award' });
    expect(board.rows.find((r) => r.id === id)?.maskedName).toBe('张*华');
    await signInAs('L0001');

    expect(await closeDuePublicity(await db(), '2999-01-01')).toContain(id);
    const before = await spent();
    await signInAs('L0003');
    ok(
      await recordPayment({
        caseId: id,
        version: (await caseRow(id)).version,
        paidOn: today,
        method: 'cash',
        reference: '',
      }),
    );
    expect((await spent()) - before).toBe(200_000);

    // The worker sees the award on the students page.
    const w = await signInAs('W0001');
    const { rows } = await listStudents(await db(), w, {});
    expect(rows.find((r) => r.id === studentId)?.cases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, kind: 'student_award', awardTier: 'first', state: 'paid', amountFen: 200_000 }),
      ]),
    );
  });
});

describe('the standard holds the fund’s cells', () => {
  it('a variant must be a stage for student aid, a tier for the award, none for hardship kinds; each cell once', async () => {
    const { saveStandard } = await import('@/lib/aid/aid-admin-actions');
    await signInAs('L0001');
    const save = (kind: string, cells: { category: string; variant?: string }[]) =>
      saveStandard({
        name: 'x',
        effectiveOn: '2001-01-01',
        kinds: [
          { kind, frequency: 'yearly', amounts: cells.map((c) => ({ ...c, type: 'fixed' as const, fixed: '100' })) },
        ],
      } as never);
    expect(await save('poverty', [{ category: 'none', variant: 'primary' }])).toMatchObject({
      ok: false,
      fieldErrors: { kinds: expect.anything() },
    });
    expect(await save('student_aid', [{ category: 'none', variant: 'kindergarten' }])).toMatchObject({ ok: false });
    expect(await save('student_award', [{ category: 'none', variant: 'primary' }])).toMatchObject({ ok: false });
    expect(
      await save('student_aid', [
        { category: 'none', variant: 'primary' },
        { category: 'none', variant: 'primary' },
      ]),
    ).toMatchObject({ ok: false });
    // The hardship kinds' cells keep their shape: no variant at all.
    expect(await save('poverty', [{ category: 'none' }])).toMatchObject({ ok: true });
    expect(
      await save('student_aid', [
        { category: 'none', variant: 'primary' },
        { category: 'extreme', variant: 'primary' },
        { category: 'none', variant: 'vocational' },
      ]),
    ).toMatchObject({ ok: true });
  });
});
