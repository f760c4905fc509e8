import { z } from 'zod';
import { DOCUMENT_PURPOSES } from '@/db/schema/cases';
import { MAX_DOCUMENT_BYTES } from '@/lib/cases/documents';
import { id } from './common';

/**
 * One supporting document, as the upload form posts it (FormData: the action wrapper hands the
 * File over as it came). Size is checked here; the type needs the content, so the action sniffs
 * it. An empty purpose is a plain supporting document.
 */
export const uploadDocumentSchema = z.object({
  caseId: id,
  file: z
    .instanceof(File, { message: 'uploadFileRequired' })
    .refine((f) => f.size > 0, 'uploadEmpty')
    .refine((f) => f.size <= MAX_DOCUMENT_BYTES, 'uploadTooLarge'),
  purpose: z.preprocess(
    (v) => (v === '' || v === undefined ? 'supporting' : v),
    z.enum(DOCUMENT_PURPOSES, { message: 'invalid' }),
  ),
});

export const deleteDocumentSchema = z.object({ caseId: id, documentId: id });
