import { getDb } from '@/db/client';
import { listAllFiles } from '@/db/queries/employment';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { EMPLOYMENT_COLUMNS } from '@/lib/employment/export-columns';
import { exportFile, inSlices } from '@/lib/exports/file';
import { parseFormat } from '@/lib/exports/ledgers';
import { translatorFor } from '@/lib/exports/translator';
import { jsonError } from '@/lib/http';

export const dynamic = 'force-dynamic';

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
    const name = t('employment.title');
    return exportFile(format, EMPLOYMENT_COLUMNS, inSlices(rows), t, { name, totalRows: rows.length });
  } catch (err) {
    console.error('[employment] export failed', err);
    return jsonError(500, 'error');
  }
}
