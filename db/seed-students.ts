import { differenceInCalendarDays, parseISO } from 'date-fns';
import { asc, count, inArray } from 'drizzle-orm';
import { STANDARD_CATEGORIES, type AmountRule, type StandardCategory } from '@/lib/aid/standards';
import { todayInChina } from '@/lib/dates';
import { makeIdNumber } from '@/lib/id-number';
import { AWARD_TIERS, MAX_GRADE, proofNeeded, schoolYearOf, type AwardTier, type Stage } from '@/lib/students/stages';
import { rebuildCaseStats } from '@/lib/stats/case-stats';
import {
  DEFAULT_PUBLICITY_DAYS,
  publicityEndsOn,
  type CaseAction,
  type CaseState,
  type Step,
} from '@/lib/workflow/case-workflow';
import type { Queryable, Tx } from './client';
import { chineseName, pick, rng } from './demo-data';
import {
  aidStandardRules,
  aidStandards,
  auditLog,
  budgets,
  caseDocuments,
  caseSteps,
  cases,
  payments,
  students,
  users,
} from './schema';
import { at, between, categoryOn, loadPeople, plusDays, shuffled, weighted, type Worker } from './seed-cases';

/**
 * Three school years of the Dream Come True fund (圆梦行动) at about the mine's scale — some 370
 * student aid payments and ¥190,000+ with 26 or so outstanding aided students honoured: about 170
 * students (children of W0011 on), student aid amounts by stage and category added to every demo
 * standard version, the fund's yearly budgets paid down exactly by their payments, cases with the
 * history the actions would have written (the right people at each step, the applicant never, one
 * person at one step), the proof each application needed, and this school year's cases still on
 * their way. Deterministic for a given `today`; skipped when any student exists, and needs the
 * demo cases' standards (db/seed-cases.ts) to add its amounts to.
 */

/** Yuan by stage for a household without a file; filed households get more (below). */
const AID_YUAN: Record<Stage, number> = {
  primary: 300,
  junior_secondary: 400,
  senior_secondary: 500,
  vocational: 500,
  undergraduate: 600,
  postgraduate: 800,
};
const FILED_EXTRA: Partial<Record<StandardCategory, number>> = { extreme: 200, hardship: 100, education: 100 };
const AWARD_YUAN: Record<AwardTier, number> = { first: 2000, second: 1000, third: 500 };
/** Awards per school year by tier: nine a year, like the mine's 26 in three years. */
const AWARDS_PER_YEAR: [AwardTier, number][] = [
  ['first', 2],
  ['second', 3],
  ['third', 4],
];

/** Where a student's current stage is reached from, going back a school year past its first grade. */
const PREVIOUS: Partial<Record<Stage, Stage>> = {
  junior_secondary: 'primary',
  senior_secondary: 'junior_secondary',
  vocational: 'junior_secondary',
  undergraduate: 'senior_secondary',
  postgraduate: 'undergraduate',
};
/** School years before a stage's first grade (for a plausible birth date). */
const YEARS_BEFORE: Record<Stage, number> = {
  primary: 0,
  junior_secondary: 6,
  senior_secondary: 9,
  vocational: 9,
  undergraduate: 12,
  postgraduate: 16,
};
const STAGE_WEIGHTS: [Stage, number][] = [
  ['primary', 15],
  ['junior_secondary', 15],
  ['senior_secondary', 24],
  ['vocational', 8],
  ['undergraduate', 35],
  ['postgraduate', 3],
];
const SCHOOLS: Record<Stage, string[]> = {
  primary: ['青岭矿区小学', '城关第二小学', '实验小学'],
  junior_secondary: ['青岭矿区中学', '城关第一初级中学'],
  senior_secondary: ['县第一中学', '县第二中学'],
  vocational: ['市工业技术学校', '县职业技术学校'],
  undergraduate: ['江西理工大学', '南昌大学', '中南大学', '武汉理工大学', '华东交通大学'],
  postgraduate: ['中南大学', '南昌大学'],
};
const GRADES = ['平均分 91', '平均分 88', '绩点 3.7', '绩点 3.9', '平均分 94'];
const HONOURS = ['校级三好学生', '国家励志奖学金', '学科竞赛省级二等奖', '优秀学生干部', '校一等奖学金'];
const REJECT = ['家庭人均收入高于资助标准，不符合条件。', '所附在读证明与申请学年不符。'];

/** The stage and grade a student was in `back` school years before the current one, or null (not yet at school). */
function schoolingBack(stage: Stage, grade: number, back: number): { stage: Stage; grade: number } | null {
  let s = stage;
  let g = grade - back;
  while (g < 1) {
    const prev = PREVIOUS[s];
    if (!prev) return null;
    s = prev;
    g += MAX_GRADE[prev] - (prev === 'undergraduate' ? 1 : 0); // four-year programmes mostly
  }
  return { stage: s, grade: g };
}

interface Move {
  step: Step | null;
  action: CaseAction;
  from: CaseState;
  to: CaseState;
  actorId: number | null;
  day: string;
  comment: string;
}

/** The chain from `start` on, each move a few days after the last, stopping at what has happened by `today`. */
function chain(r: () => number, today: string, firstDay: string, links: Omit<Move, 'day'>[]): Move[] {
  const moves: Move[] = [];
  let day = firstDay;
  for (const [i, link] of links.entries()) {
    if (i > 0) day = plusDays(day, link.action === 'close_publicity' ? DEFAULT_PUBLICITY_DAYS : between(r, 1, 6));
    if (day > today) break;
    moves.push({ ...link, day });
  }
  return moves;
}

interface Planned {
  kind: 'student_aid' | 'student_award';
  student: { id: number; worker: Worker; stage: Stage; grade: number; recordStage: Stage; admissionYear: number };
  schoolYear: number;
  category: StandardCategory;
  appliedOn: string;
  standardId: number;
  rule: Extract<AmountRule, { type: 'fixed' }>;
  amountFen: number;
  tier: AwardTier | null;
  results: string | null;
  tuitionFen: number | null;
  livingFen: number | null;
  moves: Move[];
}

export async function seedStudents(
  db: Queryable,
  today = todayInChina(),
): Promise<{ students: number; cases: number; payments: number }> {
  return db.transaction((tx) => seedInTransaction(tx, today));
}

async function seedInTransaction(tx: Tx, today: string) {
  const none = { students: 0, cases: 0, payments: 0 };
  const [{ n: existing }] = await tx.select({ n: count() }).from(students);
  const [{ n: fundRules }] = await tx
    .select({ n: count() })
    .from(aidStandardRules)
    .where(inArray(aidStandardRules.kind, ['student_aid', 'student_award']));
  const versions = await tx
    .select({ id: aidStandards.id, effectiveOn: aidStandards.effectiveOn })
    .from(aidStandards)
    .orderBy(asc(aidStandards.effectiveOn));
  if (existing || fundRules || !versions.length) return none;

  const r = rng(7_072_026);
  const current = schoolYearOf(today);
  const years = [current - 2, current - 1, current];
  const { workers, leaders, verifierOf, reviewerOf } = await loadPeople(tx);

  // The fund's amounts go into every demo version (per stage and category; awards per tier).
  for (const v of versions) {
    await tx.insert(aidStandardRules).values([
      ...Object.entries(AID_YUAN).flatMap(([stage, yuan]) =>
        STANDARD_CATEGORIES.map((category) => ({
          standardId: v.id,
          kind: 'student_aid' as const,
          frequency: 'per_event' as const,
          category,
          variant: stage,
          ruleType: 'fixed' as const,
          fixedFen: (yuan + (FILED_EXTRA[category] ?? 0)) * 100,
        })),
      ),
      ...AWARD_TIERS.flatMap((tier) =>
        STANDARD_CATEGORIES.map((category) => ({
          standardId: v.id,
          kind: 'student_award' as const,
          frequency: 'per_event' as const,
          category,
          variant: tier,
          ruleType: 'fixed' as const,
          fixedFen: AWARD_YUAN[tier] * 100,
        })),
      ),
    ]);
  }
  // The version in force on a day (a day before the first version moves to its first day).
  const standardOn = (day: string) => {
    const v = [...versions].reverse().find((x) => x.effectiveOn <= day) ?? versions[0];
    return { day: day < v.effectiveOn ? v.effectiveOn : day, standardId: v.id };
  };
  const fixed = (yuan: number) => ({ type: 'fixed' as const, fen: yuan * 100 });

  // About 170 students: one child each for 140 workers, a second for every fifth of them.
  const parents = shuffled(r, workers).slice(0, 140);
  const studentRows = parents
    .flatMap((w, i) => (i % 5 === 0 ? [w, w] : [w]))
    .map((w, i) => {
      const stage = weighted(r, STAGE_WEIGHTS);
      const grade = between(r, 1, stage === 'undergraduate' ? 4 : MAX_GRADE[stage]);
      const birthYear = current - 6 - YEARS_BEFORE[stage] - (grade - 1);
      const birth = `${birthYear}${String(between(r, 1, 12)).padStart(2, '0')}${String(between(r, 1, 28)).padStart(2, '0')}`;
      return {
        worker: w,
        row: {
          workerId: w.id,
          // The given name; the parent's surname goes in front below.
          name: chineseName(r).slice(1),
          idNumber: makeIdNumber('361181', birth, i + 1),
          birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
          school: pick(r, SCHOOLS[stage]),
          stage,
          grade,
          admissionYear: current - grade + 1,
          createdBy: w.id,
          createdAt: at(`${current - 2}-07-05`, 9 * 60),
        },
      };
    });
  // A child carries the parent's surname.
  const names = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      inArray(
        users.id,
        parents.map((w) => w.id),
      ),
    );
  const surname = new Map(names.map((u) => [u.id, Array.from(u.name)[0]]));
  for (const s of studentRows) s.row.name = surname.get(s.worker.id)! + s.row.name;
  const inserted = await tx
    .insert(students)
    .values(studentRows.map((s) => s.row))
    .returning({ id: students.id });

  const planned: Planned[] = [];
  const aidedBy = new Map<number, string>(); // student id → the day of their first student aid payment
  for (const y of years) {
    const back = current - y;
    const ordered = shuffled(
      r,
      studentRows.map((s, i) => ({ ...s, id: inserted[i].id })),
    );
    for (const s of ordered) {
      if (r() > 0.8) continue; // not every student applies every year
      const schooling = schoolingBack(s.row.stage, s.row.grade, back);
      if (!schooling) continue;
      const opened = `${y}-07-${String(between(r, 6, 28)).padStart(2, '0')}`;
      // This school year's applications keep coming until today, so some are still on their way.
      const spread = y === current ? Math.max(0, differenceInCalendarDays(parseISO(today), parseISO(opened))) : 80;
      const { day: appliedOn, standardId } = standardOn(plusDays(opened, between(r, 0, spread)));
      if (appliedOn > today) continue;
      const category = categoryOn(s.worker, appliedOn);
      const rule = fixed(AID_YUAN[schooling.stage] + (FILED_EXTRA[category] ?? 0));
      const rejected = r() < 0.04;
      const w = s.worker;
      const links: Omit<Move, 'day'>[] = [
        { step: null, action: 'submit', from: 'draft', to: 'submitted', actorId: w.id, comment: '' },
        rejected
          ? {
              step: 'verification',
              action: 'reject',
              from: 'submitted',
              to: 'rejected',
              actorId: verifierOf.get(w.unitId)!,
              comment: pick(r, REJECT),
            }
          : {
              step: 'verification',
              action: 'approve',
              from: 'submitted',
              to: 'verified',
              actorId: verifierOf.get(w.unitId)!,
              comment: '已核实在读情况。',
            },
      ];
      const [approver, payer] = shuffled(r, leaders);
      if (!rejected) {
        links.push(
          {
            step: 'review',
            action: 'approve',
            from: 'verified',
            to: 'reviewed',
            actorId: reviewerOf.get(w.branchId)!,
            comment: '',
          },
          { step: 'approval', action: 'approve', from: 'reviewed', to: 'in_publicity', actorId: approver, comment: '' },
          {
            step: null,
            action: 'close_publicity',
            from: 'in_publicity',
            to: 'ready_for_payment',
            actorId: null,
            comment: '',
          },
          { step: 'payment', action: 'pay', from: 'ready_for_payment', to: 'paid', actorId: payer, comment: '' },
        );
      }
      const moves = chain(r, today, appliedOn, links);
      const tuitionYuan =
        schooling.stage === 'undergraduate' || schooling.stage === 'postgraduate'
          ? pick(r, [4800, 5200, 5800, 6500])
          : schooling.stage === 'vocational'
            ? 2400
            : 0;
      planned.push({
        kind: 'student_aid',
        student: { id: s.id, worker: w, ...schooling, recordStage: s.row.stage, admissionYear: s.row.admissionYear },
        schoolYear: y,
        category,
        appliedOn,
        standardId,
        rule,
        amountFen: rule.fen,
        tier: null,
        results: null,
        tuitionFen: tuitionYuan * 100,
        livingFen: pick(r, [3000, 4000, 6000, 8000]) * 100,
        moves,
      });
      const paid = moves.find((m) => m.action === 'pay');
      if (paid && !aidedBy.has(s.id)) aidedBy.set(s.id, paid.day);
    }

    // Outstanding aided students: nominated in the autumn by their branch (a student paid aid before), awarded by a leader.
    const byId = new Map(studentRows.map((s, i) => [inserted[i].id, s]));
    for (const [tier, k] of AWARDS_PER_YEAR) {
      for (let i = 0; i < k; i++) {
        const autumn = `${y}-${pick(r, ['09', '10', '11'])}-${String(between(r, 1, 28)).padStart(2, '0')}`;
        // This year's nominations are the latest weeks' (some still awaiting a leader).
        const { day: nominatedOn, standardId } = standardOn(
          y === current ? plusDays(today, -between(r, 0, 30)) : autumn,
        );
        if (nominatedOn > today) continue;
        const id = shuffled(
          r,
          [...aidedBy]
            .filter(
              ([sid, paidOn]) =>
                paidOn < nominatedOn &&
                !planned.some((p) => p.kind === 'student_award' && p.schoolYear === y && p.student.id === sid),
            )
            .map(([sid]) => sid),
        )[0];
        if (id === undefined) continue;
        const s = byId.get(id)!;
        const schooling = schoolingBack(s.row.stage, s.row.grade, back)!;
        const category = categoryOn(s.worker, nominatedOn);
        const rule = fixed(AWARD_YUAN[tier]);
        const [approver, payer] = shuffled(r, leaders);
        const moves = chain(r, today, nominatedOn, [
          {
            step: 'review',
            action: 'approve',
            from: 'draft',
            to: 'reviewed',
            actorId: reviewerOf.get(s.worker.branchId)!,
            comment: '成绩优异，推荐为优秀受助生。',
          },
          { step: 'approval', action: 'approve', from: 'reviewed', to: 'in_publicity', actorId: approver, comment: '' },
          {
            step: null,
            action: 'close_publicity',
            from: 'in_publicity',
            to: 'ready_for_payment',
            actorId: null,
            comment: '',
          },
          { step: 'payment', action: 'pay', from: 'ready_for_payment', to: 'paid', actorId: payer, comment: '' },
        ]);
        const decided = moves.length > 1;
        planned.push({
          kind: 'student_award',
          student: { id, worker: s.worker, ...schooling, recordStage: s.row.stage, admissionYear: s.row.admissionYear },
          schoolYear: y,
          category,
          appliedOn: nominatedOn,
          standardId,
          rule,
          amountFen: rule.fen,
          tier: decided ? tier : null,
          results: JSON.stringify({
            grades: pick(r, GRADES),
            rank: `${between(r, 1, 10)}/${between(r, 60, 200)}`,
            honours: pick(r, HONOURS),
          }),
          tuitionFen: null,
          livingFen: null,
          moves,
        });
      }
    }
  }

  // Budgets: the fund's one yearly budget (under student_aid), paid down exactly by its payments.
  const spent = new Map<number, number>();
  for (const p of planned) {
    const pay = p.moves.find((m) => m.action === 'pay');
    if (pay) spent.set(Number(pay.day.slice(0, 4)), (spent.get(Number(pay.day.slice(0, 4))) ?? 0) + p.amountFen);
  }
  const thisYear = Number(today.slice(0, 4));
  const budgetYears = [...new Set([...spent.keys(), thisYear])].sort();
  const budgetRows = budgetYears.map((year) => {
    const used = spent.get(year) ?? 0;
    const amountFen = Math.ceil((used * 1.15 + (year === thisYear ? 5_000_000 : 0)) / 1_000_000) * 1_000_000;
    return {
      year,
      aidKind: 'student_aid' as const,
      unitId: null,
      amountFen: Math.max(amountFen, 1_000_000),
      spentFen: used,
      createdBy: leaders[0],
      updatedAt: at(`${year}-01-06`, 600),
    };
  });
  const budgetIds = new Map(
    (await tx.insert(budgets).values(budgetRows).returning({ id: budgets.id, year: budgets.year })).map((b) => [
      b.year,
      b.id,
    ]),
  );

  const caseRows = planned.map((p, i) => {
    const last = p.moves.at(-1)!;
    const approved = p.moves.find((m) => m.step === 'approval');
    return {
      kind: p.kind,
      aidKind: p.kind,
      applicantId: p.student.worker.id,
      unitId: p.student.worker.unitId,
      householdId: p.category === 'none' ? null : (p.student.worker.household?.id ?? null),
      category: p.category,
      state: last.to,
      version: 1 + p.moves.length,
      eventOn: p.appliedOn,
      eventKey: `student:${p.student.id}:${p.schoolYear}`,
      whatHappened: '',
      familySituation: p.kind === 'student_aid' ? '家庭收入较低，子女在读费用负担较重。' : '',
      studentId: p.student.id,
      schoolYear: p.schoolYear,
      stage: p.student.stage,
      grade: p.student.grade,
      tuitionFen: p.tuitionFen,
      livingFen: p.livingFen,
      awardTier: p.tier,
      results: p.results,
      // A nomination not yet decided has no amount: the leader's tier sets it.
      amountFen: p.kind === 'student_award' && !p.tier ? null : p.amountFen,
      computedFen: p.kind === 'student_award' && !p.tier ? null : p.amountFen,
      standardId: p.kind === 'student_award' && !p.tier ? null : p.standardId,
      rule: p.kind === 'student_award' && !p.tier ? null : p.rule,
      frequency: p.kind === 'student_award' && !p.tier ? null : ('per_event' as const),
      appliedOn: p.appliedOn,
      submittedAt: at(p.moves[0].day, 9 * 60),
      publicityStart: approved ? approved.day : null,
      publicityEnd: approved ? publicityEndsOn(approved.day, DEFAULT_PUBLICITY_DAYS) : null,
      submitToken: `seed-student-${String(i).padStart(4, '0')}`,
      createdAt: at(p.moves[0].day, 8 * 60),
      updatedAt: at(last.day, 10 * 60),
    };
  });
  const caseIds: number[] = [];
  for (let i = 0; i < caseRows.length; i += 500)
    caseIds.push(
      ...(
        await tx
          .insert(cases)
          .values(caseRows.slice(i, i + 500))
          .returning({ id: cases.id })
      ).map((c) => c.id),
    );

  const steps = planned.flatMap((p, i) =>
    p.moves.map((m, k) => ({
      caseId: caseIds[i],
      step: m.step,
      action: m.action,
      fromState: m.from,
      toState: m.to,
      actorId: m.actorId,
      comment: m.comment,
      at: at(m.day, 9 * 60 + k * 30),
    })),
  );
  for (let i = 0; i < steps.length; i += 1000) await tx.insert(caseSteps).values(steps.slice(i, i + 1000));

  // The proof each application needed (a placeholder PDF), and the results cited by each nomination.
  const pdf = Buffer.from('%PDF-1.4\n% demo document\n');
  const docs = planned.map((p, i) => {
    const purpose =
      p.kind === 'student_award'
        ? ('results' as const)
        : proofNeeded(
            p.student,
            { stage: p.student.recordStage, admissionYear: p.student.admissionYear },
            p.schoolYear,
          );
    const fileName =
      purpose === 'admission_letter' ? '录取通知书.pdf' : purpose === 'results' ? '成绩单.pdf' : '在读证明.pdf';
    return {
      caseId: caseIds[i],
      fileName,
      contentType: 'application/pdf' as const,
      purpose,
      sizeBytes: pdf.byteLength,
      content: pdf,
      uploadedBy: p.moves[0].actorId!,
      createdAt: at(p.moves[0].day, 8 * 60 + 30),
    };
  });
  for (let i = 0; i < docs.length; i += 500) await tx.insert(caseDocuments).values(docs.slice(i, i + 500));

  const paymentRows = planned.flatMap((p, i) => {
    const pay = p.moves.find((m) => m.action === 'pay');
    if (!pay) return [];
    const year = Number(pay.day.slice(0, 4));
    return [
      {
        caseId: caseIds[i],
        budgetId: budgetIds.get(year)!,
        amountFen: p.amountFen,
        paidOn: pay.day,
        method: 'bank_transfer' as const,
        reference: `YM${year}${String(i + 1).padStart(4, '0')}`,
        recordedBy: pay.actorId!,
        createdAt: at(pay.day, 15 * 60),
      },
    ];
  });
  for (let i = 0; i < paymentRows.length; i += 500) await tx.insert(payments).values(paymentRows.slice(i, i + 500));
  await rebuildCaseStats(tx);

  await tx.insert(auditLog).values({
    actorId: null,
    action: 'system.seed',
    entity: 'students',
    after: { students: inserted.length, cases: caseRows.length, payments: paymentRows.length },
  });
  return { students: inserted.length, cases: caseRows.length, payments: paymentRows.length };
}
