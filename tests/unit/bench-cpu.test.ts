import { describe, expect, it } from 'vitest';
import { cpuPerRequest, cpuSnapshot } from '../../bench/cpu';

describe('the benchmark’s CPU per response', () => {
  it('divides what each process spent between the snapshots by the responses', () => {
    const before = {
      app: new Map([
        [1, 1000],
        [2, 500],
      ]),
      db: new Map([[9, 100]]),
    };
    // Process 2 ended (left out), 3 was born (counted from zero).
    const after = {
      app: new Map([
        [1, 3000],
        [3, 1000],
      ]),
      db: new Map([
        [9, 300],
        [10, 100],
      ]),
    };
    expect(cpuPerRequest(before, after, 100)).toEqual({ appMs: 30, dbMs: 3 });
    expect(cpuPerRequest(before, after, 0)).toBeUndefined();
    expect(cpuPerRequest(null, after, 100)).toBeUndefined();
  });

  it('reads the CPU of a process group from /proc, and it only grows', async (ctx) => {
    if (process.platform !== 'linux') ctx.skip(); // /proc is Linux's
    const group = Number(
      (await import('node:fs')).readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[2],
    );
    const first = await cpuSnapshot([group], null, 'none');
    expect(first!.app.get(process.pid)).toBeGreaterThan(0);
    let x = 0;
    for (let i = 0; i < 3e7; i++) x += i % 7; // ~50 ms of work
    const second = await cpuSnapshot([group], null, 'none');
    expect(x).toBeGreaterThan(0);
    expect(second!.app.get(process.pid)).toBeGreaterThan(first!.app.get(process.pid)!);
    expect(second!.db.size).toBe(0);
  });
});
