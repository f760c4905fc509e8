/**
 * `npm start`: the production server. Arguments as `next start` takes them: -p/--port (or PORT,
 * default 3000) and -H/--hostname.
 *
 * `next start` serves from one Node process, i.e. one core. With a real PostgreSQL server
 * (DATABASE_URL) this runs one worker per core (WEB_CONCURRENCY overrides the count); the
 * embedded PGlite allows one process only, so without DATABASE_URL there is exactly one. Each
 * worker (scripts/serve.mjs) is Next's own request handler behind an admission gate that renders
 * a few requests at a time.
 *
 * This process owns the port and hands each new connection to the worker with the fewest open
 * ones (scripts/balance.mjs). node:cluster's round robin gives a connection to whichever worker
 * acknowledges the previous one first, which under load is luck: 50 keep-alive connections were
 * seen split 20/30 (counted with ss), and every request on the fuller worker then waits half as
 * long again as on the other, for as long as the connections stay open.
 *
 * Each worker gets a larger young generation (SEMI_SPACE_MB, default 128; V8's own is 16): a page
 * render allocates megabytes of short-lived objects, and with the small default the scavenger ran
 * constantly and promoted request garbage into the old generation, whose full collections then
 * paused a worker for 150–170 ms at a time. Measured at 50 connections on the worker's dashboard:
 * 16 MB ~225 req/s, p99 ~500 ms; 64 MB ~245, p99 440–510; 128 MB ~265, p99 400–460, for at most
 * a few hundred MB more memory per worker.
 */
import cluster from 'node:cluster';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { leastLoaded } from './balance.mjs';
import { serverSettings } from './settings.mjs';

const { values: args } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
  strict: false,
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = typeof args.hostname === 'string' ? args.hostname : undefined;
const { workers, semiSpaceMb } = serverSettings(process.env);
const QUICK_FAILURE_MS = 15_000;

cluster.setupPrimary({
  exec: fileURLToPath(new URL('./serve.mjs', import.meta.url)),
  args: ['--port', String(port), ...(hostname ? ['--hostname', hostname] : [])],
  execArgv: [...process.execArgv, `--max-semi-space-size=${semiSpaceMb}`],
});

/** Live workers by cluster id: when each started, whether it serves yet, its open connections. */
const pool = new Map();
let stopping = false;
let exitCode = 0;
let listening = false;

const fork = () => {
  const worker = cluster.fork();
  pool.set(worker.id, { worker, startedAt: Date.now(), ready: false, open: 0 });
};
for (let i = 0; i < workers; i++) fork();

// pauseOnConnect: not a byte is read here, so the worker's HTTP parser sees the whole stream.
const server = net.createServer({ pauseOnConnect: true }, (socket) => {
  const chosen = leastLoaded(pool.values());
  if (!chosen) {
    socket.destroy();
    return;
  }
  chosen.open++;
  chosen.worker.send({ type: 'uap:connection' }, socket, (err) => {
    if (!err) return;
    chosen.open--;
    socket.destroy();
  });
});
server.on('error', (err) => {
  console.error(`[start] cannot serve on port ${port}: ${err.message}`);
  stop(1);
});

cluster.on('message', (worker, message) => {
  const entry = pool.get(worker.id);
  if (!entry || typeof message !== 'object' || message === null) return;
  if (message.type === 'uap:closed') entry.open = Math.max(0, entry.open - 1);
  if (message.type === 'uap:ready') {
    entry.ready = true;
    // The port opens once every first worker can serve, so the first requests are not all one's.
    if (!listening && [...pool.values()].every((e) => e.ready)) {
      listening = true;
      server.listen(port, hostname, () =>
        console.log(`[start] serving on port ${port} with ${pool.size} worker${pool.size === 1 ? '' : 's'}`),
      );
    }
  }
});

cluster.on('exit', (worker, code, signal) => {
  const entry = pool.get(worker.id);
  pool.delete(worker.id);
  if (stopping) {
    if (pool.size === 0) process.exit(exitCode);
    return;
  }
  // A worker that dies right after starting (bad configuration) would only die again.
  if (Date.now() - (entry?.startedAt ?? 0) < QUICK_FAILURE_MS) {
    console.error(`[start] worker exited during start-up (${signal ?? code}); stopping.`);
    stop(code || 1);
    return;
  }
  console.error(`[start] worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
  fork();
});

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  server.close();
  for (const { worker } of pool.values()) worker.process.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5_000).unref();
  if (pool.size === 0) process.exit(code);
}

process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
