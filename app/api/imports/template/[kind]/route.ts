import { routeActor } from '@/lib/auth/route';
import { IMPORT_CAPABILITY, parseKind } from '@/lib/imports/kinds';
import { templateCsv, templateXlsx } from '@/lib/imports/template';
import { fileResponse, jsonError, XLSX_TYPE } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The empty template (GET /api/imports/template/:kind?format=xlsx|csv&lang=zh-CN|en). */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const kind = parseKind((await params).kind);
  if (!kind) return jsonError(404, 'not_found');
  const actor = await routeActor(IMPORT_CAPABILITY[kind]);
  if (actor instanceof Response) return actor;
  const url = new URL(request.url);
  const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh';
  const name = `${kind}-template-${lang}`;
  if (url.searchParams.get('format') === 'csv') {
    const body = new TextEncoder().encode(templateCsv(kind, lang));
    return fileResponse(body, { contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv`, length: body.length });
  }
  const body = await templateXlsx(kind, lang);
  return fileResponse(new Uint8Array(body), {
    contentType: XLSX_TYPE,
    fileName: `${name}.xlsx`,
    length: body.byteLength,
  });
}
