import { sql } from 'drizzle-orm';
import { writeAudit } from '@/lib/audit';
import { isSealed, open, seal, type PiiKeyring, type PiiKind } from '@/lib/pii';
import type { Queryable } from './client';

/** Every column that holds a personal identifier encrypted (db/schema/pii.ts). */
export const PII_COLUMNS = [
  { table: 'users', column: 'id_number', kind: 'idNumber' },
  { table: 'users', column: 'phone', kind: 'phone' },
  { table: 'students', column: 'id_number', kind: 'idNumber' },
  { table: 'households', column: 'phone', kind: 'phone' },
  { table: 'premium_entries', column: 'id_number', kind: 'idNumber' },
  { table: 'survivors', column: 'phone', kind: 'phone' },
  { table: 'survivors', column: 'bank_card', kind: 'bankCard' },
  { table: 'lonely_elders', column: 'phone', kind: 'phone' },
] as const satisfies readonly { table: string; column: string; kind: PiiKind }[];

const BATCH = 2000;

/**
 * Rewrites stored identifiers in batches: values from before encryption are sealed ('seal'), and
 * with 'rotate' also values sealed under any key but the newest are opened and sealed again under it.
 * Each batch is one guarded UPDATE (the row still holds what was read), so it is safe beside live
 * writers and can be stopped and run again. Returns how many values each column had rewritten.
 */
export async function rewritePii(
  db: Queryable,
  ring: PiiKeyring,
  mode: 'seal' | 'rotate',
): Promise<Record<string, number>> {
  const newest = ring.keys[0].kid;
  const counts: Record<string, number> = {};
  for (const { table, column, kind } of PII_COLUMNS) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    const stale =
      mode === 'seal'
        ? sql`${c} NOT LIKE 'v1.%'`
        : sql`(${c} NOT LIKE 'v1.%' OR split_part(${c}, '.', 2) <> ${newest})`;
    let after = 0;
    let n = 0;
    for (;;) {
      const { rows } = (await db.execute(
        sql`SELECT id, ${c} AS v FROM ${t} WHERE ${c} IS NOT NULL AND ${stale} AND id > ${after} ORDER BY id LIMIT ${BATCH}`,
      )) as unknown as { rows: { id: number; v: string }[] };
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const changes = rows.map(({ id, v }) => {
        const plain = isSealed(v) ? open(ring, kind, v) : v;
        return { id, old: v, new: seal(ring, kind, plain) };
      });
      await db.execute(
        sql`UPDATE ${t} SET ${c} = v.new FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS v(id int, old text, new text)
            WHERE ${t}.id = v.id AND ${t}.${c} = v.old`,
      );
      n += rows.length;
    }
    counts[`${table}.${column}`] = n;
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total > 0) {
    await writeAudit(db, null, {
      action: mode === 'seal' ? 'system.piiSeal' : 'system.piiRotate',
      entity: 'pii',
      after: { keyId: newest, ...counts },
    });
  }
  return counts;
}

/** How many stored values each key id holds (plain: not yet sealed), for `pii:rotate`'s report. */
export async function piiKeyUse(db: Queryable): Promise<Record<string, number>> {
  const use: Record<string, number> = {};
  for (const { table, column } of PII_COLUMNS) {
    const c = sql.identifier(column);
    const { rows } = (await db.execute(
      sql`SELECT CASE WHEN ${c} LIKE 'v1.%' THEN split_part(${c}, '.', 2) ELSE 'plain' END AS kid, count(*)::int AS n
          FROM ${sql.identifier(table)} WHERE ${c} IS NOT NULL GROUP BY 1`,
    )) as unknown as { rows: { kid: string; n: number }[] };
    for (const r of rows) use[r.kid] = (use[r.kid] ?? 0) + r.n;
  }
  return use;
}
