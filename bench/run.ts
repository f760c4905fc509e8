/**
 * `npm run bench`: issue 6's "Speed at provincial scale", measured against a production build.
 *
 *   npm run bench                      build, then every target one at a time and at 50 connections
 *   npm run bench -- --quick           short runs, for trying it out (a few minutes)
 *   npm run bench -- --no-build        reuse the last build in .next-bench/
 *   npm run bench -- --demo            a fresh demo-data database (uap_bench) instead of the scale data
 *   npm run bench -- --duration 30 --connections 100 --out bench/results/other.md
 *
 * Steps: choose the database (DATABASE_URL or the local uap_scale, which must hold seed:scale's
 * data; migrated, never seeded or reset), count its rows, find the accounts and build the targets
 * (deep pages' keyset cursors by SQL), `next build` into .next-bench/, `npm start`'s server
 * (scripts/start.mjs) on port 3200, sign every role in through the real login page, check each
 * target answers what it should, then measure: first every target one request at a time, then
 * every target under load with autocannon, one after the other; with the server stopped, the SQL
 * ceiling (the leader's figures as plain SQL over the base tables). The table is printed, written
 * to bench/results/latest.md and, after a full run on the scale data, into the README between
 * its bench markers. Every step has a time limit and the server's whole process group is stopped
 * at the end, on error and on Ctrl-C.
 *
 * Load goes to localhost only. The load generator shares the machine (and its cores) with the
 * server and the database, so the numbers are a floor for what the app can do on its own.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { devPiiSettings } from '@/lib/config';
import { todayInChina } from '@/lib/dates';
import { ceilingStatements, paidMatchesAggregate, runCeiling } from './ceiling';
import { chooseDatabase, dataSize, formatSize, type BenchDatabase, type DataSize, type SqlClient } from './database';
import { cpuPerRequest, cpuSnapshot } from './cpu';
import { concurrently, httpGet, loadSkip, measure, oneAtATime, percentile, type SequentialOptions } from './load';
import { bin, killAllNow, run, stopAll } from './processes';
import { LEGEND, replaceReadmeSection, table, verdict, type ResultRow } from './report';
import { startCluster, type Cluster } from '../scripts/cluster';
import { signInAll } from './signin';
import { signInAndOut, type CapturedPost } from './abuse';
import {
  buildTargets,
  checkTargets,
  ABUSE_P99_MS,
  DASHBOARD_LOAD,
  EXPORT_CONNECTIONS,
  LIST_LOAD,
  LEADER_DASHBOARD_GOAL_MS,
  MIXED_P99_MS,
  WRITES_PER_SECOND,
  LIST_GOAL_MS,
  resolveAccounts,
  WORKER_GOAL_MS,
  type Account,
  type Target,
} from './targets';

/** The balancer's port; the instances listen on the next ones (3201…). */
const PORT = 3200;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DIST_DIR = '.next-bench';
// A file in public/ that the portal serves anyway: what the balancer and Next's server cost with
// no rendering and no database, through the same path as every page.
const STATIC_PATH = '/robots.txt';
const CEILING_NAME = 'SQL ceiling: leader figures, plain SQL';
const RESULTS_DIR = path.join('bench', 'results');
const DEFAULT_OUT = path.join(RESULTS_DIR, 'latest.md');
const QUICK_OUT = path.join(RESULTS_DIR, 'quick.tmp.md'); // ignored by git: a try-out is no record
const SERVER_LOGS = path.join(RESULTS_DIR, 'logs.tmp'); // *.tmp there is ignored by git

// Time limits of the steps that have no natural end of their own.
const BUILD_TIMEOUT_MS = 15 * 60_000;
// Once per scale database: migrating encrypts the ID numbers and phones the scale seed of an older
// checkout left in plain text (2.2 million values at a million workers, ~5 minutes here).
const PREPARE_TIMEOUT_MS = 20 * 60_000;
const READY_TIMEOUT_MS = 2 * 60_000;
const SIGN_IN_TIMEOUT_MS = 60_000; // per browser step
const REQUEST_TIMEOUT_MS = 30_000; // one request at a time
const SETTLE_MAX_MS = 60_000;
/** How the server's database sessions are named, so that waiting for them ignores everyone else's. */
const SERVER_APP_NAME = 'uap-bench-server';
const WARM_UP_S = 3;
/**
 * Unmeasured load on each target just before its measurement. A fresh server's JIT has optimised
 * little of the render path: on this machine a dashboard's first 10 s at 50 connections ran at
 * ~170 req/s and settled at ~225 only after ~30 s. A server in service has long been warm, so the
 * bench measures that state, and says so in the report.
 */
const TARGET_WARM_UP_S = 10;
/** More than the run measures (37 targets), for the ceiling on the whole run's time. */
const MAX_TARGETS = 45;
/** The abuse check: anonymous posters, and the signed-in user's connections beside them. */
const ABUSE_CONNECTIONS = 100;
const ABUSE_VICTIM_CONNECTIONS = 10;

const USAGE = `npm run bench -- [options]
  --duration <s>       seconds of load per target (default 15, or 5 with --quick)
  --connections <n>    concurrent connections (default 50; the export uses at most ${EXPORT_CONNECTIONS})
  --requests <n>       requests one at a time per target, at most (default 100 within 10 s, or 20 within 2 s with --quick)
  --quick              short runs, for trying it out; writes ${QUICK_OUT} and leaves the README alone
  --no-build           reuse the last build in ${DIST_DIR}/
  --demo               a fresh uap_bench database with the demo seed instead of the scale data (quick to set up)
  --instances <n>      app instances behind the balancer (default: one per core)
  --no-readme          do not write the results into the README
  --out <file>         where to write the report (default ${DEFAULT_OUT})
  --checks-only        only the static ceiling and the dashboards one at a time, then the mixed load,
                       the abuse check and the session across instances; leaves the README alone
  --only <text>        measure only the targets whose name contains <text> (case-insensitive, 'a|b' for either; the
                       static ceiling always runs); for tuning one page, leaves the README alone
Database: DATABASE_URL if set, otherwise postgres://postgres@127.0.0.1:5432/uap_scale; it must hold the
scale data (DATABASE_URL=… npm run seed:scale), which is migrated but never seeded or reset.
The README's performance section is rewritten after a full run on the scale data only.`;

interface Options {
  durationS: number;
  /** Seconds of unmeasured load on each target before its measurement (TARGET_WARM_UP_S). */
  warmUpS: number;
  connections: number;
  seq: SequentialOptions;
  /** The SQL ceiling one figure set at a time. */
  ceilingSeq: SequentialOptions;
  quick: boolean;
  build: boolean;
  demo: boolean;
  instances: number;
  readme: boolean;
  out: string;
  only: string | undefined;
  checksOnly: boolean;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      requests: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      instances: { type: 'string' },
      'no-readme': { type: 'boolean', default: false },
      out: { type: 'string' },
      only: { type: 'string' },
      'checks-only': { type: 'boolean', default: false },
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
  const quick = values.quick;
  return {
    durationS: positive('duration', values.duration, quick ? 5 : 15),
    warmUpS: quick ? 1 : TARGET_WARM_UP_S,
    connections: positive('connections', values.connections, 50),
    seq: {
      maxRequests: positive('requests', values.requests, quick ? 20 : 100),
      ...(quick
        ? { warmUp: 1, warmUpSeconds: 1, maxSeconds: 2, minRequests: 2 }
        : { warmUp: 3, warmUpSeconds: 2, maxSeconds: 10, minRequests: 5 }),
    },
    ceilingSeq: {
      warmUp: 1,
      warmUpSeconds: 0,
      ...(quick
        ? { maxRequests: 3, maxSeconds: 5, minRequests: 3 }
        : { maxRequests: 20, maxSeconds: 30, minRequests: 5 }),
    },
    quick,
    build: !values['no-build'],
    demo: values.demo,
    instances: positive('instances', values.instances, os.availableParallelism()),
    readme:
      !values['no-readme'] && !quick && values.out === undefined && values.only === undefined && !values['checks-only'],
    out: values.out ?? (quick || values.only !== undefined || values['checks-only'] ? QUICK_OUT : DEFAULT_OUT),
    only: values.only?.toLowerCase(),
    checksOnly: values['checks-only'],
  };
}

const began = Date.now();
const step = (text: string) => console.log(`\n[bench ${((Date.now() - began) / 1000).toFixed(0)} s] ${text}`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True when something already answers on the port: we would be measuring someone else's server. */
async function portAnswers(): Promise<boolean> {
  try {
    await fetch(`${BASE_URL}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
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

function machineNote(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${gib} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const loadAvg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

/** Whether the static page answers within 100 ms: the server has no queue left. */
async function answersAtOnce(): Promise<boolean> {
  const t0 = performance.now();
  try {
    await (await fetch(`${BASE_URL}${STATIC_PATH}`, { signal: AbortSignal.timeout(5_000) })).arrayBuffer();
    return performance.now() - t0 < 100;
  } catch {
    return false;
  }
}

/**
 * After a load test the server may still be working off requests autocannon gave up on: wait (up
 * to a limit) until our server's database sessions are idle and (while it runs) the static page
 * answers at once, so the next target does not pay for the previous one.
 */
async function settle(sql: SqlClient | null, serverRunning = true): Promise<void> {
  const deadline = Date.now() + SETTLE_MAX_MS;
  while (Date.now() < deadline) {
    let busy = 0;
    if (sql) {
      [{ n: busy }] = await sql.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state NOT IN ('idle', 'idle in transaction')`,
        [SERVER_APP_NAME],
      );
    }
    const quiet = busy === 0 && (!serverRunning || (await answersAtOnce()));
    if (quiet) return sleep(500);
    await sleep(500);
  }
  console.log(`[bench] note: the server was still busy after ${SETTLE_MAX_MS / 1000} s; measuring anyway`);
}

interface CeilingOutcome {
  row: ResultRow;
  notes: string[];
  /** p50 per statement over every run (the warm-up included), in ms. */
  perStatement: { label: string; p50: number }[];
}

/**
 * The SQL ceiling, with the server stopped (PGlite allows one process; on PostgreSQL the machine
 * is then quiet): one figure set at a time, then `connections` clients at once when that can
 * finish within the load test's duration.
 */
async function measureCeiling(
  database: BenchDatabase,
  opts: Options,
  leader: Account,
  today: string,
): Promise<CeilingOutcome> {
  const name = CEILING_NAME;
  const row: ResultRow = { name, goal: { ceiling: true } };
  const notes: string[] = [];
  const byStatement: CeilingOutcome['perStatement'] = [];
  const sql = await database.connect();
  try {
    const year = Number(today.slice(0, 4));
    const [mine] = await sql.rows<{ id: number }>('SELECT id FROM org_units WHERE path = $1', [leader.unitPath]);
    const statements = ceilingStatements(mine.id, year, today);
    const perStatement = statements.map(() => [] as number[]);
    row.seq = await oneAtATime(() => runCeiling(sql, statements, perStatement), opts.ceilingSeq);
    byStatement.push(
      ...statements.map((s, i) => ({ label: s.label, p50: percentile(Float64Array.from(perStatement[i]).sort(), 50) })),
    );
    notes.push(
      `Its money paid this year per kind against the aggregate the page reads (case_stats): ${await paidMatchesAggregate(sql, year)}`,
    );
    const tooSlow = loadSkip(row.seq.p50, opts.connections, os.availableParallelism(), opts.durationS);
    if (tooSlow) {
      row.loadSkipped = {
        ...tooSlow,
        reason: tooSlow.reason.replace('one alone', 'one figure set alone').replace('req/s', 'figure sets/s'),
      };
    } else {
      step(`${name}: ${opts.connections} clients, ${opts.durationS} s`);
      const clients: SqlClient[] = [];
      try {
        for (let i = 0; i < opts.connections; i++) clients.push(await database.connect());
        const result = await concurrently(name, opts.connections, opts.durationS, (i) =>
          runCeiling(clients[i], statements),
        );
        row.load = { ...result, connections: opts.connections };
      } finally {
        await Promise.all(clients.map((c) => c.close()));
      }
    }
    if (row.loadSkipped) notes.push(`Not run with ${opts.connections} clients: ${row.loadSkipped.reason}`);
  } finally {
    await sql.close();
  }
  return { row, notes, perStatement: byStatement };
}

interface AfterTargets {
  cluster: Cluster;
  targets: Target[];
  rows: Map<Target, ResultRow>;
  cookieOf: (a: Account) => string;
  opts: Options;
  database: BenchDatabase;
  sql: SqlClient | null;
  env: NodeJS.ProcessEnv;
  ceilingRps: number | undefined;
}

interface Extras {
  rows: ResultRow[];
  notes: string[];
}

/**
 * What the deployment must also survive, measured after the targets: the dashboards under load
 * while writes go on (and their figures still exact), anonymous sign-in and sign-out posts beside a
 * signed-in user, and a session ended on one instance refused at once by the other.
 */
async function afterTargets(x: AfterTargets): Promise<Extras> {
  const { cluster, opts, cookieOf } = x;
  const notes: string[] = [];
  const out: ResultRow[] = [];
  const dashboards = x.targets.filter((t) => t.path === '/dashboard' && t.as && !t.problem);
  const dashboardRequests = dashboards.map((t) => ({ path: t.path, headers: { cookie: cookieOf(t.as!) } }));
  const ratioOf = (rps: number) => (x.ceilingRps ? rps / x.ceilingRps : undefined);

  // 1. A session across instances (and a sign-in and sign-out to replay in 3).
  step('a session ended on one instance, tried on the other');
  const [spare] = x.sql
    ? await x.sql.rows<{ employee_no: string }>(
        `SELECT employee_no FROM users WHERE role = 'worker' AND NOT disabled ORDER BY employee_no OFFSET 7 LIMIT 1`,
      )
    : [];
  const session = await signInAndOut(
    cluster.instanceUrls[0],
    cluster.instanceUrls[1] ?? cluster.instanceUrls[0],
    spare.employee_no,
    SIGN_IN_TIMEOUT_MS,
  );
  const sessionNote =
    `Signed in as ${spare.employee_no} on instance 1: the cookie was ${session.servedBefore ? 'served' : 'NOT served'} by instance 2; ` +
    `after signing out on instance 1 it was ${session.refusedAfter ? 'refused at once' : 'STILL SERVED'} by instance 2 (the session version is in PostgreSQL)`;
  console.log(sessionNote);
  notes.push(sessionNote);

  // 2. Mixed load: the dashboards at full connections while writes go on.
  const mixedName = `mixed: dashboards + ${WRITES_PER_SECOND} writes/s`;
  step(`${mixedName} (${opts.connections} connections, ${opts.durationS} s)`);
  await settle(x.sql);
  const writer = run(
    'bench/writer.ts',
    bin('tsx'),
    ['--conditions=react-server', 'bench/writer.ts', String(opts.durationS), String(WRITES_PER_SECOND)],
    { env: { ...x.env, PGAPPNAME: 'uap-bench-writer' }, timeoutMs: (opts.durationS + 120) * 1_000 },
  );
  const mixed = await measure(mixedName, {
    url: cluster.url,
    connections: opts.connections,
    durationS: opts.durationS,
    requests: dashboardRequests,
  });
  const written = JSON.parse((await writer).trim().split('\n').at(-1)!) as Record<string, number>;
  const exact = x.sql ? await paidMatchesAggregate(x.sql, Number(todayInChina().slice(0, 4))) : 'not checked';
  const counts = x.sql ? await countsMatch(x.sql) : 'not checked';
  const mixedRow: ResultRow = {
    name: mixedName,
    goal: { underLoad: { maxP99Ms: MIXED_P99_MS } },
    load: { ...mixed, connections: opts.connections },
    ratio: ratioOf(mixed.rps),
  };
  const mixedNote =
    `Mixed load: ${written.submissions} submissions, ${written.decisions} decisions and ${written.visits} visits written (${written.perSecond.toFixed(1)}/s; ` +
    `write p50 ${written.p50} ms, p99 ${written.p99} ms; ${written.conflicts} conflicts, ${written.errors} errors) while the five dashboards were loaded in turn; ` +
    `afterwards the paid figures against the base tables: ${exact}; case counts per state against the base table: ${counts}`;
  if (exact !== 'equal' || counts !== 'equal') mixedRow.failed = 'figures not exact';
  else if (written.errors > 0) mixedRow.failed = 'write errors';
  console.log(`${mixedName}: p99 ${mixed.p99.toFixed(0)} ms, ${mixed.rps.toFixed(0)} req/s — ${verdict(mixedRow)}`);
  console.log(mixedNote);
  notes.push(mixedNote);
  out.push(mixedRow);

  // 3. Abuse: anonymous sign-in (wrong password) and sign-out posts beside a signed-in dashboard.
  const abuseName = `abuse: signed-in dashboard beside ${ABUSE_CONNECTIONS} anonymous sign-in/out posts`;
  step(abuseName);
  await settle(x.sql);
  const leader = dashboards.find((t) => t.as?.role === 'leader') ?? dashboards[0];
  // Captured on instance 1, replayed through the balancer: Next refuses a server action whose
  // Origin is not the host it was sent to (its CSRF check), so the replay names the balancer.
  const post = (p: CapturedPost) => ({
    path: p.path,
    method: 'POST' as const,
    headers: { ...p.headers, origin: cluster.url, referer: `${cluster.url}${p.path}` },
    body: p.body,
  });
  const attack = measure('abuse posts', {
    url: cluster.url,
    connections: ABUSE_CONNECTIONS,
    durationS: opts.durationS + 2,
    requests: [post(session.signIn), post(session.signOut)],
  });
  await sleep(1_000);
  const victim = await measure(abuseName, {
    url: `${cluster.url}${leader.path}`,
    connections: ABUSE_VICTIM_CONNECTIONS,
    durationS: opts.durationS,
    headers: { cookie: cookieOf(leader.as!) },
  });
  const attacked = await attack;
  const abuseRow: ResultRow = {
    name: abuseName,
    goal: { underLoad: { maxP99Ms: ABUSE_P99_MS } },
    load: { ...victim, connections: ABUSE_VICTIM_CONNECTIONS },
  };
  const codes = Object.entries(attacked.statusCodes)
    .map(([code, n]) => `${code}×${n}`)
    .join(', ');
  const abuseNote =
    `Abuse check: ${ABUSE_CONNECTIONS} connections posting the captured sign-in (wrong password) and sign-out requests without a cookie ` +
    `(${attacked.responses} answered, ${attacked.rps.toFixed(0)}/s, p99 ${attacked.p99.toFixed(0)} ms; ${codes || 'no answers'}; ${attacked.errors} connection errors) ` +
    `while ${leader.as!.employeeNo} loaded ${leader.path} over ${ABUSE_VICTIM_CONNECTIONS} connections: p99 ${victim.p99.toFixed(0)} ms`;
  console.log(abuseNote);
  notes.push(abuseNote);
  out.push(abuseRow);
  // The failed sign-ins locked the load generator's address (127.0.0.1) for 15 minutes; lift that,
  // or the next run could not sign in. Nothing else is touched.
  if (x.sql) await x.sql.rows(`DELETE FROM login_throttle WHERE key LIKE '%127.0.0.1%'`);
  return { rows: out, notes };
}

/** The maintained per-unit case counts against the cases table (drafts are not counted): the dashboards' counts are exact. */
async function countsMatch(sql: SqlClient): Promise<string> {
  const [row] = await sql.rows<{ base: string | null; agg: string | null }>(
    `SELECT (SELECT json_agg(x ORDER BY x.s)::text FROM (SELECT state AS s, count(*)::int AS n FROM cases WHERE state <> 'draft' GROUP BY 1) x) AS base,
            (SELECT json_agg(x ORDER BY x.s)::text FROM (SELECT state AS s, sum(cases)::int AS n FROM case_counts GROUP BY 1 HAVING sum(cases) > 0) x) AS agg`,
  );
  return row.base === row.agg ? 'equal' : `DIFFERENT (cases ${row.base}; case_counts ${row.agg})`;
}

const command = () => `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const minutes = (from: Date, to: Date) => ((to.getTime() - from.getTime()) / 60_000).toFixed(1);

async function main(): Promise<void> {
  const opts = parseOptions();
  const startedAt = new Date();
  const loadAtStart = loadAvg();
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (await portAnswers()) throw new Error(`Something already answers on port ${PORT}; stop it first.`);

  // A ceiling on the whole run, in case some step hangs in a way its own limit does not catch.
  const perTargetMs = (3 * opts.seq.maxSeconds + opts.warmUpS + opts.durationS + SETTLE_MAX_MS / 1000 + 15) * 1_000;
  const budgetMs =
    PREPARE_TIMEOUT_MS +
    BUILD_TIMEOUT_MS +
    READY_TIMEOUT_MS +
    5 * 60_000 +
    MAX_TARGETS * perTargetMs +
    (3 * opts.ceilingSeq.maxSeconds + 2 * opts.durationS + 120) * 1_000;
  setTimeout(() => {
    console.error(
      `[bench] gave up: the run took longer than ${Math.round((Date.now() - startedAt.getTime()) / 60_000)} min`,
    );
    void shutdown(1);
  }, budgetMs).unref();

  step('database');
  const database: BenchDatabase = await chooseDatabase({ demo: opts.demo });
  cleanups.push(() => database.cleanup());
  console.log(database.description);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: DIST_DIR,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  for (const [key, value] of Object.entries(database.env)) if (value !== undefined) env[key] = value;
  // A production server refuses to start without a real secret; a throwaway one is fine here.
  if (!env.AUTH_SECRET) env.AUTH_SECRET = randomBytes(32).toString('base64url');
  // Not so the identifier keys: the scale data stays encrypted between runs, so without keys of its
  // own the bench uses this checkout's development keyring (the one its seeding used).
  if (!env.PII_KEYS || !env.PII_HMAC_KEY) Object.assign(env, devPiiSettings());
  env.PGAPPNAME = SERVER_APP_NAME; // read by pg in the server's processes

  const prepare = ['db/prepare.ts', ...database.prepareArgs];
  await run(prepare.join(' '), bin('tsx'), prepare, {
    env,
    timeoutMs: PREPARE_TIMEOUT_MS,
    onOutput: (text) => process.stdout.write(text),
  });

  step('the data, the accounts and the targets');
  const today = todayInChina();
  const thisYear = Number(today.slice(0, 4));
  // PGlite allows one process: our connection closes before the server opens the folder.
  const sql = await database.connect();
  let size: DataSize;
  let accounts: Awaited<ReturnType<typeof resolveAccounts>>;
  let targets: Target[];
  try {
    size = await dataSize(sql);
    console.log(formatSize(size));
    accounts = await resolveAccounts(sql);
    targets = await buildTargets(sql, accounts, thisYear, STATIC_PATH);
    if (opts.only) {
      const any = opts.only.split('|');
      targets = targets.filter((t) => t.path === STATIC_PATH || any.some((o) => t.name.toLowerCase().includes(o)));
    }
    if (opts.checksOnly) targets = targets.filter((t) => t.path === STATIC_PATH || t.path === '/dashboard');
  } catch (err) {
    await sql.close();
    throw err;
  }
  cleanups.push(() => void sql.close());
  for (const t of targets) console.log(`${t.name}${t.note ? ` (${t.note})` : ''}`);

  if (opts.build) {
    step(`next build (into ${DIST_DIR}/)`);
    try {
      await run('next build', bin('next'), ['build'], {
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
  step(`${opts.instances} × next start behind HAProxy on port ${PORT} (logs: ${SERVER_LOGS}/)`);
  mkdirSync(SERVER_LOGS, { recursive: true });
  const cluster: Cluster = await startCluster({ instances: opts.instances, port: PORT, env, logDir: SERVER_LOGS });
  asyncCleanups.push(() => cluster.stop());
  console.log('ready: GET /api/health answered 200 through the balancer and on every instance');

  step('signing in every role through the login page');
  const people = [...accounts.staff, accounts.worker];
  const cookies = await signInAll(BASE_URL, people, SIGN_IN_TIMEOUT_MS);
  const cookieOf = (a: Account) => cookies.get(a.employeeNo)!;
  console.log(`signed in: ${people.map((a) => `${a.employeeNo} (${a.label})`).join(', ')}`);

  step('checking every target answers what it should');
  await checkTargets(BASE_URL, targets, cookieOf);
  for (const t of targets) {
    const seen = t.seen?.rows !== undefined ? `${t.seen.rows} rows` : '';
    const bytes = t.seen?.bytes !== undefined ? `${Math.round(t.seen.bytes / 1024)} KiB` : '';
    console.log(
      `${t.problem ? 'NOT MEASURED' : 'ok'}  ${t.name}: ${[t.problem, seen, bytes].filter(Boolean).join(', ')}`,
    );
  }
  const measured = targets.filter((t) => !t.problem);
  const headersOf = (t: Target) => (t.as ? { cookie: cookieOf(t.as) } : undefined);

  // A short unmeasured load first, so that neither server worker pays for its cold start in a
  // measurement (the static page: a slow page would leave a queue behind at scale).
  step(`warm-up (${WARM_UP_S} s at ${opts.connections} connections on ${STATIC_PATH}, not measured)`);
  await measure('warm-up', { url: `${BASE_URL}${STATIC_PATH}`, connections: opts.connections, durationS: WARM_UP_S });
  await settle(sql);

  const rows = new Map<Target, ResultRow>(targets.map((t) => [t, { name: t.name, goal: t.goal, skipped: t.problem }]));
  const loadAvgs: string[] = [`one at a time: ${os.loadavg()[0].toFixed(2)}`];
  step(
    `one request at a time: up to ${opts.seq.maxRequests} requests or ${opts.seq.maxSeconds} s per target, after ${opts.seq.warmUp} unmeasured`,
  );
  for (const t of measured) {
    const seq = await oneAtATime(httpGet(`${BASE_URL}${t.path}`, headersOf(t), REQUEST_TIMEOUT_MS), opts.seq);
    rows.get(t)!.seq = seq;
    console.log(
      `${t.name}: p50 ${seq.p50.toFixed(1)} ms, p95 ${seq.p95.toFixed(1)} ms over ${seq.requests}${seq.errors ? `, ${seq.errors} errors` : ''}`,
    );
  }

  loadAvgs.push(`under load: ${os.loadavg()[0].toFixed(2)}`);
  step(`under load: autocannon, ${opts.connections} connections for ${opts.durationS} s per target`);
  const cores = os.availableParallelism();
  let ceilingRps: number | undefined; // the static page is the first target
  for (const t of measured.filter((t) => !opts.checksOnly || t.path === STATIC_PATH)) {
    const row = rows.get(t)!;
    const connections = Math.min(t.connections ?? opts.connections, opts.connections);
    row.loadSkipped = (row.seq && loadSkip(row.seq.p50, connections, cores, opts.durationS)) || undefined;
    if (row.loadSkipped) {
      console.log(`${t.name} ×${connections}: not run — ${row.loadSkipped.reason}`);
      continue;
    }
    await measure(`${t.name} (warm-up)`, {
      url: `${BASE_URL}${t.path}`,
      connections,
      durationS: opts.warmUpS,
      headers: headersOf(t),
    });
    await settle(sql);
    const cpuBefore = await cpuSnapshot(cluster.pids, sql, SERVER_APP_NAME);
    const result = await measure(t.name, {
      url: `${BASE_URL}${t.path}`,
      connections,
      durationS: opts.durationS,
      headers: headersOf(t),
    });
    const cpu = cpuPerRequest(cpuBefore, await cpuSnapshot(cluster.pids, sql, SERVER_APP_NAME), result.responses);
    row.load = { ...result, connections, cpu };
    if (t.path === STATIC_PATH) ceilingRps = result.rps;
    if (ceilingRps) row.ratio = result.rps / ceilingRps;
    const cpuText = cpu ? `, CPU ${cpu.appMs.toFixed(1)} + ${cpu.dbMs.toFixed(1)} ms per response` : '';
    const ratioText = row.ratio !== undefined ? ` (${row.ratio.toFixed(2)}× the ceiling)` : '';
    console.log(
      `${t.name} ×${connections}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.rps.toFixed(0)} req/s${ratioText}${cpuText} — ${verdict(row)}`,
    );
  }
  const extras = opts.only
    ? { rows: [], notes: [] }
    : await afterTargets({ cluster, targets, rows, cookieOf, opts, database, sql, env, ceilingRps });
  await cluster.stop();
  await settle(sql, false); // a query of a killed server runs on until it next writes to it

  let ceiling: CeilingOutcome;
  if (opts.only || opts.checksOnly) {
    ceiling = {
      row: { name: CEILING_NAME, goal: { ceiling: true }, skipped: 'not run with --only' },
      notes: [],
      perStatement: [],
    };
  } else {
    step("SQL ceiling: the leader's figures as plain SQL over the base tables (server stopped)");
    loadAvgs.push(`SQL ceiling: ${os.loadavg()[0].toFixed(2)}`);
    const leader = accounts.staff.find((a) => a.role === 'leader')!;
    ceiling = await measureCeiling(database, opts, leader, today);
    console.log(
      `p50 ${ceiling.row.seq!.p50.toFixed(0)} ms, p95 ${ceiling.row.seq!.p95.toFixed(0)} ms over ${ceiling.row.seq!.requests}`,
    );
    for (const note of ceiling.notes) console.log(note);
  }
  const finishedAt = new Date();

  const all = [...targets.map((t) => rows.get(t)!), ...extras.rows, ceiling.row];
  const markdown = table(all);
  const withGoal = all.filter((r) => r.goal.seqP95Ms !== undefined || r.goal.underLoad);
  const met = withGoal.filter((r) => verdict(r) === 'meets').length;
  const dataLine = `${database.data === 'scale' ? 'provincial-scale data' : 'demo data'} (${formatSize(size)})`;
  const exportTarget = targets.find((t) => t.expect === 'file');
  const report = [
    '# Speed at provincial scale (issue 6)',
    '',
    `Run by \`${command()}\` on ${startedAt.toISOString()} (finished ${finishedAt.toISOString()}, ${minutes(startedAt, finishedAt)} min).`,
    '',
    `- **Data:** ${dataLine}. ${database.description}.`,
    `- **Targets:** one at a time, leader's dashboard p95 ≤ ${LEADER_DASHBOARD_GOAL_MS} ms, lists p95 ≤ ${LIST_GOAL_MS} ms at any depth, worker's pages p95 ≤ ${WORKER_GOAL_MS} ms; ` +
      `at ${opts.connections} connections every role's dashboard ≥ ${DASHBOARD_LOAD.minRatio}× the static ceiling's req/s with p99 ≤ ${DASHBOARD_LOAD.maxP99Ms} ms, every list ≥ ${LIST_LOAD.minRatio}× with p99 ≤ ${LIST_LOAD.maxP99Ms} ms, no errors; ` +
      `the dashboards with ${WRITES_PER_SECOND} writes/s beside them p99 ≤ ${MIXED_P99_MS} ms with the figures exact; a signed-in dashboard beside ${ABUSE_CONNECTIONS} anonymous sign-in/out posters p99 ≤ ${ABUSE_P99_MS} ms. **${met} of ${withGoal.length} targets met.**`,
    `- **One at a time:** up to ${opts.seq.maxRequests} requests or ${opts.seq.maxSeconds} s per target (at least ${opts.seq.minRequests}) after ${opts.seq.warmUp} unmeasured, over one kept-alive connection; timed to the last byte.`,
    `- **Under load:** autocannon, ${opts.connections} connections for ${opts.durationS} s per target, one target after the other, each after ${opts.warmUpS} s of the same load unmeasured (a server in service is warm) and once the server is idle again; localhost only. ` +
      `The export runs at ${Math.min(EXPORT_CONNECTIONS, opts.connections)} connections: a branch's daily ledger is not fetched by ${opts.connections} people in the same second, and every export writes an audit row.`,
    `- **Server:** what deploy/ runs (\`npm run start:cluster\`, scripts/cluster.ts): ${opts.instances} × \`next start\` (one per core) behind HAProxy 2.6 from Debian on port ${PORT} with deploy/haproxy/haproxy.cfg (leastconn, a per-instance limit with a queue), on a production build (\`${DIST_DIR}/\`), NODE_ENV=production${env.NODE_OPTIONS ? `, NODE_OPTIONS=${env.NODE_OPTIONS}` : ''}. Every request goes through the balancer.`,
    `- **Machine:** ${machineNote()}. The load generator, the server and the database share these cores.`,
    `- **Load average (1/5/15 min):** ${loadAtStart} at the start, ${loadAvg()} at the end; 1-min at the start of each phase: ${loadAvgs.join('; ')}. Other work on the machine (builds, tests) depresses the numbers.`,
    `- **Static ceiling** \`${STATIC_PATH}\`: a file in public/, served by Next through the balancer like every page; each target's ratio is its req/s ÷ this one's.`,
    ...extras.notes.map((note) => `- ${note}.`),
    `- **SQL ceiling:** the leader's dashboard figures (whole mine, this year) as plain SQL over the base tables, no aggregate table, statements one after another on one connection, with the server stopped (bench/ceiling.ts; p50 per statement below).`,
    ...ceiling.notes.map((note) => `  ${note}.`),
    ...(exportTarget?.seen
      ? [
          `- **Export:** ${exportTarget.note}: ${exportTarget.seen.rows?.toLocaleString('en')} rows, ${exportTarget.seen.bytes?.toLocaleString('en')} bytes.`,
        ]
      : []),
    '',
    markdown,
    '',
    LEGEND,
    '',
    '## The SQL ceiling by statement',
    '',
    '| statement | p50 ms |',
    '|---|--:|',
    ...ceiling.perStatement.map((s) => `| ${s.label} | ${s.p50.toFixed(s.p50 < 10 ? 1 : 0)} |`),
    '',
    '## The targets',
    '',
    ...targets.map((t) => {
      const skipped = rows.get(t)!.loadSkipped;
      return (
        `- ${t.name}: \`${t.path}\`${t.note ? ` — ${t.note}` : ''}${t.expect === 'rows' && t.seen?.rows !== undefined ? `; ${t.seen.rows} rows on the page` : ''}` +
        `${t.problem ? `; **not measured: ${t.problem}**` : ''}${skipped ? `; not run under load: ${skipped.reason}` : ''}`
      );
    }),
    '',
  ].join('\n');
  writeFileSync(opts.out, report);
  console.log(`\n${markdown}\n`);
  console.log(`[bench] ${met}/${withGoal.length} targets met; written to ${opts.out}`);

  if (opts.readme && database.data === 'scale') {
    const section = [
      `Last full run: ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${dataLine}; ${opts.connections} connections × ${opts.durationS} s per target; **${met} of ${withGoal.length} targets met**.`,
      `Machine: ${machineNote()}; load generator, server and database on the same cores. Details and every target's URL: \`${DEFAULT_OUT}\`.`,
      '',
      markdown,
      '',
      LEGEND,
    ].join('\n');
    console.log(
      replaceReadmeSection('README.md', section)
        ? '[bench] README.md: the performance section now shows this run'
        : '[bench] README.md: bench markers not found, left alone',
    );
  } else if (opts.readme) {
    console.log('[bench] README.md left alone: it quotes runs on the scale data only');
  }
}

// Whatever ends the run (success, error, Ctrl-C, the time budget) goes through here once.
const cleanups: (() => void)[] = [];
const asyncCleanups: (() => Promise<void>)[] = [];
let shuttingDown = false;
async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    for (const cleanup of asyncCleanups) await cleanup().catch(() => {});
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
