import { getDb } from '@/db/client';
import { listAllFiles } from '@/db/queries/employment';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { EMPLOYMENT_COLUMNS } from '@/lib/employment/export-columns';
import { csvStream } from '@/lib/exports/csv';
import { parseFormat } from '@/lib/exports/ledgers';
import { translatorFor } from '@/lib/exports/translator';
import { xlsxStream } from '@/lib/exports/xlsx';
import { fileResponse, jsonError, XLSX_TYPE } from '@/lib/http';

export const dynamic = 'force-dynamic';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_TYPE } as const;

/** The employment files of the actor's units as XLSX or CSV (GET /api/employment/export?format=…), audited. */
export async function GET(request: Request) {
  const actor = await routeActor('employment.view');
  if (actor instanceof Response) return actor;
  const format = parseFormat(new URL(request.url).searchParams.get('format'));
  try {
    const db = await getDb();
    const rows = await listAllFiles(db, actor);
    await db.transaction((tx) =>
      writeAudit(tx, actor.userId, {
        action: 'employment.export',
        entity: 'employment_file',
        entityId: null,
        after: { format, rows: rows.length },
      }),
    );
    const t = translatorFor(request);
    async function* batches() {
      for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000);
    }
    const name = t('employment.title');
    const body =
      format === 'csv'
        ? csvStream(EMPLOYMENT_COLUMNS, batches(), t)
        : xlsxStream(EMPLOYMENT_COLUMNS, batches(), t, name.slice(0, 31));
    return fileResponse(body, {
      contentType: CONTENT_TYPES[format],
      fileName: `${name}.${format}`,
      headers: { 'X-Total-Rows': String(rows.length) },
    });
  } catch (err) {
    console.error('[employment] export failed', err);
    return jsonError(500, 'error');
  }
}
