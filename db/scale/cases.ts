import { STANDARD_CATEGORIES } from '@/lib/aid/standards';
import {
  DEFAULT_PUBLICITY_DAYS,
  nextState,
  queueState,
  type CaseAction,
  type CaseState,
  type Step,
} from '@/lib/workflow/case-workflow';
import { STANDARD, cellOf, ruleFor, type HardshipKind } from '../seed-cases';
import { FILED_SHARE, categoryName, hasFile } from './register';
import { type Calendar, type Shape, between, bp, chinaTime, date, lit, pick, rnd, textArray, weighted } from './sql';

/**
 * Aid cases at scale. A case is a cell (worker, kind, year) drawn with a probability per kind,
 * so nobody has two cases of one yearly kind in one year or two of one bereavement ever, and
 * the ledger's repeats are only the rare ones across a new year (which carry a reason, as the
 * payment action demands). Each case gets a plan — how it ends (paid, rejected at a step,
 * returned and left, withdrawn, never sent), whether it went back once for more information,
 * whether its publicity drew an objection — and the days between its moves. Everything planned
 * before today happened; the state is where the plan stands today. So old cases are closed,
 * recent ones wait in the queues with realistic ages, and every history is a walk through the
 * workflow's own transitions by the right people.
 */

/** Yearly kinds first (cells per year), then the bereavements (one cell per worker over the three years). */
export const KINDS = [
  'poverty',
  'illness',
  'special_hardship',
  'family_serious_illness',
  'chronic_illness',
  'death_of_parent',
  'death_of_spouse',
  'death_of_child',
] as const satisfies readonly HardshipKind[];
const YEARLY_KINDS = 5;
if (KINDS.some((k, i) => (STANDARD[k].frequency === 'yearly') !== i < YEARLY_KINDS))
  throw new Error('scale: yearly kinds must come first');

/** Cases per worker over the three years, by kind: five in all. */
const RATES = [1.25, 0.9, 0.45, 0.7, 1.35, 0.25, 0.05, 0.05];
export const CASES_PER_WORKER = RATES.reduce((a, b) => a + b, 0);
/** A filed household applies for yearly aid this much more often than other workers (the mean stays 1). */
const FILED_FACTOR = 2;
const OTHER_FACTOR = (1 - FILED_SHARE * FILED_FACTOR) / (1 - FILED_SHARE);

const STORIES: Record<HardshipKind, { what: [string, string]; help: string; key?: string[] }> = {
  poverty: {
    what: ['家庭人口多、收入低，日常开支难以维持。', '配偶长期失业，子女读书开支大。'],
    help: '申请生活困难补助',
  },
  illness: {
    what: ['本人住院治疗，自付医疗费用较多。', '本人患病需长期治疗，家庭积蓄耗尽。'],
    help: '申请因病困难补助',
  },
  special_hardship: { what: ['家中房屋受灾需修缮。', '家庭遭遇意外事故，收入中断。'], help: '申请特殊困难补助' },
  family_serious_illness: { what: ['配偶确诊重病，正在住院治疗。', '子女患重病，需长期治疗。'], help: '申请大病救助' },
  chronic_illness: { what: ['本人患慢性病，需长期服药。', '本人患慢性病，需定期复查。'], help: '申请慢性病补助' },
  death_of_parent: { what: ['父亲病故。', '母亲病故。'], help: '申请丧葬慰问', key: ['父亲', '母亲'] },
  death_of_spouse: { what: ['配偶病故。', '配偶因意外去世。'], help: '申请丧葬慰问', key: ['配偶'] },
  death_of_child: { what: ['子女因病去世。', '子女因意外去世。'], help: '申请丧葬慰问', key: ['子女'] },
};
const FAMILY = [
  '家庭四口人，配偶无固定工作，两个孩子在读。',
  '家庭三口人，孩子读初中，老人需赡养。',
  '与父母同住，配偶打零工。',
];
const RETURN_COMMENTS = [
  '请补充诊断证明和费用清单。',
  '请补充家庭收入证明。',
  '请补充相关证明材料。',
  '材料不清晰，请重新提供。',
];
const REJECT_COMMENTS = ['家庭人均收入高于困难标准。', '经核实，情况与申请不符。', '同一事由已获补助。'];
const VERIFY_COMMENTS = ['已入户核实，情况属实。', '已电话核实，情况属实。', ''];
const OBJECTION_REASONS = ['申请人家庭收入情况与公示不符。', '申请人配偶有稳定收入。'];
const DISMISSED = '经复核，申请人情况属实，异议不成立。';
const UPHELD = '经复核，异议成立，退回重新审批。';
const OVERRIDE_REASON = '家庭负担较重，在标准区间内酌情提高。';
const REPEAT_REASON = '上一年度申请跨年发放，本年度困难情况仍然存在。';

// ── Standards ────────────────────────────────────────────────────────────────────────────────

/** The three yearly versions (ids 1–3) as saveStandard writes them: every hardship kind, every category incl. none. */
export function standardRows(cal: Calendar) {
  return cal.years.flatMap(({ year }, yi) =>
    KINDS.flatMap((kind, k) =>
      STANDARD_CATEGORIES.map((category, c) => ({
        id: (yi * KINDS.length + k) * STANDARD_CATEGORIES.length + c + 1,
        standardId: yi + 1,
        yi,
        k,
        kind,
        category,
        frequency: STANDARD[kind].frequency,
        rule: ruleFor(cellOf(kind, category), cal.year - year),
      })),
    ),
  );
}

export function standardsSql(shape: Shape, cal: Calendar): string[] {
  const rows = standardRows(cal);
  const versions = cal.years
    .map(
      ({ year }, yi) =>
        `(${yi + 1}, ${lit(`${year}年版`)}, DATE '${year}-01-01', ${shape.leaderId('0')}, ${chinaTime(`DATE '${year - 1}-12-20'`, '600')})`,
    )
    .join(',\n');
  const cells = rows.map(({ id, standardId, kind, category, frequency, rule }) => {
    const amounts =
      rule.type === 'fixed'
        ? `'fixed', ${rule.fen}, NULL, NULL, NULL`
        : `'range', NULL, ${rule.minFen}, ${rule.maxFen}, ${rule.suggestedFen}`;
    return `(${id}, ${standardId}, '${kind}', '${frequency}', '${category}', '', ${amounts})`;
  });
  // What the case generator looks an amount up in: by year, kind and category.
  const lookup = rows.map(({ id, standardId, yi, k, category, frequency, rule }) => {
    const computed = rule.type === 'fixed' ? rule.fen : rule.suggestedFen;
    const max = rule.type === 'fixed' ? rule.fen : rule.maxFen;
    return `(${id}, ${standardId}, ${yi}, ${k}, '${category}', '${frequency}', ${rule.type === 'range'}, ${computed}, ${max}, ${lit(JSON.stringify(rule))}::jsonb)`;
  });
  return [
    `INSERT INTO aid_standards (id, name, effective_on, created_by, created_at) VALUES ${versions}`,
    `INSERT INTO aid_standard_rules (id, standard_id, kind, frequency, category, variant, rule_type, fixed_fen, min_fen, max_fen, suggested_fen) VALUES ${cells.join(',\n')}`,
    `CREATE TEMP TABLE std_rules (id int, standard_id int, yi int, k int, category text, frequency text, ranged boolean, computed int, max_fen int, rule jsonb) ON COMMIT DROP`,
    `INSERT INTO std_rules VALUES ${lookup.join(',\n')}`,
  ];
}

// ── The moves a case can make, in the order they happen ───────────────────────────────────────

type Who = 'applicant' | 'verifier' | 'reviewer' | 'approver' | 'decider' | 'payer' | 'system';
interface Move {
  action: CaseAction;
  step: Step | null;
  from: CaseState;
  to: CaseState;
}
interface Slot extends Move {
  who: Who;
  /** The other move this slot may be, and when (an SQL condition on the case row `g`). */
  alt?: { when: string } & Move;
}

const DECISION_STEPS = ['verification', 'review', 'approval'] as const;
const DECIDER: Record<(typeof DECISION_STEPS)[number], Who> = {
  verification: 'verifier',
  review: 'reviewer',
  approval: 'approver',
};

/** Checks each move against the workflow, so a slot can only hold a transition the actions could write. */
function move(from: CaseState, action: CaseAction, step: Step | null): Move {
  const to = nextState(from, action);
  if (!to) throw new Error(`scale: ${action} is not possible from ${from}`);
  return { action, step, from, to };
}

/**
 * Plan codes (column `oc` of gen_cases): 0 never sent, 1 withdrawn unsent, 2 withdrawn after
 * submission, 3 rejected at step `rs`, 4 returned at step `rs` and never resubmitted, 5 paid.
 * `ls` is the step where a case went back once for more information (-1: none); `ob` the
 * objection during publicity (0 none, 1 dismissed, 2 upheld and approved again).
 */
export const SLOTS: Slot[] = [
  { ...move('draft', 'submit', null), who: 'applicant' },
  {
    ...move('submitted', 'withdraw', null),
    who: 'applicant',
    alt: { when: 'g.oc = 1', ...move('draft', 'withdraw', null) },
  },
  ...DECISION_STEPS.flatMap((step, s): Slot[] => {
    const awaiting = queueState(step);
    const returned = move(awaiting, 'return', step);
    return [
      { ...returned, who: DECIDER[step] },
      { ...move(returned.to, 'resubmit', null), who: 'applicant' },
      {
        ...move(awaiting, 'approve', step),
        who: DECIDER[step],
        alt: { when: `g.oc = 3 AND g.rs = ${s}`, ...move(awaiting, 'reject', step) },
      },
    ];
  }),
  {
    ...move('in_publicity', 'dismiss_objection', 'publicity'),
    who: 'decider',
    alt: { when: 'g.ob = 2', ...move('in_publicity', 'uphold_objection', 'publicity') },
  },
  { ...move('reviewed', 'approve', 'approval'), who: 'approver' },
  { ...move('in_publicity', 'close_publicity', null), who: 'system' },
  { ...move('ready_for_payment', 'pay', 'payment'), who: 'payer' },
];
const SLOT = (action: CaseAction, step: Step | null = null) =>
  SLOTS.findIndex((s) => s.action === action && s.step === step) + 1;
const J = {
  submit: SLOT('submit'),
  withdraw: SLOT('withdraw'),
  ret: DECISION_STEPS.map((s) => SLOT('return', s)),
  resubmit: DECISION_STEPS.map(
    (s) => SLOTS.findIndex((x) => x.action === 'resubmit' && x.from === nextState(queueState(s), 'return')) + 1,
  ),
  decide: DECISION_STEPS.map((s) => SLOT('approve', s)),
  objection: SLOT('dismiss_objection', 'publicity'),
  reapprove:
    SLOTS.findIndex(
      (x, i) => x.action === 'approve' && x.from === 'reviewed' && i + 1 > SLOT('dismiss_objection', 'publicity'),
    ) + 1,
  close: SLOT('close_publicity'),
  pay: SLOT('pay', 'payment'),
};
const N = SLOTS.length;
const js = Array.from({ length: N }, (_, i) => i + 1);

/** `CASE <j> WHEN 1 THEN … END` over the slots, each value from the slot's move (or its alternative). */
function bySlot(j: string, value: (m: Move, slot: Slot, n: number) => string, otherwise = 'NULL'): string {
  const arms = SLOTS.map((slot, i) => {
    const main = value(slot, slot, i + 1);
    const v = slot.alt ? `CASE WHEN ${slot.alt.when} THEN ${value(slot.alt, slot, i + 1)} ELSE ${main} END` : main;
    return `WHEN ${i + 1} THEN ${v}`;
  });
  return `CASE ${j} ${arms.join(' ')} ELSE ${otherwise} END`;
}

const minuteOf = (n: number) =>
  SLOTS[n - 1].action === 'close_publicity' ? '30' : `(510 + (${rnd(`g.cell * 16 + ${n}`, 62)} % 510)::int + ${n})`;

function actorOf(shape: Shape, who: Who): string {
  switch (who) {
    case 'applicant':
      return 'g.applicant';
    case 'verifier':
      return shape.subOfficialId('g.sub');
    case 'reviewer':
      return shape.branchOfficialId('g.branch');
    case 'approver':
      return 'g.approver';
    case 'decider':
      return 'g.decider';
    case 'payer':
      return 'g.payer';
    case 'system':
      return 'NULL::int';
  }
}

function commentOf(m: Move, n: number): string {
  const key = `g.cell * 16 + ${n}`;
  if (m.action === 'return') return pick(RETURN_COMMENTS, key, 65);
  if (m.action === 'reject') return pick(REJECT_COMMENTS, key, 66);
  if (m.action === 'approve' && m.step === 'verification') return pick(VERIFY_COMMENTS, key, 67);
  if (m.action === 'dismiss_objection') return lit(DISMISSED);
  if (m.action === 'uphold_objection') return lit(UPHELD);
  return "''";
}

// ── The plan of every case (temp table gen_cases) ─────────────────────────────────────────────

/** Days a case waits at a step: mostly one to six, one in thirty-three up to eleven weeks. */
const wait = (salt: number) =>
  `CASE WHEN ${bp('cell', salt)} < 300 THEN ${between('cell', salt + 100, 15, 75)} ELSE ${between('cell', salt + 100, 1, 6)} END`;

export function genCasesSql(shape: Shape, cal: Calendar): string {
  const { workers: W, leaders: L } = shape;
  const T = date(cal.today);
  const start = date(cal.start);
  const cellOfRow = 'w::int8 * 32 + k * 4 + yi';
  const filed = `(CASE WHEN ${hasFile('w')} THEN 1 ELSE 0 END)`;
  const threshold = (p: number) => Math.floor(Math.min(1, p) * 2 ** 31);
  const thresholds = KINDS.flatMap((_, k) =>
    cal.years.flatMap(({ days }, yi) => {
      const share = k < YEARLY_KINDS ? (RATES[k] * days) / cal.days : yi === 0 ? RATES[k] : 0;
      const factors = k < YEARLY_KINDS ? [OTHER_FACTOR, FILED_FACTOR] : [1, 1];
      return factors.map((f) => threshold(share * f));
    }),
  );
  const offsets = cal.years.map((y) => y.offset).join(',');
  const yearDays = cal.years.map((y) => Math.max(1, y.days)).join(',');

  // L0: the cells drawn, each with its submission day (the plan's day 0) and creation day.
  const cells = `
    SELECT w, k, cell, sd, greatest(${start}, sd - (${rnd('cell', 23)} % 4)::int) AS cd
    FROM (
      SELECT w, k, ${cellOfRow} AS cell,
        CASE WHEN k < ${YEARLY_KINDS}
             THEN ${start} + (ARRAY[${offsets}])[yi + 1] + (${rnd(cellOfRow, 22)} % (ARRAY[${yearDays}])[yi + 1])::int
             ELSE ${start} + (${rnd(cellOfRow, 22)} % ${cal.days})::int END AS sd
      FROM generate_series(0, ${W - 1}) w CROSS JOIN generate_series(0, ${KINDS.length - 1}) k CROSS JOIN generate_series(0, 2) yi
      WHERE (k < ${YEARLY_KINDS} OR yi = 0)
        AND ${rnd(cellOfRow, 21)} < (ARRAY[${thresholds.join(',')}]::int8[])[1 + (k * 3 + yi) * 2 + ${filed}]
      OFFSET 0
    ) x`;

  // L1: the plan's draws and the applicant's file.
  const oc = weighted(bp('cell', 31), [
    ['0', 50],
    ['1', 50],
    ['2', 150],
    ['3', 600],
    ['4', 150],
    ['5', 9000],
  ]);
  const draws = `
    SELECT c.*, greatest(${start}, c.cd - ${between('cell', 24, 1, 30)}) AS event_on,
      h.id AS hid, h.filed_on AS hfiled, h.exited_on AS hexited, h.cat_i AS hcat, h.from_i AS hfrom, h.changed_on AS hchanged,
      ${oc} AS oc,
      ${weighted(bp('cell', 32), [
        ['0', 5000],
        ['1', 3000],
        ['2', 2000],
      ])} AS rs,
      CASE WHEN ${bp('cell', 33)} < 1667 THEN (${rnd('cell', 34)} % 3)::int ELSE -1 END AS lsr,
      ${weighted(bp('cell', 35), [
        ['1', 100],
        ['2', 30],
        ['0', 9870],
      ])} AS obr,
      ${[0, 1, 2].map((s) => `${wait(41 + s)} AS wt${s}, ${between('cell', 50 + s, 2, 10)} AS rg${s}, ${between('cell', 47 + s, 1, 6)} AS dg${s}`).join(', ')},
      ${between('cell', 53, 1, 3)} AS wd, ${between('cell', 54, 1, 6)} AS ra,
      CASE WHEN ${bp('cell', 55)} < 300 THEN ${between('cell', 56, 15, 60)} ELSE ${between('cell', 56, 1, 12)} END AS pg,
      (${rnd('cell', 59)} % ${L})::int AS a, ${between('cell', 60, 0, L - 2)} AS q0, ${between('cell', 61, 0, L - 3)} AS p0
    FROM (${cells}) c LEFT JOIN gen_hh h ON h.w = c.w
    OFFSET 0`;

  // L2: which slots the plan holds, each with the days since the slot before (NULL: not in the plan).
  const lsOk = `(CASE WHEN oc < 3 OR lsr < 0 OR (oc = 3 AND lsr > rs) OR (oc = 4 AND lsr >= rs) THEN -1 ELSE lsr END)`;
  const gaps: string[] = Array(N + 1).fill('NULL');
  gaps[J.submit] = `CASE WHEN oc >= 2 THEN 0 END`;
  gaps[J.withdraw] = `CASE WHEN oc IN (1, 2) THEN wd END`;
  for (const s of [0, 1, 2]) {
    gaps[J.ret[s]] = `CASE WHEN ls = ${s} OR (oc = 4 AND rs = ${s}) THEN wt${s} END`;
    gaps[J.resubmit[s]] = `CASE WHEN ls = ${s} THEN rg${s} END`;
    gaps[J.decide[s]] =
      `CASE WHEN (oc = 5 OR (oc IN (3, 4) AND ${s} <= rs)) AND NOT (oc = 4 AND rs = ${s}) THEN CASE WHEN ls = ${s} THEN dg${s} ELSE wt${s} END END`;
  }
  gaps[J.objection] = `CASE WHEN ob > 0 THEN 2 END`;
  gaps[J.reapprove] = `CASE WHEN ob = 2 THEN ra END`;
  // The window closes the day after its fifth: five days after the (last) approval.
  gaps[J.close] =
    `CASE WHEN oc = 5 THEN CASE WHEN ob = 1 THEN ${DEFAULT_PUBLICITY_DAYS - 2} ELSE ${DEFAULT_PUBLICITY_DAYS} END END`;
  gaps[J.pay] = `CASE WHEN oc = 5 THEN pg END`;
  // The file's category on the submission day (before its change, the earlier one); none without an active file.
  const categoryAt = `CASE WHEN hfiled <= sd AND (hexited IS NULL OR sd < hexited)
      THEN ${categoryName('CASE WHEN hchanged IS NOT NULL AND sd < hchanged THEN hfrom ELSE hcat END')} ELSE 'none' END`;
  const plan = `
    SELECT d.*, ${js.map((j) => `${gaps[j]} AS eg${j}`).join(', ')},
      ${shape.subOf('w')} AS sub,
      CASE WHEN oc >= 2 AND hfiled <= sd THEN hid END AS hh,
      CASE WHEN oc >= 2 THEN ${categoryAt} END AS category,
      date_part('year', sd)::int - ${cal.year - 2} AS yi_app,
      ${shape.leaderId('a')} AS approver,
      ${shape.leaderId(`(a + 1 + q0) % ${L}`)} AS decider,
      ${shape.leaderId(`(a + 1 + (q0 + 1 + p0) % ${L - 1}) % ${L}`)} AS payer
    FROM (SELECT l1.*, ${lsOk} AS ls, CASE WHEN oc = 5 THEN obr ELSE 0 END AS ob FROM (${draws}) l1 OFFSET 0) d
    OFFSET 0`;

  // L3: the day of each slot, counted from the submission day.
  const offsetsOf = js.map(
    (j) =>
      `eg${j} + ${
        js
          .slice(0, j - 1)
          .map((i) => `coalesce(eg${i}, 0)`)
          .join(' + ') || '0'
      } AS o${j}`,
  );
  const timed = `SELECT p.*, ${offsetsOf.join(', ')}, ${T} - sd AS age FROM (${plan}) p OFFSET 0`;

  // L4: where each plan stands today. Moves happen before today, but for the system's closing of
  // a window, which runs just after midnight: today's closings have happened.
  const happened = (j: number) => (j === J.close ? `o${j} <= age` : `o${j} < age`);
  const lastSlot = `CASE ${[...js]
    .reverse()
    .map((j) => `WHEN ${happened(j)} THEN ${j}`)
    .join(' ')} ELSE 0 END`;
  const stands = `
    SELECT t.*, ${lastSlot} AS last_j, r.id AS rule_id, r.standard_id, r.computed, r.max_fen, r.ranged
    FROM (${timed}) t
    LEFT JOIN std_rules r ON r.yi = t.yi_app AND r.k = t.k AND r.category = t.category
    OFFSET 0`;
  const overridden = `(oc = 5 AND last_j >= ${J.decide[2]} AND ranged AND computed < max_fen AND ${bp('cell', 57)} < 2000)`;
  const payDay = `CASE WHEN last_j = ${J.pay} THEN sd + o${J.pay} END`;
  const state = bySlot('g.last_j', (m) => `'${m.to}'`, "'draft'");
  return `
    CREATE TEMP TABLE gen_cases ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY cd, cell))::int AS id, cell, w, k, ${shape.workerId('w')} AS applicant,
      sub, ${shape.branchOf('sub')} AS branch, hh, category, sd, cd, event_on, oc, rs, ob, approver, decider, payer,
      ${js.map((j) => `o${j}`).join(', ')}, age, last_j,
      ${js.map((j) => `(o${j} IS NOT NULL AND last_j >= ${j})::int`).join(' + ')} AS moves,
      ob > 0 AND o${J.decide[2]} + 1 < age AS objected,
      ${state} AS state, rule_id, standard_id, computed,
      CASE WHEN ${overridden} THEN least(max_fen, computed + ${between('cell', 58, 1, 10)} * 10000) ELSE computed END AS amount,
      ${overridden} AS overridden,
      ${payDay} AS pay_day,
      1 + ((date_part('year', ${payDay})::int - ${cal.year - 2}) * ${KINDS.length} + k) * ${shape.branches} + ${shape.branchOf('sub')} AS budget_id
    FROM (${stands}) g`;
}

// ── What the plans write ───────────────────────────────────────────────────────────────────────

/** Objections come the morning after publication (raising one also moves the case's version and time on). */
const objectedAt = chinaTime(`g.sd + g.o${J.decide[2]} + 1`, '600');
const lastOffset = `CASE g.last_j ${js.map((j) => `WHEN ${j} THEN g.o${j}`).join(' ')} END`;
const lastMinute = `CASE g.last_j ${js.map((j) => `WHEN ${j} THEN ${minuteOf(j)}`).join(' ')} END`;

export function casesSql(shape: Shape): string {
  const kinds = textArray(KINDS);
  const what = textArray(KINDS.flatMap((k) => STORIES[k].what));
  const help = textArray(KINDS.map((k) => STORIES[k].help));
  const eventKey = `CASE g.k ${KINDS.map((k, i) => (STORIES[k].key ? `WHEN ${i} THEN ${pick(STORIES[k].key!, 'g.cell', 68)}` : '')).join(' ')} ELSE '' END`;
  const sent = 'g.oc >= 2';
  const published = `g.state IN ('in_publicity', 'ready_for_payment', 'paid')`;
  const publishedOn = `g.sd + CASE WHEN g.last_j >= ${J.reapprove} AND g.o${J.reapprove} IS NOT NULL THEN g.o${J.reapprove} ELSE g.o${J.decide[2]} END`;
  const created = chinaTime('g.cd', '480');
  return `
    INSERT INTO cases (id, kind, aid_kind, applicant_id, unit_id, household_id, category, state, version, event_on, event_key, what_happened, help_asked,
                       family_situation, amount_fen, computed_fen, amount_reason, standard_id, rule, frequency, applied_on, submitted_at,
                       publicity_start, publicity_end, submit_token, created_at, updated_at)
    SELECT g.id, 'aid', (${kinds})[g.k + 1], g.applicant, ${shape.subUnit('g.sub')}, g.hh, g.category, g.state, 1 + g.moves + g.objected::int,
      g.event_on, ${eventKey}, (${what})[g.k * 2 + 1 + (${rnd('g.cell', 69)} % 2)::int], (${help})[g.k + 1],
      CASE WHEN g.hh IS NOT NULL THEN ${pick(FAMILY, 'g.cell', 70)} ELSE '' END,
      CASE WHEN ${sent} THEN g.amount END, CASE WHEN ${sent} THEN g.computed END, CASE WHEN g.overridden THEN ${lit(OVERRIDE_REASON)} END,
      CASE WHEN ${sent} THEN g.standard_id END, CASE WHEN ${sent} THEN r.rule END, CASE WHEN ${sent} THEN r.frequency END,
      CASE WHEN ${sent} THEN g.sd END, CASE WHEN ${sent} THEN ${chinaTime('g.sd', minuteOf(J.submit))} END,
      CASE WHEN ${published} THEN ${publishedOn} END, CASE WHEN ${published} THEN ${publishedOn} + ${DEFAULT_PUBLICITY_DAYS - 1} END,
      'scale-' || g.id, ${created},
      CASE WHEN g.last_j = 0 THEN ${created}
           WHEN g.objected AND g.last_j = ${J.decide[2]} THEN ${objectedAt}
           ELSE ${chinaTime(`g.sd + ${lastOffset}`, lastMinute)} END
    FROM gen_cases g LEFT JOIN std_rules r ON r.id = g.rule_id`;
}

/** Every move that happened, ids case × 16 + slot; `notify` gives instead the applicant's notices of others' moves. */
export function stepsSql(shape: Shape, cal: Calendar, notify = false): string {
  const at = chinaTime(
    'g.sd + u.o',
    bySlot('u.j', (_m, _s, n) => minuteOf(n)),
  );
  const happened = `u.o IS NOT NULL AND u.j <= g.last_j`;
  const from = `FROM gen_cases g CROSS JOIN LATERAL unnest(ARRAY[${js.map((j) => `g.o${j}`).join(', ')}]) WITH ORDINALITY AS u(o, j)`;
  if (notify) {
    const byOthers = js.filter((j) => SLOTS[j - 1].who !== 'applicant');
    const weekAgo = chinaTime(`${date(cal.today)} - 7`, '0');
    return `
      INSERT INTO notifications (id, user_id, case_id, kind, read_at, created_at)
      SELECT g.id::int8 * 16 + u.j, g.applicant, g.id, ${bySlot('u.j', (m) => `'${m.action}'`)},
        CASE WHEN n.at < ${weekAgo} THEN n.at + interval '1 day' END, n.at
      ${from} CROSS JOIN LATERAL (SELECT ${at} AS at) n
      WHERE ${happened} AND u.j IN (${byOthers.join(', ')})`;
  }
  return `
    INSERT INTO case_steps (id, case_id, step, action, from_state, to_state, actor_id, comment, at)
    SELECT g.id::int8 * 16 + u.j, g.id, ${bySlot('u.j', (m) => (m.step ? `'${m.step}'` : 'NULL'))}, ${bySlot('u.j', (m) => `'${m.action}'`)},
      ${bySlot('u.j', (m) => `'${m.from}'`)}, ${bySlot('u.j', (m) => `'${m.to}'`)}, ${bySlot('u.j', (_m, slot) => actorOf(shape, slot.who))},
      ${bySlot('u.j', (m, _s, n) => commentOf(m, n))}, ${at}
    ${from}
    WHERE ${happened}`;
}

/**
 * One budget per year, kind and branch (a mine-wide one of every province-sized kind would not
 * fit the integer fen column), each paid down by exactly its payments: past years used up to
 * about nine tenths, this year's with room left; and a mine-wide reserve nothing has drawn on.
 */
export function budgetsSql(shape: Shape, cal: Calendar): string {
  const B = shape.branches;
  const perBranch = KINDS.length * 3 * B;
  const tenThousandYuan = (fen: string) => `(ceil((${fen}) / 1000000.0) * 1000000)::bigint`;
  const amount = `CASE WHEN yi = 2 THEN ${tenThousandYuan('coalesce(s.spent, 0) * 1.3 + 2000000')} ELSE greatest(1000000, ${tenThousandYuan('coalesce(s.spent, 0) * 1.1')}) END`;
  return `
    INSERT INTO budgets (id, year, aid_kind, unit_id, amount_fen, spent_fen, version, created_by, updated_at)
    SELECT b.id, ${cal.year - 2} + b.yi, (${textArray(KINDS)})[b.k + 1], ${shape.branchUnit('b.branch')}, ${amount}, coalesce(s.spent, 0), 1, ${shape.leaderId('0')},
      ${chinaTime(`DATE '${cal.year - 2}-01-05' + b.yi * 365`, '600')}
    FROM (
      SELECT 1 + (yi * ${KINDS.length} + k) * ${B} + branch AS id, yi, k, branch
      FROM generate_series(0, 2) yi CROSS JOIN generate_series(0, ${KINDS.length - 1}) k CROSS JOIN generate_series(0, ${B - 1}) branch
    ) b
    LEFT JOIN (SELECT budget_id, sum(amount)::bigint AS spent FROM gen_cases WHERE pay_day IS NOT NULL GROUP BY budget_id) s ON s.budget_id = b.id
    UNION ALL
    SELECT ${perBranch + 1} + yi * ${KINDS.length} + k, ${cal.year - 2} + yi, (${textArray(KINDS)})[k + 1], NULL, 50000000, 0, 1, ${shape.leaderId('0')},
      ${chinaTime(`DATE '${cal.year - 2}-01-05' + yi * 365`, '600')}
    FROM generate_series(0, 2) yi CROSS JOIN generate_series(0, ${KINDS.length - 1}) k`;
}

/**
 * One payment per paid case, equal to its amount, on its year's budget. A payment repeats one
 * already recorded for the same worker and yearly kind in the year of its application (a case
 * applied for last December and paid in January) only across a new year; those carry the reason
 * the payment action requires.
 */
export function paymentsSql(): string {
  // The order payments were recorded in: by moment, then by case.
  const order = `((g.pay_day - DATE '2000-01-01')::int8 * 1440 + ${minuteOf(J.pay)}) * 1000000000 + g.id`;
  return `
    INSERT INTO payments (id, case_id, budget_id, amount_fen, paid_on, method, reference, repeat_reason, recorded_by, created_at)
    SELECT g.id, g.id, g.budget_id, g.amount, g.pay_day, m.method,
      CASE WHEN m.method = 'cash' THEN '' ELSE 'ZF' || date_part('year', g.pay_day) || lpad(g.id::text, 9, '0') END,
      CASE WHEN f.first < ${order} THEN ${lit(REPEAT_REASON)} END,
      g.payer, ${chinaTime('g.pay_day', minuteOf(J.pay))}
    FROM gen_cases g
    CROSS JOIN LATERAL (SELECT CASE WHEN ${bp('g.cell', 71)} < 1000 THEN 'cash' ELSE 'bank_transfer' END AS method) m
    LEFT JOIN (
      SELECT g.w, g.k, date_part('year', g.pay_day)::int AS year, min(${order}) AS first
      FROM gen_cases g WHERE g.pay_day IS NOT NULL AND g.k < ${YEARLY_KINDS}
      GROUP BY 1, 2, 3
    ) f ON f.w = g.w AND f.k = g.k AND f.year = date_part('year', g.sd)::int
    WHERE g.pay_day IS NOT NULL`;
}

/** Objections raised the day after publication by another worker; decided at the publicity step, or still pending. */
export function objectionsSql(shape: Shape): string {
  const W = shape.workers;
  const decided = `g.last_j >= ${J.objection}`;
  return `
    INSERT INTO objections (id, case_id, by_id, reason, status, decided_by, decision, decided_at, created_at)
    SELECT g.id, g.id, ${shape.workerId(`(g.w + 1 + ${rnd('g.cell', 63)} % ${W - 1}) % ${W}`)}, ${pick(OBJECTION_REASONS, 'g.cell', 64)},
      CASE WHEN NOT ${decided} THEN 'pending' WHEN g.ob = 2 THEN 'upheld' ELSE 'dismissed' END,
      CASE WHEN ${decided} THEN g.decider END,
      CASE WHEN ${decided} THEN CASE WHEN g.ob = 2 THEN ${lit(UPHELD)} ELSE ${lit(DISMISSED)} END END,
      CASE WHEN ${decided} THEN ${chinaTime(`g.sd + g.o${J.objection}`, minuteOf(J.objection))} END,
      ${objectedAt}
    FROM gen_cases g WHERE g.objected`;
}
