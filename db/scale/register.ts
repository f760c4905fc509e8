import { CATEGORIES, SIX_KNOWS } from '../schema/register';
import { surnameOf, givenName, phoneOf } from './people';
import { type Calendar, type Shape, between, bp, chinaTime, date, lit, pick, rnd, textArray, weighted } from './sql';

/**
 * The hardship register at scale: about one worker in five filed (some before the three years,
 * some since; some left the register), with family members, the timeline (filing, yearly
 * reviews, category changes, exits), three helpers each (a few missing, some handed over),
 * home visits with the six knows, the tasks their appeals raised, and a symposium per branch
 * and per year. `gen_hh` keeps what the case generator needs to know about each file.
 */

/** Whether worker `w` has a file: one in five, by hash (so units differ a little, as real ones do). */
export const hasFile = (w: string) => `(${rnd(w, 11)} % 1000 < 200)`;
export const FILED_SHARE = 0.2;

const CATEGORY_WEIGHTS: Record<(typeof CATEGORIES)[number], number> = {
  extreme: 800,
  hardship: 3000,
  near: 2200,
  edge: 1800,
  serious_illness: 1400,
  education: 800,
};
/** Category by its index in CATEGORIES, as gen_hh keeps it. */
export const categoryName = (i: string) => `(${textArray(CATEGORIES)})[(${i}) + 1]`;

const HOUSING = ['自有住房五十平方米', '租住单位公房', '与父母同住', '职工宿舍', '自建平房'];
const HEALTH = ['健康', '高血压', '糖尿病', '肢体残疾', '慢性支气管炎'];
const EXIT_REASONS = ['子女工作，家庭收入稳定', '配偶再就业，收入提高', '病情好转，已恢复工作'];
const CHANGE_REASONS = ['家庭成员患病，负担加重', '收入变化，重新评定类别', '子女升学，教育支出增加'];
const APPEALS = [
  '希望协调子女入学',
  '老人就医需要陪护帮助',
  '住房年久失修需要维修',
  '希望为配偶介绍工作',
  '医保报销流程不熟悉',
  '冬季取暖有困难',
];
const OUTCOMES = ['已协调办结', '已联系社区落实', '已送慰问金并回访', '已代办报销手续'];
const OPINIONS = ['希望提高大病救助标准', '建议简化困难补助申请材料', '希望增加助学名额', '建议定期组织健康体检'];
const POLICIES = '宣讲《帮扶送温暖实施办法》、医疗互助和助学政策';

export function genHouseholdsSql(shape: Shape, cal: Calendar): string {
  const T = date(cal.today);
  const start = date(cal.start);
  const earliest = date(`${cal.year - 4}-01-01`);
  const draw = (salt: number) => bp('w', salt);
  const cats = CATEGORIES.map((c, i) => [String(i), CATEGORY_WEIGHTS[c]] as const);
  // a: the draws; b: the exit; c: what depends on the dates (changes, handover, reviews, visit window).
  return `
    CREATE TEMP TABLE gen_hh ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY w))::int AS id, c.*
    FROM (
      SELECT b.*,
        CASE WHEN b.change_draw AND coalesce(b.exited_on, ${T}) - b.filed_on > 31
             THEN b.filed_on + 30 + (${rnd('b.w', 75)} % (coalesce(b.exited_on, ${T}) - b.filed_on - 30))::int END AS changed_on,
        CASE WHEN b.handover_draw AND coalesce(b.exited_on, ${T}) - b.filed_on > 31
             THEN b.filed_on + 30 + (${rnd('b.w', 80)} % (coalesce(b.exited_on, ${T}) - b.filed_on - 30))::int END AS handover_on,
        (b.cat_i + 1 + (${rnd('b.w', 76)} % 5)::int) % 6 AS from_i,
        greatest(b.filed_on, ${start}) AS va,
        least(${T}, coalesce(b.exited_on, ${T})) - 1 AS vb,
        date_part('year', age((least(${T}, coalesce(b.exited_on, ${T})) - 1)::timestamp, b.filed_on::timestamp))::int AS anniversaries
      FROM (
        SELECT a.*,
          CASE WHEN a.exit_draw AND greatest(a.filed_on + 60, ${start}) < ${T}
               THEN greatest(a.filed_on + 60, ${start}) + (${rnd('a.w', 74)} % (${T} - greatest(a.filed_on + 60, ${start})))::int END AS exited_on
        FROM (
          SELECT w, ${shape.subOf('w')} AS sub, ${shape.branchOf(shape.subOf('w'))} AS branch,
            ${weighted(draw(71), cats)} AS cat_i,
            ${earliest} + (${rnd('w', 72)} % (${T} - 30 - ${earliest}))::int AS filed_on,
            ${draw(73)} < 1500 AS exit_draw,
            ${draw(77)} < 2000 AS change_draw,
            ${draw(78)} < 600 AS overdue,
            ${draw(79)} < 800 AS handover_draw,
            ${draw(81)} < 500 AS no_grassroots,
            CASE WHEN ${draw(82)} < 150 THEN (${rnd('w', 83)} % ${shape.leaders})::int ELSE -1 END AS first_helper,
            ${weighted(draw(84), [
              ['0', 500],
              ['1', 3000],
              ['2', 6500],
            ])} AS keeping_i
          FROM generate_series(0, ${shape.workers - 1}) w
          WHERE ${hasFile('w')}
          OFFSET 0
        ) a
        OFFSET 0
      ) b
      OFFSET 0
    ) c`;
}

/** The category a file had on a day (before its one change: the earlier one). */
const categoryOn = (day: string) =>
  `CASE WHEN h.changed_on IS NOT NULL AND ${day} < h.changed_on THEN h.from_i ELSE h.cat_i END`;

/** Reviews fall due a year after filing or the last review; `overdue` files missed their last one. */
const reviewsDone = `CASE WHEN h.overdue AND h.exited_on IS NULL AND h.anniversaries >= 1 THEN h.anniversaries - 1 ELSE h.anniversaries END`;

const KEEPING = ['mine', 'branch', 'sub_branch'];

/** Who keeps (and so files, reviews and changes) the file: a leader, the branch or the sub-branch official. */
const keeperOf = (shape: Shape) =>
  `CASE h.keeping_i WHEN 0 THEN ${shape.leaderId('0')} WHEN 1 THEN ${shape.branchOfficialId('h.branch')} ELSE ${shape.subOfficialId('h.sub')} END`;

export function householdsSql(shape: Shape): string {
  const causes = weighted(bp('h.w', 85), [
    [`ARRAY['poverty']`, 6000],
    [`ARRAY['poverty','special']`, 1500],
    [`ARRAY['illness']`, 1500],
    [`ARRAY['poverty','illness']`, 600],
    [`ARRAY['special']`, 400],
  ]);
  return `
    INSERT INTO households (id, worker_id, unit_id, status, category, keeping_level, causes, monthly_income_fen, housing, address, phone, notes,
                            filed_on, review_due, exited_on, exit_reason, version, created_at)
    SELECT h.id, ${shape.workerId('h.w')}, ${shape.subUnit('h.sub')}, CASE WHEN h.exited_on IS NULL THEN 'active' ELSE 'exited' END,
      ${categoryName('h.cat_i')}, (${textArray(KEEPING)})[h.keeping_i + 1],
      CASE WHEN h.cat_i = ${CATEGORIES.indexOf('serious_illness')} THEN ARRAY['illness'] ELSE ${causes} END,
      ${between('h.w', 86, 1500, 4500)} * 100, ${pick(HOUSING, 'h.w', 87)},
      '生活区' || (1 + h.w % 40) || '栋' || (101 + h.w % 600) || '室', ${phoneOf('h.w')},
      CASE WHEN ${bp('h.w', 88)} < 1000 THEN '家庭情况复杂，需重点关注（内部备注）' ELSE '' END,
      h.filed_on, (h.filed_on + make_interval(years => ${reviewsDone} + 1))::date, h.exited_on,
      CASE WHEN h.exited_on IS NOT NULL THEN ${pick(EXIT_REASONS, 'h.w', 89)} END,
      1 + ${reviewsDone} + (h.changed_on IS NOT NULL)::int + (h.exited_on IS NOT NULL)::int,
      ${chinaTime('h.filed_on', '540')}
    FROM gen_hh h`;
}

/** Spouse, children, a parent: one to four members, named after the worker where family would be. */
export function membersSql(): string {
  const key = 'h.id::int8 * 4 + m';
  return `
    INSERT INTO household_members (id, household_id, name, relation, birth_date, health, school_or_work, monthly_income_fen)
    SELECT h.id::int8 * 4 + m, h.id,
      CASE m WHEN 0 THEN ${surnameOf(`${key} + 7`)} ELSE ${surnameOf('h.w')} END || ${givenName(key, 100)},
      (ARRAY['spouse','child','child','parent'])[m + 1],
      CASE m WHEN 0 THEN DATE '1966-01-01' + ${between(key, 103, 0, 10000)}
             WHEN 3 THEN DATE '1938-01-01' + ${between(key, 103, 0, 7000)}
             ELSE DATE '2002-01-01' + ${between(key, 103, 0, 7000)} END,
      ${pick(HEALTH, key, 104)},
      CASE m WHEN 0 THEN '打零工' WHEN 3 THEN '退休' ELSE '在校学生' END,
      CASE m WHEN 0 THEN ${between(key, 105, 0, 3000)} * 100 WHEN 3 THEN ${between(key, 105, 800, 2500)} * 100 ELSE 0 END
    FROM gen_hh h CROSS JOIN LATERAL generate_series(0, (${rnd('h.w', 90)} % 4)::int) m`;
}

/** Filing, one review a year, the one category change, the exit: ids household × 16 + a slot. */
export function eventsSql(shape: Shape): string {
  const keeper = keeperOf(shape);
  return `
    INSERT INTO household_events (id, household_id, kind, "on", from_category, to_category, reason, actor_id, at)
    SELECT h.id::int8 * 16, h.id, 'filed', h.filed_on, NULL, ${categoryName(categoryOn('h.filed_on'))}, '', ${keeper}, ${chinaTime('h.filed_on', '540')}
    FROM gen_hh h
    UNION ALL
    SELECT h.id::int8 * 16 + r, h.id, 'reviewed', d.rd, ${categoryName(categoryOn('d.rd'))}, ${categoryName(categoryOn('d.rd'))},
      '年度复核，情况属实', ${keeper}, ${chinaTime('d.rd', '600')}
    FROM gen_hh h CROSS JOIN LATERAL generate_series(1, ${reviewsDone}) r
    CROSS JOIN LATERAL (SELECT (h.filed_on + make_interval(years => r))::date AS rd) d
    UNION ALL
    SELECT h.id::int8 * 16 + 14, h.id, 'category_changed', h.changed_on, ${categoryName('h.from_i')}, ${categoryName('h.cat_i')},
      ${pick(CHANGE_REASONS, 'h.w', 91)}, ${keeper}, ${chinaTime('h.changed_on', '630')}
    FROM gen_hh h WHERE h.changed_on IS NOT NULL
    UNION ALL
    SELECT h.id::int8 * 16 + 15, h.id, 'exited', h.exited_on, ${categoryName('h.cat_i')}, NULL, ${pick(EXIT_REASONS, 'h.w', 89)}, ${keeper},
      ${chinaTime('h.exited_on', '660')}
    FROM gen_hh h WHERE h.exited_on IS NOT NULL`;
}

/**
 * The branch official (unit leader), the sub-branch official (union cadre) and a co-worker of the
 * same sub-branch (grassroots leader); a few files miss the last, some handed it over (the old
 * term ends the day the new one starts), a few have a leader as first helper. An exit ends every term.
 */
export function helpersSql(shape: Shape): string {
  const coworker = (k: number) =>
    shape.workerId(
      `${shape.subStart('h.sub')} + (h.w - ${shape.subStart('h.sub')} + ${k}) % ${shape.subSize('h.sub')}`,
    );
  return `
    INSERT INTO household_helpers (id, household_id, kind, user_id, since, until)
    SELECT h.id::int8 * 8, h.id, 'unit_leader', ${shape.branchOfficialId('h.branch')}, h.filed_on, h.exited_on FROM gen_hh h
    UNION ALL
    SELECT h.id::int8 * 8 + 1, h.id, 'union_cadre', ${shape.subOfficialId('h.sub')}, h.filed_on, h.exited_on FROM gen_hh h
    UNION ALL
    SELECT h.id::int8 * 8 + 2, h.id, 'grassroots_leader', ${coworker(2)}, h.filed_on, h.handover_on FROM gen_hh h WHERE h.handover_on IS NOT NULL
    UNION ALL
    SELECT h.id::int8 * 8 + 3, h.id, 'grassroots_leader', ${coworker(1)}, coalesce(h.handover_on, h.filed_on), h.exited_on FROM gen_hh h WHERE NOT h.no_grassroots
    UNION ALL
    SELECT h.id::int8 * 8 + 4, h.id, 'first_helper', ${shape.leaderId('h.first_helper')}, h.filed_on, h.exited_on FROM gen_hh h WHERE h.first_helper >= 0`;
}

/** One to five visits while the file was active within the three years, most confirming all six knows. */
export function visitsSql(shape: Shape): string {
  const key = 'h.id::int8 * 8 + v';
  const some = SIX_KNOWS.map((k, i) =>
    i === 0 ? lit(k) : `CASE WHEN ${rnd(key, 94)} & ${1 << i} <> 0 THEN ${lit(k)} END`,
  );
  return `
    INSERT INTO visits (id, household_id, visited_on, visitors, knows, notes, recorded_by, created_at)
    SELECT ${key}, h.id, d.vd, '支会干部、帮扶责任人',
      CASE WHEN ${bp(key, 93)} < 7000 THEN ${textArray(SIX_KNOWS)} ELSE array_remove(ARRAY[${some.join(', ')}]::text[], NULL) END,
      ${pick(['家中情况已了解，孩子学习努力。', '老人身体欠佳，已叮嘱按时就医。', '家庭收入仍然偏低，需持续关注。'], key, 95)},
      ${shape.subOfficialId('h.sub')}, ${chinaTime('d.vd', '1080')}
    FROM gen_hh h CROSS JOIN LATERAL generate_series(0, (${rnd('h.w', 92)} % 5)::int) v
    CROSS JOIN LATERAL (SELECT h.va + (${rnd(key, 91)} % (h.vb - h.va + 1))::int AS vd) d
    WHERE h.va <= h.vb`;
}

/**
 * Half the visits raise a task (one in ten two): owned by the sub-branch official, due in 30
 * days; older ones are mostly done, recent ones open or in progress, some left overdue.
 */
export function visitTasksSql(shape: Shape, cal: Calendar): string {
  const T = date(cal.today);
  const key = 'v.id::int8 * 2 + t';
  const done = `(d.fin < ${T} AND d.p < CASE WHEN v.visited_on < ${T} - 120 THEN 9600 ELSE 7000 END)`;
  return `
    INSERT INTO tasks (id, household_id, unit_id, visit_id, opinion_id, appeal, owner_id, due_on, status, outcome, done_on, version, created_at)
    SELECT ${key}, v.household_id, ${shape.subUnit('h.sub')}, v.id, NULL, ${pick(APPEALS, key, 96)}, ${shape.subOfficialId('h.sub')}, v.visited_on + 30,
      CASE WHEN ${done} THEN 'done' WHEN d.p % 2 = 0 THEN 'in_progress' ELSE 'open' END,
      CASE WHEN ${done} THEN ${pick(OUTCOMES, key, 97)} END,
      CASE WHEN ${done} THEN d.fin END,
      CASE WHEN ${done} THEN 3 WHEN d.p % 2 = 0 THEN 2 ELSE 1 END,
      ${chinaTime('v.visited_on', '1110')}
    FROM visits v JOIN gen_hh h ON h.id = v.household_id
    CROSS JOIN LATERAL generate_series(0, CASE WHEN ${bp('v.id', 98)} < 1000 THEN 1 WHEN ${bp('v.id', 98)} < 5000 THEN 0 ELSE -1 END) t
    CROSS JOIN LATERAL (SELECT v.visited_on + ${between(key, 99, 3, 45)} AS fin, ${bp(key, 100)} AS p) d`;
}

/** A symposium per branch and year (and one for the whole mine), before today. */
export function symposiumsSql(shape: Shape, cal: Calendar): string {
  const B = shape.branches;
  const starts = cal.years.map((y) => y.offset).join(',');
  const rooms = cal.years.map((y) => Math.max(1, Math.min(y.days, 350) - 14)).join(',');
  const heldOn = (key: string) =>
    `${date(cal.start)} + (ARRAY[${starts}])[yi + 1] + 14 + (${rnd(key, 110)} % (ARRAY[${rooms}])[yi + 1])::int`;
  return `
    INSERT INTO symposiums (id, unit_id, held_on, place, policies, recorded_by, created_at)
    SELECT id, unit_id, held_on, place, ${lit(POLICIES)}, recorded_by, ${chinaTime('held_on', '870')}
    FROM (
      SELECT yi * ${B} + b + 1 AS id, ${shape.branchUnit('b')} AS unit_id, ${heldOn(`yi * ${B} + b`)} AS held_on,
        '第' || (b + 1) || '分会会议室' AS place, ${shape.branchOfficialId('b')} AS recorded_by
      FROM generate_series(0, 2) yi CROSS JOIN generate_series(0, ${B - 1}) b
      UNION ALL
      SELECT ${3 * B} + yi + 1, 1, ${heldOn(`${3 * B} + yi`)}, '工会三楼会议室', ${shape.leaderId('0')}
      FROM generate_series(0, 2) yi
    ) s
    WHERE held_on < ${date(cal.today)}`;
}

/** About eight of a branch's files at its symposium, a handful of the whole register at the mine's. */
export function attendeesSql(): string {
  const active = `h.filed_on <= s.held_on AND (h.exited_on IS NULL OR h.exited_on > s.held_on)`;
  const key = 'h.id::int8 * 1000000 + s.id';
  return `
    INSERT INTO symposium_attendees (symposium_id, household_id)
    SELECT s.id, h.id FROM symposiums s JOIN gen_hh h ON s.unit_id = h.branch + 2
    WHERE ${bp(key, 111)} < 200 AND ${active}
    UNION ALL
    SELECT s.id, h.id FROM symposiums s CROSS JOIN gen_hh h
    WHERE s.unit_id = 1 AND ${bp(key, 111)} < 5 AND ${active}`;
}

export function opinionsSql(): string {
  return `
    INSERT INTO symposium_opinions (id, symposium_id, text)
    SELECT s.id * 2 + o, s.id, ${pick(OPINIONS, 's.id * 2 + o', 112)}
    FROM symposiums s CROSS JOIN generate_series(0, 1) o`;
}

/** The first opinion of each symposium became a task of the symposium's unit, owned by whoever recorded it. */
export function opinionTasksSql(cal: Calendar): string {
  const T = date(cal.today);
  return `
    INSERT INTO tasks (id, household_id, unit_id, visit_id, opinion_id, appeal, owner_id, due_on, status, outcome, done_on, version, created_at)
    SELECT (SELECT coalesce(max(id), 0) FROM tasks) + o.id, NULL, s.unit_id, NULL, o.id, o.text, s.recorded_by, s.held_on + 60,
      CASE WHEN d.fin < ${T} THEN 'done' ELSE 'in_progress' END,
      CASE WHEN d.fin < ${T} THEN '已向上级工会反映并答复' END,
      CASE WHEN d.fin < ${T} THEN d.fin END,
      CASE WHEN d.fin < ${T} THEN 3 ELSE 2 END,
      ${chinaTime('s.held_on', '1020')}
    FROM symposium_opinions o JOIN symposiums s ON s.id = o.symposium_id
    CROSS JOIN LATERAL (SELECT s.held_on + ${between('o.id', 113, 10, 55)} AS fin) d
    WHERE o.id % 2 = 0`;
}
