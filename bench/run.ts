/**
 * `npm run bench`: how fast is each role's dashboard under load, against a production build?
 *
 *   npm run bench                      build, then 20 s × 50 connections per target
 *   npm run bench -- --quick           5 s per target, for trying it out
 *   npm run bench -- --no-build        reuse the last build in .next-bench/
 *   npm run bench -- --pglite          embedded PGlite in a temporary folder instead of PostgreSQL
 *   npm run bench -- --duration 30 --connections 100 --out bench/results/other.md
 *
 * Steps: choose and prepare the database (migrate + demo seed), `next build` into .next-bench/,
 * `npm start`'s server (scripts/start.mjs) on port 3200, sign every demo role in through the real login page, check each cookie
 * reaches its dashboard, then load /bench-static (the ceiling: a page prerendered at build time)
 * and each role's /dashboard with autocannon, one after the other. The table is printed and
 * written to bench/results/latest.md. Every step has a time limit and the server's whole process
 * group is stopped at the end, on error and on Ctrl-C.
 *
 * Load goes to localhost only. The load generator shares the machine (and its cores) with the
 * server and the database, so the numbers are a floor for what the app can do on its own.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { chooseDatabase, type BenchDatabase } from './database';
import { measure, type LoadResult } from './load';
import { bin, killAllNow, run, startServer, stopAll, stopGroup, tailOfFile } from './processes';
import { TARGET, table, verdict } from './report';
import { ROLES, checkDashboard, signInAll } from './signin';

const PORT = 3200;
const BASE_URL = `http://localhost:${PORT}`;
const DIST_DIR = '.next-bench';
const STATIC_PATH = '/bench-static';
const RESULTS_DIR = path.join('bench', 'results');
const SERVER_LOG = path.join(RESULTS_DIR, 'server.log.tmp'); // *.tmp there is ignored by git

// Time limits of the steps that have no natural end of their own.
const BUILD_TIMEOUT_MS = 15 * 60_000;
const PREPARE_TIMEOUT_MS = 3 * 60_000;
const READY_TIMEOUT_MS = 2 * 60_000;
const SIGN_IN_TIMEOUT_MS = 60_000; // per browser step
const WARM_UP_S = 3;

const USAGE = `npm run bench -- [options]
  --duration <s>       seconds of load per target (default 20, or 5 with --quick)
  --connections <n>    concurrent connections (default 50)
  --quick              5 s per target, for trying it out
  --no-build           reuse the last build in ${DIST_DIR}/
  --pglite             a fresh embedded PGlite instead of PostgreSQL (it runs one query at a time)
  --out <file>         where to write the report (default bench/results/latest.md)
Database: DATABASE_URL if set, otherwise a fresh uap_bench database on the local PostgreSQL.`;

interface Options {
  durationS: number;
  connections: number;
  build: boolean;
  pglite: boolean;
  out: string;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      pglite: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, got "${raw}"`);
    return n;
  };
  return {
    durationS: positive('duration', values.duration, values.quick ? 5 : 20),
    connections: positive('connections', values.connections, 50),
    build: !values['no-build'],
    pglite: values.pglite,
    out: values.out ?? path.join(RESULTS_DIR, 'latest.md'),
  };
}

const step = (text: string) => console.log(`\n[bench] ${text}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when something already answers on the port: we would be measuring someone else's server. */
async function portAnswers(): Promise<boolean> {
  try {
    await fetch(`${BASE_URL}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server exited early (${server.signalCode ?? server.exitCode}):\n${tailOfFile(SERVER_LOG, 30)}`);
    }
    try {
      const res = await fetch(`${BASE_URL}/api/health`, { signal: AbortSignal.timeout(3_000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(500);
  }
  throw new Error(`GET /api/health did not answer 200 within ${READY_TIMEOUT_MS / 1000} s:\n${tailOfFile(SERVER_LOG, 30)}`);
}

/**
 * `next build` adds `<distDir>/types/**` to tsconfig.json's include list. That file is shared
 * with everyone else working here, so we take our own entries out again and leave the rest
 * (another build may have added its own meanwhile) as it is.
 */
function removeOurTsconfigEntries(): void {
  const file = 'tsconfig.json';
  let config: { include?: unknown };
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.warn(`[bench] note: could not read ${file} as plain JSON; check it for ${DIST_DIR}/ entries`);
    return;
  }
  if (!Array.isArray(config.include)) return;
  const kept = config.include.filter((p) => !(typeof p === 'string' && p.startsWith(`${DIST_DIR}/`)));
  if (kept.length === config.include.length) return;
  config.include = kept;
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`); // the layout Next itself writes
}

/** What the build did with the static page: prerendered at build time, or rendered per request. */
function staticRouteStatus(buildOutput: string | null): string {
  let manifest = 'unknown (no prerender-manifest.json)';
  try {
    const routes = JSON.parse(readFileSync(path.join(DIST_DIR, 'prerender-manifest.json'), 'utf8')).routes ?? {};
    manifest = STATIC_PATH in routes ? 'prerendered at build time (in prerender-manifest.json)' : 'NOT prerendered (missing from prerender-manifest.json)';
  } catch {
    /* keep 'unknown' */
  }
  if (buildOutput === null) return `${manifest}; build skipped (--no-build)`;
  // The route list of `next build` marks prerendered routes ○ and per-request ones ƒ.
  const line = buildOutput.split('\n').find((l) => new RegExp(`\\s${STATIC_PATH}(\\s|$)`).test(l));
  const mark = line?.match(/[○ƒ●◐]/)?.[0];
  const listed = mark === '○' ? 'listed as ○ (Static)' : mark ? `listed as ${mark}, not ○` : 'not found in the route list';
  return `${manifest}; build output: ${listed}`;
}

function machineNote(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${gib} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const loadAvg = () => os.loadavg().map((n) => n.toFixed(2)).join(' / ');

async function main(): Promise<void> {
  const opts = parseOptions();
  const startedAt = new Date();
  const loadAtStart = loadAvg();
  mkdirSync(RESULTS_DIR, { recursive: true });

  const targets = 1 + ROLES.length;
  // A ceiling on the whole run, in case some step hangs in a way its own limit does not catch.
  const budgetMs = BUILD_TIMEOUT_MS + PREPARE_TIMEOUT_MS + READY_TIMEOUT_MS + 5 * 60_000 + targets * (opts.durationS + 30) * 1_000;
  setTimeout(() => {
    console.error(`[bench] gave up: the run took longer than ${Math.round(budgetMs / 60_000)} min`);
    void shutdown(1);
  }, budgetMs).unref();

  if (await portAnswers()) throw new Error(`Something already answers on port ${PORT}; stop it first.`);

  step('database');
  const database: BenchDatabase = await chooseDatabase(opts.pglite);
  cleanups.push(() => database.cleanup());
  console.log(database.description);
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  for (const [key, value] of Object.entries(database.env)) if (value !== undefined) env[key] = value;
  // A production server refuses to start without a real secret; a throwaway one is fine here.
  if (!env.AUTH_SECRET) env.AUTH_SECRET = randomBytes(32).toString('base64url');

  await run('db/prepare.ts --seed', bin('tsx'), ['db/prepare.ts', '--seed'], {
    env,
    timeoutMs: PREPARE_TIMEOUT_MS,
    onOutput: (text) => process.stdout.write(text),
  });

  let buildOutput: string | null = null;
  if (opts.build) {
    step(`next build (into ${DIST_DIR}/)`);
    try {
      buildOutput = await run('next build', bin('next'), ['build'], {
        env,
        timeoutMs: BUILD_TIMEOUT_MS,
        onOutput: (text) => process.stdout.write(text),
      });
    } finally {
      removeOurTsconfigEntries();
    }
  } else if (!existsSync(path.join(DIST_DIR, 'BUILD_ID'))) {
    throw new Error(`--no-build, but there is no build in ${DIST_DIR}/; run once without --no-build.`);
  }
  const staticStatus = staticRouteStatus(buildOutput);
  console.log(`[bench] ${STATIC_PATH}: ${staticStatus}`);

  step(`node scripts/start.mjs -p ${PORT} (log: ${SERVER_LOG})`);
  // The same start as `npm start`: one worker per core on PostgreSQL, one on PGlite.
  const server = startServer(process.execPath, ['scripts/start.mjs', '-p', String(PORT)], env, SERVER_LOG);
  await waitForHealth(server);
  console.log('ready: GET /api/health answered 200');

  step('signing in every role through the login page');
  const cookies = await signInAll(BASE_URL, ROLES, SIGN_IN_TIMEOUT_MS);
  for (const role of ROLES) {
    await checkDashboard(BASE_URL, cookies.get(role.employeeNo)!, role.employeeNo);
    console.log(`${role.employeeNo} (${role.label}): signed in, GET /dashboard → 200`);
  }
  const staticRes = await fetch(`${BASE_URL}${STATIC_PATH}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  if (staticRes.status !== 200) throw new Error(`GET ${STATIC_PATH} answered ${staticRes.status}, expected 200`);
  await staticRes.arrayBuffer();

  // A short unmeasured run first, so the first target does not pay for the server's cold start.
  step(`warm-up (${WARM_UP_S} s, not measured)`);
  await measure('warm-up', {
    url: `${BASE_URL}/dashboard`,
    connections: opts.connections,
    durationS: WARM_UP_S,
    headers: { cookie: cookies.get(ROLES[0].employeeNo)! },
  });

  const rows: { result: LoadResult; isDashboard: boolean }[] = [];
  const loadAvgs: string[] = [];
  const measureOne = async (target: string, urlPath: string, isDashboard: boolean, cookie?: string) => {
    step(`${target}: GET ${urlPath}, ${opts.connections} connections, ${opts.durationS} s`);
    loadAvgs.push(`${target}: ${os.loadavg()[0].toFixed(2)}`);
    const result = await measure(target, {
      url: `${BASE_URL}${urlPath}`,
      connections: opts.connections,
      durationS: opts.durationS,
      headers: cookie ? { cookie } : undefined,
    });
    rows.push({ result, isDashboard });
    console.log(`p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.rps.toFixed(0)} req/s, ${verdict(result, isDashboard)}`);
  };
  await measureOne(`static ${STATIC_PATH}`, STATIC_PATH, false);
  for (const role of ROLES) {
    await measureOne(`dashboard ${role.employeeNo} (${role.label})`, '/dashboard', true, cookies.get(role.employeeNo));
  }

  await stopGroup(server);
  const finishedAt = new Date();

  const markdown = table(rows);
  const dashboards = rows.filter((r) => r.isDashboard);
  const passing = dashboards.filter((r) => verdict(r.result, true) === 'meets target').length;
  const report = [
    '# Dashboard benchmark',
    '',
    `Run by \`npm run bench\` on ${startedAt.toISOString()} (finished ${finishedAt.toISOString()}).`,
    '',
    `- **Target:** every role's dashboard ≥ ${TARGET.minRps} req/s with p99 ≤ ${TARGET.maxP99Ms} ms and no errors; ${passing} of ${dashboards.length} dashboards meet it.`,
    `- **Load:** autocannon, ${opts.connections} connections for ${opts.durationS} s per target, one target after the other, after a ${WARM_UP_S} s warm-up; localhost only.`,
    `- **Server:** \`node scripts/start.mjs -p ${PORT}\` (what \`npm start\` runs: ${env.DATABASE_URL ? `one \`next start\` worker per core, ${os.availableParallelism()} here` : 'one `next start` process, as PGlite allows'}) on a production build (\`${DIST_DIR}/\`), NODE_ENV=production.`,
    `- **Database:** ${database.description}.`,
    `- **Machine:** ${machineNote()}. The load generator, the server and the database share these cores.`,
    `- **Load average (1/5/15 min):** ${loadAtStart} at the start, ${loadAvg()} at the end; 1-min before each target: ${loadAvgs.join('; ')}. Other work on the machine (builds, tests) depresses the numbers.`,
    `- **Static ceiling** \`${STATIC_PATH}\`: ${staticStatus}.`,
    '',
    markdown,
    '',
    'Latencies are over every response (2xx or not). errors = non-2xx responses + connection errors (timeouts included, 10 s limit).',
    '',
  ].join('\n');
  writeFileSync(opts.out, report);

  console.log(`\n${markdown}\n`);
  console.log(`[bench] ${passing}/${dashboards.length} dashboards meet the target; written to ${opts.out}`);
}

// Whatever ends the run (success, error, Ctrl-C, the time budget) goes through here once.
const cleanups: (() => void)[] = [];
let shuttingDown = false;
async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    await stopAll();
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        /* best effort */
      }
    }
  }
  process.exit(code);
}

process.on('exit', killAllNow); // last resort if something calls process.exit directly
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping`);
    void shutdown(130);
  });
}

main().then(
  () => shutdown(0),
  (err) => {
    console.error(`\n[bench] failed: ${err instanceof Error ? err.message : String(err)}`);
    return shutdown(1);
  },
);
