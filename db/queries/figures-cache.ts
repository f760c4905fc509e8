import 'server-only';
import { sql } from 'drizzle-orm';
import { cache } from 'react';
import type { Queryable } from '@/db/client';

/**
 * The dashboards' figures, cached per process and exact. Every statement that could change a
 * figure (cases, payments, budgets, the register, workers, units) appends to dashboard_changes in
 * its own transaction (migration 0010). A request reads the generation once; if the log holds
 * changes, it consumes them and moves the generation on, under a lock so that consuming and
 * moving on are one step. A cached figure serves only the generation it was computed in, so a
 * change committed before a request is always in what that request shows. On a province's data
 * the leader's figures take ~80 ms of database time; a cached one costs one small read per request.
 */

interface Entry {
  generation: string;
  /** The promise itself, so fifty requests arriving together compute a figure once. */
  value: Promise<unknown>;
}

/** A few hundred dashboards' worth (scope × unit × year); the oldest used go first. */
const MAX_ENTRIES = 2000;

const globalStore = globalThis as unknown as { __dashboardFigures?: Map<string, Entry> };
const store = (globalStore.__dashboardFigures ??= new Map<string, Entry>());

/** The current generation, after consuming any changes logged since the last one. */
export async function figuresGeneration(db: Queryable): Promise<string> {
  const [row] = (
    await db.execute<{ generation: string; changed: boolean }>(sql`
    SELECT generation::text AS generation, EXISTS (SELECT 1 FROM dashboard_changes) AS changed FROM dashboard_generation`)
  ).rows;
  if (!row.changed) return row.generation;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('dashboard_generation'))`);
    // Another request may have consumed the same changes while this one waited: then the
    // generation is already the new one and stays.
    const [moved] = (
      await tx.execute<{ generation: string }>(sql`
      WITH consumed AS (DELETE FROM dashboard_changes RETURNING 1)
      UPDATE dashboard_generation SET generation = generation + (SELECT (count(*) > 0)::int FROM consumed)
      RETURNING generation::text AS generation`)
    ).rows;
    return moved.generation;
  });
}

/** Once per request (React's per-render memo), however many figures the page reads. */
const generationOfRequest = cache((db: Queryable) => figuresGeneration(db));

/**
 * `compute()`'s result as of now: from the cache when nothing has changed since it was computed.
 * `key` must name everything the figure depends on besides the data (scope, unit, year, day).
 */
export async function cachedFigures<T>(db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
  const generation = await generationOfRequest(db);
  const hit = store.get(key);
  if (hit && hit.generation === generation) {
    store.delete(key); // re-inserted last: the Map's order is the order of use
    store.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  store.set(key, { generation, value });
  // A failed computation is not remembered: the next request tries again.
  value.catch(() => {
    if (store.get(key)?.value === value) store.delete(key);
  });
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
  return value;
}
