import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, mutualEnrolments, orgUnits, users } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { confirmEnrolments, enrolMembers } from '@/lib/mutual-aid/enrolment-actions';
import { saveClaim, submitClaim, uploadClaimDocument } from '@/lib/mutual-aid/claim-actions';
import { createScheme } from '@/lib/mutual-aid/scheme-actions';
import { sexOf } from '@/lib/mutual-aid/rules';
import { signInAs } from './session';

export const today = todayInChina();
export const year = Number(today.slice(0, 4));

export function ok<T>(r: { ok: true; data: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

const common = {
  effectiveOn: '2000-01-01',
  union: '18',
  unit: '0',
  member: '18',
  contribution: '36',
  maxShares: '1',
  termYears: '1',
  windowStart: '01-01',
  windowEnd: '12-31',
  waitingDays: '90',
  renewalGraceDays: '30',
  filingDeadline: '03-31',
  publish: false,
  hospitalDay: '0',
};

let n = 0;

/** A medical scheme: deductible ¥1,000; 50 % up to ¥10,000, 60 % to ¥30,000, 70 % above; cap ¥30,200. */
export async function medicalScheme(over: Partial<Record<string, unknown>> = {}) {
  await signInAs('L0001');
  return ok(
    await createScheme({
      ...common,
      code: `med-${++n}-${randomUUID().slice(0, 6)}`,
      kind: 'medical',
      nameZh: '住院医疗互助',
      nameEn: 'Hospital mutual aid',
      documents: ['settlement_sheet', 'invoice'],
      cap: '30200',
      deductible: '1000',
      bands: [
        { upto: '10000', rate: '50' },
        { upto: '30000', rate: '60' },
        { upto: '', rate: '70' },
      ],
      ...over,
    } as never),
  );
}

export async function womenScheme() {
  await signInAs('L0001');
  return ok(
    await createScheme({
      ...common,
      code: `women-${++n}-${randomUUID().slice(0, 6)}`,
      kind: 'women_special',
      nameZh: '女职工特殊疾病',
      nameEn: "Women workers' special illness",
      documents: [],
      maxShares: '3',
      cap: '6000',
      items: [
        { code: 'cancer', zh: '女性特殊癌症', en: "Women's cancer", amount: '6000' },
        { code: 'fibroid', zh: '子宫肌瘤切除', en: 'Fibroid removal', amount: '1000' },
      ],
      minAge: '18',
      maxAge: '60',
    } as never),
  );
}

/** Workers of the first sub-branch (S0001's), in employee-number order, with their sex. */
export async function workersOfFirstSubBranch() {
  const db = await getDb();
  const [s] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.employeeNo, 'S0001'));
  const rows = await db
    .select({ id: users.id, employeeNo: users.employeeNo, idNumber: users.idNumber })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(users.unitId, s.unitId), eq(users.role, 'worker')))
    .orderBy(users.employeeNo);
  return rows.map((r) => ({ ...r, sex: sexOf(r.idNumber) }));
}

/** Listed by S0001, confirmed by B0001; returns the enrolment ids by member id. */
export async function enrolConfirmed(schemeId: number, memberIds: number[], shares = 1) {
  await signInAs('S0001');
  ok(await enrolMembers({ schemeId, year, memberIds, shares }));
  const db = await getDb();
  const rows = await db
    .select({ id: mutualEnrolments.id, memberId: mutualEnrolments.memberId })
    .from(mutualEnrolments)
    .where(and(eq(mutualEnrolments.schemeId, schemeId), eq(mutualEnrolments.year, year)));
  await signInAs('B0001');
  ok(await confirmEnrolments({ enrolmentIds: rows.map((r) => r.id) }));
  return new Map(rows.map((r) => [r.memberId, r.id]));
}

/** The waiting period waited out: what time travel does (cover from the term's first day). */
export async function waitOut(enrolmentId: number) {
  const db = await getDb();
  await db
    .update(mutualEnrolments)
    .set({ coverFrom: sql`${mutualEnrolments.termStart}` as unknown as string })
    .where(eq(mutualEnrolments.id, enrolmentId));
}

export const PDF = () => new File([Buffer.from('%PDF-1.4\n% test\n')], 'settlement.pdf', { type: 'application/pdf' });
export const PNG = (name = 'invoice.png') =>
  new File([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], name, { type: 'image/png' });

/** A hospital claim of the given self-paid yuan (basic insurance pays as much again), on today. */
export const hospitalClaim = (enrolmentId: number, selfPaid: number, over: Record<string, string> = {}) => ({
  token: randomUUID(),
  enrolmentId,
  eventOn: today,
  hospital: '矿区职工医院',
  admittedOn: today,
  dischargedOn: today,
  total: String(selfPaid * 2),
  basic: String(selfPaid),
  other: '0',
  selfPaid: String(selfPaid),
  itemCode: '',
  diagnosis: '急性胰腺炎',
  ...over,
});

/** Files, papers and submits a claim as the member (signed in as `who`). */
export async function submittedClaim(who: string, input: ReturnType<typeof hospitalClaim>) {
  await signInAs(who);
  const saved = ok(await saveClaim(input));
  const form = (purpose: string, file: File) => {
    const f = new FormData();
    f.set('caseId', String(saved.id));
    f.set('purpose', purpose);
    f.set('file', file);
    return f;
  };
  ok(await uploadClaimDocument(form('settlement_sheet', PDF()) as never));
  ok(await uploadClaimDocument(form('invoice', PNG()) as never));
  const db = await getDb();
  const [{ version }] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, saved.id));
  ok(await submitClaim({ caseId: saved.id, version }));
  return saved;
}
