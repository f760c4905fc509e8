import { getDb } from '@/db/client';
import { enrolmentExportBatch, listSchemes } from '@/db/queries/mutual-aid';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { byKeyset, exportFile } from '@/lib/exports/file';
import { parseFormat } from '@/lib/exports/ledgers';
import { translatorFor } from '@/lib/exports/translator';
import { jsonError } from '@/lib/http';
import { ENROLMENT_COLUMNS } from '@/lib/mutual-aid/export-columns';
import { schemeYearParams } from '@/lib/validation/mutual-aid';
import { can } from '@/lib/permissions';

export const dynamic = 'force-dynamic';

/**
 * A scheme-year's enrolment list (listed and confirmed members in the actor's units) as XLSX or CSV
 * for payroll deduction: GET /api/mutual-aid/enrolments?scheme=&year=&format=. Read in id batches
 * (keyset), audited before the first byte like every ledger export.
 */
export async function GET(request: Request) {
  const found = await routeActor('exports.ledgers');
  if (found instanceof Response) return found;
  const actor = found;
  if (!can(actor.role, 'mutual.enrol')) return jsonError(403, 'forbidden');
  const q = new URL(request.url).searchParams;
  const { schemeId, year } = schemeYearParams(q);
  const format = parseFormat(q.get('format'));
  const db = await getDb();
  const scheme = (await listSchemes(db)).find((s) => s.id === schemeId);
  if (!scheme || !year) return jsonError(404, 'not_found');
  await db.transaction((tx) =>
    writeAudit(tx, actor.userId, {
      action: 'mutual.export',
      entity: 'mutual_scheme',
      entityId: schemeId,
      after: { list: 'enrolments', year, format },
    }),
  );
  const batches = byKeyset((after, limit) => enrolmentExportBatch(db, actor, { schemeId, year }, after, limit));
  return exportFile(format, ENROLMENT_COLUMNS, batches, translatorFor(request), {
    name: `${scheme.code}-${year}`,
    sheet: `${year}`,
  });
}
