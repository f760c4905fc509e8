import { getDb } from '@/db/client';
import { enrolmentExportBatch, listSchemes } from '@/db/queries/mutual-aid';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { translatorFor } from '@/lib/exports/translator';
import { csvStream } from '@/lib/exports/csv';
import { parseFormat } from '@/lib/exports/ledgers';
import { xlsxStream } from '@/lib/exports/xlsx';
import { fileResponse, jsonError, XLSX_TYPE } from '@/lib/http';
import { ENROLMENT_COLUMNS } from '@/lib/mutual-aid/export-columns';
import { can } from '@/lib/permissions';

export const dynamic = 'force-dynamic';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_TYPE } as const;
const BATCH = 2_000;

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
  const schemeId = /^\d{1,9}$/.test(q.get('scheme') ?? '') ? Number(q.get('scheme')) : 0;
  const year = /^\d{4}$/.test(q.get('year') ?? '') ? Number(q.get('year')) : 0;
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
  const t = translatorFor(request);
  async function* batches() {
    let after = 0;
    for (;;) {
      const rows = await enrolmentExportBatch(db, actor, { schemeId, year }, after, BATCH);
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].id;
      if (rows.length < BATCH) return;
    }
  }
  const body =
    format === 'csv'
      ? csvStream(ENROLMENT_COLUMNS, batches(), t)
      : xlsxStream(ENROLMENT_COLUMNS, batches(), t, `${year}`.slice(0, 31));
  return fileResponse(body, { contentType: CONTENT_TYPES[format], fileName: `${scheme.code}-${year}.${format}` });
}
