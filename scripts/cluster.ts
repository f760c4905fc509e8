/**
 * The deployed shape on one machine, for `npm run start:cluster` and the benchmark: N instances of Next's own server (`next start`, one per core by
 * default) on ports P+1…P+N, and HAProxy (Debian's package) on port P in front of them, with the
 * settings of deploy/haproxy/haproxy.cfg. Needs a production build (`npm run build`), AUTH_SECRET
 * and DATABASE_URL.
 *
 * Each child runs in its own process group, so stopping one stops whatever it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const HAPROXY_CONFIG = path.join('deploy', 'haproxy', 'haproxy.cfg');

/** deploy/haproxy/haproxy.cfg with this machine's bind address and one server line per instance. */
export function localHaproxyConfig(template: string, port: number, instancePorts: number[]): string {
  const lines = template.split('\n');
  const firstServer = lines.findIndex((l) => /^\s*server\s/.test(l));
  if (firstServer < 0 || !lines.some((l) => /^\s*bind\s/.test(l))) {
    throw new Error(`${HAPROXY_CONFIG} has no bind or server line`);
  }
  const indent = lines[firstServer].match(/^\s*/)![0];
  const servers = instancePorts.map((p, i) => `${indent}server app${i + 1} 127.0.0.1:${p}`);
  const kept = lines
    .filter((l) => !/^\s*server\s/.test(l))
    .map((l) => l.replace(/^(\s*)bind\s.*$/, `$1bind 127.0.0.1:${port}`));
  kept.splice(firstServer, 0, ...servers);
  return kept.join('\n');
}

export interface ClusterOptions {
  instances: number;
  /** The balancer's port; instances listen on port+1…port+instances. */
  port: number;
  env: NodeJS.ProcessEnv;
  /** Where each child's output goes (one file per child, named by its role). */
  logDir: string;
}

export interface Cluster {
  url: string;
  instanceUrls: string[];
  /** Process ids of the instances (for the bench's CPU accounting). */
  pids: number[];
  children: ChildProcess[];
  stop(): Promise<void>;
}

function startInGroup(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const fd = openSync(logFile, 'w');
  try {
    return spawn(command, args, { env, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd); // the child holds its own copy
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

const exited = (child: ChildProcess, ms: number) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(true)
    : new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });

/** SIGTERM to each child's group, SIGKILL to whatever is left after `graceMs`. */
export async function stopChildren(children: ChildProcess[], graceMs = 5_000): Promise<void> {
  for (const c of children) signalGroup(c, 'SIGTERM');
  await Promise.all(children.map((c) => exited(c, graceMs)));
  for (const c of children) signalGroup(c, 'SIGKILL');
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3_000) })).status === 200;
  } catch {
    return false;
  }
}

/** Starts the instances and the balancer; resolves once the balancer answers /api/health. */
export async function startCluster(opts: ClusterOptions, readyTimeoutMs = 120_000): Promise<Cluster> {
  const instancePorts = Array.from({ length: opts.instances }, (_, i) => opts.port + 1 + i);
  const next = path.join(process.cwd(), 'node_modules', '.bin', 'next');
  const children: ChildProcess[] = [];
  const stop = () => stopChildren(children);
  try {
    for (const [i, p] of instancePorts.entries()) {
      children.push(
        startInGroup(
          next,
          ['start', '-p', String(p), '-H', '127.0.0.1'],
          opts.env,
          path.join(opts.logDir, `app${i + 1}.log`),
        ),
      );
    }
    const cfgDir = mkdtempSync(path.join(os.tmpdir(), 'uap-haproxy-'));
    const cfg = path.join(cfgDir, 'haproxy.cfg');
    writeFileSync(cfg, localHaproxyConfig(readFileSync(HAPROXY_CONFIG, 'utf8'), opts.port, instancePorts));
    // -db: stay in the foreground, so that the process group is HAProxy itself.
    const balancer = startInGroup('haproxy', ['-db', '-f', cfg], opts.env, path.join(opts.logDir, 'haproxy.log'));
    balancer.once('exit', () => rmSync(cfgDir, { recursive: true, force: true }));
    children.push(balancer);

    const url = `http://127.0.0.1:${opts.port}`;
    const instanceUrls = instancePorts.map((p) => `http://127.0.0.1:${p}`);
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      const dead = children.find((c) => c.exitCode !== null || c.signalCode !== null);
      if (dead) throw new Error(`a cluster process exited early (${dead.spawnargs.join(' ')}); see ${opts.logDir}`);
      const states = await Promise.all([...instanceUrls, url].map(healthy));
      if (states.every(Boolean)) break;
      if (Date.now() > deadline) throw new Error(`the cluster did not answer /api/health in time; see ${opts.logDir}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    // The balancer's own checks run every 2 s: wait until it has seen every instance up.
    await new Promise((r) => setTimeout(r, 4_500));
    return { url, instanceUrls, pids: children.slice(0, -1).map((c) => c.pid!), children, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
