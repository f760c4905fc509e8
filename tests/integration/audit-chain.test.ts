import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Client, Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, type ChainReport } from '@/db/audit-chain';
import { getDb } from '@/db/client';
import * as schema from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { userId } from '../session';

/**
 * The audit log's tamper evidence (migration 0021, db/audit-chain.ts) on the real server: rows
 * changed, deleted or inserted by SQL — as a superuser who switches the triggers off — are each
 * found, and the row named is the first one the change broke.
 */

const url = () => process.env.DATABASE_URL!;
let superuser: Client;

/** A small deterministic PRNG, so a failure names a trial that can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Row {
  id: number;
  seq: number;
  hash: string;
}

async function chainRows(): Promise<Row[]> {
  const { rows } = await superuser.query<{ id: string; seq: string; hash: string }>(
    'SELECT id, seq, hash FROM audit_log ORDER BY seq',
  );
  return rows.map((r) => ({ id: Number(r.id), seq: Number(r.seq), hash: r.hash }));
}

/** Runs a tamper as a superuser with triggers off, verifies inside the same transaction, rolls back. */
async function tampered(change: (c: Client) => Promise<unknown>): Promise<ChainReport> {
  await superuser.query('BEGIN');
  try {
    await superuser.query(`SET LOCAL session_replication_role = replica`);
    await change(superuser);
    await superuser.query(`SET LOCAL session_replication_role = origin`);
    return await verifyAuditChain(drizzle(superuser, { schema }));
  } finally {
    await superuser.query('ROLLBACK');
  }
}

beforeAll(async () => {
  const db = await getDb();
  const actor = await userId('A0001');
  // A log of a few hundred rows of varied content to tamper with.
  for (let i = 0; i < 300; i++) {
    await db.transaction((tx) =>
      writeAudit(tx, i % 3 ? actor : null, {
        action: i % 2 ? 'user.update' : 'household.update',
        entity: i % 2 ? 'user' : 'household',
        entityId: i,
        before: { phone: '138****0000', n: i },
        after: i % 5 ? { phone: '139****0000', n: i + 1, note: '说明 "quoted"' } : null,
      }),
    );
  }
  superuser = new Client({ connectionString: url() });
  await superuser.connect();
});

afterAll(async () => {
  await superuser?.end();
});

describe('the audit log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of its rows, and any direct change of the chain head', async () => {
    const db = await getDb();
    for (const statement of [
      sql`UPDATE audit_log SET action = 'x' WHERE id = (SELECT min(id) FROM audit_log)`,
      sql`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`,
      sql`TRUNCATE audit_log CASCADE`,
      sql`UPDATE audit_chain_head SET seq = seq + 1`,
      sql`DELETE FROM audit_chain_head`,
    ]) {
      const err = await db.execute(statement).then(
        () => null,
        (e: Error) => e,
      );
      expect(String((err?.cause as Error | undefined)?.message ?? err)).toMatch(
        /append-only|moves only with audit_log/,
      );
    }
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});

describe('an application role set up as the README says', () => {
  it('cannot switch the triggers off, nor change or delete rows, but writes chained rows', async () => {
    const role = `uap_app_${process.pid}`;
    const db = new URL(url()).pathname.slice(1);
    await superuser.query(`CREATE ROLE ${role} LOGIN PASSWORD 'app-secret' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    try {
      await superuser.query(`GRANT CONNECT ON DATABASE "${db}" TO ${role}`);
      await superuser.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await superuser.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      await superuser.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      const as = new URL(url());
      as.username = role;
      as.password = 'app-secret';
      const app = new Client({ connectionString: as.toString() });
      await app.connect();
      try {
        const refused = async (text: string) =>
          app.query(text).then(
            () => 'allowed',
            (e: Error) => e.message,
          );
        expect(await refused(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)).toMatch(/must be owner/);
        expect(await refused(`SET session_replication_role = replica`)).toMatch(/permission denied/);
        expect(await refused(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).toMatch(/append-only/);
        expect(await refused(`DELETE FROM audit_log WHERE seq = 1`)).toMatch(/append-only/);
        expect(await refused(`TRUNCATE audit_log`)).toMatch(/permission denied|append-only/);
        expect(await refused(`UPDATE audit_chain_head SET seq = 0`)).toMatch(/moves only with audit_log/);
        expect(
          await refused(`CREATE TRIGGER t BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`),
        ).toMatch(/must be owner|permission denied/);
        await app.query(`INSERT INTO audit_log (action, entity) VALUES ('user.update', 'user')`);
      } finally {
        await app.end();
      }
      expect(await verifyAuditChain(await getDb())).toMatchObject({ ok: true });
    } finally {
      await superuser.query(`DROP OWNED BY ${role}`);
      await superuser.query(`DROP ROLE ${role}`);
    }
  });
});

describe('audit:verify', () => {
  it('passes an untouched log', async () => {
    const report = await verifyAuditChain(await getDb());
    expect(report).toMatchObject({ ok: true });
    expect(report.rows).toBe((await chainRows()).length);
    expect(report.rows).toBeGreaterThanOrEqual(300);
  });

  it('finds every one of 150 changes, deletions and insertions at random places, naming the first broken row', async () => {
    const rows = await chainRows();
    const n = rows.length;
    const random = prng(21);
    const pick = () => Math.floor(random() * n); // an index into rows
    const fields = [
      `action = action || 'x'`,
      `entity_id = coalesce(entity_id, '') || '1'`,
      `after = jsonb_build_object('forged', true)`,
      `before = NULL`,
      `at = at + interval '1 microsecond'`,
      `actor_id = coalesce(actor_id, 1) + 1`,
      `hash = md5(hash) || md5(hash)`,
      `prev_hash = repeat('1', 64)`,
    ];
    const seen = { change: 0, delete: 0, insert: 0 };
    for (let trial = 0; trial < 150; trial++) {
      const kind = (['change', 'delete', 'insert'] as const)[trial % 3];
      seen[kind] += 1;
      const i = pick();
      const row = rows[i];
      let report: ChainReport;
      let expected: { id: number | null; reason: string };
      if (kind === 'change') {
        const field = fields[Math.floor(random() * fields.length)];
        report = await tampered((c) => c.query(`UPDATE audit_log SET ${field} WHERE id = $1`, [row.id]));
        expected = { id: row.id, reason: field.startsWith('prev_hash') ? 'prev_hash' : 'content' };
      } else if (kind === 'delete') {
        report = await tampered((c) => c.query(`DELETE FROM audit_log WHERE id = $1`, [row.id]));
        expected = i === n - 1 ? { id: null, reason: 'head' } : { id: rows[i + 1].id, reason: 'missing_rows' };
      } else {
        // A careful forger: the row takes row i's place, names the right previous hash and hashes
        // its own content correctly; only its place in an unbroken chain gives it away.
        const prev = i === 0 ? '0'.repeat(64) : rows[i - 1].hash;
        let forged = 0;
        report = await tampered(async (c) => {
          const { rows: ins } = await c.query<{ id: string }>(
            `INSERT INTO audit_log (action, entity, entity_id, after, seq, prev_hash, hash)
             VALUES ('user.enable', 'user', '1', '{"forged":true}', $1, $2, 'x') RETURNING id`,
            [row.seq, prev],
          );
          forged = Number(ins[0].id);
          await c.query(
            `UPDATE audit_log a SET hash = audit_chain_hash(a.prev_hash, audit_row_content(a)) WHERE id = $1`,
            [forged],
          );
        });
        expected = { id: forged, reason: 'inserted_row' };
      }
      expect(report.ok, `trial ${trial}: ${kind} at place ${row.seq}`).toBe(false);
      if (!report.ok) {
        expect(
          { id: report.broken.id, reason: report.broken.reason },
          `trial ${trial}: ${kind} at place ${row.seq}`,
        ).toEqual(expected);
      }
    }
    expect(Math.min(seen.change, seen.delete, seen.insert)).toBeGreaterThanOrEqual(50);
    // An appended row with a correct hash is caught by the head; so is a head moved without a row.
    const last = rows[n - 1];
    const appended = await tampered(async (c) => {
      await c.query(
        `INSERT INTO audit_log (action, entity, seq, prev_hash, hash) VALUES ('user.enable', 'user', $1, $2, 'x')`,
        [last.seq + 1, last.hash],
      );
      await c.query(
        `UPDATE audit_log a SET hash = audit_chain_hash(a.prev_hash, audit_row_content(a)) WHERE seq = $1`,
        [last.seq + 1],
      );
    });
    expect(appended).toMatchObject({ ok: false, broken: { reason: 'head' } });
    const headMoved = await tampered((c) => c.query(`UPDATE audit_chain_head SET seq = seq + 1`));
    expect(headMoved).toMatchObject({ ok: false, broken: { reason: 'head' } });
    expect((await verifyAuditChain(await getDb())).ok).toBe(true);
  });
});

describe('the chain under concurrent writers', () => {
  it('lets 25 parallel audited transactions all commit, each in its own place, and the chain verifies', async () => {
    const pool = new Pool({ connectionString: url(), max: 25 });
    try {
      const db = drizzle(pool, { schema });
      const before = (await chainRows()).length;
      const results = await Promise.allSettled(
        Array.from({ length: 25 }, (_, i) =>
          db.transaction(async (tx) => {
            await writeAudit(tx, null, { action: 'user.update', entity: 'user', entityId: i, after: { i } });
            // Hold the head a moment so that the writers really queue behind one another.
            await tx.execute(sql`SELECT pg_sleep(0.02)`);
            await writeAudit(tx, null, { action: 'user.enable', entity: 'user', entityId: i });
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const rows = await chainRows();
      expect(rows.length).toBe(before + 50);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, k) => k + 1));
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: before + 50 });
      // A writer that rolls back leaves no gap.
      await db
        .transaction(async (tx) => {
          await writeAudit(tx, null, { action: 'user.update', entity: 'user', entityId: 0 });
          throw new Error('roll back');
        })
        .catch(() => {});
      await db.transaction((tx) => writeAudit(tx, null, { action: 'user.update', entity: 'user', entityId: 1 }));
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: before + 51 });
    } finally {
      await pool.end();
    }
  });

  it('costs an audited write little: the chain trigger against the same insert without it', async () => {
    const N = 300;
    const time = async (chain: boolean) => {
      await superuser.query('BEGIN');
      try {
        if (!chain) await superuser.query(`SET LOCAL session_replication_role = replica`);
        const t0 = performance.now();
        for (let i = 0; i < N; i++) {
          await superuser.query(
            `INSERT INTO audit_log (action, entity, entity_id, after, seq, prev_hash, hash) VALUES ('user.update', 'user', $1, '{"a":1}', 0, '', '')`,
            [String(i)],
          );
        }
        return (performance.now() - t0) / N;
      } finally {
        await superuser.query('ROLLBACK');
      }
    };
    await time(true); // warm-up
    const plain = await time(false);
    const chained = await time(true);
    console.log(`[audit] insert: ${plain.toFixed(3)} ms plain, ${chained.toFixed(3)} ms chained (per row, ${N} rows)`);
    expect(chained).toBeLessThan(plain + 5);
  });
});
