import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** The limits of one upload: past them the dry run stops and says so (nothing is written). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_DATA_ROWS = 100_000;

/** One cell as read: its text, and whether the sheet computes it (a formula) instead of holding it. */
export interface Cell {
  text: string;
  formula: boolean;
}

/** A row with its number as the spreadsheet shows it (the header is row 1). */
export interface SheetRow {
  rowNo: number;
  cells: Cell[];
}

/** Why a file cannot be read at all: reported as one problem on the whole file. */
export class FileProblem extends Error {
  constructor(
    public readonly code: 'notSpreadsheet' | 'legacyExcel' | 'notUtf8' | 'tooLarge' | 'empty',
    cause?: unknown,
  ) {
    super(code, { cause });
    this.name = 'FileProblem';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

/** Counts bytes as they pass and fails the stream past the limit, so a 50 MB upload is never read whole. */
function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) done(new FileProblem('tooLarge'));
      else done(null, chunk);
    },
  });
}

/**
 * What the file is, from its first bytes: an XLSX is a zip; an old .xls (OLE2) is named so the
 * person can re-save it; anything else must be UTF-8 text without NUL bytes to be taken as CSV.
 */
function sniff(head: Uint8Array): 'xlsx' | 'csv' {
  if (head.length === 0) throw new FileProblem('empty');
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE2)) throw new FileProblem('legacyExcel');
  if (head.includes(0)) throw new FileProblem('notSpreadsheet');
  try {
    // `stream: true` lets the sample end inside a multi-byte character.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new FileProblem('notUtf8');
  }
  return 'csv';
}

/** A formula typed into a CSV cell (Excel would compute it on opening): `=…`, `@…`, `+A1`, `-SUM(…)`. */
export const CSV_FORMULA = /^\s*(?:[=@]|[+-]\s*[A-Za-z(])/;

/** An XLSX cell's value as text, dates as YYYY-MM-DD (exceljs hands dates over as UTC midnights). */
function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (value instanceof Date) {
    return { text: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10), formula: false };
  }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value || 'error' in value) return { text: '', formula: true };
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), formula: false };
    if ('text' in value) return { text: String(value.text), formula: false };
    return { text: '', formula: false };
  }
  const text = String(value);
  return { text, formula: typeof value === 'string' && /^=/.test(text) };
}

async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Dates are numbers with a date format: the styles say which, so they are read (cached, small).
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        yield { rowNo: row.number, cells };
      }
      // Only the first sheet is the data; the template's second sheet is instructions.
      return;
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem('notSpreadsheet', err);
  }
}

async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: false, info: true, trim: false }),
  );
  input.on('error', (err) => parser.destroy(err));
  let rowNo = 0;
  try {
    for await (const { record } of parser as AsyncIterable<{ record: string[] }>) {
      rowNo++;
      yield { rowNo, cells: record.map((text) => ({ text, formula: CSV_FORMULA.test(text) })) };
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem('notSpreadsheet', err);
  }
}

/**
 * The rows of an uploaded XLSX or CSV, one at a time, read from the stream as it arrives: neither
 * the file nor its rows are ever held whole. Throws FileProblem for a file it cannot read.
 */
export async function* readSheet(source: Readable | AsyncIterable<Uint8Array>): AsyncGenerator<SheetRow> {
  const limited = Readable.from(source as AsyncIterable<Uint8Array>, { objectMode: false }).pipe(
    byteLimit(MAX_FILE_BYTES),
  );
  // Look at the first bytes, then hand the whole stream (those bytes put back) to the reader.
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= 4096) finish();
    };
    const finish = () => {
      limited.off('data', onData).off('end', finish).off('error', reject);
      limited.pause();
      resolve(Buffer.concat(chunks));
    };
    limited.on('data', onData).once('end', finish).once('error', reject);
  });
  const kind = sniff(head);
  const rest = Readable.from(
    (async function* () {
      if (head.length) yield head;
      for await (const chunk of limited) yield chunk as Buffer;
    })(),
    { objectMode: false },
  );
  yield* kind === 'xlsx' ? xlsxRows(rest) : csvRows(rest);
}
