import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getFile, suggestions } from '@/db/queries/employment';
import { employmentFigures, exitsByYear, householdProgrammeLines } from '@/db/queries/programme-figures';
import { cases, employmentFiles, householdEvents, households, orgUnits, students, users } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { addFollowUp, linkExit, openFile, recordPlacement } from '@/lib/employment/employment-actions';
import { exitHousehold } from '@/lib/register/household-actions';
import { schoolYearOf, type Stage } from '@/lib/students/stages';
import { signInAs } from '../session';

const today = todayInChina();
const thisYear = Number(today.slice(0, 4));

/** An active household in the units of `officialNo`, not used by an earlier test. */
const used = new Set<number>();
async function householdOf(officialNo: string) {
  const official = await signInAs(officialNo);
  const db = await getDb();
  const rows = await db
    .select({
      id: households.id,
      workerId: households.workerId,
      employeeNo: users.employeeNo,
      unitId: households.unitId,
    })
    .from(households)
    .innerJoin(users, eq(users.id, households.workerId))
    .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
    .where(and(eq(households.status, 'active'), like(orgUnits.path, `${official.unitPath}%`)))
    .orderBy(households.id);
  const h = rows.find((r) => !used.has(r.id));
  if (!h) throw new Error(`no free household in ${officialNo}'s unit`);
  used.add(h.id);
  return h;
}

let seq = 0;
/** A student of the household's worker with a student aid case this school year at `stage`/`grade`. */
async function studentWithAid(workerId: number, unitId: number, stage: Stage, grade: number) {
  const db = await getDb();
  seq += 1;
  const [s] = await db
    .insert(students)
    .values({
      workerId,
      name: `毕业生${seq}`,
      idNumber: `11010120040101${String(100 + seq).padStart(3, '0')}X`,
      birthDate: '2004-01-01',
      school: '江西理工大学',
      stage,
      grade,
      admissionYear: schoolYearOf(today) - grade + 1,
      createdBy: workerId,
    })
    .returning({ id: students.id, name: students.name });
  await db.insert(cases).values({
    kind: 'student_aid',
    applicantId: workerId,
    unitId,
    state: 'submitted',
    submittedAt: new Date(),
    eventOn: today,
    whatHappened: '申请助学金',
    submitToken: randomUUID(),
    studentId: s.id,
    schoolYear: schoolYearOf(today),
    stage,
    grade,
  });
  return s;
}

describe('suggestions and opening a file', () => {
  it("suggests final-year students of the official's households once, and opens a graduate's file from one", async () => {
    const h = await householdOf('S0001');
    const finalYear = await studentWithAid(h.workerId, h.unitId, 'undergraduate', 4);
    const secondYear = await studentWithAid(h.workerId, h.unitId, 'undergraduate', 2);
    const db = await getDb();
    const s1 = await signInAs('S0001');
    const listed = await suggestions(db, s1, schoolYearOf(today));
    expect(listed.map((s) => s.studentId)).toContain(finalYear.id);
    expect(listed.map((s) => s.studentId)).not.toContain(secondYear.id);
    // Another branch's official neither sees nor opens it.
    const b2 = await signInAs('B0002');
    expect((await suggestions(db, b2, schoolYearOf(today))).map((s) => s.studentId)).not.toContain(finalYear.id);
    const refused = await openFile({ from: 'student', studentId: finalYear.id, wishes: '' });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { studentId: ['householdNotInScope'] } });

    await signInAs('S0001');
    const opened = await openFile({ from: 'student', studentId: finalYear.id, wishes: '希望回矿工作' });
    expect(opened.ok).toBe(true);
    const f = await getFile(db, s1, (opened as { data: { id: number } }).data.id);
    expect(f).toMatchObject({
      kind: 'graduate',
      name: finalYear.name,
      school: '江西理工大学',
      graduationYear: schoolYearOf(today) + 1,
      householdId: h.id,
      outcome: 'not_yet',
    });
    expect((await suggestions(db, s1, schoolYearOf(today))).map((s) => s.studentId)).not.toContain(finalYear.id);
    const twice = await openFile({ from: 'student', studentId: finalYear.id, wishes: '' });
    expect(twice).toMatchObject({ ok: false, fieldErrors: { studentId: ['fileExists'] } });
  });

  it("keeps files to the officials of the person's unit", async () => {
    const h = await householdOf('S0001');
    await signInAs('S0001');
    const opened = await openFile({
      from: 'person',
      kind: 'family_member',
      employeeNo: h.employeeNo,
      name: '李家属',
      school: '',
      major: '',
      graduationYear: '',
      wishes: '就近就业',
    } as never);
    expect(opened.ok).toBe(true);
    const id = (opened as { data: { id: number } }).data.id;
    await signInAs('S0002');
    const out = await addFollowUp({ fileId: id, kind: 'referral', on: today, note: '推荐', employer: '某公司' });
    expect(out).toMatchObject({ ok: false, code: 'not_found' });
    const place = await recordPlacement({
      fileId: id,
      version: 1,
      outcome: 'placed_mine',
      placedOn: today,
      employer: '选矿厂',
    });
    expect(place).toMatchObject({ ok: false, code: 'not_found' });
    const notMine = await openFile({
      from: 'person',
      kind: 'survivor',
      employeeNo: h.employeeNo,
      name: '王遗属',
      wishes: '',
    } as never);
    expect(notMine).toMatchObject({ ok: false, fieldErrors: { employeeNo: ['workerNotInScope'] } });
  });
});

describe('placement and the exit from hardship', () => {
  async function placedFile(officialNo: string) {
    const h = await householdOf(officialNo);
    const s = await studentWithAid(h.workerId, h.unitId, 'vocational', 3);
    await signInAs(officialNo);
    const opened = await openFile({ from: 'student', studentId: s.id, wishes: '' });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const id = opened.data.id;
    expect(
      (await addFollowUp({ fileId: id, kind: 'referral', on: today, note: '推荐到选矿厂', employer: '选矿厂' })).ok,
    ).toBe(true);
    const early = await linkExit({ fileId: id, version: 1 });
    expect(early).toMatchObject({ ok: false, error: 'notPlaced' });
    const placed = await recordPlacement({
      fileId: id,
      version: 1,
      outcome: 'placed_mine',
      placedOn: today,
      employer: '选矿厂',
    });
    expect(placed.ok).toBe(true);
    return { h, id };
  }

  it("links a placement to the household's exit (reason employment) once, and counts it", async () => {
    const db = await getDb();
    const b1 = await signInAs('B0001');
    const before = await exitsByYear(db, b1, [thisYear]);
    const figuresBefore = await employmentFigures(db, b1, thisYear);
    const { h, id } = await placedFile('B0001');

    const linked = await linkExit({ fileId: id, version: 2 });
    expect(linked).toMatchObject({ ok: true, data: { exited: true } });
    const [household] = await db.select().from(households).where(eq(households.id, h.id));
    expect(household).toMatchObject({ status: 'exited', exitedOn: today });
    expect(household.exitReason).toContain('就业');
    const [file] = await db.select().from(employmentFiles).where(eq(employmentFiles.id, id));
    const [event] = await db.select().from(householdEvents).where(eq(householdEvents.id, file.exitEventId!));
    expect(event).toMatchObject({ householdId: h.id, kind: 'exited', on: today });

    const again = await linkExit({ fileId: id, version: 3 });
    expect(again).toMatchObject({ ok: false, error: 'exitAlreadyLinked' });

    const after = await exitsByYear(db, b1, [thisYear]);
    expect(after[0].employment).toBe(before[0].employment + 1);
    expect(after[0].other).toBe(before[0].other);
    const figures = await employmentFigures(db, b1, thisYear);
    expect(figures.placed).toBe(figuresBefore.placed + 1);
    expect(figures.placedAtMine).toBe(figuresBefore.placedAtMine + 1);
    expect(figures.rate).toBe(Math.round((figures.placed / figures.helped) * 100));
    const ledger = await householdProgrammeLines(db, h.id);
    expect(ledger.jobs).toEqual([expect.objectContaining({ id, outcome: 'placed_mine', exitLinked: true })]);
  });

  it('links the exit already recorded in the register instead of exiting twice', async () => {
    const db = await getDb();
    const { h, id } = await placedFile('B0001');
    const exited = await exitHousehold({ householdId: h.id, exitedOn: today, reason: '子女就业，收入稳定' });
    expect(exited.ok).toBe(true);
    const linked = await linkExit({ fileId: id, version: 2 });
    expect(linked).toMatchObject({ ok: true, data: { exited: false } });
    const exits = await db
      .select()
      .from(householdEvents)
      .where(and(eq(householdEvents.householdId, h.id), eq(householdEvents.kind, 'exited')));
    expect(exits).toHaveLength(1);
    const [file] = await db.select().from(employmentFiles).where(eq(employmentFiles.id, id));
    expect(file.exitEventId).toBe(exits[0].id);
  });
});
