import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, cases, mutualCaps, payments } from '@/db/schema';
import { decideCase, recordPayment } from '@/lib/cases/case-actions';
import {
  enrolConfirmed,
  hospitalClaim,
  medicalScheme,
  ok,
  submittedClaim,
  today,
  waitOut,
  workersOfFirstSubBranch,
  year,
} from '../mutual-aid-fixtures';
import { signInAs } from '../session';

// Enough connections that the parallel calls really run at once on the server.
process.env.PG_POOL_MAX = '30';

const PARALLEL = 25;

async function head(caseId: number) {
  const db = await getDb();
  const [c] = await db.select({ version: cases.version, state: cases.state }).from(cases).where(eq(cases.id, caseId));
  return c;
}

// Only against the real PostgreSQL server: PGlite runs one transaction at a time.
describe.skipIf(!process.env.TEST_DATABASE_URL)('mutual-aid races on the real server', () => {
  it(`${PARALLEL} claims of one member approved at the same moment never pass the yearly cap`, async () => {
    const s = await medicalScheme();
    const [w] = await workersOfFirstSubBranch();
    const e = (await enrolConfirmed(s.id, [w.id])).get(w.id)!;
    await waitOut(e);
    // Each claim pays ¥4,500 (self-paid ¥10,000): a cap of ¥30,200 holds six of them.
    const claims = [];
    for (let i = 0; i < PARALLEL; i++) {
      const c = await submittedClaim(w.employeeNo, hospitalClaim(e, 10_000));
      await signInAs('S0001');
      ok(await decideCase({ caseId: c.id, version: (await head(c.id)).version, decision: 'approve', comment: '' }));
      await signInAs('B0001');
      ok(await decideCase({ caseId: c.id, version: (await head(c.id)).version, decision: 'approve', comment: '' }));
      claims.push({ id: c.id, version: (await head(c.id)).version });
    }
    await signInAs('L0001');
    const results = await Promise.all(
      claims.map((c) => decideCase({ caseId: c.id, version: c.version, decision: 'approve', comment: '' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    for (const r of results) if (!r.ok) expect(r.fieldErrors).toEqual({ decision: ['mutualCapExceeded'] });
    const db = await getDb();
    const [cap] = await db
      .select()
      .from(mutualCaps)
      .where(and(eq(mutualCaps.enrolmentId, e), eq(mutualCaps.year, year)));
    expect(cap.usedFen).toBe(6 * 450_000);
    const states = await Promise.all(claims.map((c) => head(c.id)));
    expect(states.filter((c) => c.state === 'ready_for_payment')).toHaveLength(6);
    expect(states.filter((c) => c.state === 'reviewed')).toHaveLength(PARALLEL - 6);

    // 25 payments of one approved claim at once: one payment, one audit row.
    const paid = claims.find((_, i) => results[i].ok)!;
    const version = (await head(paid.id)).version;
    await signInAs('L0002');
    const pays = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        recordPayment({
          caseId: paid.id,
          version,
          paidOn: today,
          method: 'bank_transfer',
          reference: `R${i}`,
          repeatReason: '',
        }),
      ),
    );
    expect(pays.filter((r) => r.ok)).toHaveLength(1);
    const [{ n }] = await db.select({ n: count() }).from(payments).where(eq(payments.caseId, paid.id));
    expect(n).toBe(1);
    const [{ audits }] = await db
      .select({ audits: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.pay'), eq(auditLog.entityId, String(paid.id))));
    expect(audits).toBe(1);
  });
});
