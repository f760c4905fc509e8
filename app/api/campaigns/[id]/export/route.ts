import { parseId } from '@/lib/validation/common';
import { getDb } from '@/db/client';
import { getCampaign, listEntries, listPersons } from '@/db/queries/campaigns';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { CAMPAIGN_COLUMNS, type CampaignExportRow } from '@/lib/campaigns/export-columns';
import { exportFile, inSlices } from '@/lib/exports/file';
import { parseFormat } from '@/lib/exports/ledgers';
import { translatorFor } from '@/lib/exports/translator';
import { AppError } from '@/lib/errors';
import { jsonError } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * A campaign's list as XLSX or CSV (GET /api/campaigns/:id/export?format=xlsx|csv): the entries
 * the actor keeps (the list page's scoped queries: households, then survivors and lone elderly),
 * in the ledgers' writers. Audited before the
 * first byte, like the other exports.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await routeActor('exports.ledgers');
  if (actor instanceof Response) return actor;
  const raw = (await params).id;
  const id = parseId(raw) ?? 0;
  if (!id) return jsonError(404, 'not_found');
  const format = parseFormat(new URL(request.url).searchParams.get('format'));
  try {
    const db = await getDb();
    const c = await getCampaign(db, id);
    const [households, persons] = await Promise.all([listEntries(db, actor, id), listPersons(db, actor, id)]);
    // The households, then the survivors and lone elderly (outside the quotas) in the same columns.
    const rows: CampaignExportRow[] = [
      ...households,
      ...persons.map((p) => ({
        ...p,
        employeeNo: '',
        workerName: `${p.name} (${p.detail})`,
        category: '',
        person: p.kind,
        state: p.handedOverOn ? ('delivered' as const) : ('listed' as const),
        reason: '',
      })),
    ];
    await db.transaction((tx) =>
      writeAudit(tx, actor.userId, {
        action: 'campaign.export',
        entity: 'campaign',
        entityId: id,
        after: { format, rows: rows.length },
      }),
    );
    const t = translatorFor(request);
    return exportFile(format, CAMPAIGN_COLUMNS, inSlices(rows), t, {
      name: `${c.name}-${c.heldOn}`,
      sheet: c.name,
      totalRows: rows.length,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return jsonError(404, 'not_found');
    console.error('[campaigns] export failed', err);
    return jsonError(500, 'error');
  }
}
