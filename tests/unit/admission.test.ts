import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { createGate } from '../../scripts/admission.mjs';

/** A gate and a log of which requests have started, in order. */
function setup(limit: number, maxQueue = 100) {
  const gate = createGate(limit, maxQueue);
  const started: string[] = [];
  const ask = (name: string) => gate.enter(() => started.push(name));
  return { gate, started, ask };
}

describe('admission gate', () => {
  it('starts requests at once up to the limit, then queues them', () => {
    const { gate, started, ask } = setup(2);
    ask('a');
    ask('b');
    ask('c');
    expect(started).toEqual(['a', 'b']);
    expect(gate.active).toBe(2);
    expect(gate.waiting).toBe(1);
  });

  it('starts the waiting in arrival order as slots free', () => {
    const { gate, started, ask } = setup(1);
    for (const name of ['a', 'b', 'c', 'd']) ask(name);
    gate.leave();
    expect(started).toEqual(['a', 'b']);
    gate.leave();
    gate.leave();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.waiting).toBe(0);
    gate.leave();
    expect(gate.active).toBe(0);
  });

  it('does not let a newcomer pass requests already waiting', () => {
    const { gate, started, ask } = setup(1);
    ask('a');
    ask('b');
    gate.leave(); // b starts; the slot is taken again
    ask('c');
    expect(started).toEqual(['a', 'b']);
    expect(gate.waiting).toBe(1);
  });

  it('skips a request withdrawn while waiting, and withdrawing twice or after starting changes nothing', () => {
    const { gate, started, ask } = setup(1);
    ask('a');
    const withdrawB = ask('b')!;
    const withdrawC = ask('c')!;
    withdrawB();
    withdrawB();
    expect(gate.waiting).toBe(1);
    gate.leave();
    expect(started).toEqual(['a', 'c']);
    withdrawC(); // c has started: its slot stays taken until it leaves
    expect(gate.active).toBe(1);
    expect(gate.waiting).toBe(0);
    ask('d');
    gate.leave();
    expect(started).toEqual(['a', 'c', 'd']);
  });

  it('turns a request away when the queue is full, and takes one again when there is room', () => {
    const { gate, started, ask } = setup(1, 2);
    ask('a');
    expect(ask('b')).not.toBeNull();
    expect(ask('c')).not.toBeNull();
    expect(ask('d')).toBeNull();
    gate.leave();
    expect(ask('e')).not.toBeNull();
    for (let i = 0; i < 3; i++) gate.leave();
    expect(started).toEqual(['a', 'b', 'c', 'e']);
  });

  it('keeps its order over many thousands of requests (the queue compacts itself)', () => {
    const { gate, started, ask } = setup(3, 10_000);
    const names = Array.from({ length: 5_000 }, (_, i) => `r${i}`);
    const withdraws = names.map((n) => ask(n));
    for (let i = 10; i < 5_000; i += 7) withdraws[i]!();
    while (gate.active > 0) gate.leave();
    const expected = names.filter((_, i) => i < 10 || (i - 10) % 7 !== 0);
    expect(started).toEqual(expected);
    expect(gate.waiting).toBe(0);
  });

  it('starts a waiting request in the async context it arrived in, not in that of the request that left', () => {
    // The server's per-request state lives in AsyncLocalStorage; a request started from inside the
    // previous one's context chained every request to the one before it (a leak).
    const store = new AsyncLocalStorage<string>();
    const gate = createGate(1, 10);
    const seen: Array<string | undefined> = [];
    store.run('a', () => gate.enter(() => seen.push(store.getStore())));
    store.run('b', () => gate.enter(() => seen.push(store.getStore())));
    gate.enter(() => seen.push(store.getStore())); // arrives outside any request
    store.run('a', () => gate.leave()); // a ends: b starts
    store.run('b', () => gate.leave()); // b ends: the third starts
    expect(seen).toEqual(['a', 'b', undefined]);
  });

  it('refuses a leave without a start, and nonsensical limits', () => {
    expect(() => createGate(1, 0).leave()).toThrow();
    expect(() => createGate(0, 10)).toThrow(RangeError);
    expect(() => createGate(2, -1)).toThrow(RangeError);
  });
});
