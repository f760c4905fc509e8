import { rolesWith } from '@/lib/permissions';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { and, count, eq, gte, inArray, like } from 'drizzle-orm';
import {
  HARDSHIP_KINDS,
  STANDARD_CATEGORIES,
  type AmountRule,
  type Frequency,
  type StandardCategory,
} from '@/lib/aid/standards';
import { todayInChina } from '@/lib/dates';
import { rebuildCaseStats } from '@/lib/stats/case-stats';
import {
  DEFAULT_PUBLICITY_DAYS,
  publicityEndsOn,
  transitionOf,
  type CaseAction,
  type CaseState,
  type Step,
} from '@/lib/workflow/case-workflow';
import type { Queryable, Tx } from './client';
import { pick, rng } from './demo-data';
import {
  aidStandardRules,
  aidStandards,
  auditLog,
  budgets,
  caseSteps,
  cases,
  households,
  notifications,
  objections,
  orgUnits,
  payments,
  users,
} from './schema';

/**
 * About three years of demo aid cases (this year and the two before), so that the lists, the
 * queues, the ledger and the dashboards have history: standard versions effective each 1 January,
 * yearly budgets per kind (this year also split per branch for two kinds), and a few hundred cases
 * of every hardship kind in every state, each with the history the actions would have written —
 * the right people at each step, never the applicant and never one person at two steps — and a
 * payment drawn on its year's budget for every paid case (a budget's spent figure is exactly the
 * sum of its payments).
 *
 * Deterministic for a given `today` (a fixed random seed), and skipped when cases, standards or
 * budgets already exist, so it never mixes with data someone entered. W0001–W0010 get no cases
 * and raise no objections: the browser tests start from them.
 */

export type HardshipKind = (typeof HARDSHIP_KINDS)[number];
/** A fixed amount in yuan, or a range [min, suggested, max]. */
type Cell = number | readonly [number, number, number];

/** This year's standard in yuan; each earlier year is 5% lower (rounded to ¥50). */
export const STANDARD: Record<
  HardshipKind,
  { frequency: Frequency; cells: Partial<Record<StandardCategory, Cell>> & { none: Cell } }
> = {
  poverty: {
    frequency: 'yearly',
    cells: { none: [1000, 2000, 3000], extreme: [2000, 3500, 5000], hardship: [1500, 2500, 4000] },
  },
  illness: {
    frequency: 'yearly',
    cells: {
      none: [2000, 3000, 5000],
      extreme: [3000, 5000, 8000],
      hardship: [2500, 3500, 6000],
      serious_illness: [3000, 4000, 6000],
    },
  },
  special_hardship: { frequency: 'yearly', cells: { none: [1000, 2000, 5000], extreme: [2000, 3000, 6000] } },
  death_of_parent: { frequency: 'per_event', cells: { none: 2000, extreme: 3000, hardship: 2500 } },
  death_of_spouse: { frequency: 'per_event', cells: { none: 3000, extreme: 4000, hardship: 3500 } },
  death_of_child: { frequency: 'per_event', cells: { none: 3000, extreme: 4000, hardship: 3500 } },
  family_serious_illness: {
    frequency: 'yearly',
    cells: { none: [3000, 5000, 10000], extreme: [5000, 8000, 12000], hardship: [4000, 6000, 10000] },
  },
  chronic_illness: { frequency: 'yearly', cells: { none: 1200, extreme: 1800, hardship: 1500, serious_illness: 1500 } },
};

/** This year's per-branch splits: poverty for every branch, illness for the first two. */
const SPLITS: { kind: HardshipKind; branches: number }[] = [
  { kind: 'poverty', branches: 5 },
  { kind: 'illness', branches: 2 },
];
/** What this year's budgets keep free at least (¥60,000), so that cases can still be paid in a demo. */
const CURRENT_YEAR_HEADROOM_FEN = 6_000_000;

/** How often each kind comes up. */
const KIND_WEIGHTS: [HardshipKind, number][] = [
  ['poverty', 30],
  ['illness', 20],
  ['special_hardship', 10],
  ['death_of_parent', 10],
  ['death_of_spouse', 4],
  ['death_of_child', 3],
  ['family_serious_illness', 12],
  ['chronic_illness', 11],
];

const STORIES: Record<HardshipKind, { what: string[]; help: string; key?: string[] }> = {
  poverty: {
    what: [
      '家庭收入低，两个孩子上学开支大，生活困难。',
      '配偶无固定工作，家中老人需要赡养，收入入不敷出。',
      '家庭人均收入低于当地最低生活标准。',
    ],
    help: '申请生活困难补助',
  },
  illness: {
    what: ['本人因病住院手术，自付医疗费用较高。', '本人患重病长期治疗，家庭积蓄已用尽。'],
    help: '申请因病困难补助',
  },
  special_hardship: {
    what: ['家中房屋因暴雨受损，需要维修。', '家中突发火灾，生活用品损失严重。', '配偶遭遇交通事故，家庭收入中断。'],
    help: '申请特殊困难补助',
  },
  death_of_parent: { what: ['父亲因病去世。', '母亲因病去世。'], help: '申请丧葬慰问', key: ['父亲', '母亲'] },
  death_of_spouse: { what: ['配偶因病医治无效去世。'], help: '申请丧葬慰问', key: ['配偶'] },
  death_of_child: { what: ['子女因意外去世。'], help: '申请丧葬慰问', key: ['子女'] },
  family_serious_illness: {
    what: ['配偶确诊恶性肿瘤，正在化疗。', '子女患白血病，需长期治疗。'],
    help: '申请大病救助',
  },
  chronic_illness: {
    what: ['本人患高血压、糖尿病，需长期服药。', '本人患慢性肾病，定期透析。'],
    help: '申请慢性病补助',
  },
};
const FAMILY = [
  '家庭四口人，配偶务农，两个孩子在读。',
  '家庭三口人，配偶无业，孩子读高中。',
  '与年迈父母同住，配偶打零工。',
  '',
];
const RETURN_COMMENTS = [
  '请补充医院诊断证明和费用清单。',
  '请补充家庭收入证明。',
  '请补充死亡证明复印件。',
  '材料不清晰，请重新上传。',
];
const REJECT_COMMENTS = [
  '家庭人均收入高于困难标准，不符合申请条件。',
  '同一事由本年度已获补助。',
  '经核实，情况与申请不符。',
];
const VERIFY_COMMENTS = ['已入户核实，情况属实。', '已电话核实，情况属实。', ''];
const OBJECTIONS = ['申请人家庭收入情况与公示不符，请核实。', '听说申请人配偶有稳定收入。'];

const DAY_MS = 86_400_000;
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
export const plusDays = (day: string, n: number) => iso(addDays(parseISO(day), n));
/** A moment on a China calendar day, `minute` minutes after midnight there. */
export const at = (day: string, minute: number) => new Date(Date.parse(`${day}T00:00:00+08:00`) + minute * 60_000);

export function weighted<T>(r: () => number, items: readonly [T, number][]): T {
  let x = r() * items.reduce((n, [, w]) => n + w, 0);
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
}
export const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** A standard cell in fen for a year `yearsBack` before this one. */
export function ruleFor(cell: Cell, yearsBack: number): AmountRule {
  const scale = (yuan: number) => Math.round((yuan * (1 - 0.05 * yearsBack)) / 50) * 50 * 100;
  return typeof cell === 'number'
    ? { type: 'fixed', fen: scale(cell) }
    : { type: 'range', minFen: scale(cell[0]), suggestedFen: scale(cell[1]), maxFen: scale(cell[2]) };
}

/** A rule as the row saveStandard writes (variant '' by default). */
const ruleColumns = (rule: AmountRule) =>
  rule.type === 'fixed'
    ? { ruleType: rule.type, fixedFen: rule.fen, minFen: null, maxFen: null, suggestedFen: null }
    : {
        ruleType: rule.type,
        fixedFen: null,
        minFen: rule.minFen,
        maxFen: rule.maxFen,
        suggestedFen: rule.suggestedFen,
      };

export function cellOf(kind: HardshipKind, category: StandardCategory): Cell {
  const { cells } = STANDARD[kind];
  return cells[category] ?? cells.none;
}

// ── The shape of each case: its moves and when they happened ───────────────────────────────────

/** What a case ends up as; `upheld` is a `reviewed` case sent back by an upheld objection. */
type Target = CaseState | 'upheld';

const TARGETS: [Target, number][] = [
  ['paid', 135],
  ['rejected', 18],
  ['withdrawn', 10],
  ['draft', 8],
  ['submitted', 12],
  ['verified', 10],
  ['reviewed', 9],
  ['upheld', 1],
  ['in_publicity', 10],
  ['ready_for_payment', 8],
  ['returned_from_verification', 5],
  ['returned_from_review', 4],
  ['returned_from_approval', 4],
];

/** Days between one move and the one before it. */
const GAPS: Partial<Record<CaseAction, [number, number]>> = {
  submit: [0, 0],
  resubmit: [2, 10],
  withdraw: [1, 3],
  return: [1, 5],
  reject: [1, 6],
  approve: [1, 6],
  pay: [1, 12],
};

type Objection = 'none' | 'dismissed' | 'pending' | 'upheld';

interface Shape {
  target: Target;
  actions: CaseAction[];
  objection: Objection;
}

/** The actions from a draft to the target, with a return for more information now and then. */
function shapeOf(r: () => number, target: Target, index: number): Shape {
  const approvals = (n: number): CaseAction[] => {
    const out: CaseAction[] = ['submit'];
    // One case in six was returned once at some step and resubmitted before going on.
    const loopAt = r() < 1 / 6 ? between(r, 0, Math.max(0, n - 1)) : -1;
    for (let i = 0; i < n; i++) {
      if (i === loopAt) out.push('return', 'resubmit');
      out.push('approve');
    }
    return out;
  };
  const approved = (): CaseAction[] => approvals(3);
  switch (target) {
    case 'draft':
      return { target, actions: [], objection: 'none' };
    case 'withdrawn':
      return { target, actions: index % 2 ? ['withdraw'] : ['submit', 'withdraw'], objection: 'none' };
    case 'submitted':
    case 'verified':
    case 'reviewed':
      return { target, actions: approvals(['submitted', 'verified', 'reviewed'].indexOf(target)), objection: 'none' };
    case 'returned_from_verification':
    case 'returned_from_review':
    case 'returned_from_approval': {
      const n = ['returned_from_verification', 'returned_from_review', 'returned_from_approval'].indexOf(target);
      return { target, actions: [...approvals(n), 'return'], objection: 'none' };
    }
    case 'rejected':
      return { target, actions: [...approvals(index % 3), 'reject'], objection: 'none' };
    case 'upheld':
      return { target, actions: [...approved(), 'uphold_objection'], objection: 'upheld' };
    case 'in_publicity': {
      const objection: Objection = index === 0 ? 'pending' : index === 1 ? 'dismissed' : 'none';
      return {
        target,
        actions: [...approved(), ...(objection === 'dismissed' ? (['dismiss_objection'] as const) : [])],
        objection,
      };
    }
    case 'ready_for_payment':
      return { target, actions: [...approved(), 'close_publicity'], objection: 'none' };
    case 'paid': {
      const objection: Objection = index % 40 === 7 ? 'dismissed' : 'none';
      return {
        target,
        actions: [
          ...approved(),
          ...(objection === 'dismissed' ? (['dismiss_objection'] as const) : []),
          'close_publicity',
          'pay',
        ],
        objection,
      };
    }
  }
}

interface Move {
  action: CaseAction;
  step: Step | null;
  from: CaseState;
  to: CaseState;
  /** Days after the submission (or, for a draft withdrawn unsent, after creation). */
  day: number;
}

/**
 * The moves with their day offsets, walked through the workflow's own transitions (so every
 * from/to pair is one the actions could write). The publicity window is the default 5 days:
 * an objection is decided on its second day, the system closes it the day after it ends.
 */
function movesOf(r: () => number, shape: Shape): { moves: Move[]; approvalDay: number | null } {
  const moves: Move[] = [];
  let state: CaseState = 'draft';
  let day = 0;
  let approvalDay: number | null = null;
  for (const action of shape.actions) {
    const t = transitionOf(state, action);
    if (!t) throw new Error(`seed: ${action} is not possible from ${state}`);
    if (action === 'close_publicity') day = approvalDay! + DEFAULT_PUBLICITY_DAYS;
    else if (action === 'uphold_objection' || action === 'dismiss_objection') day = approvalDay! + 2;
    else {
      const [lo, hi] = GAPS[action]!;
      day += between(r, lo, hi);
    }
    if (t.by === 'approval' && action === 'approve') approvalDay = day;
    moves.push({ action, step: t.by === 'applicant' || t.by === 'system' ? null : t.by, from: state, to: t.to, day });
    state = t.to;
  }
  const expected = shape.target === 'upheld' ? 'reviewed' : shape.target;
  if (state !== expected) throw new Error(`seed: shape for ${shape.target} ends in ${state}`);
  return { moves, approvalDay };
}

/**
 * How many days before today the last move happened: anywhere in the three years for a closed
 * case, recent for one still under way (so queues show realistic waits), and inside the publicity
 * window for a published one (its window ends today or later).
 */
function lastMoveDaysAgo(
  r: () => number,
  shape: Shape,
  lastDay: number,
  approvalDay: number | null,
  firstDay: string,
  today: string,
): number {
  const span = differenceInCalendarDays(parseISO(today), parseISO(firstDay));
  switch (shape.target) {
    case 'paid':
    case 'rejected':
    case 'withdrawn':
      // The event and the draft come up to a month before the submission: keep them in range too.
      return between(r, 1, Math.max(1, span - lastDay - 35));
    case 'draft':
      return between(r, 0, 40);
    case 'submitted':
    case 'verified':
    case 'reviewed':
    case 'upheld':
      return between(r, 0, 20);
    case 'ready_for_payment':
      return between(r, 0, 12);
    case 'in_publicity': {
      // The approval must lie within the last 5 days; a pending objection came the day after it.
      const sinceApproval = lastDay - approvalDay!;
      const latest = shape.objection === 'pending' ? 1 : 0;
      return between(r, latest, DEFAULT_PUBLICITY_DAYS - 1 - sinceApproval);
    }
    default:
      return between(r, 1, 45);
  }
}

// ── The people and the households the seed draws on ────────────────────────────────────────────

export interface Worker {
  id: number;
  no: string;
  unitId: number;
  branchId: number;
  household: {
    id: number;
    status: 'active' | 'exited';
    category: StandardCategory;
    filedOn: string;
    exitedOn: string | null;
  } | null;
}

export async function loadPeople(tx: Tx) {
  const units = await tx.select({ id: orgUnits.id, parentId: orgUnits.parentId, level: orgUnits.level }).from(orgUnits);
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const staff = await tx
    .select({ id: users.id, no: users.employeeNo, role: users.role, unitId: users.unitId })
    .from(users)
    .where(inArray(users.role, [...rolesWith('cases.decide')]))
    .orderBy(users.employeeNo);
  const hh = await tx
    .select({
      workerId: households.workerId,
      id: households.id,
      status: households.status,
      category: households.category,
      filedOn: households.filedOn,
      exitedOn: households.exitedOn,
    })
    .from(households);
  const hhOf = new Map(hh.map((h) => [h.workerId, h]));
  const workerRows = await tx
    .select({ id: users.id, no: users.employeeNo, unitId: users.unitId })
    .from(users)
    .where(
      and(
        eq(users.role, 'worker'),
        eq(users.disabled, false),
        like(users.employeeNo, 'W%'),
        gte(users.employeeNo, 'W0011'),
      ),
    )
    .orderBy(users.employeeNo);
  const workers: Worker[] = workerRows.map((w) => ({
    ...w,
    branchId: parentOf.get(w.unitId)!,
    household: hhOf.get(w.id) ?? null,
  }));
  const leaders = staff.filter((s) => s.role === 'leader').map((s) => s.id);
  const verifierOf = new Map(staff.filter((s) => s.role === 'sub_branch_official').map((s) => [s.unitId, s.id]));
  const reviewerOf = new Map(staff.filter((s) => s.role === 'branch_official').map((s) => [s.unitId, s.id]));
  const branches = units
    .filter((u) => u.level === 'branch')
    .map((u) => u.id)
    .sort((a, b) => a - b);
  if (leaders.length < 3 || workers.length < 100 || !branches.length)
    throw new Error('seed: the demo mine (db/seed.ts) must be seeded before its cases');
  return { workers, leaders, verifierOf, reviewerOf, branches };
}

/** The category the standard applies to on a date: the file's when it was active then, else none. */
export function categoryOn(w: Worker, day: string): StandardCategory {
  const h = w.household;
  if (!h || h.filedOn > day || (h.exitedOn && h.exitedOn <= day)) return 'none';
  return h.category;
}

export function shuffled<T>(r: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function commentFor(r: () => number, m: Move): string {
  if (m.action === 'return') return pick(r, RETURN_COMMENTS);
  if (m.action === 'reject') return pick(r, REJECT_COMMENTS);
  if (m.action === 'approve' && m.step === 'verification') return pick(r, VERIFY_COMMENTS);
  if (m.action === 'dismiss_objection') return '经复核，申请人情况属实，异议不成立。';
  if (m.action === 'uphold_objection') return '经复核，申请人配偶已有稳定收入，异议成立，退回重新审批。';
  return '';
}

interface PlanContext {
  r: () => number;
  today: string;
  year: number;
  firstDay: string;
  workers: Worker[];
  leaders: number[];
  verifierOf: Map<number, number>;
  reviewerOf: Map<number, number>;
  /** Applicant × kind × year (or × kind, for a death) already used by a live case. */
  taken: Set<string>;
}

interface PlannedMove extends Move {
  at: Date;
  actorId: number | null;
  comment: string;
}

type PlannedCase = ReturnType<typeof planCase>;

/** One case: its kind, applicant, amount, dates and every move with who made it. */
function planCase(ctx: PlanContext, target: Target, i: number, index: number) {
  const { r, today, year, workers } = ctx;
  const kind = weighted(r, KIND_WEIGHTS);
  const shape = shapeOf(r, target, i);
  const { moves, approvalDay } = movesOf(r, shape);
  const lastDay = moves.at(-1)?.day ?? 0;
  const lastOn = plusDays(today, -lastMoveDaysAgo(r, shape, lastDay, approvalDay, ctx.firstDay, today));
  const submitOn = plusDays(lastOn, -lastDay);
  const submitted = moves[0]?.action === 'submit';
  const createdOn = submitted ? plusDays(submitOn, -between(r, 0, 3)) : submitOn;
  const paidOn = moves.some((m) => m.action === 'pay') ? lastOn : null;

  // An applicant who has had no live case of this kind in the same year (for a death: ever),
  // by application and by payment year, so the ledger has no unexplained repeats.
  const keys = (w: Worker) => {
    const yearly = STANDARD[kind].frequency === 'yearly';
    return [
      ...new Set(
        [submitOn, paidOn ?? submitOn].map((d) => (yearly ? `${w.id}:${kind}:${d.slice(0, 4)}` : `${w.id}:${kind}`)),
      ),
    ];
  };
  const live = target !== 'rejected' && target !== 'withdrawn' && target !== 'draft';
  let applicant = workers[0];
  for (let tries = 0; tries < 50; tries++) {
    // Two in five applications come from filed households.
    applicant = pick(r, r() < 0.4 ? workers.filter((w) => w.household) : workers);
    if (!live || !keys(applicant).some((k) => ctx.taken.has(k))) break;
  }
  if (live) keys(applicant).forEach((k) => ctx.taken.add(k));

  const category = categoryOn(applicant, submitOn);
  const rule = ruleFor(cellOf(kind, category), year - Number(submitOn.slice(0, 4)));
  const computedFen = rule.type === 'fixed' ? rule.fen : rule.suggestedFen;
  const approved = approvalDay !== null;
  // Now and then the approver sets another amount inside the range, with a reason.
  const overridden = approved && rule.type === 'range' && computedFen < rule.maxFen && r() < 0.25;
  const amountFen =
    overridden && rule.type === 'range' ? Math.min(rule.maxFen, computedFen + between(r, 1, 10) * 10_000) : computedFen;

  // Who acted: the applicant's own officials, and three leaders kept apart across the steps.
  const [approver, decider, payer] = shuffled(r, ctx.leaders);
  const actorOf = (m: Move): number | null => {
    switch (m.step) {
      case 'verification':
        return ctx.verifierOf.get(applicant.unitId)!;
      case 'review':
        return ctx.reviewerOf.get(applicant.branchId)!;
      case 'approval':
        return approver;
      case 'publicity':
        return decider;
      case 'payment':
        return payer;
      default:
        return m.action === 'close_publicity' ? null : applicant.id;
    }
  };
  const story = STORIES[kind];
  const storyIndex = between(r, 0, story.what.length - 1);
  const plannedMoves: PlannedMove[] = moves.map((m, k) => {
    const on = plusDays(submitOn, m.day);
    // The system closes a window just after midnight; people act in office hours.
    return {
      ...m,
      at: m.action === 'close_publicity' ? at(on, 30) : at(on, between(r, 8 * 60 + 30, 17 * 60) + k),
      actorId: actorOf(m),
      comment: commentFor(r, m),
    };
  });
  return {
    index,
    kind,
    shape,
    applicant,
    category,
    rule,
    computedFen,
    amountFen,
    overridden,
    budget: null as string | null,
    paidOn,
    submitted,
    submitOn,
    createdOn,
    approvalOn: approvalDay === null ? null : plusDays(submitOn, approvalDay),
    eventOn: plusDays(createdOn, -between(r, 1, 30)),
    eventKey: story.key ? story.key[Math.min(storyIndex, story.key.length - 1)] : '',
    what: story.what[storyIndex],
    help: story.help,
    family: applicant.household ? pick(r, FAMILY) : '',
    moves: plannedMoves,
    objector: pick(
      r,
      workers.filter((w) => w.id !== applicant.id),
    ).id,
    objectionReason: pick(r, OBJECTIONS),
    method: r() < 0.9 ? ('bank_transfer' as const) : ('cash' as const),
  };
}

// ── The seed ───────────────────────────────────────────────────────────────────────────────────

export interface SeededCases {
  cases: number;
  payments: number;
}

export async function seedCases(db: Queryable, today = todayInChina()): Promise<SeededCases> {
  return db.transaction((tx) => seedInTransaction(tx, today));
}

async function seedInTransaction(tx: Tx, today: string): Promise<SeededCases> {
  // One transaction is one connection: its queries go one after the other.
  for (const table of [cases, aidStandards, budgets]) {
    const [{ n }] = await tx.select({ n: count() }).from(table);
    if (n) return { cases: 0, payments: 0 };
  }

  const r = rng(24_112_026);
  const year = Number(today.slice(0, 4));
  const years = [year - 2, year - 1, year];
  const firstDay = `${year - 2}-01-01`;
  const { workers, leaders, verifierOf, reviewerOf, branches } = await loadPeople(tx);

  // Standards: one version per year, every hardship kind, all seven categories.
  const standardOf = new Map<number, number>();
  for (const y of years) {
    const [{ id }] = await tx
      .insert(aidStandards)
      .values({
        name: `${y}年版`,
        effectiveOn: `${y}-01-01`,
        createdBy: leaders[0],
        createdAt: at(`${y - 1}-12-20`, 600),
      })
      .returning({ id: aidStandards.id });
    standardOf.set(y, id);
    await tx.insert(aidStandardRules).values(
      HARDSHIP_KINDS.flatMap((kind) =>
        STANDARD_CATEGORIES.map((category) => ({
          standardId: id,
          kind,
          frequency: STANDARD[kind].frequency,
          category,
          ...ruleColumns(ruleFor(cellOf(kind, category), year - y)),
        })),
      ),
    );
  }

  // Budgets are keyed like the payment action looks them up: this year's branch split, else mine-wide.
  const budgetKey = (y: number, kind: HardshipKind, unitId: number | null) => `${y}:${kind}:${unitId ?? 'mine'}`;
  const budgetPlan = new Map<
    string,
    { year: number; aidKind: HardshipKind; unitId: number | null; spentFen: number }
  >();
  for (const y of years)
    for (const kind of HARDSHIP_KINDS)
      budgetPlan.set(budgetKey(y, kind, null), { year: y, aidKind: kind, unitId: null, spentFen: 0 });
  // The mine-wide budget of a split kind stays as the mine's reserve beside the branches' shares.
  for (const split of SPLITS) {
    for (const unitId of branches.slice(0, split.branches))
      budgetPlan.set(budgetKey(year, split.kind, unitId), { year, aidKind: split.kind, unitId, spentFen: 0 });
  }
  const budgetFor = (paidOn: string, kind: HardshipKind, branchId: number) => {
    const y = Number(paidOn.slice(0, 4));
    return budgetPlan.get(budgetKey(y, kind, branchId)) ? budgetKey(y, kind, branchId) : budgetKey(y, kind, null);
  };

  // Plan every case in memory first: the budgets' amounts depend on what is paid from them.
  const ctx: PlanContext = { r, today, year, firstDay, workers, leaders, verifierOf, reviewerOf, taken: new Set() };
  const planned: PlannedCase[] = [];
  for (const [target, n] of TARGETS) for (let i = 0; i < n; i++) planned.push(planCase(ctx, target, i, planned.length));
  for (const p of planned) {
    if (!p.paidOn) continue;
    p.budget = budgetFor(p.paidOn, p.kind, p.applicant.branchId);
    budgetPlan.get(p.budget)!.spentFen += p.amountFen;
  }

  // Budgets as a union sets them: past years mostly used, this year's with room left for more.
  const tenThousandYuan = (fen: number) => Math.ceil(fen / 1_000_000) * 1_000_000;
  const budgetRows = [...budgetPlan.values()].map((p) => {
    const amountFen =
      p.year === year
        ? tenThousandYuan(p.spentFen * 1.2 + CURRENT_YEAR_HEADROOM_FEN)
        : Math.max(2_000_000, tenThousandYuan(p.spentFen * 1.15));
    return {
      year: p.year,
      aidKind: p.aidKind,
      unitId: p.unitId,
      amountFen,
      spentFen: p.spentFen,
      createdBy: leaders[0],
      updatedAt: at(`${p.year}-01-05`, 600),
    };
  });
  const insertedBudgets = await tx
    .insert(budgets)
    .values(budgetRows)
    .returning({ id: budgets.id, year: budgets.year, aidKind: budgets.aidKind, unitId: budgets.unitId });
  const budgetId = new Map(
    insertedBudgets.map((row) => [budgetKey(row.year, row.aidKind as HardshipKind, row.unitId), row.id]),
  );

  const caseRows = planned.map((p) => {
    const last = p.moves.at(-1);
    const state: CaseState = last?.to ?? 'draft';
    const inPublicity = p.approvalOn && p.shape.objection !== 'upheld';
    const sent = p.submitted;
    return {
      kind: 'aid' as const,
      aidKind: p.kind,
      applicantId: p.applicant.id,
      unitId: p.applicant.unitId,
      householdId: sent ? (p.applicant.household?.id ?? null) : null,
      category: sent ? p.category : null,
      state,
      // Every move and every objection moved the version on.
      version: 1 + p.moves.length + (p.shape.objection === 'none' ? 0 : 1),
      eventOn: p.eventOn,
      eventKey: p.eventKey,
      whatHappened: p.what,
      helpAsked: p.help,
      familySituation: p.family,
      amountFen: sent ? p.amountFen : null,
      computedFen: sent ? p.computedFen : null,
      amountReason: p.overridden ? '家庭负担较重，在标准区间内酌情提高。' : null,
      standardId: sent ? standardOf.get(Number(p.submitOn.slice(0, 4)))! : null,
      rule: sent ? p.rule : null,
      frequency: sent ? STANDARD[p.kind].frequency : null,
      appliedOn: sent ? p.submitOn : null,
      submittedAt: sent ? p.moves[0].at : null,
      publicityStart: inPublicity ? p.approvalOn : null,
      publicityEnd: inPublicity ? publicityEndsOn(p.approvalOn!, DEFAULT_PUBLICITY_DAYS) : null,
      submitToken: `seed-case-${String(p.index).padStart(4, '0')}`,
      createdAt: at(p.createdOn, 8 * 60),
      updatedAt: last?.at ?? at(p.createdOn, 8 * 60),
    };
  });
  const insertedCases = await tx.insert(cases).values(caseRows).returning({ id: cases.id, token: cases.submitToken });
  const caseIdOf = new Map(insertedCases.map((row) => [row.token, row.id]));
  const idOf = (p: PlannedCase) => caseIdOf.get(`seed-case-${String(p.index).padStart(4, '0')}`)!;

  const steps = planned.flatMap((p) =>
    p.moves.map((m) => ({
      caseId: idOf(p),
      step: m.step,
      action: m.action,
      fromState: m.from,
      toState: m.to,
      actorId: m.actorId,
      comment: m.comment,
      at: m.at,
    })),
  );
  for (let i = 0; i < steps.length; i += 1000) await tx.insert(caseSteps).values(steps.slice(i, i + 1000));

  // The applicant hears of every move someone else made; what is a week old has been read.
  const readBefore = at(plusDays(today, -7), 0);
  const notes = planned.flatMap((p) =>
    p.moves
      .filter((m) => m.actorId !== p.applicant.id)
      .map((m) => ({
        userId: p.applicant.id,
        caseId: idOf(p),
        kind: m.action,
        createdAt: m.at,
        readAt: m.at < readBefore ? new Date(m.at.getTime() + DAY_MS) : null,
      })),
  );
  for (let i = 0; i < notes.length; i += 1000) await tx.insert(notifications).values(notes.slice(i, i + 1000));

  const objectionRows = planned
    .filter((p) => p.shape.objection !== 'none')
    .map((p) => {
      const decided = p.moves.find((m) => m.action === 'dismiss_objection' || m.action === 'uphold_objection');
      return {
        caseId: idOf(p),
        byId: p.objector,
        reason: p.objectionReason,
        status:
          p.shape.objection === 'pending'
            ? ('pending' as const)
            : p.shape.objection === 'upheld'
              ? ('upheld' as const)
              : ('dismissed' as const),
        decidedBy: decided?.actorId ?? null,
        decision: decided?.comment ?? null,
        decidedAt: decided?.at ?? null,
        createdAt: at(plusDays(p.approvalOn!, 1), 9 * 60),
      };
    });
  if (objectionRows.length) await tx.insert(objections).values(objectionRows);

  const paymentRows = planned
    .filter((p) => p.paidOn)
    .map((p, n) => {
      const pay = p.moves.at(-1)!;
      return {
        caseId: idOf(p),
        budgetId: budgetId.get(p.budget!)!,
        amountFen: p.amountFen,
        paidOn: p.paidOn!,
        method: p.method,
        reference: p.method === 'cash' ? '' : `ZF${p.paidOn!.slice(0, 4)}${String(n + 1).padStart(4, '0')}`,
        recordedBy: pay.actorId!,
        createdAt: pay.at,
      };
    });
  await tx.insert(payments).values(paymentRows);
  await rebuildCaseStats(tx);

  await tx.insert(auditLog).values({
    actorId: null,
    action: 'system.seed',
    entity: 'cases',
    after: { cases: caseRows.length, payments: paymentRows.length, budgets: budgetRows.length },
  });
  return { cases: caseRows.length, payments: paymentRows.length };
}
