import type { ClientBase } from 'pg';

/**
 * Bulk loading: an index built once over a filled table is many times faster than one kept up
 * row by row (and halves what the load writes to the WAL), and a foreign key checked once by a
 * join is faster than a lookup per inserted row. So the keys (primary and unique), the indexes
 * and the foreign keys of the tables about to be filled — and the foreign keys pointing at them,
 * which hold on to their keys — are dropped, and put back afterwards from their own definitions
 * as the catalogue states them: exactly what the migrations created. All of it runs in the
 * load's one transaction: if anything fails, they come back with the rollback.
 */

interface Definition {
  table: string;
  name: string;
  def: string;
}

export interface Deferred {
  keys: Definition[];
  indexes: Definition[];
  foreignKeys: Definition[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

const CONSTRAINTS = `
  SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS def
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public'`;

export async function deferConstraints(client: ClientBase, tables: readonly string[]): Promise<Deferred> {
  const filled = `(SELECT oid FROM pg_class WHERE relname = ANY($1) AND relnamespace = 'public'::regnamespace)`;
  const { rows: foreignKeys } = await client.query<Definition>(
    `${CONSTRAINTS} AND k.contype = 'f' AND (k.conrelid IN ${filled} OR k.confrelid IN ${filled}) ORDER BY 1, 2`,
    [tables],
  );
  const { rows: keys } = await client.query<Definition>(
    `${CONSTRAINTS} AND k.contype IN ('p', 'u') AND k.conrelid IN ${filled} ORDER BY 1, 2`,
    [tables],
  );
  const { rows: indexes } = await client.query<Definition>(
    `SELECT c.relname AS table, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE i.indrelid IN ${filled} AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
     ORDER BY 1, 2`,
    [tables],
  );
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${q(fk.table)} DROP CONSTRAINT ${q(fk.name)}`);
  for (const key of keys) await client.query(`ALTER TABLE ${q(key.table)} DROP CONSTRAINT ${q(key.name)}`);
  for (const ix of indexes) await client.query(`DROP INDEX ${q(ix.name)}`);
  return { keys, indexes, foreignKeys };
}

const addConstraint = (d: Definition) => `ALTER TABLE ${q(d.table)} ADD CONSTRAINT ${q(d.name)} ${d.def}`;

/** Builds a table's keys and indexes; returns how many. */
export async function restoreIndexes(client: ClientBase, deferred: Deferred, table: string): Promise<number> {
  const keys = deferred.keys.filter((d) => d.table === table);
  const indexes = deferred.indexes.filter((d) => d.table === table);
  for (const key of keys) await client.query(addConstraint(key));
  for (const ix of indexes) await client.query(ix.def);
  return keys.length + indexes.length;
}

/** Checks and restores a table's foreign keys (once every key they point at is back). */
export async function restoreForeignKeys(client: ClientBase, deferred: Deferred, table: string): Promise<number> {
  const own = deferred.foreignKeys.filter((d) => d.table === table);
  for (const fk of own) await client.query(addConstraint(fk));
  return own.length;
}

/** The tables that had anything set aside, in the order given, then the others (those pointing in). */
export function restoreOrder(deferred: Deferred, tables: readonly string[]): string[] {
  const touched = new Set([...deferred.keys, ...deferred.indexes, ...deferred.foreignKeys].map((d) => d.table));
  return [...tables.filter((t) => touched.has(t)), ...[...touched].filter((t) => !tables.includes(t)).sort()];
}
