import autocannon from 'autocannon';

/** autocannon's limit per request, after which it counts a timeout (an error). */
export const REQUEST_TIMEOUT_S = 10;

export interface LoadResult {
  target: string;
  /** Latency percentiles in ms, over every response (2xx or not). */
  p50: number;
  p95: number;
  p99: number;
  /** Completed responses per second over the whole run. */
  rps: number;
  responses: number;
  non2xx: number;
  /** Connection errors; autocannon counts timeouts among them. */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
  /** Requests each connection sends in turn (paths on `url`'s server), instead of GET `url`. */
  requests?: { path: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }[];
}

/**
 * Nearest-rank percentile of an ascending array. Our own, because autocannon's summary has p50,
 * p97.5 and p99 but no p95, and it leaves non-2xx responses out of its latency histogram.
 */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function localOnly(url: string): void {
  const { hostname } = new URL(url);
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(hostname)) {
    throw new Error(`refusing to load ${url}: the benchmark only targets localhost`);
  }
}

/** Runs autocannon for a fixed time and summarises it. Only ever aimed at localhost. */
export function measure(target: string, opts: LoadOptions): Promise<LoadResult> {
  try {
    localOnly(opts.url);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.durationS,
        headers: opts.headers,
        requests: opts.requests,
        timeout: REQUEST_TIMEOUT_S, // per request, before it counts as a timeout (and an error)
      },
      (err, result) => {
        if (err) return reject(err);
        const sorted = Float64Array.from(latencies).sort();
        const statusCodes: Record<string, number> = {};
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
        resolve({
          target,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          rps: latencies.length / (result.duration || opts.durationS),
          responses: latencies.length,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

export interface SequentialResult {
  /** Latency percentiles in ms over the measured runs (after the warm-up). */
  p50: number;
  p95: number;
  requests: number;
  /** Runs that failed: non-2xx answers, failed or timed-out requests, failed queries. */
  errors: number;
}

export interface SequentialOptions {
  /** Unmeasured runs first: this many, or fewer (at least one) once `warmUpSeconds` have passed. */
  warmUp: number;
  warmUpSeconds: number;
  /** Stop after this many measured runs… */
  maxRequests: number;
  /** …or once this much time has passed, as long as `minRequests` were measured (3× longer at most). */
  maxSeconds: number;
  minRequests: number;
}

/** One thing to time: resolves true when it succeeded. */
export type Run = () => Promise<boolean>;

const timed = async (run: Run): Promise<{ ms: number; ok: boolean }> => {
  const t0 = performance.now();
  const ok = await run().catch(() => false);
  return { ms: performance.now() - t0, ok };
};

/** A GET to the server under test, timed from sending the request to reading the last byte. */
export function httpGet(url: string, headers: Record<string, string> | undefined, timeoutMs: number): Run {
  localOnly(url);
  return async () => {
    const res = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status >= 200 && res.status < 300;
  };
}

/**
 * One run at a time (for HTTP: over one kept-alive connection): what a single person waits for,
 * without the queueing of the load test.
 */
export async function oneAtATime(run: Run, opts: SequentialOptions): Promise<SequentialResult> {
  const warmUpEnds = performance.now() + opts.warmUpSeconds * 1000;
  for (let i = 0; i < opts.warmUp && (i === 0 || performance.now() < warmUpEnds); i++) await timed(run);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (;;) {
    const { ms, ok } = await timed(run);
    latencies.push(ms);
    if (!ok) errors++;
    const elapsedS = (performance.now() - started) / 1000;
    if (latencies.length >= opts.maxRequests) break;
    if (elapsedS >= opts.maxSeconds && (latencies.length >= opts.minRequests || elapsedS >= 3 * opts.maxSeconds)) break;
  }
  const sorted = Float64Array.from(latencies).sort();
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), requests: latencies.length, errors };
}

/**
 * `clients` loops, each running `run(client)` back to back for `durationS` (the runs in flight
 * then finish and count): the load test for things autocannon cannot send, like SQL.
 */
export async function concurrently(
  target: string,
  clients: number,
  durationS: number,
  run: (client: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const { ms, ok } = await timed(() => run(client));
        latencies.push(ms);
        if (!ok) errors++;
      }
    }),
  );
  const sorted = Float64Array.from(latencies).sort();
  const seconds = (performance.now() - started) / 1000;
  return {
    target,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: latencies.length / seconds,
    responses: latencies.length,
    non2xx: 0,
    errors,
    timeouts: 0,
    statusCodes: {},
  };
}

/** Why a load test is not run: the reason, and the most requests per second the server could answer. */
export interface LoadSkip {
  reason: string;
  maxRps: number;
}

/**
 * Why a load test would be pointless, or null when it is worth running. With `connections`
 * requests always in flight and one taking `p50Ms` alone, each waits about p50 × connections /
 * cores. Past the per-request timeout nearly every request would count as a timeout; past half
 * the test's duration few would even finish within it; either way the server would keep working
 * off the abandoned ones long after the test, into the next target's.
 */
export function loadSkip(p50Ms: number, connections: number, cores: number, durationS: number): LoadSkip | null {
  const queueS = (p50Ms * connections) / cores / 1000;
  const limitS = Math.min(REQUEST_TIMEOUT_S, durationS / 2);
  if (queueS <= limitS) return null;
  const maxRps = (cores * 1000) / p50Ms;
  const limit = limitS === REQUEST_TIMEOUT_S ? `the ${REQUEST_TIMEOUT_S} s timeout` : `half the ${durationS} s test`;
  return {
    maxRps,
    reason:
      `one alone takes ${p50Ms.toFixed(0)} ms (p50), so with ${connections} at once each would wait ~${queueS.toFixed(queueS < 10 ? 1 : 0)} s on ${cores} cores, ` +
      `more than ${limit}; at most ~${maxRps.toFixed(maxRps < 10 ? 1 : 0)} req/s`,
  };
}
