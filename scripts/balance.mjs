/**
 * Where scripts/start.mjs sends a new connection: the ready worker with the fewest open ones (the
 * earliest of equals), or null when none is ready. Pure, so that it is tested on its own
 * (tests/unit/balance.test.ts).
 *
 * @template {{ ready: boolean, open: number }} W
 * @param {Iterable<W>} workers
 * @returns {W | null}
 */
export function leastLoaded(workers) {
  let best = null;
  for (const w of workers) if (w.ready && (best === null || w.open < best.open)) best = w;
  return best;
}
