import { parseId } from '@/lib/validation/common';
import { getDb } from '@/db/client';
import { getBatch, listPremiumEntries } from '@/db/queries/premiums';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { exportFile, inSlices } from '@/lib/exports/file';
import { parseFormat } from '@/lib/exports/ledgers';
import { translatorFor } from '@/lib/exports/translator';
import { AppError } from '@/lib/errors';
import { jsonError } from '@/lib/http';
import { maskIdNumber } from '@/lib/mask';
import { can } from '@/lib/permissions';
import { PREMIUM_COLUMNS } from '@/lib/premiums/export-columns';

export const dynamic = 'force-dynamic';

/**
 * The batch's list for the social insurance office (GET /api/premiums/:id/export?format=xlsx|csv):
 * the people listed or paid in the actor's units, ID numbers in full only for a role with
 * `premiums.fullIdNumbers`, masked otherwise. Audited before the first byte, like the other exports.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await routeActor('premiums.view');
  if (actor instanceof Response) return actor;
  const raw = (await params).id;
  const id = parseId(raw) ?? 0;
  if (!id) return jsonError(404, 'not_found');
  const format = parseFormat(new URL(request.url).searchParams.get('format'));
  const full = can(actor.role, 'premiums.fullIdNumbers');
  try {
    const db = await getDb();
    const b = await getBatch(db, id);
    const entries = await listPremiumEntries(db, actor, id, { all: true, payable: true });
    await db.transaction((tx) =>
      writeAudit(tx, actor.userId, {
        action: 'premium.export',
        entity: 'premium_batch',
        entityId: id,
        after: { format, rows: entries.length, fullIdNumbers: full },
      }),
    );
    const rows = entries.map((e, i) => ({
      seq: i + 1,
      name: e.name,
      idNumber: e.idNumber ? (full ? e.idNumber : maskIdNumber(e.idNumber)) : '',
      relation: e.relation,
      workerName: e.workerName,
      unitName: e.unitName,
      amountFen: e.amountFen,
    }));
    const t = translatorFor(request);
    const name = t('premiums.batchName', { year: b.year });
    return exportFile(format, PREMIUM_COLUMNS, inSlices(rows), t, { name, totalRows: rows.length });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return jsonError(404, 'not_found');
    console.error('[premiums] export failed', err);
    return jsonError(500, 'error');
  }
}
