import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setBudget } from '@/lib/aid/aid-admin-actions';
import {
  decideCase,
  decideObjection,
  objectToCase,
  recordPayment,
  resubmitCase,
  submitCase,
  withdrawCase,
} from '@/lib/cases/case-actions';
import { getDb } from '@/db/client';
import { caseFigures } from '@/db/queries/case-dashboard';
import { paymentCharts } from '@/db/queries/dashboard-charts';
import { rng } from '@/db/demo-data';
import { cases, orgUnits } from '@/db/schema';
import type { AidKind } from '@/lib/aid/standards';
import { closeDuePublicity } from '@/lib/cases/publicity';
import { todayInChina } from '@/lib/dates';
import { CASE_COUNTS_FROM_BASE, CASE_STATS_FROM_BASE, PAYMENT_MONTHS_FROM_BASE } from '@/lib/stats/case-stats';
import type { CaseState } from '@/lib/workflow/case-workflow';
import { saveTestStandard } from '../cases-fixtures';
import { signInAs } from '../session';

/**
 * The dashboards' aggregates (case_stats, case_counts) are kept by the actions themselves, in the
 * same transaction as each change. After a long random sequence of real actions — submit, approve
 * at every step, return and resubmit, reject, withdraw, objections upheld and dismissed, the
 * publicity sweep, payments in two years — they must equal the same figures computed from the base
 * tables with GROUP BY: for the whole mine and for one branch.
 */

const today = todayInChina();
const year = Number(today.slice(0, 4));
const KINDS: AidKind[] = ['poverty', 'death_of_parent'];

/** Two applicants in different branches, each with the people of their chain. */
const CHAINS = [
  { applicant: 'W0001', verifier: 'S0001', reviewer: 'B0001' },
  { applicant: 'W0037', verifier: 'S0005', reviewer: 'B0002' },
];
type Chain = (typeof CHAINS)[number];

interface Tracked {
  id: number;
  chain: Chain;
}

function ok<T>(r: { ok: true; data: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

async function head(id: number): Promise<{ state: CaseState; version: number }> {
  const [c] = await (
    await getDb()
  )
    .select({ state: cases.state, version: cases.version })
    .from(cases)
    .where(eq(cases.id, id));
  return c;
}

type Row = Record<string, unknown>;
const key = (r: Row) =>
  JSON.stringify(
    Object.keys(r)
      .sort()
      .map((k) => [k, String(r[k])]),
  );
const sorted = (rows: Row[]) => rows.map(key).sort();

/** The aggregate's rows (zeros left out: a row may stay at zero) and the base tables' rows, both within the units under `path`. */
async function compare(table: string, fromBase: string, path: string) {
  const db = await getDb();
  const inPath = sql`unit_id IN (SELECT id FROM org_units WHERE path LIKE ${`${path}%`})`;
  const counted = sql.raw(table === 'payment_months' ? 'payments' : 'cases');
  const kept = await db.execute<Row>(sql`SELECT * FROM ${sql.raw(table)} WHERE ${counted} <> 0 AND ${inPath}`);
  const base = await db.execute<Row>(sql`SELECT * FROM (${sql.raw(fromBase)}) b WHERE ${inPath}`);
  return { kept: sorted(kept.rows), base: sorted(base.rows) };
}

/** One random action on one case, through the real server actions, as the person whose move it is. */
async function step(r: () => number, t: Tracked): Promise<string> {
  const db = await getDb();
  const { state, version } = await head(t.id);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const decide = async (who: string) => {
    const decision = pick(['approve', 'approve', 'approve', 'return', 'reject'] as const);
    await signInAs(who);
    // Random cases repeat each other's kind and year: approval then needs the audited reason.
    ok(await decideCase({ caseId: t.id, version, decision, comment: '测试', repeatReason: '测试' }));
    return decision;
  };
  switch (state) {
    case 'submitted':
      if (r() < 0.1) {
        await signInAs(t.chain.applicant);
        ok(await withdrawCase({ caseId: t.id, version }));
        return 'withdraw';
      }
      return decide(t.chain.verifier);
    case 'verified':
      return decide(t.chain.reviewer);
    case 'reviewed':
      return decide('L0001');
    case 'returned_from_verification':
    case 'returned_from_review':
    case 'returned_from_approval':
      await signInAs(t.chain.applicant);
      ok(await resubmitCase({ caseId: t.id, version }));
      return 'resubmit';
    case 'in_publicity': {
      if (r() < 0.5) {
        await signInAs('W0040');
        const objection = ok(await objectToCase({ caseId: t.id, reason: '测试异议' }));
        const uphold = r() < 0.5;
        await signInAs('L0002');
        ok(await decideObjection({ objectionId: objection.id, uphold, comment: '测试' }));
        return uphold ? 'uphold' : 'dismiss';
      }
      // The window ends: the system's sweep closes it.
      await db
        .update(cases)
        .set({ publicityEnd: sql`publicity_start` })
        .where(eq(cases.id, t.id));
      await closeDuePublicity(db, '2999-01-01');
      return 'close';
    }
    case 'ready_for_payment': {
      await signInAs('L0003');
      const paidOn = r() < 0.5 ? today : `${year - 1}-12-15`;
      ok(
        await recordPayment({
          caseId: t.id,
          version,
          paidOn,
          method: 'bank_transfer',
          reference: 'T',
          repeatReason: '测试',
        }),
      );
      return 'pay';
    }
    default:
      return 'final';
  }
}

let branchPath = '';

const TABLES = [
  ['case_stats', CASE_STATS_FROM_BASE],
  ['case_counts', CASE_COUNTS_FROM_BASE],
  ['payment_months', PAYMENT_MONTHS_FROM_BASE],
] as const;

beforeAll(async () => {
  await saveTestStandard();
  await signInAs('L0003');
  for (const y of [year - 1, year])
    for (const aidKind of KINDS) ok(await setBudget({ year: y, aidKind, unitId: '', amount: '10000000' }));
  const [b01] = await (await getDb()).select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.code, 'B01'));
  branchPath = b01.path;

  const r = rng(20_261_124);
  const tracked: Tracked[] = [];
  for (let i = 0; i < 300; i++) {
    // New applications keep arriving while older ones move on.
    if (tracked.length < 24 && (tracked.length < 4 || r() < 0.15)) {
      const chain = CHAINS[tracked.length % CHAINS.length];
      await signInAs(chain.applicant);
      const aidKind = KINDS[Math.floor(r() * KINDS.length)];
      const { id } = ok(
        await submitCase({
          token: randomUUID(),
          aidKind,
          eventOn: today,
          eventKey: `e${i}`,
          whatHappened: '家中困难',
          helpAsked: '生活补助',
        }),
      );
      tracked.push({ id, chain });
      continue;
    }
    await step(r, tracked[Math.floor(r() * tracked.length)]);
  }
  // The sequence reached every kind of change (else the test would prove less than it says).
  const db = await getDb();
  const actions = await db.execute<{ action: string }>(sql`SELECT DISTINCT action FROM case_steps`);
  expect(actions.rows.map((a) => a.action).sort()).toEqual(
    [
      'approve',
      'close_publicity',
      'dismiss_objection',
      'pay',
      'reject',
      'resubmit',
      'return',
      'submit',
      'uphold_objection',
      'withdraw',
    ].sort(),
  );
}, 240_000);

describe('the dashboards’ aggregates after random changes through the actions', () => {
  it('equal the base tables for the whole mine: approved and paid per year, unit and kind; cases per unit and state; payments per month and unit', async () => {
    for (const [table, base] of TABLES) {
      const { kept, base: fromBase } = await compare(table, base, '');
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(fromBase);
    }
  });

  it('equal the base tables for one branch', async () => {
    for (const [table, base] of TABLES) {
      const { kept, base: fromBase } = await compare(table, base, branchPath);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(fromBase);
    }
  });

  it('give the dashboard the figures the base tables give', async () => {
    const db = await getDb();
    for (const who of ['L0001', 'B0001']) {
      const actor = await signInAs(who);
      const inScope =
        who === 'L0001'
          ? sql`true`
          : sql`cases.unit_id IN (SELECT id FROM org_units WHERE path LIKE ${`${branchPath}%`})`;
      for (const y of [year - 1, year]) {
        const f = (await caseFigures(db, actor, today, { year: y }))!;
        const { rows } = await db.execute<{
          kind: string;
          approved: number;
          approved_fen: string;
          paid: number;
          paid_fen: string;
        }>(sql`
          SELECT cases.aid_kind AS kind,
            count(DISTINCT cases.id) FILTER (WHERE cases.state IN ('in_publicity', 'ready_for_payment', 'paid') AND extract(year FROM cases.publicity_start) = ${y})::int AS approved,
            coalesce(sum(cases.amount_fen) FILTER (WHERE cases.state IN ('in_publicity', 'ready_for_payment', 'paid') AND extract(year FROM cases.publicity_start) = ${y}), 0)::text AS approved_fen,
            count(payments.id) FILTER (WHERE extract(year FROM payments.paid_on) = ${y})::int AS paid,
            coalesce(sum(payments.amount_fen) FILTER (WHERE extract(year FROM payments.paid_on) = ${y}), 0)::text AS paid_fen
          FROM cases LEFT JOIN payments ON payments.case_id = cases.id WHERE ${inScope} GROUP BY cases.aid_kind`);
        for (const k of KINDS) {
          const base = rows.find((b) => b.kind === k);
          const got = f.perKind.find((p) => p.kind === k);
          expect(
            [got?.approvedCount ?? 0, got?.approvedFen ?? 0, got?.paidCount ?? 0, got?.paidFen ?? 0],
            `${who} ${y} ${k}`,
          ).toEqual([
            base?.approved ?? 0,
            Number(base?.approved_fen ?? 0),
            base?.paid ?? 0,
            Number(base?.paid_fen ?? 0),
          ]);
        }
      }
      const { rows: waiting } = await db.execute<{ state: string; n: number }>(
        sql`SELECT state, count(*)::int AS n FROM cases WHERE ${inScope} GROUP BY state`,
      );
      const f = (await caseFigures(db, actor, today))!;
      for (const step of ['verification', 'review', 'approval', 'payment'] as const) {
        const state = {
          verification: 'submitted',
          review: 'verified',
          approval: 'reviewed',
          payment: 'ready_for_payment',
        }[step];
        expect(f.waits.find((w) => w.step === step)?.count, `${who} ${step}`).toBe(
          waiting.find((w) => w.state === state)?.n ?? 0,
        );
      }
    }
  });

  it('give the payment charts the months and units the base tables give', async () => {
    const db = await getDb();
    const [mine] = await db
      .select({ id: orgUnits.id, path: orgUnits.path })
      .from(orgUnits)
      .where(eq(orgUnits.level, 'mine'));
    for (const y of [year - 1, year]) {
      const charts = await paymentCharts(db, await signInAs('L0001'), mine, y);
      const { rows } = await db.execute<{ month: number; n: number; fen: string }>(sql`
        SELECT extract(month FROM paid_on)::int AS month, count(*)::int AS n, sum(amount_fen)::text AS fen FROM payments WHERE extract(year FROM paid_on) = ${y} GROUP BY 1`);
      expect(rows.length).toBeGreaterThan(0);
      expect(charts.months.filter((m) => m.count > 0)).toEqual(
        rows.map((r) => ({ month: r.month, count: r.n, fen: Number(r.fen) })).sort((a, b) => a.month - b.month),
      );
      expect(charts.perUnit.reduce((n, u) => n + u.count, 0)).toBe(rows.reduce((n, r) => n + r.n, 0));
    }
  });

  it('narrow to a unit in scope, and give nothing for a unit outside it', async () => {
    const db = await getDb();
    const [b02] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, 'B02'));
    const [b01] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, 'B01'));
    const branch = (await caseFigures(db, await signInAs('B0001'), today))!;
    const narrowed = (await caseFigures(db, await signInAs('L0001'), today, { unitId: b01.id }))!;
    expect(narrowed.perKind.map(({ budget: _, ...k }) => k)).toEqual(branch.perKind.map(({ budget: _, ...k }) => k));
    expect(narrowed.waits).toEqual(branch.waits);
    expect(await caseFigures(db, await signInAs('B0001'), today, { unitId: b02.id })).toBeNull();
    expect(await caseFigures(db, await signInAs('B0001'), today, { unitId: 999_999 })).toBeNull();
  });
});
