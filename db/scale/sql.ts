import { differenceInCalendarDays, parseISO } from 'date-fns';

/**
 * Building blocks of the provincial-scale generator's SQL. Every "random" choice is a hash of a
 * row's own key (hashint8extended, the portable hash Postgres uses for hash partitions) with a
 * salt per decision, so the same size and day always give the same rows, whatever order
 * Postgres happens to produce them in, and no state has to pass between rows.
 */

/** A uniform integer in [0, 2^31) drawn from an integer key and a salt. */
export const rnd = (key: string, salt: number) => `(hashint8extended((${key})::int8, ${salt}) & 2147483647)`;

/** A uniform integer in [0, 10000): compare with basis points. */
export const bp = (key: string, salt: number) => `(${rnd(key, salt)} % 10000)`;

/** A uniform integer in [lo, hi]. */
export const between = (key: string, salt: number, lo: number, hi: number) =>
  `(${lo} + (${rnd(key, salt)} % ${hi - lo + 1})::int)`;

export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A constant text array (Postgres folds it once per statement). */
export const textArray = (items: readonly string[]) => `ARRAY[${items.map(lit).join(',')}]::text[]`;

/** One of `items`, chosen by the key. */
export const pick = (items: readonly string[], key: string, salt: number) =>
  items.length === 1 ? lit(items[0]) : `(${textArray(items)})[1 + (${rnd(key, salt)} % ${items.length})::int]`;

/** The first branch whose basis-point threshold the draw falls under (thresholds ascending). */
export function weighted(draw: string, choices: readonly (readonly [string, number])[]): string {
  let cumulative = 0;
  const arms = choices.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return `WHEN ${draw} < ${cumulative} THEN ${value}`;
  });
  return `CASE ${arms.join(' ')} ELSE ${choices[choices.length - 1][0]} END`;
}

export const date = (iso: string) => `DATE '${iso}'`;

/** A moment on a China calendar day (UTC+8, no daylight saving), `minute` minutes after midnight there. */
export const chinaTime = (day: string, minute: string) =>
  `to_timestamp((((${day}) - DATE '1970-01-01')::float8 * 1440 + (${minute}) - 480) * 60)`;

/** Zero-padded number with at least four digits, as the demo's employee numbers (W0001). */
export const padded = (prefix: string, n: string, width: number) => `'${prefix}' || lpad((${n})::text, ${width}, '0')`;

export const widthFor = (count: number) => Math.max(4, String(count).length);

// ── The size of everything, from the number of workers ───────────────────────────────────────

export const WORKERS_PER_BRANCH = 2_000;
export const SUBS_PER_BRANCH = 4;
export const MIN_WORKERS = 100;
export const MAX_WORKERS = 10_000_000;

/**
 * Ids are assigned here rather than by the sequences (set to the maxima afterwards), so any row
 * can name any other by arithmetic instead of a join: units 1 (the mine), then the branches, then
 * the sub-branches; accounts 1 (the administrator), the leaders, one official per branch and per
 * sub-branch, then the workers. Workers fill the sub-branches in consecutive blocks.
 */
export interface Shape {
  workers: number;
  branches: number;
  subBranches: number;
  leaders: number;
  branchUnit: (b: string) => string;
  subUnit: (s: string) => string;
  leaderId: (l: string) => string;
  branchOfficialId: (b: string) => string;
  subOfficialId: (s: string) => string;
  workerId: (w: string) => string;
  /** The sub-branch (0-based) a worker (0-based) belongs to, and the branch a sub-branch belongs to. */
  subOf: (w: string) => string;
  branchOf: (s: string) => string;
  /** The first worker of a sub-branch and how many it has. */
  subStart: (s: string) => string;
  subSize: (s: string) => string;
}

export function shapeOf(workers: number): Shape {
  if (!Number.isSafeInteger(workers) || workers < MIN_WORKERS || workers > MAX_WORKERS) {
    throw new RangeError(`--workers must be a whole number from ${MIN_WORKERS} to ${MAX_WORKERS.toLocaleString('en')}`);
  }
  const branches = Math.ceil(workers / WORKERS_PER_BRANCH);
  const subBranches = branches * SUBS_PER_BRANCH;
  const leaders = 3 + Math.floor(workers / 200_000);
  const W = workers;
  const S = subBranches;
  return {
    workers,
    branches,
    subBranches,
    leaders,
    branchUnit: (b) => `(2 + (${b}))`,
    subUnit: (s) => `(${2 + branches} + (${s}))`,
    leaderId: (l) => `(2 + (${l}))`,
    branchOfficialId: (b) => `(${2 + leaders} + (${b}))`,
    subOfficialId: (s) => `(${2 + leaders + branches} + (${s}))`,
    workerId: (w) => `(${2 + leaders + branches + subBranches} + (${w}))`,
    subOf: (w) => `(((${w})::int8 * ${S}) / ${W})::int`,
    branchOf: (s) => `((${s}) / ${SUBS_PER_BRANCH})`,
    subStart: (s) => `(((${s})::int8 * ${W} + ${S - 1}) / ${S})::int`,
    subSize: (s) => `((((${s})::int8 + 1) * ${W} + ${S - 1}) / ${S} - ((${s})::int8 * ${W} + ${S - 1}) / ${S})::int`,
  };
}

// ── The calendar: this year and the two before, nothing from today on ───────────────────────

export interface Calendar {
  today: string;
  year: number;
  /** 1 January two years back: the first day anything happens on. */
  start: string;
  /** Days from `start` up to yesterday. */
  days: number;
  /** For each of the three years: its first day's offset from `start` and its days before today. */
  years: { year: number; offset: number; days: number }[];
}

export function calendarOf(today: string): Calendar {
  const year = Number(today.slice(0, 4));
  const start = `${year - 2}-01-01`;
  const dayOf = (iso: string) => differenceInCalendarDays(parseISO(iso), parseISO(start));
  const years = [year - 2, year - 1, year].map((y) => {
    const offset = dayOf(`${y}-01-01`);
    const end = y === year ? dayOf(today) : dayOf(`${y + 1}-01-01`);
    return { year: y, offset, days: end - offset };
  });
  const days = dayOf(today);
  return { today, year, start, days, years };
}
