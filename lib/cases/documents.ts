/**
 * Supporting documents of a case, free of the framework and of Node (the browser runs the same
 * checks before sending a file, the server again on what arrived). The type is read from the
 * content's first bytes: a file's name and the browser's MIME type are the sender's claims.
 */

export type DocumentType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** At most this many files per case, each at most this many bytes (the table's CHECK says the same). */
export const MAX_DOCUMENTS_PER_CASE = 10;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** How many leading bytes the sniffing needs: enough for the longest signature (PNG's eight). */
export const SNIFF_BYTES = 8;

const SIGNATURES: readonly { type: DocumentType; magic: readonly number[]; extensions: readonly string[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['pdf'] }, // "%PDF-"
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['png'] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff], extensions: ['jpg', 'jpeg'] },
];

/** The document type the content starts with, or null for anything else. */
export function sniffDocumentType(head: Uint8Array): DocumentType | null {
  const sig = SIGNATURES.find(({ magic }) => magic.length <= head.length && magic.every((b, i) => head[i] === b));
  return sig?.type ?? null;
}

export type DocumentProblem = 'uploadEmpty' | 'uploadTooLarge' | 'uploadWrongType' | 'uploadTooMany';

/**
 * Whether a file may join a case that already has `existing` documents; the problem's name is a
 * key of the `errors` catalog. The cheap checks come first, so a browser can refuse a 50 MB file
 * before reading it.
 */
export function checkDocument(
  file: { size: number; head: Uint8Array },
  existing: number,
): { ok: true; type: DocumentType } | { ok: false; problem: DocumentProblem } {
  if (existing >= MAX_DOCUMENTS_PER_CASE) return { ok: false, problem: 'uploadTooMany' };
  if (file.size <= 0) return { ok: false, problem: 'uploadEmpty' };
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'uploadTooLarge' };
  const type = sniffDocumentType(file.head);
  return type ? { ok: true, type } : { ok: false, problem: 'uploadWrongType' };
}

const MAX_NAME = 120;

/**
 * The name a document is kept under: the last path segment only (some browsers send a whole
 * path), without control characters, at most 120 characters, and ending in an extension that
 * fits the sniffed type, so a download opens in the right program whatever the upload was called.
 */
export function storedFileName(raw: string, type: DocumentType): string {
  const { extensions } = SIGNATURES.find((s) => s.type === type)!;
  let name = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!extensions.includes(ext)) name = `${name || 'document'}.${extensions[0]}`;
  if (name.length <= MAX_NAME) return name;
  const tail = name.slice(name.lastIndexOf('.'));
  return `${name.slice(0, MAX_NAME - tail.length)}${tail}`;
}

/**
 * Content-Disposition for a download: `attachment` with an ASCII fallback name for old clients and
 * the real name (Chinese included) as RFC 5987 `filename*=UTF-8''…`.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** "2.4 MB", "830 KB", "512 B": a size as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
