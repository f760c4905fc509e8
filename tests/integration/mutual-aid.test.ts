import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getDocument } from '@/app/api/cases/[id]/documents/[documentId]/route';
import { GET as exportClaims } from '@/app/api/mutual-aid/claims/route';
import { GET as exportEnrolments } from '@/app/api/mutual-aid/enrolments/route';
import { getDb } from '@/db/client';
import { getCaseHead } from '@/db/queries/cases';
import {
  claimList,
  coverageOf,
  enrolmentList,
  fundRows,
  memberClaimLines,
  mutualFigures,
  mutualPaid,
  seriouslyIllNotEnrolled,
} from '@/db/queries/mutual-aid';
import { figuresGeneration } from '@/db/queries/figures-cache';
import { registerMeasures, totalMeasures } from '@/db/queries/register-dashboard';
import {
  auditLog,
  caseDocuments,
  cases,
  households,
  mutualCaps,
  mutualClaims,
  mutualEnrolments,
  payments,
  users,
} from '@/db/schema';
import { decideCase, recordPayment, resubmitCase } from '@/lib/cases/case-actions';
import { caseNumber } from '@/lib/cases/format';
import {
  confirmEnrolments,
  enrolMembers,
  requestEnrolment,
  setContributions,
} from '@/lib/mutual-aid/enrolment-actions';
import { saveClaim, submitClaim, uploadClaimDocument } from '@/lib/mutual-aid/claim-actions';
import { addSchemeVersion, createScheme } from '@/lib/mutual-aid/scheme-actions';
import {
  enrolConfirmed,
  hospitalClaim,
  medicalScheme,
  ok,
  PDF,
  PNG,
  submittedClaim,
  today,
  waitOut,
  womenScheme,
  workersOfFirstSubBranch,
  year,
} from '../mutual-aid-fixtures';
import { signInAs } from '../session';

let workers: Awaited<ReturnType<typeof workersOfFirstSubBranch>>;
beforeAll(async () => {
  workers = await workersOfFirstSubBranch();
});

/** The claims file of a scheme-year as CSV text, as the signed-in person gets it. */
async function exportText(schemeId: number, more = '') {
  const res = await exportClaims(
    new Request(`http://localhost/api/mutual-aid/claims?scheme=${schemeId}&year=${year}&format=csv${more}`),
  );
  expect(res.status).toBe(200);
  return new TextDecoder().decode(await res.arrayBuffer());
}

async function versionOf(caseId: number) {
  const db = await getDb();
  const [c] = await db.select({ version: cases.version, state: cases.state }).from(cases).where(eq(cases.id, caseId));
  return c;
}

async function decide(who: string, caseId: number, decision: 'approve' | 'return' | 'reject', comment = '') {
  await signInAs(who);
  const { version } = await versionOf(caseId);
  return decideCase({ caseId, version, decision, comment });
}

describe('schemes', () => {
  it('a leader creates a scheme and adds a version; the split must add up, nothing saved otherwise', async () => {
    const s = await medicalScheme();
    await signInAs('L0001');
    const bad = await addSchemeVersion({
      schemeId: s.id,
      effectiveOn: '2030-01-01',
      contribution: '36',
      union: '18',
      unit: '0',
      member: '10',
      maxShares: '1',
      termYears: '1',
      windowStart: '10-15',
      windowEnd: '12-15',
      waitingDays: '90',
      renewalGraceDays: '30',
      filingDeadline: '03-31',
      publish: false,
      documents: [],
      cap: '30200',
      deductible: '1000',
      bands: [{ upto: '', rate: '50' }],
      hospitalDay: '0',
    } as never);
    expect(bad).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { member: ['mutualSplitSum'] } });
    const badBands = await createScheme({
      code: 'bad-bands',
      kind: 'medical',
      nameZh: '坏',
      nameEn: 'Bad',
      effectiveOn: '2030-01-01',
      contribution: '36',
      union: '36',
      unit: '0',
      member: '0',
      maxShares: '1',
      termYears: '1',
      windowStart: '10-15',
      windowEnd: '12-15',
      waitingDays: '90',
      renewalGraceDays: '30',
      filingDeadline: '03-31',
      publish: false,
      documents: [],
      cap: '30200',
      deductible: '1000',
      bands: [{ upto: '10000', rate: '50' }],
      hospitalDay: '0',
    } as never);
    expect(badBands).toMatchObject({ ok: false, fieldErrors: { bands: ['mutualBandsOrder'] } });
    const db = await getDb();
    const [{ n }] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'mutual.createScheme'));
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it('only leaders edit schemes', async () => {
    await signInAs('B0001');
    expect(await createScheme({} as never)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('enrolment', () => {
  it('an official lists their workers, the branch confirms, caps appear; contributions fill the fund', async () => {
    const s = await medicalScheme();
    const ids = workers.slice(0, 3).map((w) => w.id);
    const enrolments = await enrolConfirmed(s.id, ids);
    const db = await getDb();
    const rows = await db.select().from(mutualEnrolments).where(eq(mutualEnrolments.schemeId, s.id));
    expect(rows.every((r) => r.state === 'confirmed' && r.contributionFen === 3_600)).toBe(true);
    // First enrolment: cover after the 90-day waiting period, counted from the day of listing.
    expect(rows[0].coverFrom > today).toBe(true);
    const caps = await db
      .select()
      .from(mutualCaps)
      .where(eq(mutualCaps.enrolmentId, enrolments.get(ids[0])!));
    expect(caps).toEqual([expect.objectContaining({ year, capFen: 3_020_000, usedFen: 0 })]);

    await signInAs('S0001');
    ok(await setContributions({ enrolmentIds: [...enrolments.values()], status: 'payroll' }));
    ok(await setContributions({ enrolmentIds: [enrolments.get(ids[0])!], status: 'paid' }));
    // The list, newest first, in the official's units only.
    const list = await enrolmentList(db, await signInAs('B0001'), { schemeId: s.id, year }, {});
    expect(list.rows.map((r) => r.id)).toEqual([...enrolments.values()].sort((a, b) => b - a));
    expect((await enrolmentList(db, await signInAs('S0002'), { schemeId: s.id, year }, {})).rows).toEqual([]);
    await signInAs('S0001');
    let fund = (await fundRows(db)).find((f) => f.schemeId === s.id)!;
    expect(fund.contributionsFen).toBe(3 * 3_600);
    ok(await setContributions({ enrolmentIds: [enrolments.get(ids[1])!], status: 'unpaid' }));
    fund = (await fundRows(db)).find((f) => f.schemeId === s.id)!;
    expect(fund.contributionsFen).toBe(2 * 3_600);
  });

  it('a worker asks to join; listing twice skips; an official cannot list workers outside their units', async () => {
    const s = await medicalScheme();
    const me = workers[3];
    await signInAs(me.employeeNo);
    ok(await requestEnrolment({ schemeId: s.id, year, shares: 1 }));
    expect(await requestEnrolment({ schemeId: s.id, year, shares: 1 })).toMatchObject({
      ok: false,
      error: 'mutualAlreadyEnrolled',
    });
    await signInAs('S0001');
    expect(ok(await enrolMembers({ schemeId: s.id, year, memberIds: [me.id], shares: 1 }))).toEqual({
      listed: 0,
      skipped: 1,
    });
    expect(await enrolMembers({ schemeId: s.id, year, memberIds: [me.id], shares: 2 })).toMatchObject({
      ok: false,
      fieldErrors: { shares: ['mutualTooManyShares'] },
    });
    // S0002's sub-branch cannot reach S0001's workers.
    await signInAs('S0002');
    expect(await enrolMembers({ schemeId: s.id, year, memberIds: [workers[4].id], shares: 1 })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    // A worker cannot confirm; the sub-branch official's confirm capability is not theirs.
    await signInAs('S0001');
    expect(await confirmEnrolments({ enrolmentIds: [1] })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it("only women join the women workers' scheme", async () => {
    const s = await womenScheme();
    const man = workers.find((w) => w.sex === 'male')!;
    await signInAs('S0001');
    expect(await enrolMembers({ schemeId: s.id, year, memberIds: [man.id], shares: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { memberIds: ['mutualWomenOnly'] },
    });
  });
});

describe('claims', () => {
  it('refuses a claim in the waiting period, then computes the payout line by line once cover started', async () => {
    const s = await medicalScheme();
    const w = workers[5];
    const e = (await enrolConfirmed(s.id, [w.id])).get(w.id)!;
    await signInAs(w.employeeNo);
    expect(await saveClaim(hospitalClaim(e, 20_000))).toMatchObject({
      ok: false,
      fieldErrors: { eventOn: ['mutualWaitingPeriod'] },
    });
    await waitOut(e);
    const saved = ok(await saveClaim(hospitalClaim(e, 20_000)));
    expect(saved.payoutFen).toBe(1_050_000);
    expect(saved.lines.map((l) => l.kind)).toEqual(['selfPaid', 'deductible', 'band', 'band', 'subtotal', 'cap']);
  });

  it('bad input: costs that do not add up, negative, discharge before admission, not enrolled — nothing saved', async () => {
    const s = await medicalScheme();
    const w = workers[6];
    const e = (await enrolConfirmed(s.id, [w.id])).get(w.id)!;
    await waitOut(e);
    const db = await getDb();
    const [{ before }] = await db.select({ before: count() }).from(mutualClaims);
    await signInAs(w.employeeNo);
    expect(await saveClaim(hospitalClaim(e, 20_000, { selfPaid: '19999' }))).toMatchObject({
      fieldErrors: { selfPaid: ['mutualCostsDoNotAddUp'] },
    });
    expect(await saveClaim(hospitalClaim(e, 20_000, { other: '-5' }))).toMatchObject({ ok: false, code: 'invalid' });
    expect(await saveClaim(hospitalClaim(e, 20_000, { total: '9000000', basic: '8980000' }))).toMatchObject({
      fieldErrors: { total: ['mutualAmountAbsurd'] },
    });
    expect(
      await saveClaim(
        hospitalClaim(e, 20_000, {
          admittedOn: today,
          dischargedOn: `${year - 1}-01-01`,
          eventOn: `${year - 1}-01-01`,
        }),
      ),
    ).toMatchObject({ ok: false, code: 'invalid' });
    // Someone else's enrolment is "not enrolled" for this worker.
    await signInAs(workers[7].employeeNo);
    expect(await saveClaim(hospitalClaim(e, 20_000))).toMatchObject({
      fieldErrors: { enrolmentId: ['mutualNotEnrolled'] },
    });
    const [{ after }] = await db.select({ after: count() }).from(mutualClaims);
    expect(after).toBe(before);
  });

  it('refuses a document whose content is not what its name says, and a submission missing a paper', async () => {
    const s = await medicalScheme();
    const w = workers[8];
    const e = (await enrolConfirmed(s.id, [w.id])).get(w.id)!;
    await waitOut(e);
    await signInAs(w.employeeNo);
    const saved = ok(await saveClaim(hospitalClaim(e, 5_000)));
    const f = new FormData();
    f.set('caseId', String(saved.id));
    f.set('purpose', 'settlement_sheet');
    f.set('file', PNG('settlement.pdf'));
    expect(await uploadClaimDocument(f as never)).toMatchObject({ fieldErrors: { file: ['uploadNameMismatch'] } });
    f.set('file', PDF());
    ok(await uploadClaimDocument(f as never));
    const { version } = await versionOf(saved.id);
    expect(await submitClaim({ caseId: saved.id, version })).toMatchObject({
      fieldErrors: { documents: ['mutualMissingDocuments'] },
    });
    expect((await versionOf(saved.id)).state).toBe('draft');
  });

  it('runs the one chain: verify, review, return for a paper, resubmit, approve (cap drawn, not published), pay from the fund', async () => {
    const s = await medicalScheme();
    const w = workers[9];
    const e = (await enrolConfirmed(s.id, [w.id])).get(w.id)!;
    await waitOut(e);
    await signInAs('S0001');
    ok(await setContributions({ enrolmentIds: [e], status: 'payroll' }));
    const claim = await submittedClaim(w.employeeNo, hospitalClaim(e, 20_000));
    ok(await decide('S0001', claim.id, 'approve'));
    ok(await decide('B0001', claim.id, 'return', '请补充费用明细'));
    expect((await versionOf(claim.id)).state).toBe('returned_from_review');
    // The member adds the paper and sends it back to the branch.
    await signInAs(w.employeeNo);
    const f = new FormData();
    f.set('caseId', String(claim.id));
    f.set('purpose', 'itemised_costs');
    f.set('file', PDF());
    ok(await uploadClaimDocument(f as never));
    ok(await submitClaim({ caseId: claim.id, version: (await versionOf(claim.id)).version }));
    expect((await versionOf(claim.id)).state).toBe('verified');
    ok(await decide('B0001', claim.id, 'approve'));
    // The verifier cannot approve at another step; separation of duties holds on the claim too.
    await signInAs('L0001');
    ok(await decide('L0001', claim.id, 'approve'));
    // Medical claims are not published: straight to payment.
    expect((await versionOf(claim.id)).state).toBe('ready_for_payment');
    const db = await getDb();
    const [cap] = await db
      .select()
      .from(mutualCaps)
      .where(and(eq(mutualCaps.enrolmentId, e), eq(mutualCaps.year, year)));
    expect(cap.usedFen).toBe(1_050_000);
    // The approver does not pay.
    expect(
      await recordPayment({
        caseId: claim.id,
        version: (await versionOf(claim.id)).version,
        paidOn: today,
        method: 'bank_transfer',
        reference: 'X',
        repeatReason: '',
      }),
    ).toMatchObject({ ok: false });
    await signInAs('L0002');
    ok(
      await recordPayment({
        caseId: claim.id,
        version: (await versionOf(claim.id)).version,
        paidOn: today,
        method: 'bank_transfer',
        reference: 'MA-1',
        repeatReason: '',
      }),
    );
    const [p] = await db.select().from(payments).where(eq(payments.caseId, claim.id));
    expect(p).toMatchObject({ amountFen: 1_050_000, budgetId: null });
    const fund = (await fundRows(db)).find((r) => r.schemeId === s.id && r.year === year)!;
    expect(fund).toMatchObject({
      contributionsFen: 3_600,
      payoutsFen: 1_050_000,
      payouts: 1,
      balanceFen: 3_600 - 1_050_000,
    });
    const coverage = (await coverageOf(db, w.id, year)).find((c) => c.schemeId === s.id)!;
    expect(coverage).toMatchObject({ capFen: 3_020_000, usedFen: 1_050_000, claimedFen: 1_050_000 });
    // The household's ledger and the leader's figures carry the payment, to the fen.
    expect((await memberClaimLines(db, w.id)).find((l) => l.caseId === claim.id)).toMatchObject({ paidFen: 1_050_000 });
    const leader = await signInAs('L0001');
    const figures = await mutualFigures(db, leader, year);
    expect(figures.find((f) => f.schemeId === s.id)).toMatchObject({ enrolled: 1, paid: 1, paidFen: 1_050_000 });
    const branchOfficial = await signInAs('B0001');
    const listed = await claimList(db, branchOfficial, { schemeId: s.id, year }, {});
    expect(listed.rows.map((r) => r.caseId)).toEqual([claim.id]);
    expect(listed.total).toEqual({ count: 1, capped: false });
    const other = await signInAs('S0002');
    expect((await claimList(db, other, { schemeId: s.id, year }, {})).rows).toEqual([]);
    expect((await mutualFigures(db, other, year)).find((f) => f.schemeId === s.id)).toMatchObject({ paidFen: 0 });
    // The dashboards' paid figures: mine-wide from the fund's totals, in units from the claims — the same.
    const paidBy = async (who: string, unitPath?: string) =>
      (await mutualPaid(db, await signInAs(who), year, unitPath)).find((f) => f.schemeId === s.id);
    expect(await paidBy('L0001')).toMatchObject({ paid: 1, paidFen: 1_050_000 });
    expect(await paidBy('L0001', branchOfficial.unitPath)).toMatchObject({ paid: 1, paidFen: 1_050_000 });
    expect(await paidBy('B0001')).toMatchObject({ paid: 1, paidFen: 1_050_000 });
    expect(await paidBy('L0001', other.unitPath)).toMatchObject({ paid: 0, paidFen: 0 });
    const docs = await db
      .select({ purpose: caseDocuments.purpose })
      .from(caseDocuments)
      .where(eq(caseDocuments.caseId, claim.id));
    expect(docs.map((d) => d.purpose).sort()).toEqual(['invoice', 'itemised_costs', 'settlement_sheet']);
    // The payouts file carries the payment, to the fen, and never the illness.
    await signInAs('B0001');
    const payouts = await exportText(s.id, '&paid=1');
    expect(payouts).toContain(caseNumber(claim.id));
    expect(payouts).toContain('10500.00');
    expect(payouts).toContain('MA-1');
    expect(payouts).not.toContain('急性胰腺炎');
  });

  it('caps across several claims: the second is cut to what is left, a third is refused', async () => {
    const s = await medicalScheme();
    const w = workers[10];
    const e = (await enrolConfirmed(s.id, [w.id])).get(w.id)!;
    await waitOut(e);
    const big = async () => {
      const c = await submittedClaim(w.employeeNo, hospitalClaim(e, 50_000)); // ¥4,500 + ¥12,000 + ¥14,000 = ¥30,500 → cap
      ok(await decide('S0001', c.id, 'approve'));
      ok(await decide('B0001', c.id, 'approve'));
      ok(await decide('L0001', c.id, 'approve'));
      return c;
    };
    const first = await big();
    expect(first.payoutFen).toBe(3_020_000);
    await signInAs(w.employeeNo);
    expect(await saveClaim(hospitalClaim(e, 5_000))).toMatchObject({
      fieldErrors: { enrolmentId: ['mutualCapExhausted'] },
    });
  });

  it('a resubmission is recomputed on the cap as it is now', async () => {
    const s = await medicalScheme();
    const w = workers[11];
    const e = (await enrolConfirmed(s.id, [w.id])).get(w.id)!;
    await waitOut(e);
    const a = await submittedClaim(w.employeeNo, hospitalClaim(e, 40_000)); // ¥4,500 + ¥12,000 + ¥7,000 = ¥23,500
    const b = await submittedClaim(w.employeeNo, hospitalClaim(e, 20_000)); // ¥10,500, only ¥6,700 left once a is approved
    for (const who of ['S0001', 'B0001', 'L0001']) ok(await decide(who, a.id, 'approve'));
    ok(await decide('S0001', b.id, 'approve'));
    ok(await decide('B0001', b.id, 'approve'));
    // Approving b as computed at filing would pass the cap: refused, nothing moved.
    expect(await decide('L0001', b.id, 'approve')).toMatchObject({ fieldErrors: { decision: ['mutualCapExceeded'] } });
    ok(await decide('L0001', b.id, 'return', '封顶额已变，请重新提交'));
    await signInAs(w.employeeNo);
    const r = ok(await submitClaim({ caseId: b.id, version: (await versionOf(b.id)).version }));
    expect(r.payoutFen).toBe(670_000);
    ok(await decide('L0001', b.id, 'approve'));
    const db = await getDb();
    const [cap] = await db.select().from(mutualCaps).where(eq(mutualCaps.enrolmentId, e));
    expect(cap.usedFen).toBe(cap.capFen);
  });

  it('an official files for a worker; the generic resubmit still belongs to the worker', async () => {
    const s = await medicalScheme();
    const w = workers[12];
    const e = (await enrolConfirmed(s.id, [w.id])).get(w.id)!;
    await waitOut(e);
    const c = await submittedClaim('S0001', hospitalClaim(e, 3_000));
    const db = await getDb();
    const [row] = await db
      .select({ applicantId: cases.applicantId, state: cases.state })
      .from(cases)
      .where(eq(cases.id, c.id));
    expect(row).toEqual({ applicantId: w.id, state: 'submitted' });
    await signInAs('S0001');
    expect(await resubmitCase({ caseId: c.id, version: 1 })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('exports a scheme-year’s claims and its payouts, in the claims list’s reach, without diagnoses, audited', async () => {
    const s = await medicalScheme();
    const w = workers[15];
    const e = (await enrolConfirmed(s.id, [w.id])).get(w.id)!;
    await waitOut(e);
    const claim = await submittedClaim(w.employeeNo, hospitalClaim(e, 4_000));
    await signInAs('S0001');
    const claims = await exportText(s.id);
    expect(claims).toContain(caseNumber(claim.id));
    expect(claims).toContain(w.employeeNo);
    expect(claims).not.toContain('急性胰腺炎');
    // Submitted, not paid: not among the payouts.
    expect(await exportText(s.id, '&paid=1')).not.toContain(caseNumber(claim.id));
    await signInAs('S0002');
    expect(await exportText(s.id)).not.toContain(caseNumber(claim.id));
    await signInAs('L0001');
    expect(await exportText(s.id)).toContain(caseNumber(claim.id));
    await signInAs(w.employeeNo);
    expect(
      (await exportClaims(new Request(`http://localhost/api/mutual-aid/claims?scheme=${s.id}&year=${year}`))).status,
    ).toBe(403);
    expect(
      (await exportClaims(new Request(`http://localhost/api/mutual-aid/claims?scheme=0&year=${year}`))).status,
    ).toBe(403);
    await signInAs('L0001');
    expect(
      (await exportClaims(new Request(`http://localhost/api/mutual-aid/claims?scheme=0&year=${year}`))).status,
    ).toBe(404);
    const db = await getDb();
    const rows = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'mutual.export'), eq(auditLog.entityId, String(s.id))));
    expect(rows.map((r) => (r.after as { list: string }).list).sort()).toEqual([
      'claims',
      'claims',
      'claims',
      'payouts',
    ]);
  });

  it('the official who filed a claim reads its papers, draft or not, and takes no step of it', async () => {
    const s = await medicalScheme();
    const w = workers[14];
    const e = (await enrolConfirmed(s.id, [w.id])).get(w.id)!;
    await waitOut(e);
    const official = await signInAs('S0001');
    const draft = ok(await saveClaim(hospitalClaim(e, 3_000)));
    const f = new FormData();
    f.set('caseId', String(draft.id));
    f.set('purpose', 'settlement_sheet');
    f.set('file', PDF());
    const doc = ok(await uploadClaimDocument(f as never));
    const download = () =>
      getDocument(new Request(`http://localhost/api/cases/${draft.id}/documents/${doc.id}`), {
        params: Promise.resolve({ id: String(draft.id), documentId: String(doc.id) }),
      });
    // The draft is the filer's and the member's: the filer reads the paper back, a colleague does not yet.
    expect((await download()).status).toBe(200);
    await signInAs('B0001');
    expect((await download()).status).toBe(404);
    // Submitted by the filer (with the second paper), it waits at verification — not for them.
    await signInAs('S0001');
    f.set('purpose', 'invoice');
    f.set('file', PNG());
    ok(await uploadClaimDocument(f as never));
    ok(await submitClaim({ caseId: draft.id, version: (await versionOf(draft.id)).version }));
    expect((await download()).status).toBe(200);
    const db = await getDb();
    const head = await getCaseHead(db, official, draft.id);
    expect(head.filedBy).toBe(official.userId);
    expect(await decide('S0001', draft.id, 'approve')).toMatchObject({ ok: false, error: 'caseFiledForApplicant' });
    expect((await versionOf(draft.id)).state).toBe('submitted');
  });

  it('lists seriously ill workers on the register without medical cover, until they are enrolled', async () => {
    const db = await getDb();
    const leader = await signInAs('L0001');
    const before = await seriouslyIllNotEnrolled(db, leader, year);
    expect(before.length).toBeGreaterThan(0);
    // The dashboards' count is the register's stored figure: the list's length, mine-wide and in the unit.
    const stored = async (unitId: number) =>
      totalMeasures(await registerMeasures(db, unitId, today, { year })).illUncovered;
    const [{ unitId }] = await db
      .select({ unitId: households.unitId })
      .from(households)
      .where(eq(households.id, before[0].householdId));
    expect(await stored(leader.unitId)).toBe(before.length);
    const inUnit = await stored(unitId);
    expect(inUnit).toBeGreaterThan(0);
    expect(inUnit).toBeLessThan(before.length);
    const covered = totalMeasures(await registerMeasures(db, leader.unitId, today, { year })).mutualCovered;
    const generation = await figuresGeneration(db);
    const s = await medicalScheme();
    const ill = before[0];
    const [u] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.id, ill.workerId));
    const [official] = await db
      .select({ employeeNo: users.employeeNo })
      .from(users)
      .where(and(eq(users.unitId, u.unitId), eq(users.role, 'sub_branch_official')));
    await signInAs(official.employeeNo);
    ok(await enrolMembers({ schemeId: s.id, year, memberIds: [ill.workerId], shares: 1 }));
    const [e] = await db
      .select({ id: mutualEnrolments.id })
      .from(mutualEnrolments)
      .where(and(eq(mutualEnrolments.memberId, ill.workerId), eq(mutualEnrolments.schemeId, s.id)));
    await signInAs('L0001');
    ok(await confirmEnrolments({ enrolmentIds: [e.id] }));
    expect((await seriouslyIllNotEnrolled(db, leader, year)).map((a) => a.workerId)).not.toContain(ill.workerId);
    // The enrolment's trigger named both units: the stored figures move at once, exactly.
    expect(await stored(leader.unitId)).toBe(before.length - 1);
    expect(await stored(unitId)).toBe(inUnit - 1);
    expect(totalMeasures(await registerMeasures(db, leader.unitId, today, { year })).mutualCovered).toBe(covered + 1);
    // Enrolling is a change the dashboards' cached figures see.
    expect(await figuresGeneration(db)).not.toBe(generation);
  });

  it('exports a scheme-year list for payroll deduction, in the official’s units only, audited', async () => {
    const s = await medicalScheme();
    const w = workers[13];
    await enrolConfirmed(s.id, [w.id]);
    const get = () =>
      exportEnrolments(
        new Request(`http://localhost/api/mutual-aid/enrolments?scheme=${s.id}&year=${year}&format=csv`),
      );
    await signInAs('S0001');
    const res = await get();
    expect(res.status).toBe(200);
    const text = new TextDecoder().decode(await res.arrayBuffer());
    expect(text).toContain(w.employeeNo);
    expect(text).toContain('36.00');
    await signInAs('S0002');
    expect(new TextDecoder().decode(await (await get()).arrayBuffer())).not.toContain(w.employeeNo);
    await signInAs(w.employeeNo);
    expect((await get()).status).toBe(403);
    const db = await getDb();
    const [{ n }] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'mutual.export'), eq(auditLog.entityId, String(s.id))));
    expect(n).toBe(2);
  });
});
