import { getDb } from '@/db/client';
import { getCaseHead } from '@/db/queries/cases';
import { documentContent } from '@/db/queries/documents';
import { getActor } from '@/lib/auth/session';
import { attachmentDisposition } from '@/lib/cases/documents';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
const answer = (status: number, error: string) => Response.json({ error }, { status, headers: NO_STORE });
const notFound = () => answer(404, 'not_found');

const positiveId = (raw: string) => (/^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null);

/**
 * One supporting document of a case, for whoever may see the case (the applicant, officials of
 * its unit and above, leaders): the case is found through the scoped query first, so a case out
 * of scope, a missing one and a document of another case all answer the same 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const actor = await getActor();
  if (!actor) return answer(401, 'unauthenticated');
  const { id, documentId } = await params;
  const caseId = positiveId(id);
  const docId = positiveId(documentId);
  if (!caseId || !docId) return notFound();
  try {
    const db = await getDb();
    await getCaseHead(db, actor, caseId);
    const doc = await documentContent(db, caseId, docId);
    if (!doc) return notFound();
    return new Response(new Uint8Array(doc.content), {
      headers: {
        ...NO_STORE,
        // The type sniffed at upload, never the uploader's claim; nosniff keeps the browser to it.
        'Content-Type': doc.contentType,
        'Content-Length': String(doc.content.byteLength),
        'Content-Disposition': attachmentDisposition(doc.fileName),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return notFound();
    console.error('[documents] download failed', err);
    return answer(500, 'error');
  }
}
