import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import {
  auditLog,
  householdMembers,
  households,
  importJobs,
  importRecords,
  mutualEnrolments,
  users,
} from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { changePassword } from '@/lib/auth/password-actions';
import { recordVisit } from '@/lib/register/household-actions';
import { applyBatch } from '@/lib/imports/apply';
import { takeCredentials } from '@/lib/imports/credentials';
import { runEnrolmentImport, runHouseholdImport, runRosterImport } from '@/lib/imports/import-actions';
import { confirmEnrolments } from '@/lib/mutual-aid/enrolment-actions';
import { MAX_DATA_ROWS } from '@/lib/imports/read';
import { makeIdNumber } from '@/lib/id-number';
import { GET as credentialsGet } from '@/app/api/imports/jobs/[id]/credentials/route';
import { GET as reportGet } from '@/app/api/imports/jobs/[id]/report/route';
import { GET as templateGet } from '@/app/api/imports/template/[kind]/route';
import { POST as uploadPost } from '@/app/api/imports/upload/[kind]/route';
import { auditRows, csv, dry, dryAndApply, xlsx } from '../imports-fixtures';
import { medicalScheme, workersOfFirstSubBranch, year as mutualYear } from '../mutual-aid-fixtures';
import { signInAs } from '../session';

// Route handlers read the request's language through next-intl; here it is Chinese.
vi.mock('next-intl/server', async () => {
  const { messagesFor } = await import('@/lib/i18n/catalog');
  return {
    getLocale: async () => 'zh-CN',
    getTranslations: async (namespace?: string) =>
      createTranslator({ locale: 'zh-CN', messages: messagesFor('zh-CN'), namespace: namespace as never }),
  };
});

const ROSTER_HEAD = ['工号', '姓名', '单位编码', '身份证号码', '手机'];
const EN_HEAD = ['Employee number', 'Name', 'Unit code', 'ID number', 'Phone'];
const id = (seq: number) => makeIdNumber('110101', '19900101', seq);

async function person(employeeNo: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.employeeNo, employeeNo));
  return row;
}

describe('roster import', () => {
  it('creates accounts that sign in with their one-time password, then re-imports without a change', async () => {
    const admin = await signInAs('A0001');
    const file = csv([
      ROSTER_HEAD,
      ['x10001', '王新一', 'b01-02', id(1), '13900000001'],
      ['X10002', '李新二', 'B02-01', '', ''],
    ]);
    const first = await dryAndApply(admin, 'roster', file);
    expect(first.issues).toEqual([]);
    expect(first.done).toMatchObject({ status: 'done', created: 2, updated: 0, unchanged: 0 });
    const created = await person('X10001');
    expect(created).toMatchObject({ name: '王新一', role: 'worker', idNumber: id(1), mustChangePassword: true });
    expect(await auditRows('user.importCreate', created.id)).toBe(1);

    const db = await getDb();
    // The sheet of passwords is handed out once; each signs its account in.
    const sheet = await takeCredentials(db, admin, first.jobId);
    expect(sheet.map((s) => s.employeeNo)).toEqual(['X10001', 'X10002']);
    expect((await authenticate(db, 'X10001', sheet[0].password, '192.0.2.10')).status).toBe('ok');
    expect((await authenticate(db, 'X10002', sheet[0].password, '192.0.2.10')).status).toBe('invalid');
    await expect(takeCredentials(db, admin, first.jobId)).rejects.toMatchObject({ code: 'conflict' });
    // Until the one-time password is changed, nothing else is allowed.
    await signInAs('X10001');
    expect(await recordVisit({} as never)).toMatchObject({ ok: false, code: 'forbidden', error: 'mustChangePassword' });
    await expect(
      changePassword({ currentPassword: sheet[0].password, newPassword: 'mine12345', confirmPassword: 'mine12345' }),
    ).rejects.toThrow('NEXT_REDIRECT');
    expect(await person('X10001')).toMatchObject({ mustChangePassword: false });
    await signInAs('X10001');
    expect(await recordVisit({} as never)).toMatchObject({ ok: false, code: 'invalid' });
    await signInAs('A0001');
    const beforeAgain = await person('X10001');
    // Staged personal data is gone once the import is done.
    const staged = await db.select().from(importRecords).where(eq(importRecords.jobId, first.jobId));
    expect(staged.every((r) => JSON.stringify(r.data) === '{}')).toBe(true);

    // The same file again (headers in English this time): nothing changes, nothing is audited per person.
    const again = await dryAndApply(
      admin,
      'roster',
      csv([
        EN_HEAD,
        ...[
          ['X10001', '王新一', 'B01-02', id(1), '13900000001'],
          ['X10002', '李新二', 'B02-01', '', ''],
        ],
      ]),
    );
    expect(again.done).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await auditRows('user.importUpdate', created.id)).toBe(0);
    expect((await person('X10001')).updatedAt).toEqual(beforeAgain.updatedAt);

    // A changed row updates that worker, audited with before and after (masked).
    const changed = await dryAndApply(
      admin,
      'roster',
      csv([ROSTER_HEAD, ['X10001', '王新一', 'B01-03', id(1), '13900000009'], ['X10002', '李新二', 'B02-01', '', '']]),
    );
    expect(changed.done).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.importUpdate'), eq(auditLog.entityId, String(created.id))));
    expect(audit.before).toMatchObject({ phone: '139****0001' });
    expect(audit.after).toMatchObject({ phone: '139****0009' });
    expect(JSON.stringify(audit)).not.toContain(id(1));
    const moved = await person('X10001');
    expect(moved.sessionVersion).toBe(beforeAgain.sessionVersion + 1);
  });

  it('reports every problem per row and writes nothing', async () => {
    const admin = await signInAs('A0001');
    const w2 = await person('W0002');
    const bad = id(2).slice(0, 17) + (id(2)[17] === '0' ? '1' : '0');
    const file = csv([
      ROSTER_HEAD,
      ['X20001', '好人', 'B01-01', id(3), ''], // row 2: fine on its own
      ['X20002', '坏号', 'B01-01', bad, ''], // 3: check digit
      ['X20003', '', 'B01-01', '', ''], // 4: name required
      ['X20004', '无单位', 'NOPE', '', ''], // 5: unknown unit
      ['X20005', '分会人', 'B01', '', ''], // 6: a branch is not a worker's unit
      ['X20001', '重复', 'B01-01', '', ''], // 7: employee number twice
      ['X20006', '同号', 'B01-01', id(3), ''], // 8: ID number twice in the file
      ['X20007', '他人号', 'B01-01', w2.idNumber!, ''], // 9: ID number of someone in the database
      ['S0001', '干部', 'B01-01', '', ''], // 10: an official's number
      ['X20008', '=HYPERLINK("x")', 'B01-01', '', ''], // 11: a formula
      ['12345', '坏工号', 'B01-01', '', '123'], // 12: employee number and phone formats
    ]);
    const { job, issues } = await dry(admin, 'roster', file);
    expect(job.status).toBe('invalid');
    expect(job.recordsTotal).toBe(0);
    expect(issues).toEqual([
      { rowNo: 3, field: 'idNumber', message: 'idNumber.checksum' },
      { rowNo: 4, field: 'name', message: 'required' },
      { rowNo: 5, field: 'unitCode', message: 'unitUnknown' },
      { rowNo: 6, field: 'unitCode', message: 'unitWrongForWorker' },
      { rowNo: 7, field: 'employeeNo', message: 'duplicateInFile?row=2' },
      { rowNo: 8, field: 'idNumber', message: 'duplicateInFile?row=2' },
      { rowNo: 9, field: 'idNumber', message: 'idNumberTaken' },
      { rowNo: 10, field: 'employeeNo', message: 'notAWorker' },
      { rowNo: 11, field: 'name', message: 'formulaNotAllowed' },
      { rowNo: 11, field: 'name', message: 'required' },
      { rowNo: 12, field: 'employeeNo', message: 'employeeNoFormat' },
      { rowNo: 12, field: 'phone', message: 'phoneFormat' },
    ]);
    expect(job.rowsWithIssues).toBe(10);
    expect(await person('X20001')).toBeUndefined();
    // A job with problems cannot be run.
    expect(await runRosterImport({ jobId: job.id })).toMatchObject({ ok: false, error: 'importNotReady' });
  });

  it('refuses formulas in XLSX cells, a wrong template, a non-spreadsheet, an old .xls, an empty file', async () => {
    const admin = await signInAs('A0001');
    const formula = await dry(admin, 'roster', await xlsx([ROSTER_HEAD, ['X30001', { formula: 'A1&"x"' }, 'B01-01']]));
    expect(formula.issues).toEqual([
      { rowNo: 2, field: 'name', message: 'formulaNotAllowed' },
      { rowNo: 2, field: 'name', message: 'required' },
    ]);

    const template = await dry(
      admin,
      'roster',
      csv([
        ['工号', '姓名', '部门'],
        ['X30002', '甲', 'x'],
      ]),
    );
    expect(template.issues).toEqual([
      { rowNo: 1, field: '', message: 'wrongTemplate?missing=unitCode&unknown=%E9%83%A8%E9%97%A8' },
    ]);
    // A register file given as a roster is the wrong template too.
    const other = await dry(
      admin,
      'roster',
      csv([
        ['工号', '困难类别'],
        ['W0001', '困难户'],
      ]),
    );
    expect(other.job.status).toBe('invalid');

    const pdf = await dry(admin, 'roster', Buffer.from('%PDF-1.7\n\0\0binary'));
    expect(pdf.issues).toEqual([{ rowNo: 0, field: '', message: 'file_notSpreadsheet' }]);
    const xls = await dry(admin, 'roster', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(xls.issues[0].message).toBe('file_legacyExcel');
    const gbk = await dry(admin, 'roster', Buffer.from([0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0a]));
    expect(gbk.issues[0].message).toBe('file_notUtf8');
    const zip = await dry(admin, 'roster', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]));
    expect(zip.issues[0].message).toBe('file_notSpreadsheet');
    const empty = await dry(admin, 'roster', Buffer.alloc(0));
    expect(empty.issues[0].message).toBe('file_empty');
  });

  // A hundred thousand rows checked against the database: a minute on a busy shared machine, not seconds.
  it('stops at the size and row limits without reading the rest', async () => {
    const admin = await signInAs('A0001');
    async function* big(rows: number, pad = '') {
      yield Buffer.from(ROSTER_HEAD.join(',') + '\n');
      for (let i = 0; i < rows; i += 1000) {
        let chunk = '';
        for (let j = i; j < Math.min(rows, i + 1000); j++)
          chunk += `Y${String(j).padStart(6, '0')},名${pad},B01-01,,\n`;
        yield Buffer.from(chunk);
      }
    }
    const tooMany = await dry(admin, 'roster', big(MAX_DATA_ROWS + 5));
    expect(tooMany.issues.at(-1)).toEqual({ rowNo: MAX_DATA_ROWS + 2, field: '', message: 'tooManyRows?max=100000' });
    expect(tooMany.job.status).toBe('invalid');
    const tooLarge = await dry(admin, 'roster', big(90_000, 'x'.repeat(250)));
    expect(tooLarge.issues.at(-1)).toMatchObject({ rowNo: 0, message: 'file_tooLarge' });
    expect(await person('Y000001')).toBeUndefined();
  }, 300_000);

  it('an interrupted import keeps whole batches and resumes after the last one', async () => {
    const admin = await signInAs('A0001');
    const rows = Array.from({ length: 7 }, (_, i) => [`X4000${i}`, `续${i}`, 'B03-01', '', '']);
    const { jobId, job } = await dry(admin, 'roster', csv([ROSTER_HEAD, ...rows]));
    expect(job.status).toBe('ready');
    const db = await getDb();
    await db.transaction((tx) => applyBatch(tx, admin, jobId, 3));
    // The second batch fails half-way (its fourth record's unit vanished): it leaves nothing.
    const [poisoned] = await db
      .update(importRecords)
      .set({ data: { employeeNo: 'X40005', name: '续5', unitId: 999_999, idNumber: null, phone: null } })
      .where(and(eq(importRecords.jobId, jobId), eq(importRecords.seq, 6)))
      .returning();
    expect(poisoned).toBeDefined();
    await expect(db.transaction((tx) => applyBatch(tx, admin, jobId, 3))).rejects.toThrow();
    const present = await db
      .select({ no: users.employeeNo })
      .from(users)
      .where(
        inArray(
          users.employeeNo,
          rows.map((r) => r[0]),
        ),
      );
    expect(present.map((p) => p.no).sort()).toEqual(['X40000', 'X40001', 'X40002']);
    // Resumed (after the cause is fixed) from record 4, through the page's action.
    await db
      .update(importRecords)
      .set({
        data: {
          employeeNo: 'X40005',
          name: '续5',
          unitId: (await person('X40000')).unitId,
          idNumber: null,
          phone: null,
        },
      })
      .where(and(eq(importRecords.jobId, jobId), eq(importRecords.seq, 6)));
    let result = await runRosterImport({ jobId });
    while (result.ok && result.data.status !== 'done') result = await runRosterImport({ jobId });
    expect(result).toMatchObject({ ok: true, data: { status: 'done', recordsDone: 7, recordsTotal: 7 } });
    const all = await db
      .select({ no: users.employeeNo })
      .from(users)
      .where(
        inArray(
          users.employeeNo,
          rows.map((r) => r[0]),
        ),
      );
    expect(all).toHaveLength(7);
  });

  it('drops the staged data of a checked file nobody imported within a day', async () => {
    const admin = await signInAs('A0001');
    const db = await getDb();
    const { jobId } = await dry(admin, 'roster', csv([ROSTER_HEAD, ['X60001', '甲', 'B01-01', id(60), '']]));
    await db
      .update(importJobs)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(importJobs.id, jobId));
    await dry(admin, 'roster', csv([ROSTER_HEAD, ['X60002', '乙', 'B01-01', '', '']]));
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
    expect(job.status).toBe('expired');
    expect(await db.select().from(importRecords).where(eq(importRecords.jobId, jobId))).toEqual([]);
    expect(await runRosterImport({ jobId })).toMatchObject({ ok: false, error: 'importNotReady' });
  });

  it('keeps jobs to the account that uploaded them and the roster to administrators', async () => {
    const admin = await signInAs('A0001');
    const { jobId } = await dry(admin, 'roster', csv([ROSTER_HEAD, ['X50001', '甲', 'B01-01', '', '']]));
    await signInAs('S0001');
    expect(await runRosterImport({ jobId })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await runHouseholdImport({ jobId })).toMatchObject({ ok: false, code: 'not_found' });
    await signInAs('L0001');
    expect(await runHouseholdImport({ jobId })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('import routes', () => {
  const kindParams = (kind: string) => ({ params: Promise.resolve({ kind }) });
  it('serve templates, uploads and reports to the roles that import, and refuse the others', async () => {
    await signInAs('W0001');
    expect((await templateGet(new Request('http://localhost/x'), kindParams('roster'))).status).toBe(403);
    expect((await templateGet(new Request('http://localhost/x'), kindParams('households'))).status).toBe(403);
    await signInAs('S0001');
    const upload = (kind: string, body: Buffer) =>
      uploadPost(
        new Request('http://localhost/x', {
          method: 'POST',
          body: new Uint8Array(body),
          headers: { 'x-file-name': 'a.csv' },
        }),
        kindParams(kind),
      );
    expect((await upload('roster', csv([ROSTER_HEAD]))).status).toBe(403);
    const res = await upload('households', csv([['工号'], ['W0001']]));
    expect(res.status).toBe(200);
    const { jobId } = (await res.json()) as { jobId: number };
    const report = await reportGet(new Request('http://localhost/x'), {
      params: Promise.resolve({ id: String(jobId) }),
    });
    expect(report.status).toBe(200);
    const text = await report.text();
    expect(text.split('\r\n')[0]).toBe('行号,列,问题');
    expect(text).toContain('2,困难类别,此项必填。');
    expect(
      (await credentialsGet(new Request('http://localhost/x'), { params: Promise.resolve({ id: String(jobId) }) }))
        .status,
    ).toBe(403);
    // Another official does not see this upload's report.
    await signInAs('S0002');
    expect(
      (await reportGet(new Request('http://localhost/x'), { params: Promise.resolve({ id: String(jobId) }) })).status,
    ).toBe(404);
    await signInAs('A0001');
    const xlsxTemplate = await templateGet(new Request('http://localhost/x?lang=en'), kindParams('roster'));
    expect(xlsxTemplate.status).toBe(200);
    // The template itself, filled in, is a valid file.
    const filled = await dry(await signInAs('A0001'), 'roster', Buffer.from(await xlsxTemplate.arrayBuffer()));
    expect(filled.issues).toEqual([{ rowNo: 0, field: '', message: 'fileNoRows' }]);
  });
});

const HH_HEAD = [
  '工号',
  '困难类别',
  '建档层级',
  '致困原因',
  '家庭月收入（元）',
  '住房情况',
  '住址',
  '联系电话',
  '建档日期',
  '备注',
  '家庭成员姓名',
  '与职工关系',
  '成员出生日期',
  '成员健康状况',
  '成员就学或就业',
  '成员月收入（元）',
];

describe('household import', () => {
  it('files households with members in the official’s scope, idempotently, and updates a changed one', async () => {
    const official = await signInAs('S0001');
    const db = await getDb();
    // Workers of S0001's sub-branch (B01-01) without a file yet.
    const free = await db
      .select({ id: users.id, no: users.employeeNo })
      .from(users)
      .leftJoin(households, eq(households.workerId, users.id))
      .where(and(eq(users.unitId, official.unitId), eq(users.role, 'worker')))
      .orderBy(desc(users.employeeNo));
    const candidates = [];
    for (const w of free) {
      const [h] = await db.select({ id: households.id }).from(households).where(eq(households.workerId, w.id));
      if (!h) candidates.push(w);
    }
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const [a, b] = candidates;
    const rows = [
      [
        a.no,
        '困难户',
        '支会级',
        '因病、因贫',
        '1200.50',
        '平房',
        '矿区一街 1 号',
        '13900001111',
        '2024/3/5',
        '',
        '张妻',
        '配偶',
        '1980-01-02',
        '良好',
        '务工',
        '800',
      ],
      [a.no, '', '', '', '', '', '', '', '', '', '张子', 'child', '2012-09-01', '', 'School', ''],
      [
        b.no,
        'Near',
        'sub_branch',
        'illness',
        '900',
        '',
        '矿区二街 2 号',
        '13900002222',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ];
    const first = await dryAndApply(official, 'households', csv([HH_HEAD, ...rows]));
    expect(first.done).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const [ha] = await db.select().from(households).where(eq(households.workerId, a.id));
    expect(ha).toMatchObject({
      category: 'hardship',
      causes: ['illness', 'poverty'],
      monthlyIncomeFen: 120050,
      filedOn: '2024-03-05',
    });
    const members = await db.select().from(householdMembers).where(eq(householdMembers.householdId, ha.id));
    expect(members.map((m) => [m.name, m.relation, m.monthlyIncomeFen])).toEqual([
      ['张妻', 'spouse', 80000],
      ['张子', 'child', 0],
    ]);

    const again = await dryAndApply(official, 'households', csv([HH_HEAD, ...rows]));
    expect(again.done).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    rows[1][12] = '2013-09-01';
    const changed = await dryAndApply(official, 'households', csv([HH_HEAD, ...rows]));
    expect(changed.done).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'household.importUpdate'), eq(auditLog.entityId, String(ha.id))));
    expect(audit.after).toMatchObject({ changed: ['members'], members: 2 });
  });

  it('refuses workers outside the official’s scope, bad values and split households', async () => {
    const official = await signInAs('S0001');
    const db = await getDb();
    const [outside] = await db
      .select({ no: users.employeeNo })
      .from(users)
      .where(and(eq(users.role, 'worker'), eq(users.unitId, (await person('S0002')).unitId)))
      .limit(1);
    const good = (no: string) => [
      no,
      '困难户',
      '支会级',
      '因病',
      '100',
      '',
      '地址',
      '13900003333',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ];
    const { job, issues } = await dry(
      official,
      'households',
      csv([
        HH_HEAD,
        good(outside.no), // 2: out of scope
        [
          'W0001',
          '无此类',
          '支会级',
          '因病',
          'abc',
          '',
          '地址',
          '13900003333',
          '2999-01-01',
          '',
          '某',
          '朋友',
          '1990-13-01',
          '',
          '',
          '',
        ], // 3
        good('W0001').map((v, i) => (i === 6 ? '别的地址' : v)), // 4: same worker, household columns differ
        good('S0001'), // 5: not a worker
        good('W0001'), // 6: the same worker again, after another
      ]),
    );
    expect(job.status).toBe('invalid');
    expect(issues).toEqual(
      expect.arrayContaining([
        { rowNo: 2, field: 'employeeNo', message: 'workerNotInScope' },
        { rowNo: 3, field: 'category', message: 'categoryUnknown' },
        { rowNo: 3, field: 'monthlyIncome', message: 'amountNotNumber' },
        { rowNo: 3, field: 'filedOn', message: 'dateInFuture' },
        { rowNo: 3, field: 'memberRelation', message: 'valueUnknown' },
        { rowNo: 3, field: 'memberBirthDate', message: 'dateFormat' },
        { rowNo: 4, field: 'employeeNo', message: 'householdFieldsDiffer' },
        { rowNo: 5, field: 'employeeNo', message: 'workerNotInScope' },
        { rowNo: 6, field: 'employeeNo', message: 'duplicateInFile?row=3' },
      ]),
    );
    // Administrators do not keep the register.
    await signInAs('A0001');
    expect(await runHouseholdImport({ jobId: job.id })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('enrolment import', () => {
  const ENROL_HEAD = ['工号', '姓名', '身份证号码', '份数'];

  /** Workers of S0001's sub-branch with their names and ID numbers, as the roster has them. */
  async function subBranchWorkers() {
    const db = await getDb();
    const list = await workersOfFirstSubBranch();
    const rows = await db
      .select({ id: users.id, name: users.name, idNumber: users.idNumber })
      .from(users)
      .where(
        inArray(
          users.id,
          list.map((w) => w.id),
        ),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return list.map((w) => ({ ...w, name: byId.get(w.id)!.name, idNumber: byId.get(w.id)!.idNumber }));
  }

  async function enrolmentsOf(schemeId: number) {
    const db = await getDb();
    return db
      .select({
        id: mutualEnrolments.id,
        memberId: mutualEnrolments.memberId,
        shares: mutualEnrolments.shares,
        state: mutualEnrolments.state,
        contributionFen: mutualEnrolments.contributionFen,
        listedBy: mutualEnrolments.listedBy,
      })
      .from(mutualEnrolments)
      .where(and(eq(mutualEnrolments.schemeId, schemeId), eq(mutualEnrolments.year, mutualYear)))
      .orderBy(mutualEnrolments.memberId);
  }

  it('lists a clean file, re-imports without a change, and updates changed shares with an audit row', async () => {
    const s = await medicalScheme({ maxShares: '3' });
    const [a, b] = await subBranchWorkers();
    const official = await signInAs('S0001');
    const params = { schemeId: s.id, year: mutualYear };
    const file = csv([
      ENROL_HEAD,
      [a.employeeNo.toLowerCase(), a.name, a.idNumber ?? '', '1'],
      [b.employeeNo, b.name, '', '2'],
    ]);
    const first = await dryAndApply(official, 'enrolments', file, undefined, params);
    expect(first.done).toMatchObject({ status: 'done', created: 2, updated: 0, unchanged: 0 });
    const listed = await enrolmentsOf(s.id);
    expect(listed.map((e) => [e.memberId, e.shares, e.state, e.contributionFen, e.listedBy])).toEqual(
      [
        [a.id, 1, 'listed', 3_600, official.userId],
        [b.id, 2, 'listed', 7_200, official.userId],
      ].sort((x, y) => (x[0] as number) - (y[0] as number)),
    );
    expect(await auditRows('mutual.importEnrol', listed[0].id)).toBe(1);

    const again = await dryAndApply(official, 'enrolments', file, undefined, params);
    expect(again.done).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 2 });
    expect(await enrolmentsOf(s.id)).toEqual(listed);

    const changed = csv([ENROL_HEAD, [a.employeeNo, a.name, '', '3'], [b.employeeNo, b.name, '', '2']]);
    const third = await dryAndApply(official, 'enrolments', changed, undefined, params);
    expect(third.done).toMatchObject({ status: 'done', created: 0, updated: 1, unchanged: 1 });
    const enrolmentA = (await enrolmentsOf(s.id)).find((e) => e.memberId === a.id)!;
    expect(enrolmentA).toMatchObject({ shares: 3, contributionFen: 3 * 3_600 });
    expect(await auditRows('mutual.importUpdate', enrolmentA.id)).toBe(1);

    // Once the branch confirms, the shares are settled: a file changing them is refused row by row.
    await signInAs('B0001');
    expect(await confirmEnrolments({ enrolmentIds: [enrolmentA.id] })).toMatchObject({ ok: true });
    const locked = await dry(
      await signInAs('S0001'),
      'enrolments',
      csv([ENROL_HEAD, [a.employeeNo, a.name, '', '1']]),
      'x.csv',
      params,
    );
    expect(locked.issues).toEqual([{ rowNo: 2, field: 'shares', message: 'enrolmentLocked' }]);
  });

  it('reports every refused row and writes nothing', async () => {
    const s = await medicalScheme({ maxShares: '2' });
    const [a, b, c, d] = await subBranchWorkers();
    const db = await getDb();
    const [s2] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.employeeNo, 'S0002'));
    const [outside] = await db
      .select({ employeeNo: users.employeeNo, name: users.name })
      .from(users)
      .where(and(eq(users.unitId, s2.unitId), eq(users.role, 'worker')))
      .limit(1);
    const official = await signInAs('S0001');
    const otherId = [1, 2, 3].map(id).find((n) => n !== c.idNumber)!;
    const file = csv([
      ENROL_HEAD,
      [a.employeeNo, a.name, '', '1'],
      [outside.employeeNo, outside.name, '', '1'],
      ['Z99999', '无此人', '', '1'],
      [b.employeeNo, `${b.name}甲`, '', '1'],
      [c.employeeNo, c.name, otherId, '1'],
      [d.employeeNo, d.name, '', '3'],
      [a.employeeNo, a.name, '', '1'],
      [d.employeeNo, d.name, '', 'two'],
    ]);
    const { job, issues } = await dry(official, 'enrolments', file, 'bad.csv', { schemeId: s.id, year: mutualYear });
    expect(job).toMatchObject({ status: 'invalid', rowsTotal: 8, rowsWithIssues: 7, recordsTotal: 0 });
    expect(issues).toEqual([
      { rowNo: 3, field: 'employeeNo', message: 'enrolWorkerUnknown' },
      { rowNo: 4, field: 'employeeNo', message: 'enrolWorkerUnknown' },
      { rowNo: 5, field: 'name', message: 'nameMismatch' },
      { rowNo: 6, field: 'idNumber', message: 'idNumberMismatch' },
      { rowNo: 7, field: 'shares', message: 'mutualTooManyShares' },
      { rowNo: 8, field: 'employeeNo', message: 'duplicateInFile?row=2' },
      { rowNo: 9, field: 'shares', message: 'wholeNumber' },
    ]);
    expect(await enrolmentsOf(s.id)).toEqual([]);
    expect(await db.select().from(importRecords).where(eq(importRecords.jobId, job.id))).toEqual([]);
  });

  it('needs a scheme-year open for joining, and the enrol capability', async () => {
    const s = await medicalScheme();
    const official = await signInAs('S0001');
    const file = csv([ENROL_HEAD, ['W0001', '某某', '', '1']]);
    expect((await dry(official, 'enrolments', file)).issues).toEqual([
      { rowNo: 0, field: '', message: 'importSchemeYearRequired' },
    ]);
    // The window of a term two years ahead has not opened yet.
    expect((await dry(official, 'enrolments', file, 'x.csv', { schemeId: s.id, year: mutualYear + 2 })).issues).toEqual(
      [{ rowNo: 0, field: '', message: 'mutualOutsideWindow' }],
    );
    await signInAs('A0001');
    expect(await runEnrolmentImport({ jobId: 1 })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('takes the scheme and year from the upload URL; the templates are valid files', async () => {
    const s = await medicalScheme();
    const [a] = await subBranchWorkers();
    await signInAs('S0001');
    const params = { params: Promise.resolve({ kind: 'enrolments' }) };
    const res = await uploadPost(
      new Request(`http://localhost/x?schemeId=${s.id}&year=${mutualYear}`, {
        method: 'POST',
        body: new Uint8Array(csv([ENROL_HEAD, [a.employeeNo, a.name, '', '1']])),
        headers: { 'x-file-name': 'list.csv' },
      }),
      params,
    );
    expect(res.status).toBe(200);
    const { jobId } = (await res.json()) as { jobId: number };
    const db = await getDb();
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
    expect(job).toMatchObject({ status: 'ready', recordsTotal: 1, params: { schemeId: s.id, year: mutualYear } });
    for (const lang of ['zh', 'en']) {
      const template = await templateGet(new Request(`http://localhost/x?lang=${lang}`), {
        params: Promise.resolve({ kind: 'enrolments' }),
      });
      expect(template.status).toBe(200);
      const filled = await dry(await signInAs('S0001'), 'enrolments', Buffer.from(await template.arrayBuffer()), 'x', {
        schemeId: s.id,
        year: mutualYear,
      });
      expect(filled.issues).toEqual([{ rowNo: 0, field: '', message: 'fileNoRows' }]);
    }
  });
});
