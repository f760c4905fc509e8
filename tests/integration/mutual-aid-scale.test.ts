import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScale } from '@/db/scale';

const WORKERS = 3_000;

// The provincial-scale loader's mutual aid, in a database of its own like seed-scale.test.ts.
describe(`seed:scale's mutual aid at ${WORKERS.toLocaleString('en')} workers`, () => {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://localhost/none');
  const name = `${base.pathname.slice(1)}_mutual_scale`;
  const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  const db = new Client({ connectionString: url });
  const count = async (text: string) => Number((await db.query<{ n: string }>(text)).rows[0].n);
  let today = '';

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    today = (await seedScale({ url, workers: WORKERS })).today;
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('enrols about 60 % of the workers each year and a third of them claim', async () => {
    const thisYear = Number(today.slice(0, 4));
    const enrolled = await count(`SELECT count(*) AS n FROM mutual_enrolments WHERE year = ${thisYear - 1}`);
    expect(enrolled / WORKERS).toBeGreaterThan(0.55);
    expect(enrolled / WORKERS).toBeLessThan(0.65);
    const claims = await count(`SELECT count(*) AS n FROM mutual_claims WHERE cap_year = ${thisYear - 1}`);
    expect(claims / enrolled).toBeGreaterThan(0.28);
    expect(claims / enrolled).toBeLessThan(0.38);
  });

  it('pays each paid claim once, from its fund, within its cap, dated before today', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM cases c WHERE c.kind = 'mutual_aid' AND c.state = 'paid'
        AND (SELECT count(*) FROM payments p WHERE p.case_id = c.id AND p.amount_fen = c.amount_fen AND p.budget_id IS NULL) <> 1`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM mutual_funds f WHERE f.payouts_fen <> (SELECT coalesce(sum(p.amount_fen), 0)
        FROM payments p JOIN mutual_claims m ON m.case_id = p.case_id WHERE m.scheme_id = f.scheme_id AND m.cap_year = f.year)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM mutual_caps c WHERE c.used_fen <> (SELECT coalesce(sum(cap_drawn_fen), 0)
        FROM mutual_claims m WHERE m.enrolment_id = c.enrolment_id AND m.cap_year = c.year) OR c.used_fen > c.cap_fen`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM mutual_claims m JOIN cases c ON c.id = m.case_id
        WHERE c.unit_id <> m.unit_id OR m.self_paid_fen + m.basic_fen + m.other_fen <> m.total_fen`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM payments WHERE paid_on >= DATE '${today}'`)).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM cases WHERE kind = 'mutual_aid' AND event_on >= DATE '${today}'`),
    ).toBe(0);
  });
});
