/**
 * `npm start`: the production server. `next start` serves from one Node process, i.e. one core;
 * with a real PostgreSQL server (DATABASE_URL) we run one `next start` worker per core with
 * node:cluster, the workers sharing the port. The embedded PGlite allows one process only, so
 * without DATABASE_URL there is exactly one worker. WEB_CONCURRENCY overrides the count.
 *
 * Each worker gets a larger young generation (SEMI_SPACE_MB, default 128; V8's own is 16): a page
 * render allocates megabytes of short-lived objects, and with dozens of requests in flight the
 * small default made the scavenger run constantly and promote request garbage into the old
 * generation, whose full collections then paused a worker for 150–170 ms at a time (every request
 * in flight on it waiting: the slowest percentile). Measured at 50 connections on the worker's
 * dashboard: 16 MB ~225 req/s, p99 ~500 ms; 64 MB ~245, p99 440–510; 128 MB ~265, p99 400–460,
 * for at most a few hundred MB more memory per worker.
 */
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import os from 'node:os';

const require = createRequire(import.meta.url);
const workers = process.env.DATABASE_URL ? Math.max(1, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism()) : 1;
const semiSpaceMb = Math.max(1, Number(process.env.SEMI_SPACE_MB) || 128);
const QUICK_FAILURE_MS = 15_000;

cluster.setupPrimary({
  exec: require.resolve('next/dist/bin/next'),
  args: ['start', ...process.argv.slice(2)],
  execArgv: [...process.execArgv, `--max-semi-space-size=${semiSpaceMb}`],
});

let stopping = false;
const startedAt = new Map();
const fork = () => startedAt.set(cluster.fork().id, Date.now());
for (let i = 0; i < workers; i++) fork();

cluster.on('exit', (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  // A worker that dies right after starting (bad configuration, port taken) would only die again.
  if (Date.now() - (startedAt.get(worker.id) ?? 0) < QUICK_FAILURE_MS) {
    console.error(`[start] worker exited during start-up (${signal ?? code}); stopping.`);
    stop(code || 1);
    return;
  }
  console.error(`[start] worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
  fork();
});

function stop(code = 0) {
  stopping = true;
  for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5_000).unref();
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
}

process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
