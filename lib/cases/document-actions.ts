'use server';

import { and, eq } from 'drizzle-orm';
import { lockOwnEditableCase } from '@/db/queries/apply';
import { caseDocuments } from '@/db/schema';
import { action } from '@/lib/auth/action';
import { storeDocument } from '@/lib/cases/case-writes';
import { notFound } from '@/lib/errors';
import { deleteDocumentSchema, uploadDocumentSchema } from '@/lib/validation/documents';

/**
 * Adds a supporting document to the applicant's own draft or returned case. The type is sniffed
 * from the content; a refused file (wrong type, empty, too large, one too many) changes nothing.
 * The audit row names the file, never its content.
 */
export const uploadDocument = action(
  { name: 'case.documentUpload', can: 'cases.apply', schema: uploadDocumentSchema },
  async ({ caseId, file, purpose }, { actor, tx }) => {
    await lockOwnEditableCase(tx, actor, caseId);
    const doc = await storeDocument(tx, actor, caseId, file, purpose, 'file');
    return {
      data: {
        id: doc.id,
        fileName: doc.fileName,
        contentType: doc.contentType,
        sizeBytes: doc.sizeBytes,
        createdAt: doc.createdAt,
      },
      audit: {
        action: 'case.documentUpload',
        entity: 'case_document',
        entityId: doc.id,
        after: { caseId, fileName: doc.fileName, contentType: doc.contentType, sizeBytes: doc.sizeBytes, purpose },
      },
    };
  },
);

/** Removes a document from the applicant's own case while they may still change it. */
export const deleteDocument = action(
  { name: 'case.documentDelete', can: 'cases.apply', schema: deleteDocumentSchema },
  async ({ caseId, documentId }, { actor, tx }) => {
    await lockOwnEditableCase(tx, actor, caseId);
    const [gone] = await tx
      .delete(caseDocuments)
      .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, documentId)))
      .returning({
        fileName: caseDocuments.fileName,
        contentType: caseDocuments.contentType,
        sizeBytes: caseDocuments.sizeBytes,
        purpose: caseDocuments.purpose,
      });
    if (!gone) throw notFound();
    return {
      data: { id: documentId },
      audit: {
        action: 'case.documentDelete',
        entity: 'case_document',
        entityId: documentId,
        before: { caseId, ...gone },
      },
    };
  },
);
