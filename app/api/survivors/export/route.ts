import { getDb } from '@/db/client';
import { listAllSurvivors } from '@/db/queries/care';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { SURVIVOR_COLUMNS } from '@/lib/care/export-columns';
import { csvStream } from '@/lib/exports/csv';
import { parseFormat } from '@/lib/exports/ledgers';
import { translatorFor } from '@/lib/exports/translator';
import { xlsxStream } from '@/lib/exports/xlsx';
import { fileResponse, jsonError, XLSX_TYPE } from '@/lib/http';

export const dynamic = 'force-dynamic';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_TYPE } as const;

/** The survivors of the actor's units as XLSX or CSV (GET /api/survivors/export?format=…), audited. */
export async function GET(request: Request) {
  const actor = await routeActor('care.view');
  if (actor instanceof Response) return actor;
  const format = parseFormat(new URL(request.url).searchParams.get('format'));
  try {
    const db = await getDb();
    const rows = await listAllSurvivors(db, actor);
    await db.transaction((tx) =>
      writeAudit(tx, actor.userId, {
        action: 'survivor.export',
        entity: 'survivor',
        entityId: null,
        after: { format, rows: rows.length },
      }),
    );
    const t = translatorFor(request);
    async function* batches() {
      for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000);
    }
    const name = t('survivors.title');
    const body =
      format === 'csv' ? csvStream(SURVIVOR_COLUMNS, batches(), t) : xlsxStream(SURVIVOR_COLUMNS, batches(), t, name);
    return fileResponse(body, {
      contentType: CONTENT_TYPES[format],
      fileName: `${name}.${format}`,
      headers: { 'X-Total-Rows': String(rows.length) },
    });
  } catch (err) {
    console.error('[survivors] export failed', err);
    return jsonError(500, 'error');
  }
}
