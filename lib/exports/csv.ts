import { fenToYuanText } from '@/lib/money';
import { headersOf, type CellKind, type CellValue, type Column, type Translate } from './columns';

/** A byte order mark: without it Excel reads a UTF-8 CSV as the system's code page and garbles Chinese. */
export const CSV_BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). A name
 * or a reference typed as "=HYPERLINK(…)" must arrive as text, so it gets a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as RFC 4180 has it: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text from people (names, references): neutralised against formulas, then quoted as needed. */
export function csvText(text: string): string {
  return csvField(FORMULA_START.test(text) ? `'${text}` : text);
}

/** A typed cell as CSV: money in yuan with two decimals, dates as they are (YYYY-MM-DD), empty for none. */
export function csvCell(kind: CellKind, value: CellValue): string {
  if (value === null) return '';
  if (kind === 'money') return fenToYuanText(value as number);
  if (kind === 'text') return csvText(String(value));
  return String(value);
}

export const csvLine = (fields: string[]) => `${fields.join(',')}\r\n`;

/**
 * The ledger as a CSV stream: the header at once, then each batch as the reader asks for it (pull),
 * so a slow download never holds more than one batch in memory.
 */
export function csvStream<R>(
  columns: Column<R>[],
  batches: AsyncIterable<R[]>,
  t: Translate,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(headersOf(columns, t).map(csvText))));
    },
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) return controller.close();
        controller.enqueue(
          encoder.encode(next.value.map((r) => csvLine(columns.map((c) => csvCell(c.kind, c.value(r, t))))).join('')),
        );
      } catch (err) {
        // The response has started: all we can do is break it, so the browser reports a failure
        // instead of saving half a ledger as if it were whole. The cause goes to the log only.
        console.error('[exports] csv stream failed', err);
        controller.error(new Error('export failed'));
      }
    },
    async cancel() {
      await rows.return?.();
    },
  });
}
