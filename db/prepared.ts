import type { Queryable } from './client';

/**
 * A query built once per database handle and run many times: drizzle builds a query's SQL text
 * from its builder on every run, ~50–80 µs of CPU for a select with a join on the benchmark
 * machine. The queries every request runs (who is asking, the bell's unread count) and those of
 * every worker's dashboard are built once per process this way, as drizzle prepared queries with
 * placeholders, each named once, in its own `.prepare(name)`. The builder function is the key. A
 * transaction is a handle of its own and builds its own copy, which it drops with the transaction.
 */
const built = new WeakMap<Queryable, Map<(db: Queryable) => unknown, unknown>>();

export function preparedOn<Q>(db: Queryable, build: (db: Queryable) => Q): Q {
  let queries = built.get(db);
  if (!queries) built.set(db, (queries = new Map()));
  let query = queries.get(build) as Q | undefined;
  if (query === undefined) queries.set(build, (query = build(db)));
  return query;
}
