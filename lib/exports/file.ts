import { XLSX_TYPE, fileResponse } from '@/lib/http';
import type { Column, Translate } from './columns';
import { csvStream } from './csv';
import type { ExportFormat } from './ledgers';
import { xlsxStream } from './xlsx';

const CONTENT_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_TYPE };

/**
 * A list leaving the portal as a file: the rows, batch by batch, through the ledgers' writers
 * (XLSX streamed, or CSV), named `${name}.${format}`. The caller has checked who asks and written
 * the audit row before this first byte. `totalRows`, when known, lets the browser show progress.
 */
export function exportFile<R>(
  format: ExportFormat,
  columns: Column<R>[],
  batches: AsyncIterable<R[]>,
  t: Translate,
  file: { name: string; sheet?: string; totalRows?: number },
): Response {
  const body =
    format === 'csv'
      ? csvStream(columns, batches, t)
      : xlsxStream(columns, batches, t, (file.sheet ?? file.name).slice(0, 31));
  return fileResponse(body, {
    contentType: CONTENT_TYPES[format],
    fileName: `${file.name}.${format}`,
    headers: file.totalRows === undefined ? undefined : { 'X-Total-Rows': String(file.totalRows) },
  });
}

/** Rows already read, in slices the writers take one at a time. */
export async function* inSlices<R>(rows: readonly R[], size = 1_000): AsyncGenerator<R[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Rows read as the file is written, by keyset on an increasing id: `read(afterId, limit)` returns
 * the next batch, so a province's list never sits in memory whole.
 */
export async function* byKeyset<R extends { id: number }>(
  read: (afterId: number, limit: number) => Promise<R[]>,
  size = 2_000,
): AsyncGenerator<R[]> {
  let after = 0;
  for (;;) {
    const rows = await read(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1].id;
  }
}
