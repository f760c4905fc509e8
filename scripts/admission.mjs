/**
 * Admission control for a server worker (scripts/serve.mjs): at most `limit` requests are rendered
 * at once; the rest wait their turn in arrival order.
 *
 * Why: with every open connection rendering at once (25 per worker under the benchmark's 50), the
 * renders interleave at every await, each takes as long as all of them together, and the garbage
 * of 25 half-finished pages is alive at every young-generation collection, so more of it is copied
 * and promoted. Rendering four at a time, a request waits behind those that came before it and
 * then finishes quickly. Measured on the dashboards at 50 connections (the same build, data and
 * connection split, alternating runs, before the fix below): p99 339–487 ms against 469–722 ms
 * without the gate, and ~0.4 ms less CPU per response. Four rather than one leaves room for renders waiting on the
 * database.
 *
 * A waiting request starts in the async context it arrived in, not in that of the request whose
 * end freed the slot (leave() runs in that request's 'close' handler). Started there, Next's
 * per-request stores (AsyncLocalStorage) captured the previous request's and every request on
 * the worker was chained to the one before it: after 60 s at 50 connections a worker held 6,466
 * finished requests (their ServerResponse and all), its heap after each full collection grew
 * ~1.5 MB/s, and each full collection took longer.
 *
 * Bookkeeping only, no I/O, so that it is tested on its own (tests/unit/admission.test.ts).
 */
import { AsyncResource } from 'node:async_hooks';

/**
 * @param {number} limit   renders at once (≥ 1)
 * @param {number} maxQueue waiting requests beyond which a new one is turned away (≥ 0)
 */
export function createGate(limit, maxQueue) {
  if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`limit must be a positive integer, not ${limit}`);
  if (!(Number.isInteger(maxQueue) && maxQueue >= 0))
    throw new RangeError(`maxQueue must be a non-negative integer, not ${maxQueue}`);
  let active = 0;
  let waiting = 0;
  /** Waiting entries, oldest first from `head`; a withdrawn entry keeps its place with start = null. */
  let queue = [];
  let head = 0;

  function startNext() {
    while (active < limit && head < queue.length) {
      const entry = queue[head++];
      if (entry.start === null) continue;
      const { start } = entry;
      entry.start = null;
      waiting--;
      active++;
      start();
    }
    // Drop the consumed prefix now and then rather than shifting the array on every start.
    if (head === queue.length) {
      queue = [];
      head = 0;
    } else if (head > 1024) {
      queue = queue.slice(head);
      head = 0;
    }
  }

  return {
    /**
     * Asks for a slot. `start` runs now if one is free, otherwise when one frees up; the caller
     * must call `leave()` once for every `start` that ran. Returns a function that withdraws a
     * request still waiting (a client that went away; harmless once it has started), or null
     * when the queue is full and `start` will never run.
     */
    enter(start) {
      if (active < limit && waiting === 0) {
        active++;
        start();
        return () => {};
      }
      if (waiting >= maxQueue) return null;
      const entry = { start: AsyncResource.bind(start) };
      queue.push(entry);
      waiting++;
      return () => {
        if (entry.start === null) return;
        entry.start = null;
        waiting--;
      };
    },
    /** Frees a slot and starts the oldest waiting request, if any. */
    leave() {
      if (active === 0) throw new Error('leave() without a matching start');
      active--;
      startNext();
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting;
    },
  };
}
