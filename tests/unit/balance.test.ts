import { describe, expect, it } from 'vitest';
import { leastLoaded } from '../../scripts/balance.mjs';

const w = (name: string, ready: boolean, open: number) => ({ name, ready, open });

describe('choosing a server worker for a new connection', () => {
  it('picks the ready worker with the fewest open connections, the first of equals', () => {
    expect(leastLoaded([w('a', true, 3), w('b', true, 1), w('c', true, 2)])?.name).toBe('b');
    expect(leastLoaded([w('a', true, 2), w('b', true, 2)])?.name).toBe('a');
  });

  it('never picks a worker that is not ready, and answers null when none is', () => {
    expect(leastLoaded([w('a', false, 0), w('b', true, 9)])?.name).toBe('b');
    expect(leastLoaded([w('a', false, 0)])).toBeNull();
    expect(leastLoaded([])).toBeNull();
  });

  it('splits a burst of connections evenly, and refills the worker whose connections closed', () => {
    const workers = [w('a', true, 0), w('b', true, 0)];
    for (let i = 0; i < 50; i++) leastLoaded(workers)!.open++;
    expect(workers.map((x) => x.open)).toEqual([25, 25]);
    workers[1].open -= 5;
    for (let i = 0; i < 5; i++) leastLoaded(workers)!.open++;
    expect(workers.map((x) => x.open)).toEqual([25, 25]);
  });
});
