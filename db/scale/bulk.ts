import type { ClientBase } from 'pg';

/**
 * Bulk loading: an index built once over a filled table is many times faster than one kept up
 * row by row, and a foreign key checked once by a join is faster than a lookup per inserted row.
 * So the plain indexes (unique ones included, not those behind a primary key or unique
 * constraint) and the foreign keys of the tables about to be filled are dropped, and put back
 * afterwards from their own definitions as the catalogue states them — exactly what the
 * migrations created. All of it runs in the load's one transaction: if anything fails, they
 * come back with the rollback.
 */

interface Definition {
  table: string;
  name: string;
  def: string;
}

export interface Deferred {
  indexes: Definition[];
  foreignKeys: Definition[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function deferConstraints(client: ClientBase, tables: readonly string[]): Promise<Deferred> {
  const { rows: indexes } = await client.query<Definition>(
    `SELECT c.relname AS table, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relname = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
     ORDER BY c.relname, ic.relname`,
    [tables],
  );
  const { rows: foreignKeys } = await client.query<Definition>(
    `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS def
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname = ANY($1)
     ORDER BY c.relname, k.conname`,
    [tables],
  );
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${q(fk.table)} DROP CONSTRAINT ${q(fk.name)}`);
  for (const ix of indexes) await client.query(`DROP INDEX ${q(ix.name)}`);
  return { indexes, foreignKeys };
}

/** Builds a table's deferred indexes and checks its deferred foreign keys. */
export async function restoreConstraints(client: ClientBase, deferred: Deferred, table: string): Promise<number> {
  const own = <T extends Definition>(list: T[]) => list.filter((d) => d.table === table);
  for (const ix of own(deferred.indexes)) await client.query(ix.def);
  for (const fk of own(deferred.foreignKeys)) await client.query(`ALTER TABLE ${q(fk.table)} ADD CONSTRAINT ${q(fk.name)} ${fk.def}`);
  return own(deferred.indexes).length + own(deferred.foreignKeys).length;
}
