import { attachmentDisposition } from '@/lib/cases/documents';

/**
 * The answers of the route handlers that serve personal data (documents, ledgers, reports): never
 * cached by a browser or a proxy, errors as a bare code (the log has the detail), files as
 * attachments whose type the browser may not second-guess.
 */
export const PRIVATE_NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

export const jsonError = (status: number, error: string) =>
  Response.json({ error }, { status, headers: PRIVATE_NO_STORE });

export function fileResponse(
  body: BodyInit,
  file: { contentType: string; fileName: string; length?: number; headers?: Record<string, string> },
): Response {
  return new Response(body, {
    headers: {
      ...PRIVATE_NO_STORE,
      'Content-Type': file.contentType,
      ...(file.length !== undefined ? { 'Content-Length': String(file.length) } : {}),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      ...file.headers,
    },
  });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
