import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { caseDocuments } from '@/db/schema';

export interface DocumentInfo {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

/**
 * The documents of a case, without their content. The caller has already found the case through
 * a scoped query (getCaseHead / the case page's read), which is what makes this safe.
 */
export function listCaseDocuments(db: Queryable, caseId: number): Promise<DocumentInfo[]> {
  return db
    .select({
      id: caseDocuments.id,
      fileName: caseDocuments.fileName,
      contentType: caseDocuments.contentType,
      sizeBytes: caseDocuments.sizeBytes,
      createdAt: caseDocuments.createdAt,
    })
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.id));
}

/** One document's content, by case and id (the case already checked through a scoped query). */
export async function documentContent(db: Queryable, caseId: number, documentId: number) {
  const [row] = await db
    .select({
      fileName: caseDocuments.fileName,
      contentType: caseDocuments.contentType,
      content: caseDocuments.content,
    })
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, documentId)));
  return row ?? null;
}
