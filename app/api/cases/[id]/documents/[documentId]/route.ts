import { getDb } from '@/db/client';
import { getCaseHead } from '@/db/queries/cases';
import { documentContent } from '@/db/queries/documents';
import { routeActor } from '@/lib/auth/route';
import { AppError } from '@/lib/errors';
import { fileResponse, jsonError } from '@/lib/http';
import { parseId } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

const notFound = () => jsonError(404, 'not_found');

/**
 * One supporting document of a case, for whoever may see the case (the applicant, officials of
 * its unit and above, leaders): the case is found through the scoped query first, so a case out
 * of scope, a missing one and a document of another case all answer the same 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const actor = await routeActor();
  if (actor instanceof Response) return actor;
  const { id, documentId } = await params;
  const caseId = parseId(id);
  const docId = parseId(documentId);
  if (!caseId || !docId) return notFound();
  try {
    const db = await getDb();
    await getCaseHead(db, actor, caseId);
    const doc = await documentContent(db, caseId, docId);
    if (!doc) return notFound();
    // The type sniffed at upload, never the uploader's claim.
    return fileResponse(new Uint8Array(doc.content), {
      contentType: doc.contentType,
      fileName: doc.fileName,
      length: doc.content.byteLength,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return notFound();
    console.error('[documents] download failed', err);
    return jsonError(500, 'error');
  }
}
