import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/exports/[ledger]/route';
import { getDb, type Database } from '@/db/client';
import { listCases } from '@/db/queries/case-list';
import { ledgerSource, listPayments } from '@/db/queries/exports';
import type { PageAt } from '@/db/queries/keyset';
import { listHouseholds } from '@/db/queries/register';
import { auditLog, budgets, cases, orgUnits, payments, users } from '@/db/schema';
import { caseNumber } from '@/lib/cases/format';
import { dayInChina, todayInChina } from '@/lib/dates';
import { parseLedgerFilters, type Ledger } from '@/lib/exports/ledgers';
import { rebuildCaseStats } from '@/lib/stats/case-stats';
import { HOUSEHOLD_SORTS } from '@/lib/register/search-params';
import type { Actor } from '@/lib/scope';
import { parseCsv } from '../csv';
import { signInAs, signOutSession, userId } from '../session';

const MASKED_ID = /^\d{4}\*{10}[\dX]{4}$/;
const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;
const YEAR = 2024;

function exportOf(ledger: string, query = '', locale?: 'en' | 'zh-CN') {
  const headers = locale ? { cookie: `theme=x; NEXT_LOCALE=${locale}` } : undefined;
  return GET(new Request(`http://localhost/api/exports/${ledger}?${query}`, { headers }), {
    params: Promise.resolve({ ledger }),
  });
}

async function csvOf(res: Response) {
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes.slice(3)));
  return { header, rows, col: (name: string) => rows.map((r) => r[header.indexOf(name)]) };
}

async function xlsxOf(res: Response) {
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0];
  const all: unknown[][] = [];
  ws.eachRow((r) => all.push((r.values as unknown[]).slice(1)));
  const [header, ...rows] = all as [string[], ...unknown[][]];
  return { ws, header, rows, col: (name: string) => rows.map((r) => r[header.indexOf(name)]) };
}

/** Every page of a list, in order, following each page's `next` cursor. */
async function allPages<R>(page: (at: PageAt) => Promise<{ rows: R[]; next: string | null }>): Promise<R[]> {
  const out: R[] = [];
  for (let at: PageAt = {}; ;) {
    const { rows, next } = await page(at);
    out.push(...rows);
    if (!next) return out;
    at = { after: next };
  }
}

async function exported<L extends Ledger>(actor: Actor, ledger: L, query: string, size: number) {
  const source = await ledgerSource(db, actor, ledger, parseLedgerFilters(ledger, new URLSearchParams(query)));
  const rows = [];
  for await (const batch of source.batches(size)) rows.push(...batch);
  return { rows, count: await source.count() };
}

let db: Database;
let outside: string; // a worker outside S0001's sub-branch
let inside: string; // a worker of S0001's sub-branch
let paidIds: number[] = [];

beforeAll(async () => {
  db = await getDb();
  const s1 = await signInAs('S0001');
  const workers = await db
    .select({ no: users.employeeNo, path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(eq(users.role, 'worker'))
    .orderBy(users.employeeNo);
  inside = workers.find((w) => w.path.startsWith(s1.unitPath) && w.no !== 'W0001')!.no;
  outside = workers.find((w) => !w.path.startsWith(s1.unitPath))!.no;

  // 90 submitted cases over several workers and both years, many sharing one updated_at so the
  // keyset has ties to break across batch boundaries.
  const same = new Date('2025-01-15T02:03:04.123456Z');
  const applicants = [inside, outside, ...workers.slice(20, 26).map((w) => w.no)];
  const values = [];
  for (let i = 0; i < 90; i++) {
    const no = applicants[i % applicants.length];
    const [{ id, unitId }] = await db
      .select({ id: users.id, unitId: users.unitId })
      .from(users)
      .where(eq(users.employeeNo, no));
    values.push({
      aidKind: (i % 3 === 0 ? 'illness' : 'poverty') as 'illness' | 'poverty',
      applicantId: id,
      unitId,
      category: 'none',
      state: (i % 2 === 0 ? 'paid' : 'submitted') as 'paid' | 'submitted',
      eventOn: `${YEAR + (i % 2)}-03-01`,
      whatHappened: '测试',
      amountFen: 100_000 + i * 1_001,
      appliedOn: `${YEAR + (i % 4 < 2 ? 0 : 1)}-03-0${1 + (i % 5)}`,
      submittedAt: same,
      updatedAt: i % 4 === 0 ? new Date(same.getTime() + i * 1000) : same,
      submitToken: randomUUID(),
    });
  }
  const inserted = await db
    .insert(cases)
    .values(values)
    .returning({ id: cases.id, state: cases.state, amountFen: cases.amountFen, appliedOn: cases.appliedOn });
  const [budget] = await db
    .insert(budgets)
    .values({ year: YEAR, aidKind: 'poverty', amountFen: 1_000_000_000 })
    .onConflictDoNothing()
    .returning({ id: budgets.id });
  const budgetId =
    budget?.id ??
    (
      await db
        .select({ id: budgets.id })
        .from(budgets)
        .where(and(eq(budgets.year, YEAR), eq(budgets.aidKind, 'poverty')))
    )[0].id;
  const recorder = await userId('L0002');
  const paid = inserted.filter((c) => c.state === 'paid');
  paidIds = paid.map((c) => c.id);
  await db.insert(payments).values(
    paid.map((c, i) => ({
      caseId: c.id,
      budgetId,
      amountFen: c.amountFen!,
      // Several payments a day, so the ledger's order has ties on the date too.
      paidOn: `${YEAR}-0${1 + (i % 6)}-1${i % 3}`,
      method: (i % 2 ? 'cash' : 'bank_transfer') as 'cash' | 'bank_transfer',
      reference: i === 0 ? '=HYPERLINK("http://evil","点我")' : `BANK-${i}, 第${i}笔`,
      recordedBy: recorder,
    })),
  );
  // Inserted straight, past recordPayment: the ledger's totals read the aggregates it would keep.
  await db.transaction((tx) => rebuildCaseStats(tx));
});

describe('GET /api/exports/[ledger]: who may', () => {
  it('answers 401 to nobody, 403 to a worker and an administrator, 404 to an unknown ledger', async () => {
    signOutSession();
    expect((await exportOf('register')).status).toBe(401);
    await signInAs('W0001');
    const worker = await exportOf('payments', 'format=csv');
    expect(worker.status).toBe(403);
    expect(worker.headers.get('Content-Disposition')).toBeNull();
    await signInAs('A0001');
    expect((await exportOf('cases')).status).toBe(403);
    await signInAs('L0001');
    expect((await exportOf('people')).status).toBe(404);
  });
});

describe('the register (困难职工台账)', () => {
  it('as CSV: a BOM, Chinese headers, the list’s rows in the list’s order, ID numbers and phones masked', async () => {
    const actor = await signInAs('L0001');
    const res = await exportOf('register', 'format=csv&sort=category&dir=desc&status=active');
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toContain('no-store');
    expect(res.headers.get('Content-Disposition')).toContain(`attachment; filename="`);
    expect(res.headers.get('Content-Disposition')).toContain(encodeURIComponent(`困难职工台账-${todayInChina()}.csv`));
    const list = await allPages((at) =>
      listHouseholds(db, actor, { sort: 'category', dir: 'desc', status: 'active' }, at),
    );
    expect(res.headers.get('X-Total-Rows')).toBe(String(list.length));
    const csv = await csvOf(res);
    expect(csv.header.slice(0, 5)).toEqual(['工号', '姓名', '身份证号', '单位', '困难类别']);
    expect(csv.col('工号')).toEqual(list.map((h) => h.employeeNo));
    expect(csv.col('单位')).toEqual(list.map((h) => h.unitName));
    expect(list.length).toBeGreaterThan(5);
    for (const id of csv.col('身份证号')) expect(id).toMatch(MASKED_ID);
    for (const phone of csv.col('联系电话')) expect(phone).toMatch(MASKED_PHONE);
    expect(new Set(csv.col('状态'))).toEqual(new Set(['在册']));
    for (const income of csv.col('家庭月收入（元）')) expect(income).toMatch(/^\d+\.\d{2}$/);
    for (const day of csv.col('建档日期')) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('as XLSX with English headers by the NEXT_LOCALE cookie; the file opens and holds the list', async () => {
    const actor = await signInAs('L0001');
    const res = await exportOf('register', 'format=xlsx&sort=unit', 'en');
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('Content-Disposition')).toContain(`hardship-register-${todayInChina()}.xlsx`);
    const xlsx = await xlsxOf(res);
    expect(xlsx.header.slice(0, 4)).toEqual(['Employee no.', 'Name', 'ID number', 'Unit']);
    const list = await allPages((at) => listHouseholds(db, actor, { sort: 'unit', dir: 'asc' }, at));
    expect(xlsx.col('Employee no.')).toEqual(list.map((h) => h.employeeNo));
    for (const id of xlsx.col('ID number')) expect(id).toMatch(MASKED_ID);
    for (const phone of xlsx.col('Phone')) expect(phone).toMatch(MASKED_PHONE);
    expect(xlsx.ws.getCell(2, xlsx.header.indexOf('Filed on') + 1).value).toBeInstanceOf(Date);
    expect(xlsx.col('Category').every((c) => typeof c === 'string' && !c.startsWith('register.'))).toBe(true);
  });

  it('reads in keyset batches that give exactly the list’s pages for every sort, both ways, ties included', async () => {
    const actor = await signInAs('L0001');
    for (const sort of HOUSEHOLD_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const list = await allPages((at) => listHouseholds(db, actor, { sort, dir }, at));
        const { rows, count } = await exported(actor, 'register', `sort=${sort}&dir=${dir}`, 4);
        expect(
          rows.map((r) => r.employeeNo),
          `${sort} ${dir}`,
        ).toEqual(list.map((h) => h.employeeNo));
        expect(count).toBe(list.length);
      }
    }
  });

  it('holds only an official’s units: S0001 gets their sub-branch’s share of L0001’s', async () => {
    const official = await signInAs('S0001');
    const theirs = await csvOf(await exportOf('register', 'format=csv'));
    const list = await allPages((at) => listHouseholds(db, official, { sort: 'worker', dir: 'asc' }, at));
    expect(theirs.col('工号')).toEqual(list.map((h) => h.employeeNo));
    await signInAs('L0001');
    const all = await csvOf(await exportOf('register', 'format=csv'));
    expect(theirs.rows.length).toBeGreaterThan(0);
    expect(theirs.rows.length).toBeLessThan(all.rows.length);
    const units = await db
      .select({ path: orgUnits.path })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(inArray(users.employeeNo, theirs.col('工号')));
    for (const u of units) expect(u.path.startsWith(official.unitPath)).toBe(true);
  });
});

describe('the cases (帮扶申请台账)', () => {
  it('as CSV under the list’s filters: the list’s cases, masked, amounts in yuan, dates as days', async () => {
    const actor = await signInAs('L0001');
    const query = `format=csv&year=${YEAR}&aidKind=poverty`;
    const res = await exportOf('cases', query);
    const csv = await csvOf(res);
    const list = await allPages((at) => listCases(db, actor, { year: YEAR, aidKind: 'poverty' }, at));
    expect(list.length).toBeGreaterThan(20);
    expect(res.headers.get('X-Total-Rows')).toBe(String(list.length));
    expect(csv.col('申请编号')).toEqual(list.map((c) => caseNumber(c.id)));
    expect(csv.col('金额（元）')).toEqual(list.map((c) => (c.amountFen! / 100).toFixed(2)));
    expect(csv.col('申请日期')).toEqual(list.map((c) => c.appliedOn));
    expect(csv.col('更新日期')).toEqual(list.map((c) => dayInChina(c.updatedAt)));
    expect(new Set(csv.col('帮扶类别'))).toEqual(new Set(['因贫致困']));
    for (const id of csv.col('身份证号')) expect(id).toMatch(MASKED_ID);
    const paidOn = csv.col('发放日期');
    expect(paidOn.filter(Boolean).length).toBe(list.filter((c) => c.state === 'paid').length);
  });

  it('keeps the list’s order across batches where many cases share one update time', async () => {
    const actor = await signInAs('L0001');
    const list = await allPages((at) => listCases(db, actor, {}, at));
    const { rows, count } = await exported(actor, 'cases', '', 7);
    expect(rows.map((r) => r.id)).toEqual(list.map((c) => c.id));
    expect(count).toBe(list.length);
  });

  it('as XLSX for an official: only their units’ cases (S0001 fewer than L0001)', async () => {
    const official = await signInAs('S0001');
    const xlsx = await xlsxOf(await exportOf('cases', 'format=xlsx'));
    const list = await allPages((at) => listCases(db, official, {}, at));
    expect(xlsx.col('申请编号')).toEqual(list.map((c) => caseNumber(c.id)));
    expect(xlsx.col('工号')).toContain(inside);
    expect(xlsx.col('工号')).not.toContain(outside);
    await signInAs('L0001');
    const all = await xlsxOf(await exportOf('cases', 'format=xlsx'));
    expect(all.col('工号')).toContain(outside);
    expect(xlsx.rows.length).toBeLessThan(all.rows.length);
    expect(xlsx.ws.getCell(2, xlsx.header.indexOf('金额（元）') + 1).numFmt).toBe('#,##0.00');
  });
});

describe('the payment ledger (发放台账)', () => {
  it('as XLSX: the ledger page’s payments, yuan as numbers with two decimals, masked IDs', async () => {
    const actor = await signInAs('L0001');
    const res = await exportOf('payments', `format=xlsx&year=${YEAR}`);
    const xlsx = await xlsxOf(res);
    const list = await allPages((at) => listPayments(db, actor, { year: YEAR }, at));
    expect(list.length).toBe(paidIds.length);
    expect(res.headers.get('X-Total-Rows')).toBe(String(list.length));
    expect(xlsx.col('申请编号')).toEqual(list.map((p) => caseNumber(p.caseId)));
    expect(xlsx.col('金额（元）')).toEqual(list.map((p) => p.amountFen / 100));
    expect(xlsx.col('发放日期')).toEqual(list.map((p) => new Date(`${p.paidOn}T00:00:00Z`)));
    expect(xlsx.col('登记人').every((n) => n === list[0].recordedByName)).toBe(true);
    for (const id of xlsx.col('身份证号')) expect(id).toMatch(MASKED_ID);
    // In a workbook a formula-looking reference is plain text already.
    expect(xlsx.col('凭证号')).toContain('=HYPERLINK("http://evil","点我")');
  });

  it('as CSV: references that look like formulas are neutralised, commas quoted; the page sums the money', async () => {
    const actor = await signInAs('L0001');
    const csv = await csvOf(await exportOf('payments', 'format=csv&aidKind=illness'));
    expect(csv.col('凭证号')).toContain(`'=HYPERLINK("http://evil","点我")`);
    expect(csv.col('凭证号').filter((r) => r.includes(', 第')).length).toBeGreaterThan(0);
    const { total, totalFen } = await listPayments(db, actor, { aidKind: 'illness' });
    expect(total).toEqual({ count: csv.rows.length, capped: false });
    expect(csv.col('金额（元）').reduce((s, y) => s + Math.round(Number(y) * 100), 0)).toBe(totalFen);
  });

  it('keeps the ledger’s order across batches with several payments a day', async () => {
    const actor = await signInAs('L0001');
    const list = await allPages((at) => listPayments(db, actor, {}, at));
    const { rows } = await exported(actor, 'payments', '', 5);
    expect(rows.map((r) => r.caseId)).toEqual(list.map((p) => p.caseId));
  });

  it('holds only an official’s units, and a unit filter outside them gives nothing', async () => {
    const official = await signInAs('S0001');
    const csv = await csvOf(await exportOf('payments', 'format=csv'));
    const list = await allPages((at) => listPayments(db, official, {}, at));
    expect(csv.col('申请编号')).toEqual(list.map((p) => caseNumber(p.caseId)));
    expect(csv.col('工号')).not.toContain(outside);
    expect(csv.rows.length).toBeLessThan(paidIds.length);
    const [{ unitId }] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.employeeNo, outside));
    const none = await exportOf('payments', `format=csv&unitId=${unitId}`);
    expect(none.headers.get('X-Total-Rows')).toBe('0');
    expect((await csvOf(none)).rows).toEqual([]);
  });
});

describe('the audit of exports', () => {
  it('records who exported which ledger, with which filters and how many rows', async () => {
    const actor = await signInAs('B0001');
    const res = await exportOf('cases', `format=csv&year=${YEAR}&state=paid&page=3`);
    await res.arrayBuffer();
    const [row] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'ledger.export'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row).toMatchObject({ actorId: actor.userId, entity: 'ledger', entityId: 'cases' });
    expect(row.after).toEqual({
      format: 'csv',
      filters: { year: YEAR, state: 'paid' },
      rows: Number(res.headers.get('X-Total-Rows')),
    });
  });
});
