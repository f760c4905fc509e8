import type { LoadResult } from './load';

/** The issue's target for every role's dashboard. */
export const TARGET = { minRps: 200, maxP99Ms: 500 };

export const errorCount = (r: LoadResult) => r.non2xx + r.errors; // autocannon's errors include timeouts

/** 'meets target', or what misses it. The static ceiling gets no verdict. */
export function verdict(r: LoadResult, isDashboard: boolean): string {
  if (!isDashboard) return 'ceiling';
  const misses: string[] = [];
  if (!(r.rps >= TARGET.minRps)) misses.push(`req/s < ${TARGET.minRps}`);
  if (!(r.p99 <= TARGET.maxP99Ms)) misses.push(`p99 > ${TARGET.maxP99Ms} ms`);
  if (errorCount(r) > 0) misses.push('errors');
  return misses.length ? `misses (${misses.join(', ')})` : 'meets target';
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '—');

function errorCell(r: LoadResult): string {
  const n = errorCount(r);
  if (n === 0) return '0';
  const parts = Object.entries(r.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, count]) => `${code}×${count}`);
  if (r.errors) parts.push(`errors×${r.errors}${r.timeouts ? ` (timeouts×${r.timeouts})` : ''}`);
  return `${n} (${parts.join(', ')})`;
}

/** A markdown table, aligned so it also reads well in a terminal. */
export function table(rows: { result: LoadResult; isDashboard: boolean }[]): string {
  const header = ['target', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'errors', 'verdict'];
  const body = rows.map(({ result: r, isDashboard }) => [
    r.target,
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    r.rps.toFixed(0),
    errorCell(r),
    verdict(r, isDashboard),
  ]);
  const width = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const numeric = [false, true, true, true, true, true, false];
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric[i] ? c.padStart(width[i]) : c.padEnd(width[i]))).join(' | ')} |`;
  const rule = `|${width.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
