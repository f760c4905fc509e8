import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Binaries of this project, so that the run does not depend on whatever is on PATH. */
export const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);

// Every child is started in its own process group (detached) so that `npm start`, which forks
// its own workers, can be stopped as a whole with one signal to the group.
const live = new Set<ChildProcess>();

/** Sends a signal to a whole process group; a group that is already gone is not an error. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* the group is already gone */
  }
}

/** Resolves true when the child exits, false when `ms` pass first. */
function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Stops one child's process group: SIGTERM, then SIGKILL if it has not exited in `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  signalGroup(child.pid, 'SIGTERM');
  const exited = await waitExit(child, graceMs);
  // Even when the leader has exited, a worker it forked may still be in the group.
  signalGroup(child.pid, 'SIGKILL');
  if (!exited) await waitExit(child, 1_000);
  live.delete(child);
}

/** Stops every child still running (used on exit, error and Ctrl-C). */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((child) => stopGroup(child)));
}

/** Last resort from the synchronous 'exit' handler: no waiting is possible there. */
export function killAllNow(): void {
  for (const child of live) signalGroup(child.pid, 'SIGKILL');
}

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Called with each chunk of output (stdout and stderr), e.g. to echo or capture it. */
  onOutput?: (chunk: string) => void;
}

/** Runs a command to completion in its own process group; rejects on failure or timeout. */
export function run(label: string, command: string, args: string[], opts: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    let output = '';
    const onData = (buf: Buffer) => {
      const text = buf.toString();
      output += text;
      opts.onOutput?.(text);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void stopGroup(child);
    }, opts.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      live.delete(child);
      reject(new Error(`${label}: could not start ${command}: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      if (timedOut) reject(new Error(`${label} did not finish within ${Math.round(opts.timeoutMs / 1000)} s`));
      else if (code === 0) resolve(output);
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`}):\n${tail(output, 40)}`));
    });
  });
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
