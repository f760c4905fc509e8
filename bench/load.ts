import autocannon from 'autocannon';

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

/** Runs autocannon for a fixed time and summarises it. Only ever aimed at localhost. */
export function measure(target: string, opts: LoadOptions): Promise<LoadResult> {
  const { hostname } = new URL(opts.url);
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(hostname)) {
    return Promise.reject(new Error(`refusing to load ${opts.url}: the benchmark only targets localhost`));
  }
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.durationS,
        headers: opts.headers,
        timeout: 10, // seconds per request before it counts as a timeout (and an error)
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
