import { rolesWith } from '@/lib/permissions';
import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import { todayInChina } from '@/lib/dates';
import { assessClaim, type PayoutLine } from '@/lib/mutual-aid/payout';
import { plusDays, sexOf, termOf, type PayoutRule } from '@/lib/mutual-aid/rules';
import { rebuildCaseStats } from '@/lib/stats/case-stats';
import type { CaseState } from '@/lib/workflow/case-workflow';
import type { Database, Tx } from './client';
import { rng } from './demo-data';
import {
  caseSteps,
  cases,
  mutualCaps,
  mutualClaims,
  mutualEnrolments,
  mutualFunds,
  mutualSchemes,
  mutualSchemeVersions,
  orgUnits,
  payments,
  users,
} from './schema';

/**
 * The demo mine's mutual aid over three years: four schemes (medical mutual aid, critical illness,
 * accident, women workers' special illness), most workers enrolled each year (confirmed, paid or
 * payroll-deducted), about 500 medical and 190 insurance claims a year in every state of the chain,
 * caps drawn by the approved ones and funds that add up. W0001–W0010 and W0161 (a household on the
 * register in the first sub-branch, whose ledger the browser test reads) are left out entirely (the
 * browser tests enrol and claim with them). Skipped once any scheme exists.
 */

/** Workers the browser tests enrol and claim with from scratch. */
export const LEFT_FOR_BROWSER_TESTS = (employeeNo: string) =>
  Number(employeeNo.slice(1)) <= 10 || employeeNo === 'W0161';

const MEDICAL: PayoutRule = {
  type: 'medical',
  deductibleFen: 100_000,
  bands: [
    { uptoFen: 1_000_000, rateBp: 5_000 },
    { uptoFen: 3_000_000, rateBp: 6_000 },
    { uptoFen: null, rateBp: 7_000 },
  ],
  capFen: 3_020_000,
};

const CRITICAL: PayoutRule = {
  type: 'critical_illness',
  items: [
    { code: 'cancer', zh: '恶性肿瘤', en: 'Malignant tumour', fen: 1_000_000 },
    { code: 'stroke', zh: '脑中风后遗症', en: 'Stroke with lasting effects', fen: 800_000 },
    { code: 'heart_attack', zh: '急性心肌梗塞', en: 'Acute heart attack', fen: 800_000 },
    { code: 'kidney_failure', zh: '终末期肾病', en: 'End-stage kidney disease', fen: 1_000_000 },
    { code: 'organ_transplant', zh: '重大器官移植', en: 'Major organ transplant', fen: 1_500_000 },
  ],
  capFen: 1_500_000,
};

const ACCIDENT: PayoutRule = {
  type: 'accident',
  items: [
    { code: 'death', zh: '意外身故', en: 'Accidental death', fen: 2_000_000 },
    ...[8, 9, 10].map((g) => ({
      code: `grade_${g}`,
      zh: `${g === 8 ? '八' : g === 9 ? '九' : '十'}级伤残`,
      en: `Disability grade ${g}`,
      fen: (11 - g) * 200_000,
    })),
  ],
  hospitalDayFen: 5_000,
  maxHospitalDays: 180,
  capFen: 2_000_000,
};

const WOMEN: PayoutRule = {
  type: 'women_special',
  items: [
    { code: 'cancer', zh: '女性特殊癌症', en: "Women's cancers", fen: 600_000 },
    { code: 'in_situ', zh: '原位癌', en: 'Cancer in situ', fen: 300_000 },
    { code: 'both_removed', zh: '子宫及卵巢切除', en: 'Uterus and ovaries removed', fen: 300_000 },
    { code: 'one_removed', zh: '子宫或卵巢切除', en: 'Uterus or ovaries removed', fen: 200_000 },
    { code: 'fibroid', zh: '子宫肌瘤切除', en: 'Fibroid removal', fen: 100_000 },
  ],
  capFen: 600_000,
  minAge: 18,
  maxAge: 60,
};

const SCHEMES = [
  {
    code: 'medical',
    kind: 'medical' as const,
    nameZh: '职工住院医疗互助',
    nameEn: 'Hospital mutual aid',
    contribution: [3_600, 1_800, 0, 1_800],
    maxShares: 1,
    publish: false,
    documents: ['settlement_sheet', 'invoice', 'discharge_summary'],
    rule: MEDICAL,
  },
  {
    code: 'critical',
    kind: 'critical_illness' as const,
    nameZh: '重大疾病互助保障',
    nameEn: 'Critical illness cover',
    contribution: [6_000, 3_000, 2_000, 1_000],
    maxShares: 1,
    publish: true,
    documents: ['diagnosis', 'pathology_report'],
    rule: CRITICAL,
  },
  {
    code: 'accident',
    kind: 'accident' as const,
    nameZh: '意外伤害互助保障',
    nameEn: 'Accident cover',
    contribution: [2_000, 1_000, 0, 1_000],
    maxShares: 3,
    publish: true,
    documents: ['accident_certificate', 'discharge_summary'],
    rule: ACCIDENT,
  },
  {
    code: 'women',
    kind: 'women_special' as const,
    nameZh: '女职工特殊疾病互助保障',
    nameEn: "Women workers' special illness cover",
    contribution: [2_500, 1_500, 0, 1_000],
    maxShares: 3,
    publish: false,
    documents: ['diagnosis', 'discharge_summary'],
    rule: WOMEN,
  },
] as const;

/** Claims a year per scheme (≈ 500 medical, ≈ 190 insurance in all). */
const CLAIMS_PER_YEAR: Record<string, number> = { medical: 500, critical: 20, accident: 130, women: 40 };

/** The states a claim of the current year ends up in, by weight; past years are all settled. */
const OPEN_STATES: [CaseState, number][] = [
  ['draft', 2],
  ['submitted', 6],
  ['verified', 5],
  ['reviewed', 5],
  ['returned_from_verification', 2],
  ['returned_from_review', 2],
  ['returned_from_approval', 1],
  ['ready_for_payment', 4],
  ['in_publicity', 2],
  ['rejected', 3],
  ['withdrawn', 1],
  ['paid', 67],
];
const PAST_STATES: [CaseState, number][] = [
  ['paid', 92],
  ['rejected', 6],
  ['withdrawn', 2],
];

function pickWeighted<T>(r: () => number, table: [T, number][]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1][0];
}

/** The chain's moves that lead to a state (the steps a seeded claim's history records). */
const PATH: Record<CaseState, { action: string; step: string | null; to: CaseState }[]> = (() => {
  const sub = { action: 'submit', step: null, to: 'submitted' as CaseState };
  const v = { action: 'approve', step: 'verification', to: 'verified' as CaseState };
  const rv = { action: 'approve', step: 'review', to: 'reviewed' as CaseState };
  const ap = { action: 'approve', step: 'approval', to: 'in_publicity' as CaseState };
  const close = { action: 'close_publicity', step: null, to: 'ready_for_payment' as CaseState };
  const pay = { action: 'pay', step: 'payment', to: 'paid' as CaseState };
  return {
    draft: [],
    submitted: [sub],
    verified: [sub, v],
    reviewed: [sub, v, rv],
    in_publicity: [sub, v, rv, ap],
    ready_for_payment: [sub, v, rv, ap, close],
    paid: [sub, v, rv, ap, close, pay],
    returned_from_verification: [sub, { action: 'return', step: 'verification', to: 'returned_from_verification' }],
    returned_from_review: [sub, v, { action: 'return', step: 'review', to: 'returned_from_review' }],
    returned_from_approval: [sub, v, rv, { action: 'return', step: 'approval', to: 'returned_from_approval' }],
    rejected: [sub, v, { action: 'reject', step: 'review', to: 'rejected' }],
    withdrawn: [sub, { action: 'withdraw', step: null, to: 'withdrawn' }],
  };
})();

const DRAWN: readonly CaseState[] = ['in_publicity', 'ready_for_payment', 'paid'];
const HOSPITALS = ['矿区职工医院', '市第一人民医院', '省人民医院', '市中医院', '县人民医院'];
const DIAGNOSES = ['急性阑尾炎', '腰椎间盘突出', '肺炎', '胆结石', '高血压', '糖尿病并发症', '骨折', '冠心病'];

export async function seedMutualAid(
  db: Database,
  today = todayInChina(),
): Promise<{ enrolments: number; claims: number }> {
  const [{ n }] = await db.select({ n: count() }).from(mutualSchemes);
  if (n > 0) return { enrolments: 0, claims: 0 };
  const [leader] = await db.select({ id: users.id }).from(users).where(eq(users.employeeNo, 'L0001'));
  if (!leader) return { enrolments: 0, claims: 0 };
  return db.transaction(async (tx) => {
    const r = rng(20261206);
    const thisYear = Number(today.slice(0, 4));
    const years = [thisYear - 2, thisYear - 1, thisYear];
    const people = await tx
      .select({
        id: users.id,
        employeeNo: users.employeeNo,
        unitId: users.unitId,
        idNumber: users.idNumber,
        path: orgUnits.path,
      })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(and(eq(users.role, 'worker'), like(users.employeeNo, 'W%')));
    const members = people.filter((p) => !LEFT_FOR_BROWSER_TESTS(p.employeeNo));
    const officials = await tx
      .select({ id: users.id, role: users.role, path: orgUnits.path, employeeNo: users.employeeNo })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(inArray(users.role, [...rolesWith('cases.decide')]));
    const subOf = (path: string) => officials.find((o) => o.role === 'sub_branch_official' && o.path === path)!.id;
    const branchOf = (path: string) =>
      officials.find((o) => o.role === 'branch_official' && path.startsWith(o.path))!.id;
    const leaderIds = officials.filter((o) => o.role === 'leader').map((o) => o.id);

    let enrolled = 0;
    let claimsMade = 0;
    for (const s of SCHEMES) {
      const [{ id: schemeId }] = await tx
        .insert(mutualSchemes)
        .values({ code: s.code, kind: s.kind, nameZh: s.nameZh, nameEn: s.nameEn, createdBy: leader.id })
        .returning({ id: mutualSchemes.id });
      const [c, union, unit, member] = s.contribution;
      const [{ id: versionId }] = await tx
        .insert(mutualSchemeVersions)
        .values({
          schemeId,
          effectiveOn: `${years[0] - 1}-10-01`,
          contributionFen: c,
          unionFen: union,
          unitFen: unit,
          memberFen: member,
          maxShares: s.maxShares,
          termYears: 1,
          windowStart: '10-15',
          windowEnd: '12-15',
          waitingDays: 90,
          renewalGraceDays: 30,
          filingDeadline: '03-31',
          publish: s.publish,
          documents: [...s.documents],
          rule: s.rule,
          createdBy: leader.id,
        })
        .returning({ id: mutualSchemeVersions.id });
      const share = s.code === 'medical' ? 0.85 : s.code === 'critical' ? 0.5 : s.code === 'accident' ? 0.4 : 0.6;
      const eligible = members.filter((m) => s.kind !== 'women_special' || sexOf(m.idNumber) === 'female');
      const chosen = eligible.filter(() => r() < share);
      for (const year of years) {
        const term = termOf(year, 1);
        const rows = chosen.map((m) => {
          const shares = s.maxShares > 1 && r() < 0.3 ? 2 : 1;
          return {
            schemeId,
            versionId,
            year,
            termStart: term.start,
            termEnd: term.end,
            memberId: m.id,
            unitId: m.unitId,
            shares,
            state: 'confirmed' as const,
            enrolledOn: `${year - 1}-11-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
            // Members of long standing: each term continues the one before, no waiting period.
            coverFrom: term.start,
            continuous: true,
            contributionFen: c * shares,
            contributionStatus: (r() < 0.8 ? 'payroll' : r() < 0.9 ? 'paid' : 'unpaid') as
              'payroll' | 'paid' | 'unpaid',
            listedBy: subOf(m.path),
            confirmedBy: branchOf(m.path),
            confirmedAt: new Date(`${year - 1}-12-20T02:00:00Z`),
          };
        });
        const inserted = [];
        for (let i = 0; i < rows.length; i += 500)
          inserted.push(
            ...(await tx
              .insert(mutualEnrolments)
              .values(rows.slice(i, i + 500))
              .returning({
                id: mutualEnrolments.id,
                memberId: mutualEnrolments.memberId,
                shares: mutualEnrolments.shares,
              })),
          );
        enrolled += inserted.length;
        const caps = new Map(inserted.map((e) => [e.id, { capFen: s.rule.capFen * e.shares, usedFen: 0 }]));
        const contributions = rows.reduce(
          (sum, e) => sum + (e.contributionStatus === 'unpaid' ? 0 : e.contributionFen),
          0,
        );

        // Claims of this scheme-year, on members picked at random; each payout fits what is left of the cap.
        const last = year === thisYear ? today : `${year}-12-31`;
        const days = Math.max(1, Math.round((Date.parse(last) - Date.parse(term.start)) / 86_400_000));
        const wanted = Math.round((CLAIMS_PER_YEAR[s.code] * days) / 365);
        const claimRows: {
          c: typeof cases.$inferInsert;
          claim: Omit<typeof mutualClaims.$inferInsert, 'caseId'>;
          state: CaseState;
          eventOn: string;
          memberPath: string;
          drawn: number;
        }[] = [];
        let payoutsFen = 0;
        let payouts = 0;
        for (let k = 0; k < wanted * 3 && claimRows.length < wanted; k++) {
          const e = inserted[Math.floor(r() * inserted.length)];
          const m = chosen.find((x) => x.id === e.memberId)!;
          const cap = caps.get(e.id)!;
          const eventOn = plusDays(term.start, Math.floor(r() * Math.max(1, days - 20)));
          const stay = 2 + Math.floor(r() * 14);
          const dischargedOn = plusDays(eventOn, stay) > last ? eventOn : plusDays(eventOn, stay);
          const selfPaid = s.kind === 'medical' ? 120_000 + Math.floor(r() * r() * 900_000) : Math.floor(r() * 200_000);
          const basic = selfPaid + Math.floor(r() * 800_000);
          const itemCode =
            s.rule.type === 'medical'
              ? null
              : s.rule.type === 'accident'
                ? r() < 0.85
                  ? null
                  : s.rule.items[1 + Math.floor(r() * (s.rule.items.length - 1))].code
                : s.rule.items[
                    s.rule.type === 'women_special' ? 2 + Math.floor(r() * 3) : Math.floor(r() * s.rule.items.length)
                  ].code;
          // The year's first claims walk through every state once, so each is there to look at.
          let state =
            year === thisYear && claimRows.length < OPEN_STATES.length
              ? OPEN_STATES[claimRows.length][0]
              : pickWeighted(r, year === thisYear ? OPEN_STATES : PAST_STATES);
          // A scheme that does not publish never has a claim in publicity.
          if (state === 'in_publicity' && !s.publish) state = 'ready_for_payment';
          const assessed = assessClaim({
            rule: s.rule,
            filingDeadline: '03-31',
            enrolment: {
              state: 'confirmed',
              termStart: term.start,
              termEnd: term.end,
              coverFrom: term.start,
              shares: e.shares,
            },
            idNumber: m.idNumber,
            capUsedFen: cap.usedFen,
            claim: {
              eventOn,
              filedOn: dischargedOn,
              admittedOn: eventOn,
              dischargedOn,
              totalFen: basic + selfPaid,
              basicFen: basic,
              otherFen: 0,
              selfPaidFen: selfPaid,
              itemCode,
            },
          });
          if (!assessed.ok) continue;
          const drawn = DRAWN.includes(state) ? assessed.payoutFen : 0;
          cap.usedFen += drawn;
          if (state === 'paid') {
            payoutsFen += assessed.payoutFen;
            payouts++;
          }
          const filedOn =
            plusDays(dischargedOn, 1 + Math.floor(r() * 10)) > last
              ? last
              : plusDays(dischargedOn, 1 + Math.floor(r() * 10));
          claimRows.push({
            state,
            eventOn,
            memberPath: m.path,
            drawn,
            c: {
              kind: 'mutual_aid',
              applicantId: m.id,
              unitId: m.unitId,
              state,
              eventOn,
              whatHappened: '',
              amountFen: assessed.payoutFen,
              computedFen: assessed.payoutFen,
              appliedOn: state === 'draft' ? null : filedOn,
              submittedAt: state === 'draft' ? null : new Date(`${filedOn}T02:00:00Z`),
              // A claim still in publicity is in its window now; the others' windows are behind them.
              publicityStart: state === 'in_publicity' ? last : DRAWN.includes(state) ? filedOn : null,
              publicityEnd:
                state === 'in_publicity'
                  ? plusDays(last, 4)
                  : DRAWN.includes(state)
                    ? s.publish
                      ? plusDays(filedOn, 4)
                      : filedOn
                    : null,
              submitToken: randomUUID(),
              createdAt: new Date(`${filedOn}T01:00:00Z`),
              updatedAt: new Date(`${filedOn}T03:00:00Z`),
            },
            claim: {
              enrolmentId: e.id,
              schemeId,
              unitId: m.unitId,
              versionId,
              capYear: year,
              capDrawnFen: drawn,
              hospital: HOSPITALS[Math.floor(r() * HOSPITALS.length)],
              admittedOn: eventOn,
              dischargedOn,
              totalFen: basic + selfPaid,
              basicFen: basic,
              otherFen: 0,
              selfPaidFen: selfPaid,
              itemCode,
              diagnosis: DIAGNOSES[Math.floor(r() * DIAGNOSES.length)],
              lines: assessed.lines as PayoutLine[],
              payoutFen: assessed.payoutFen,
            },
          });
        }
        for (let i = 0; i < claimRows.length; i += 500) {
          const part = claimRows.slice(i, i + 500);
          const ids = await tx
            .insert(cases)
            .values(part.map((p) => p.c))
            .returning({ id: cases.id });
          await tx.insert(mutualClaims).values(part.map((p, j) => ({ ...p.claim, caseId: ids[j].id })));
          const steps: (typeof caseSteps.$inferInsert)[] = [];
          const pays: (typeof payments.$inferInsert)[] = [];
          part.forEach((p, j) => {
            const caseId = ids[j].id;
            let from: CaseState = 'draft';
            const approver = leaderIds[0];
            const payer = leaderIds[1] ?? leaderIds[0];
            for (const mv of PATH[p.state]) {
              const actorId =
                mv.step === 'verification'
                  ? subOf(p.memberPath)
                  : mv.step === 'review'
                    ? branchOf(p.memberPath)
                    : mv.step === 'approval'
                      ? approver
                      : mv.step === 'payment'
                        ? payer
                        : mv.action === 'close_publicity'
                          ? null
                          : p.c.applicantId;
              steps.push({
                caseId,
                step: mv.step as never,
                action: mv.action as never,
                fromState: from,
                toState: mv.to,
                actorId,
                comment: mv.action === 'return' ? '请补充费用明细' : mv.action === 'reject' ? '不属于互助范围' : '',
                at: p.c.updatedAt as Date,
              });
              from = mv.to;
            }
            if (p.state === 'paid')
              pays.push({
                caseId,
                budgetId: null,
                amountFen: p.c.amountFen!,
                paidOn: (p.c.publicityEnd as string) > last ? last : (p.c.publicityEnd as string),
                method: 'bank_transfer',
                reference: `HZ${caseId}`,
                recordedBy: payer,
              });
          });
          for (let k = 0; k < steps.length; k += 1000) await tx.insert(caseSteps).values(steps.slice(k, k + 1000));
          if (pays.length) await tx.insert(payments).values(pays);
        }
        claimsMade += claimRows.length;
        await insertCaps(tx, caps, year);
        await tx.insert(mutualFunds).values({ schemeId, year, contributionsFen: contributions, payoutsFen, payouts });
      }
    }
    await rebuildCaseStats(tx);
    return { enrolments: enrolled, claims: claimsMade };
  });
}

async function insertCaps(tx: Tx, caps: Map<number, { capFen: number; usedFen: number }>, year: number) {
  const rows = [...caps].map(([enrolmentId, c]) => ({ enrolmentId, year, capFen: c.capFen, usedFen: c.usedFen }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(mutualCaps).values(rows.slice(i, i + 1000));
  // The caps and the claims that drew on them agree (a seed that drifted would fail here, not later).
  const [bad] = await tx
    .execute<{ n: number }>(
      sql`
    SELECT count(*)::int AS n FROM mutual_caps c
    WHERE c.year = ${year} AND c.used_fen <> coalesce((SELECT sum(cap_drawn_fen) FROM mutual_claims m
      WHERE m.enrolment_id = c.enrolment_id AND m.cap_year = c.year), 0)`,
    )
    .then((r) => r.rows);
  if (bad.n > 0) throw new Error(`seed: ${bad.n} caps disagree with their claims`);
}
