import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from './client';

/** The hash the first row chains to. */
export const GENESIS = '0'.repeat(64);

export interface BrokenRow {
  /** The audit row where the chain first fails (null: rows are missing after the last one). */
  id: number | null;
  seq: number | null;
  reason: 'missing_rows' | 'inserted_row' | 'prev_hash' | 'content' | 'head';
  detail: string;
}

export type ChainReport = { rows: number; head: string } & ({ ok: true } | { ok: false; broken: BrokenRow });

const BATCH = 5000;

/**
 * Walks the audit log's hash chain (migration 0021) in order and recomputes every link: each row
 * must take the next place (seq), name the previous row's hash and hash to
 * sha256(prev_hash ‖ audit_row_content(row)) — the content computed by the database's own function,
 * the hash here, independently of the trigger. The chain head (last seq and hash) must name the
 * last row, so rows removed from the end are caught too. Stops at the first broken row.
 */
export async function verifyAuditChain(db: Queryable): Promise<ChainReport> {
  let expected = 1;
  let prev = GENESIS;
  let after: [number, number] = [0, 0];
  let rows = 0;
  for (;;) {
    const { rows: batch } = (await db.execute(
      sql`SELECT id::text AS id, seq::text AS seq, prev_hash, hash, audit_row_content(a) AS content
          FROM audit_log a WHERE (a.seq, a.id) > (${after[0]}, ${after[1]}) ORDER BY a.seq, a.id LIMIT ${BATCH}`,
    )) as unknown as { rows: { id: string; seq: string; prev_hash: string; hash: string; content: string }[] };
    if (batch.length === 0) break;
    for (const r of batch) {
      const id = Number(r.id);
      const seq = Number(r.seq);
      const at = { id, seq };
      const fail = (reason: BrokenRow['reason'], detail: string): ChainReport => ({
        ok: false,
        rows,
        head: prev,
        broken: { ...at, reason, detail },
      });
      if (seq > expected)
        return fail(
          'missing_rows',
          `place ${expected}${seq - 1 > expected ? `–${seq - 1}` : ''} is missing before this row`,
        );
      if (seq < expected) return fail('inserted_row', `takes place ${seq}, already taken (expected ${expected})`);
      if (r.prev_hash !== prev) return fail('prev_hash', 'does not name the previous row’s hash');
      if (
        createHash('sha256')
          .update(prev + r.content, 'utf8')
          .digest('hex') !== r.hash
      )
        return fail('content', 'its content does not match its hash (changed after it was written)');
      prev = r.hash;
      expected += 1;
      rows += 1;
    }
    const last = batch[batch.length - 1];
    after = [Number(last.seq), Number(last.id)];
  }
  const { rows: heads } = (await db.execute(sql`SELECT seq::text AS seq, hash FROM audit_chain_head`)) as unknown as {
    rows: { seq: string; hash: string }[];
  };
  const head = heads[0];
  if (!head || Number(head.seq) !== rows || head.hash !== prev) {
    return {
      ok: false,
      rows,
      head: prev,
      broken: {
        id: null,
        seq: rows + 1,
        reason: 'head',
        detail: head
          ? `the chain's head names place ${head.seq}, the log ends at ${rows}: rows after it were removed (or the head was changed)`
          : 'the chain head is missing',
      },
    };
  }
  return { ok: true, rows, head: prev };
}
