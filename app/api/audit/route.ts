import { getDb } from '@/db/client';
import { auditBatches } from '@/db/queries/audit';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { todayInChina } from '@/lib/dates';
import { AUDIT_COLUMNS } from '@/lib/exports/audit-columns';
import { csvStream } from '@/lib/exports/csv';
import { translatorFor } from '@/lib/exports/translator';
import { fileResponse, jsonError } from '@/lib/http';
import { auditParams } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

/**
 * The audit log as CSV: GET /api/audit?who=&what=&entity=&from=&to= — the audit page's filters,
 * the same capability (admin.read) and the same WHERE (db/queries/audit.ts), so the file holds what
 * the viewer can page through, in the page's order, streamed in keyset batches. The export is
 * itself audited, committed before the first byte.
 */
export async function GET(request: Request) {
  const actor = await routeActor('admin.read');
  if (actor instanceof Response) return actor;
  const filters = auditParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const t = translatorFor(request);
  try {
    const db = await getDb();
    await db.transaction((tx) =>
      writeAudit(tx, actor.userId, {
        action: 'audit.export',
        entity: 'audit',
        after: { format: 'csv', filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) },
      }),
    );
    return fileResponse(csvStream(AUDIT_COLUMNS, auditBatches(db, filters), t), {
      contentType: 'text/csv; charset=utf-8',
      fileName: `${t('exports.fileNames.audit')}-${todayInChina()}.csv`,
    });
  } catch (err) {
    console.error('[audit] export failed', err);
    return jsonError(500, 'error');
  }
}
