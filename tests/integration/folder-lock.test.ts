import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderInUseError, lockFolder } from '@/db/folder-lock';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'uap-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that is certainly not running: a child that has already exited. */
async function deadPid(): Promise<number> {
  const { stdout } = await run(process.execPath, ['-e', 'console.log(process.pid)']);
  return Number(stdout);
}

describe("the embedded database folder's lock", () => {
  it('refuses a folder a live process holds, and takes over one a crashed process left', async () => {
    const folder = path.join(dir, 'one');
    writeFileSync(`${folder}.lock`, String(process.ppid)); // the test runner: alive
    expect(() => lockFolder(folder)).toThrow(FolderInUseError);
    expect(() => lockFolder(folder)).toThrow(/in use by process/);

    writeFileSync(`${folder}.lock`, String(await deadPid()));
    const release = lockFolder(folder);
    expect(readFileSync(`${folder}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
  });

  it('lets exactly one of several processes starting at the same instant take over a stale lock', async () => {
    const tsx = path.resolve('node_modules', '.bin', 'tsx');
    for (let trial = 0; trial < 2; trial++) {
      const folder = path.join(dir, `race${trial}`);
      writeFileSync(`${folder}.lock`, String(await deadPid()));
      const at = Date.now() + 3_000; // after most children have loaded
      const children = Array.from({ length: 5 }, () =>
        spawn(tsx, ['tests/fixtures/take-folder-lock.ts', folder, String(at)], { stdio: ['pipe', 'pipe', 'inherit'] }),
      );
      // Each answers once; every process (the winner too) stays alive until all have answered.
      const outcomes = await Promise.all(
        children.map(
          (c) => new Promise<string>((resolve) => c.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()))),
        ),
      );
      for (const c of children) c.stdin!.end();
      await Promise.all(children.map((c) => new Promise((resolve) => c.once('exit', resolve))));
      expect(outcomes.sort()).toEqual(['refused', 'refused', 'refused', 'refused', 'won']);
    }
  }, 180_000);
});
