import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { headersOf, type CellKind, type CellValue, type Column, type Translate } from './columns';

const FORMATS: Partial<Record<CellKind, string>> = { money: '#,##0.00', date: 'yyyy-mm-dd', int: '0' };

/** A typed cell for the sheet: money in yuan (fen are integers, so two decimals are exact), a date as a date. */
export function xlsxCell(kind: CellKind, value: CellValue): string | number | Date | null {
  if (value === null) return null;
  if (kind === 'money') return (value as number) / 100;
  if (kind === 'date') return new Date(`${value}T00:00:00Z`);
  return value;
}

/** How much of the sheet may wait for the zip before the next batch is read. */
const BACKLOG_BYTES = 256 * 1024;

interface Intake {
  _writableState: { length: number };
  on(event: 'drain', fn: () => void): unknown;
  removeListener(event: 'drain', fn: () => void): unknown;
}

/**
 * Where a slow download shows up. exceljs's sheet buffer hands everything on to the zip (archiver's
 * own PassThrough) at once, whatever that holds already, so the response stream alone never pushes
 * back: the zip's intake is what fills. Reached through exceljs 4.4's internals (duck-typed, so a
 * different shape only loses the pacing; tests/unit/exports.test.ts checks that it holds).
 */
function zipIntake(ws: ExcelJS.Worksheet): Intake | undefined {
  const pipe = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as Partial<Intake> | undefined;
  return pipe && typeof pipe._writableState?.length === 'number' && typeof pipe.on === 'function'
    ? (pipe as Intake)
    : undefined;
}

/** Resolves once the zip and the response have taken what was written, or the download was cancelled. */
async function caughtUp(intake: Intake | undefined, out: PassThrough): Promise<void> {
  while (!out.destroyed && ((intake?._writableState.length ?? 0) > BACKLOG_BYTES || out.writableNeedDrain)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        intake?.removeListener('drain', done);
        out.off('drain', done).off('close', done);
        resolve();
      };
      intake?.on('drain', done);
      out.on('drain', done).on('close', done);
    });
  }
}

/**
 * The ledger as an XLSX stream: exceljs's streaming writer commits each row into the zip as it
 * comes, and the next batch is read only once the zip and the response have caught up, so memory
 * stays at about one batch however large the ledger and however slow the download.
 */
export function xlsxStream<R>(
  columns: Column<R>[],
  batches: AsyncIterable<R[]>,
  t: Translate,
  sheetName: string,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {},
  }));
  const write = async () => {
    const header = ws.addRow(headersOf(columns, t));
    header.font = { bold: true };
    header.commit();
    const intake = zipIntake(ws);
    for await (const batch of batches) {
      if (out.destroyed) return;
      for (const r of batch) ws.addRow(columns.map((c) => xlsxCell(c.kind, c.value(r, t)))).commit();
      await caughtUp(intake, out);
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((err) => {
    console.error('[exports] xlsx stream failed', err);
    out.destroy(new Error('export failed'));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
