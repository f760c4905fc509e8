import { getDb } from '@/db/client';
import { claimExportBatch, listSchemes } from '@/db/queries/mutual-aid';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { byKeyset, exportFile } from '@/lib/exports/file';
import { parseFormat } from '@/lib/exports/ledgers';
import { translatorFor } from '@/lib/exports/translator';
import { jsonError } from '@/lib/http';
import { CLAIM_COLUMNS } from '@/lib/mutual-aid/export-columns';
import { schemeYearParams } from '@/lib/validation/mutual-aid';

export const dynamic = 'force-dynamic';

/**
 * A scheme-year's claims as XLSX or CSV — GET /api/mutual-aid/claims?scheme=&year=&format=, with
 * `paid=1` for the payouts only — in the claims list's reach (the actor's units, all for leaders).
 * No diagnosis leaves in a file. Read in case-id batches, audited before the first byte.
 */
export async function GET(request: Request) {
  const actor = await routeActor('exports.ledgers');
  if (actor instanceof Response) return actor;
  const q = new URL(request.url).searchParams;
  const { schemeId, year } = schemeYearParams(q);
  const paidOnly = q.get('paid') === '1';
  const format = parseFormat(q.get('format'));
  const db = await getDb();
  const scheme = (await listSchemes(db)).find((s) => s.id === schemeId);
  if (!scheme || !year) return jsonError(404, 'not_found');
  const list = paidOnly ? 'payouts' : 'claims';
  await db.transaction((tx) =>
    writeAudit(tx, actor.userId, {
      action: 'mutual.export',
      entity: 'mutual_scheme',
      entityId: schemeId,
      after: { list, year, format },
    }),
  );
  const batches = byKeyset((after, limit) => claimExportBatch(db, actor, { schemeId, year, paidOnly }, after, limit));
  return exportFile(format, CLAIM_COLUMNS, batches, translatorFor(request), {
    name: `${scheme.code}-${year}-${list}`,
    sheet: `${year}`,
  });
}
