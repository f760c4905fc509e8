import type { Queryable } from './client';

/**
 * A query built once per database handle and run many times: drizzle builds a query's SQL text
 * from its builder on every run, ~50–80 µs of CPU for a select with a join on the benchmark
 * machine. The few queries every request runs (who is asking, the bell's unread count) are built
 * once per process this way, as drizzle prepared queries with placeholders. A transaction is a
 * handle of its own and builds its own copy, which it drops with the transaction.
 */
const built = new WeakMap<Queryable, Map<string, unknown>>();

export function preparedOn<Q>(db: Queryable, name: string, build: (db: Queryable) => Q): Q {
  let queries = built.get(db);
  if (!queries) built.set(db, (queries = new Map()));
  let query = queries.get(name) as Q | undefined;
  if (query === undefined) queries.set(name, (query = build(db)));
  return query;
}
