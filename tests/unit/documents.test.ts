import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  checkDocument,
  formatBytes,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENTS_PER_CASE,
  sniffDocumentType,
  storedFileName,
} from '@/lib/cases/documents';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);
const PDF = ascii('%PDF-1.7\n');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46);

describe('sniffDocumentType', () => {
  it('reads PDF, PNG and JPEG from their first bytes', () => {
    expect(sniffDocumentType(PDF)).toBe('application/pdf');
    expect(sniffDocumentType(PNG)).toBe('image/png');
    expect(sniffDocumentType(JPEG)).toBe('image/jpeg');
  });

  it('refuses anything else, whatever it would be called', () => {
    expect(sniffDocumentType(ascii('hello, this is text named x.pdf'))).toBeNull();
    expect(sniffDocumentType(ascii('GIF89a....'))).toBeNull();
    expect(sniffDocumentType(ascii('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffDocumentType(ascii('PK\x03\x04 a zip or docx'))).toBeNull();
    // The signature must open the file, not appear later in it.
    expect(sniffDocumentType(ascii(' %PDF-1.7'))).toBeNull();
  });

  it('refuses a signature cut short and an empty head', () => {
    expect(sniffDocumentType(ascii('%PDF'))).toBeNull();
    expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffDocumentType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffDocumentType(new Uint8Array(0))).toBeNull();
  });
});

describe('checkDocument', () => {
  it('accepts a file of a known type up to exactly 10 MB', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(10 * 1024 * 1024);
    expect(checkDocument({ size: 1, head: PDF }, 0)).toEqual({ ok: true, type: 'application/pdf' });
    expect(checkDocument({ size: MAX_DOCUMENT_BYTES, head: JPEG }, MAX_DOCUMENTS_PER_CASE - 1)).toEqual({
      ok: true,
      type: 'image/jpeg',
    });
  });

  it('refuses a file one byte over 10 MB, an empty file, a wrong type', () => {
    expect(checkDocument({ size: MAX_DOCUMENT_BYTES + 1, head: PNG }, 0)).toEqual({
      ok: false,
      problem: 'uploadTooLarge',
    });
    expect(checkDocument({ size: 0, head: new Uint8Array(0) }, 0)).toEqual({ ok: false, problem: 'uploadEmpty' });
    expect(checkDocument({ size: 30, head: ascii('not a pdf at all') }, 0)).toEqual({
      ok: false,
      problem: 'uploadWrongType',
    });
  });

  it('refuses the eleventh file of a case', () => {
    expect(MAX_DOCUMENTS_PER_CASE).toBe(10);
    expect(checkDocument({ size: 10, head: PDF }, 10)).toEqual({ ok: false, problem: 'uploadTooMany' });
    expect(checkDocument({ size: 10, head: PDF }, 11)).toEqual({ ok: false, problem: 'uploadTooMany' });
  });
});

describe('storedFileName', () => {
  it('keeps a name whose extension fits the content', () => {
    expect(storedFileName('诊断证明.PDF', 'application/pdf')).toBe('诊断证明.PDF');
    expect(storedFileName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
  });

  it('adds the extension of the sniffed type when the name says something else or nothing', () => {
    expect(storedFileName('scan.png', 'application/pdf')).toBe('scan.png.pdf');
    expect(storedFileName('scan', 'image/png')).toBe('scan.png');
    expect(storedFileName('', 'image/jpeg')).toBe('document.jpg');
  });

  it('drops a path and control characters, and stays within 120 characters with its extension', () => {
    expect(storedFileName('C:\\Users\\张\\票据.jpg', 'image/jpeg')).toBe('票据.jpg');
    expect(storedFileName('../../etc/passwd\n.pdf', 'application/pdf')).toBe('passwd.pdf');
    const long = storedFileName(`${'长'.repeat(300)}.pdf`, 'application/pdf');
    expect(long).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name per RFC 5987', () => {
    expect(attachmentDisposition('死亡证明.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E6%AD%BB%E4%BA%A1%E8%AF%81%E6%98%8E.pdf`,
    );
  });

  it('cannot be broken out of by quotes or semicolons in the name', () => {
    const header = attachmentDisposition(`a"; filename=evil.html; (x)'.pdf`);
    expect(header).toBe(
      `attachment; filename="a__ filename=evil.html_ (x)'.pdf"; filename*=UTF-8''a%22%3B%20filename%3Devil.html%3B%20%28x%29%27.pdf`,
    );
  });
});

it('formatBytes reads like a size', () => {
  expect(formatBytes(512)).toBe('512 B');
  expect(formatBytes(830 * 1024)).toBe('830 KB');
  expect(formatBytes(MAX_DOCUMENT_BYTES)).toBe('10.0 MB');
});
