import { readFileSync, writeFileSync } from 'node:fs';
import type { CpuPerRequest } from './cpu';
import type { LoadResult, LoadSkip, SequentialResult } from './load';
import type { Goal } from './targets';

export interface ResultRow {
  name: string;
  goal: Goal;
  /** One request at a time. */
  seq?: SequentialResult;
  /** Under load, with how many connections, and the CPU a response cost the server and its database. */
  load?: LoadResult & { connections: number; cpu?: CpuPerRequest };
  /** Why the target was not measured at all. */
  skipped?: string;
  /** Why it was not measured under load (too slow one at a time; PGlite). */
  loadSkipped?: LoadSkip;
  /** Under load: req/s ÷ the static ceiling's req/s in the same run. */
  ratio?: number;
  /** A check beside the numbers failed (e.g. the figures after the mixed load). */
  failed?: string;
}

export const errorCount = (r: LoadResult) => r.non2xx + r.errors; // autocannon's errors include timeouts

/** 'meets', 'misses (…)', 'ceiling' or '—' (measured for the record: the issue sets no target). */
export function verdict(row: ResultRow): string {
  if (row.skipped) return 'not measured';
  const misses: string[] = [];
  const { goal, seq, load } = row;
  if (seq?.errors) misses.push('errors one at a time');
  if (row.failed) misses.push(row.failed);
  if (goal.seqP95Ms !== undefined) {
    if (!seq) misses.push('not measured one at a time');
    else if (!(seq.p95 <= goal.seqP95Ms)) misses.push(`p95 > ${goal.seqP95Ms} ms`);
  }
  if (load && errorCount(load) > 0) misses.push(`errors at ${load.connections}`);
  if (load && load.responses === 0) misses.push(`no response at ${load.connections}`);
  if (goal.underLoad) {
    if (row.loadSkipped) misses.push(`not run under load: ≤ ${rate(row.loadSkipped.maxRps)} req/s`);
    else if (!load) misses.push('not measured under load');
    else {
      const { minRatio, maxP99Ms } = goal.underLoad;
      if (minRatio !== undefined && !((row.ratio ?? 0) >= minRatio)) misses.push(`ratio < ${minRatio}`);
      if (!(load.p99 <= maxP99Ms)) misses.push(`p99 > ${maxP99Ms} ms`);
    }
  }
  if (goal.ceiling) return misses.length ? `ceiling (${misses.join(', ')})` : 'ceiling';
  if (goal.seqP95Ms === undefined && !goal.underLoad) return misses.length ? misses.join(', ') : '—';
  return misses.length ? `misses (${misses.join(', ')})` : 'meets';
}

/** The goal in words, for the table. */
function goalText(goal: Goal): string {
  const parts: string[] = [];
  if (goal.seqP95Ms !== undefined) parts.push(`p95 ≤ ${goal.seqP95Ms}`);
  if (goal.underLoad) {
    const { minRatio, maxP99Ms } = goal.underLoad;
    parts.push(`${minRatio !== undefined ? `≥ ${minRatio}×, ` : ''}p99 ≤ ${maxP99Ms}`);
  }
  return parts.join('; ') || (goal.ceiling ? 'ceiling' : '—');
}

const rate = (n: number) => n.toFixed(n < 10 ? 1 : 0);
const cpuMs = (n: number) => n.toFixed(1);
const ms = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(n < 10 ? 1 : 0));

function errorCell(r: LoadResult): string {
  if (r.responses === 0 && r.errors === 0) return 'no response';
  const n = errorCount(r);
  if (n === 0) return '0';
  const parts = Object.entries(r.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, count]) => `${code}×${count}`);
  if (r.errors) parts.push(`errors×${r.errors}${r.timeouts ? ` (timeouts×${r.timeouts})` : ''}`);
  return parts.length ? `${n} (${parts.join(', ')})` : String(n);
}

/** A markdown table, aligned so it also reads well in a terminal. */
export function table(rows: ResultRow[]): string {
  const header = [
    'target',
    'goal',
    '1× n',
    '1× p50',
    '1× p95',
    'conn',
    'p50',
    'p95',
    'p99',
    'req/s',
    'ratio',
    'errors',
    'CPU/req',
    'verdict',
  ];
  const numeric = [false, false, true, true, true, true, true, true, true, true, true, true, true, false];
  const body = rows.map((row) => {
    const { seq, load } = row;
    const loadCells = load
      ? [
          String(load.connections),
          ms(load.p50),
          ms(load.p95),
          ms(load.p99),
          rate(load.rps),
          row.ratio !== undefined ? row.ratio.toFixed(2) : '—',
          errorCell(load),
          load.cpu ? `${cpuMs(load.cpu.appMs)} + ${cpuMs(load.cpu.dbMs)}` : '—',
        ]
      : row.loadSkipped
        ? ['not run', '—', '—', '—', `≤ ${rate(row.loadSkipped.maxRps)}`, '—', '—', '—']
        : ['—', '—', '—', '—', '—', '—', '—', '—'];
    return [
      row.name,
      goalText(row.goal),
      seq ? String(seq.requests) : '—',
      ms(seq?.p50),
      ms(seq?.p95),
      ...loadCells,
      verdict(row),
    ];
  });
  const width = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric[i] ? c.padStart(width[i]) : c.padEnd(width[i]))).join(' | ')} |`;
  const rule = `|${width.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

export const LEGEND =
  '1×: one request at a time (n requests after a warm-up; ms). conn: concurrent connections for the load test, then its latencies (ms), ' +
  "completed requests per second, ratio: req/s ÷ the static ceiling's req/s of the same run, and errors (non-2xx + connection errors, timeouts at 10 s). goal: the issue's target (ms; ratio to the ceiling). " +
  "CPU/req: under load, the CPU time (ms) each response cost the server's processes + its database sessions (from /proc). " +
  '"not run": one request alone is so slow that under load each would wait past the timeout; req/s then shows the most the server could answer (cores ÷ p50).';

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

/** Replaces what lies between the README's bench markers; false when the markers are missing. */
export function replaceReadmeSection(file: string, content: string): boolean {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) return false;
  writeFileSync(file, `${text.slice(0, start + README_START.length)}\n${content.trimEnd()}\n${text.slice(end)}`);
  return true;
}
