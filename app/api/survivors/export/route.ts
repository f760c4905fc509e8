import { getDb } from '@/db/client';
import { listAllSurvivors } from '@/db/queries/care';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { SURVIVOR_COLUMNS } from '@/lib/care/export-columns';
import { exportFile, inSlices } from '@/lib/exports/file';
import { parseFormat } from '@/lib/exports/ledgers';
import { translatorFor } from '@/lib/exports/translator';
import { jsonError } from '@/lib/http';

export const dynamic = 'force-dynamic';

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
    const name = t('survivors.title');
    return exportFile(format, SURVIVOR_COLUMNS, inSlices(rows), t, { name, totalRows: rows.length });
  } catch (err) {
    console.error('[survivors] export failed', err);
    return jsonError(500, 'error');
  }
}
