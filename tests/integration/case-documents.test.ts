import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveDraft, submitCase } from '@/lib/cases/case-actions';
import { deleteDocument, uploadDocument } from '@/lib/cases/document-actions';
import { GET } from '@/app/api/cases/[id]/documents/[documentId]/route';
import { getDb } from '@/db/client';
import { auditLog, caseDocuments } from '@/db/schema';
import { MAX_DOCUMENT_BYTES } from '@/lib/cases/documents';
import { todayInChina } from '@/lib/dates';
import { saveTestStandard } from '../cases-fixtures';
import { signInAs, signOutSession } from '../session';

function ok<T>(r: { ok: true; data: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

const PDF_HEAD = '%PDF-1.7\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** A PDF-looking body of the given size (the header, then filler). */
const pdf = (size = 64) =>
  Buffer.concat([Buffer.from(PDF_HEAD), Buffer.alloc(Math.max(0, size - PDF_HEAD.length), 0x20)]);

/** What the upload form posts: FormData with the case and one File (name and MIME as the browser claims them). */
function form(caseId: number, content: Buffer | string, name = '证明.pdf', type = 'application/pdf', purpose?: string) {
  const data = new FormData();
  data.set('caseId', String(caseId));
  data.set('file', new File([typeof content === 'string' ? content : new Uint8Array(content)], name, { type }));
  if (purpose !== undefined) data.set('purpose', purpose);
  return data as unknown as Parameters<typeof uploadDocument>[0];
}

async function newDraft(worker = 'W0001') {
  await signInAs(worker);
  const token = randomUUID();
  const { id } = ok(
    await saveDraft({
      token,
      aidKind: 'poverty',
      eventOn: todayInChina(),
      eventKey: '',
      whatHappened: '家中困难',
      helpAsked: '',
      familySituation: '',
    }),
  );
  return { id, token };
}

async function documentsOf(caseId: number) {
  const [{ n }] = await (
    await getDb()
  )
    .select({ n: count() })
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId));
  return n;
}

function download(caseId: number, documentId: number) {
  return GET(new Request(`http://localhost/api/cases/${caseId}/documents/${documentId}`), {
    params: Promise.resolve({ id: String(caseId), documentId: String(documentId) }),
  });
}

beforeAll(async () => {
  await saveTestStandard();
});

describe('uploadDocument', () => {
  it('stores the applicant’s file under the type sniffed from its content, and audits its name, size and type only', async () => {
    const { id } = await newDraft();
    // The browser says text/plain and the name says .txt: neither is trusted, the bytes are.
    const doc = ok(await uploadDocument(form(id, PNG, '化验单.txt', 'text/plain')));
    expect(doc).toMatchObject({ fileName: '化验单.txt.png', contentType: 'image/png', sizeBytes: PNG.length });
    const db = await getDb();
    const [row] = await db.select().from(caseDocuments).where(eq(caseDocuments.id, doc.id));
    expect(row).toMatchObject({ caseId: id, purpose: 'supporting', contentType: 'image/png' });
    expect(Buffer.compare(row.content, PNG)).toBe(0);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.documentUpload'), eq(auditLog.entityId, String(doc.id))));
    expect(audit.after).toEqual({
      caseId: id,
      fileName: '化验单.txt.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
      purpose: 'supporting',
    });
    expect(audit.before).toBeNull();
  });

  it('takes a purpose from the listed ones and refuses any other', async () => {
    const { id } = await newDraft();
    expect(ok(await uploadDocument(form(id, pdf(), 'a.pdf', 'application/pdf', 'admission_letter')))).toMatchObject({
      contentType: 'application/pdf',
    });
    expect(await uploadDocument(form(id, pdf(), 'a.pdf', 'application/pdf', 'passport'))).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { purpose: ['invalid'] },
    });
    expect(await documentsOf(id)).toBe(1);
  });

  it('accepts a file of exactly 10 MB', async () => {
    const { id } = await newDraft();
    expect(ok(await uploadDocument(form(id, pdf(MAX_DOCUMENT_BYTES)))).sizeBytes).toBe(MAX_DOCUMENT_BYTES);
  });

  it('refuses a text file named x.pdf, an empty file and one byte over 10 MB, changing nothing', async () => {
    const { id } = await newDraft();
    ok(await uploadDocument(form(id, pdf())));
    expect(await uploadDocument(form(id, 'just some text, honestly', 'x.pdf', 'application/pdf'))).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { file: ['uploadWrongType'] },
    });
    expect(await uploadDocument(form(id, Buffer.alloc(0), 'empty.pdf'))).toMatchObject({
      ok: false,
      fieldErrors: { file: ['uploadEmpty'] },
    });
    expect(await uploadDocument(form(id, pdf(MAX_DOCUMENT_BYTES + 1)))).toMatchObject({
      ok: false,
      fieldErrors: { file: ['uploadTooLarge'] },
    });
    expect(await uploadDocument({ caseId: id } as never)).toMatchObject({
      ok: false,
      fieldErrors: { file: ['uploadFileRequired'] },
    });
    expect(await documentsOf(id)).toBe(1);
    // One audit row: the upload that went through.
    const [{ n }] = await (
      await getDb()
    )
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.documentUpload'), sql`${auditLog.after}->>'caseId' = ${String(id)}`));
    expect(n).toBe(1);
  });

  it('refuses the 11th file of a case', async () => {
    const { id } = await newDraft();
    for (let i = 0; i < 10; i++) ok(await uploadDocument(form(id, pdf(), `第${i + 1}页.pdf`)));
    expect(await uploadDocument(form(id, pdf(), '第11页.pdf'))).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { file: ['uploadTooMany'] },
    });
    expect(await documentsOf(id)).toBe(10);
  });

  it('lets at most 10 of 12 uploads arriving at once through (the case row is locked before counting)', async () => {
    const { id } = await newDraft();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => uploadDocument(form(id, pdf(), `${i}.pdf`))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array(2).fill(expect.objectContaining({ fieldErrors: { file: ['uploadTooMany'] } })),
    );
    expect(await documentsOf(id)).toBe(10);
  });

  it('refuses an upload to a submitted case, and to another worker’s case as not found', async () => {
    const { id, token } = await newDraft();
    ok(await uploadDocument(form(id, pdf())));
    ok(
      await submitCase({
        token,
        aidKind: 'poverty',
        eventOn: todayInChina(),
        eventKey: '',
        whatHappened: '家中困难',
        helpAsked: '',
        familySituation: '',
      }),
    );
    expect(await uploadDocument(form(id, pdf()))).toMatchObject({
      ok: false,
      code: 'conflict',
      error: 'caseNotEditable',
    });

    const other = await newDraft('W0001');
    await signInAs('W0002');
    expect(await uploadDocument(form(other.id, pdf()))).toMatchObject({ ok: false, code: 'not_found' });
    await signInAs('S0001');
    expect(await uploadDocument(form(other.id, pdf()))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await documentsOf(id)).toBe(1);
    expect(await documentsOf(other.id)).toBe(0);
  });
});

describe('deleteDocument', () => {
  it('removes the applicant’s document while the case is a draft, and audits what it was', async () => {
    const { id } = await newDraft();
    const doc = ok(await uploadDocument(form(id, pdf(100), '收入证明.pdf')));
    await signInAs('W0002');
    expect(await deleteDocument({ caseId: id, documentId: doc.id })).toMatchObject({ ok: false, code: 'not_found' });
    await signInAs('W0001');
    // A document id of another case is not found through this case.
    const other = await newDraft();
    expect(await deleteDocument({ caseId: other.id, documentId: doc.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await documentsOf(id)).toBe(1);
    ok(await deleteDocument({ caseId: id, documentId: doc.id }));
    expect(await documentsOf(id)).toBe(0);
    const [audit] = await (
      await getDb()
    )
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.documentDelete'), eq(auditLog.entityId, String(doc.id))));
    expect(audit.before).toEqual({
      caseId: id,
      fileName: '收入证明.pdf',
      contentType: 'application/pdf',
      sizeBytes: 100,
      purpose: 'supporting',
    });
  });

  it('refuses once the case is submitted', async () => {
    const { id, token } = await newDraft();
    const doc = ok(await uploadDocument(form(id, pdf())));
    ok(
      await submitCase({
        token,
        aidKind: 'poverty',
        eventOn: todayInChina(),
        eventKey: '',
        whatHappened: '家中困难',
        helpAsked: '',
        familySituation: '',
      }),
    );
    expect(await deleteDocument({ caseId: id, documentId: doc.id })).toMatchObject({
      ok: false,
      code: 'conflict',
      error: 'caseNotEditable',
    });
    expect(await documentsOf(id)).toBe(1);
  });
});

describe('GET /api/cases/[id]/documents/[documentId]', () => {
  let caseId: number;
  let docId: number;
  const name = '死亡证明 (复印件).pdf';
  const body = pdf(300);

  beforeAll(async () => {
    const draft = await newDraft('W0001');
    caseId = draft.id;
    docId = ok(await uploadDocument(form(caseId, body, name))).id;
    ok(
      await submitCase({
        token: draft.token,
        aidKind: 'poverty',
        eventOn: todayInChina(),
        eventKey: '',
        whatHappened: '家中困难',
        helpAsked: '',
        familySituation: '',
      }),
    );
  });

  it.each(['W0001', 'S0001', 'B0001', 'L0001'])(
    'gives %s (applicant, or official of the unit and above, or leader) the file as an attachment',
    async (who) => {
      await signInAs(who);
      const res = await download(caseId, docId);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="____ (___).pdf"; filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );
      expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), body)).toBe(0);
    },
  );

  it.each([
    ['another worker', 'W0002'],
    ['an official of another sub-branch', 'S0002'],
    ['an official of another branch', 'B0002'],
    ['an administrator', 'A0001'],
  ])('answers 404 to %s, exactly as for a missing document', async (_who, employeeNo) => {
    await signInAs(employeeNo);
    const res = await download(caseId, docId);
    expect(res.status).toBe(404);
    const missing = await download(caseId, docId + 100_000);
    expect(missing.status).toBe(404);
    expect(await res.json()).toEqual(await missing.json());
  });

  it.each(['S0001', 'B0001', 'L0001'])(
    'answers 404 to %s for a document of a draft, as the case page does (drafts are the applicant’s own)',
    async (official) => {
      const draft = await newDraft('W0001');
      const draftDoc = ok(await uploadDocument(form(draft.id, pdf(), '草稿附件.pdf'))).id;
      expect((await download(draft.id, draftDoc)).status).toBe(200);
      await signInAs(official);
      // The official can read W0001's submitted case's file, but not the draft's.
      expect((await download(caseId, docId)).status).toBe(200);
      const res = await download(draft.id, draftDoc);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not_found' });
    },
  );

  it('answers 404 for a document asked for through another case, and for ids that are not ids', async () => {
    await signInAs('W0001');
    const other = await newDraft('W0001');
    expect((await download(other.id, docId)).status).toBe(404);
    const res = await GET(new Request('http://localhost/x'), {
      params: Promise.resolve({ id: 'abc', documentId: '1;DROP' }),
    });
    expect(res.status).toBe(404);
  });

  it('answers 401 without a session, and does not redirect', async () => {
    signOutSession();
    const res = await download(caseId, docId);
    expect(res.status).toBe(401);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.json()).toEqual({ error: 'unauthenticated' });
  });
});
