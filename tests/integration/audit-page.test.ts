import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/audit/route';
import { getDb } from '@/db/client';
import { listAudit, type AuditFilter } from '@/db/queries/audit';
import { auditLog } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { todayInChina } from '@/lib/dates';
import { parseCsv } from '../csv';
import { signInAs, userId } from '../session';

const exportOf = (query: string, locale?: 'en' | 'zh-CN') =>
  GET(
    new Request(`http://localhost/api/audit?${query}`, locale ? { headers: { cookie: `NEXT_LOCALE=${locale}` } } : {}),
  );

async function csvOf(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(3));
  const [header, ...rows] = parseCsv(text);
  return { header, rows };
}

/** Every row the page shows for a filter, following its keyset pages to the end. */
async function allPages(f: AuditFilter): Promise<number[]> {
  const db = await getDb();
  const ids: number[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listAudit(db, f, { after });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) return ids;
    after = page.next;
  }
}

describe('the audit page filters and export', () => {
  it('filters by person, record type and record, action and date, paging by keyset', async () => {
    const db = await getDb();
    const a1 = await userId('A0001');
    const l1 = await userId('L0001');
    for (let i = 0; i < 70; i++) {
      await db.transaction((tx) =>
        writeAudit(tx, i % 2 ? a1 : l1, {
          action: i % 3 ? 'user.update' : 'household.update',
          entity: i % 3 ? 'user' : 'household',
          entityId: 9000 + (i % 7),
          after: { phone: '138****0000', note: 'a, "quoted" note' },
        }),
      );
    }
    const households = await allPages({ entity: 'household' });
    expect(households.length).toBeGreaterThanOrEqual(24);
    const rows = await db.select({ entity: auditLog.entity }).from(auditLog).where(eq(auditLog.entity, 'household'));
    expect(households.length).toBe(rows.length);
    const one = await allPages({ entity: 'user', entityId: '9001' });
    expect(one.length).toBe(
      (
        await db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, '9001')))
      ).length,
    );
    const byLeader = await allPages({ who: 'l0001', what: 'household.' });
    expect(byLeader.length).toBeGreaterThan(0);
    const check = await db
      .select({ actorId: auditLog.actorId, action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.id, byLeader[0]));
    expect(check[0]).toEqual({ actorId: l1, action: 'household.update' });
    // Newest first across pages, no row twice.
    const all = await allPages({ what: 'user.' });
    expect(all.length).toBeGreaterThan(40);
    expect(new Set(all).size).toBe(all.length);
    expect(await allPages({ entity: 'user', from: '2000-01-01', to: '2000-12-31' })).toEqual([]);
    expect((await allPages({ entity: 'user', from: todayInChina(), to: todayInChina() })).length).toBeGreaterThan(40);
  });

  it('exports as CSV exactly the rows the page shows for the same filters, in both languages, audited', async () => {
    await signInAs('L0001');
    const filters = { entity: 'household' };
    const shown = await allPages(filters);
    const en = await csvOf(await exportOf('entity=household', 'en'));
    expect(en.header).toEqual([
      'No.',
      'When',
      'By (employee no.)',
      'By',
      'Action',
      'Record type',
      'Record no.',
      'Description',
      'Before',
      'After',
      'Chain hash',
    ]);
    expect(en.rows.map((r) => Number(r[0]))).toEqual(shown);
    expect(en.rows[0][7]).toMatch(/^Changed the details of household No\. 900\d$/);
    expect(JSON.parse(en.rows[0][9])).toEqual({ phone: '138****0000', note: 'a, "quoted" note' });
    expect(en.rows[0][10]).toMatch(/^[0-9a-f]{64}$/);
    const zh = await csvOf(await exportOf('entity=household&who=A0001', 'zh-CN'));
    expect(zh.header[0]).toBe('编号');
    expect(zh.rows.length).toBe((await allPages({ entity: 'household', who: 'A0001' })).length);
    expect(zh.rows.every((r) => r[2] === 'A0001')).toBe(true);
    const db = await getDb();
    const [row] = await db
      .select({ after: auditLog.after, actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.action, 'audit.export'))
      .orderBy(auditLog.id)
      .limit(1);
    expect(row).toEqual({ actorId: await userId('L0001'), after: { format: 'csv', filters: { entity: 'household' } } });
  });

  it('refuses anyone without the audit page', async () => {
    await signInAs('B0001');
    expect((await exportOf('')).status).toBe(403);
    await signInAs('W0001');
    expect((await exportOf('')).status).toBe(403);
  });
});
