import { getDb } from '@/db/client';
import { ledgerSource } from '@/db/queries/exports';
import { writeAudit } from '@/lib/audit';
import { routeActor } from '@/lib/auth/route';
import { todayInChina } from '@/lib/dates';
import { LEDGER_COLUMNS, type Column } from '@/lib/exports/columns';
import { csvStream } from '@/lib/exports/csv';
import { isLedger, parseFormat, parseLedgerFilters, setFilters } from '@/lib/exports/ledgers';
import { translatorFor } from '@/lib/exports/translator';
import { xlsxStream } from '@/lib/exports/xlsx';
import { fileResponse, jsonError, XLSX_TYPE } from '@/lib/http';

export const dynamic = 'force-dynamic';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_TYPE } as const;

/**
 * A ledger (台账) as XLSX or CSV: GET /api/exports/register|cases|payments?format=xlsx|csv plus
 * the list page's own filters. The rows are the list's for the same filters and the same scope
 * (the list's WHERE, in SQL), identifiers masked; the body streams in batches, and X-Total-Rows
 * tells the browser how many rows to expect. Each export is audited before it starts.
 */
export async function GET(request: Request, { params }: { params: Promise<{ ledger: string }> }) {
  const actor = await routeActor('exports.ledgers');
  if (actor instanceof Response) return actor;
  const { ledger } = await params;
  if (!isLedger(ledger)) return jsonError(404, 'not_found');
  const url = new URL(request.url);
  const format = parseFormat(url.searchParams.get('format'));
  const filters = parseLedgerFilters(ledger, url.searchParams);
  const t = translatorFor(request);
  try {
    const db = await getDb();
    const source = await ledgerSource(db, actor, ledger, filters);
    const total = await source.count();
    // Its own short transaction, committed before the first byte: an export that is cut off
    // half-way was still an export of personal data.
    await db.transaction((tx) =>
      writeAudit(tx, actor.userId, {
        action: 'ledger.export',
        entity: 'ledger',
        entityId: ledger,
        after: { format, filters: setFilters(filters), rows: total },
      }),
    );
    // One ledger's columns for the same ledger's rows (TypeScript cannot pair the two unions itself).
    const columns = LEDGER_COLUMNS[ledger] as Column<unknown>[];
    const rows = source.batches() as AsyncGenerator<unknown[]>;
    const body =
      format === 'csv' ? csvStream(columns, rows, t) : xlsxStream(columns, rows, t, t(`exports.ledgers.${ledger}`));
    return fileResponse(body, {
      contentType: CONTENT_TYPES[format],
      fileName: `${t(`exports.fileNames.${ledger}`)}-${todayInChina()}.${format}`,
      headers: { 'X-Total-Rows': String(total) },
    });
  } catch (err) {
    console.error('[exports] export failed', err);
    return jsonError(500, 'error');
  }
}
