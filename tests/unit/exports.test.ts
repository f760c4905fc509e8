import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headersOf, LEDGER_COLUMNS, type Column, type Translate } from '@/lib/exports/columns';
import { CSV_BOM, csvCell, csvField, csvStream, csvText } from '@/lib/exports/csv';
import { csvRowCounter, fileNameFrom } from '@/lib/exports/download';
import { LEDGERS, parseFormat, parseLedgerFilters, setFilters } from '@/lib/exports/ledgers';
import { maskingFor } from '@/lib/exports/masking';
import { xlsxCell, xlsxStream } from '@/lib/exports/xlsx';
import { messagesFor } from '@/lib/i18n/catalog';
import { ROLES } from '@/lib/roles';

const t: Translate = (key) => key;

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** Batches of rows that count how many were asked for. */
function counted<R>(batches: R[][]) {
  const state = { pulled: 0 };
  async function* gen() {
    for (const b of batches) {
      state.pulled++;
      yield b;
    }
  }
  return { state, rows: gen() };
}

describe('CSV fields', () => {
  it('quotes a field with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('张三')).toBe('张三');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvField('')).toBe('');
  });

  it('neutralises text that a spreadsheet would run as a formula (= + - @ tab, carriage return)', () => {
    expect(csvText('=1+2')).toBe("'=1+2");
    expect(csvText('+86 138')).toBe("'+86 138");
    expect(csvText('-2+3')).toBe("'-2+3");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\t=1')).toBe("'\t=1");
    expect(csvText('\r=1')).toBe(`"'\r=1"`);
    // Neutralised first, then quoted: the apostrophe sits inside the quotes.
    expect(csvText('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // Only a leading sign counts.
    expect(csvText('a=b')).toBe('a=b');
    expect(csvText('王=')).toBe('王=');
  });

  it('writes money as yuan with two decimals, dates as they are, nothing for none', () => {
    expect(csvCell('money', 123450)).toBe('1234.50');
    expect(csvCell('money', 5)).toBe('0.05');
    expect(csvCell('money', 0)).toBe('0.00');
    expect(csvCell('money', null)).toBe('');
    expect(csvCell('date', '2025-03-01')).toBe('2025-03-01');
    expect(csvCell('int', 3)).toBe('3');
    expect(csvCell('text', '=cmd')).toBe("'=cmd");
  });
});

describe('CSV stream', () => {
  const columns: Column<{ name: string; fen: number; on: string | null }>[] = [
    { key: 'name', kind: 'text', width: 10, value: (r) => r.name },
    { key: 'amount', kind: 'money', width: 10, value: (r) => r.fen },
    { key: 'paidOn', kind: 'date', width: 10, value: (r) => r.on },
  ];

  it('starts with a BOM and the translated header, then one CRLF line per row', async () => {
    const { rows } = counted([
      [{ name: '张,三', fen: 100000, on: '2025-01-02' }],
      [{ name: '+李四', fen: 1, on: null }],
    ]);
    const out = await text(csvStream(columns, rows, (key) => `h:${key}`));
    expect(out.startsWith(CSV_BOM)).toBe(true);
    expect(out.slice(1)).toBe(
      'h:exports.columns.name,h:exports.columns.amount,h:exports.columns.paidOn\r\n"张,三",1000.00,2025-01-02\r\n\'+李四,0.01,\r\n',
    );
  });

  it('reads a batch only when the reader asks for more', async () => {
    const { state, rows } = counted(Array.from({ length: 50 }, () => [{ name: 'x', fen: 1, on: null }]));
    const reader = csvStream(columns, rows, t).getReader();
    await reader.read();
    await reader.read();
    expect(state.pulled).toBeLessThan(5);
    await reader.cancel();
  });

  it('breaks the download, without the database’s words, when a batch fails', async () => {
    async function* failing() {
      yield [{ name: 'a', fen: 1, on: null }];
      throw new Error('relation "secret_table" does not exist');
    }
    const err = await text(csvStream(columns, failing(), t)).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String(err)).not.toContain('secret_table');
  });
});

describe('XLSX stream', () => {
  const columns: Column<{ no: string; fen: number | null; on: string; n: number }>[] = [
    { key: 'caseNumber', kind: 'text', width: 10, value: (r) => r.no },
    { key: 'amount', kind: 'money', width: 10, value: (r) => r.fen },
    { key: 'paidOn', kind: 'date', width: 10, value: (r) => r.on },
    { key: 'helpers', kind: 'int', width: 10, value: (r) => r.n },
  ];

  it('writes a workbook that opens: a bold header, yuan, real dates, leading zeros and formulas kept as text', async () => {
    const { rows } = counted([
      [{ no: '00012', fen: 123456, on: '2025-12-31', n: 2 }],
      [{ no: '=1+1', fen: null, on: '2024-02-29', n: 0 }],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await new Response(xlsxStream(columns, rows, (key) => `h:${key}`, '台账')).arrayBuffer());
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'h:exports.columns.caseNumber',
      'h:exports.columns.amount',
      'h:exports.columns.paidOn',
      'h:exports.columns.helpers',
    ]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '00012', 1234.56, new Date('2025-12-31T00:00:00Z'), 2]);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A3').value).toBe('=1+1');
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.rowCount).toBe(3);
  });

  it('stops reading batches while nobody takes the bytes', async () => {
    // Random text does not compress, so each batch is about 64 KB in the zip too.
    const batch = () =>
      Array.from({ length: 500 }, () => ({ no: randomBytes(64).toString('hex'), fen: 1, on: '2025-01-01', n: 1 }));
    const { state, rows } = counted(Array.from({ length: 40 }, batch));
    const stream = xlsxStream(columns, rows, t, 'x');
    await new Promise((r) => setTimeout(r, 300));
    expect(state.pulled).toBeLessThan(10);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await new Response(stream).arrayBuffer());
    expect(state.pulled).toBe(40);
    expect(wb.worksheets[0].rowCount).toBe(1 + 40 * 500);
  });

  it('types cells: yuan from fen, a date at midnight UTC (Excel has no time zone), none as empty', () => {
    expect(xlsxCell('money', 100)).toBe(1);
    expect(xlsxCell('money', 12345)).toBe(123.45);
    expect(xlsxCell('date', '2025-03-01')).toEqual(new Date(Date.UTC(2025, 2, 1)));
    expect(xlsxCell('text', null)).toBeNull();
  });
});

describe('masking in exports', () => {
  it('masks ID numbers and phones for every role today', () => {
    for (const role of ROLES) {
      const mask = maskingFor(role);
      expect(mask.idNumber('33010619900101123X')).toBe('3301**********123X');
      expect(mask.phone('13812345678')).toBe('138****5678');
      expect(mask.idNumber(null)).toBe('');
    }
  });
});

describe('ledger definitions', () => {
  it('have a header in both languages for every column', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const columns = (messagesFor(locale).exports as Record<string, Record<string, string>>).columns;
      for (const ledger of LEDGERS)
        for (const c of LEDGER_COLUMNS[ledger]) expect(columns[c.key], `${locale} ${c.key}`).toBeTruthy();
    }
    expect(headersOf(LEDGER_COLUMNS.payments, t)[0]).toBe('exports.columns.paidOn');
  });

  it('carry an ID number column on every ledger (masked by the query)', () => {
    for (const ledger of LEDGERS) expect(LEDGER_COLUMNS[ledger].map((c) => c.key)).toContain('idNumber');
  });

  it('read the list pages’ filters leniently, without the page', () => {
    const register = parseLedgerFilters(
      'register',
      new URLSearchParams('category=extreme&status=bogus&sort=unit&dir=desc&page=4&missingHelper=1'),
    );
    expect(register).toEqual({ category: 'extreme', sort: 'unit', dir: 'desc', missingHelper: '1' });
    expect(parseLedgerFilters('cases', new URLSearchParams('year=2025&aidKind=poverty&unitId=x&q=%20王%20'))).toEqual({
      year: 2025,
      aidKind: 'poverty',
      q: '王',
    });
    expect(parseLedgerFilters('payments', new URLSearchParams('year=1999&aidKind=illness&unitId=7'))).toEqual({
      aidKind: 'illness',
      unitId: 7,
    });
    expect(setFilters({ a: 1, b: undefined, c: '' })).toEqual({ a: 1 });
  });

  it('export XLSX unless CSV is asked for', () => {
    expect(parseFormat('csv')).toBe('csv');
    expect(parseFormat('xlsx')).toBe('xlsx');
    expect(parseFormat(null)).toBe('xlsx');
    expect(parseFormat('pdf')).toBe('xlsx');
  });
});

describe('the browser’s side of a download', () => {
  it('names the file from Content-Disposition, the UTF-8 name first', () => {
    expect(
      fileNameFrom(
        `attachment; filename="_____-2025-01-02.csv"; filename*=UTF-8''${encodeURIComponent('困难职工台账-2025-01-02.csv')}`,
      ),
    ).toBe('困难职工台账-2025-01-02.csv');
    expect(fileNameFrom('attachment; filename="ledger.xlsx"')).toBe('ledger.xlsx');
    expect(fileNameFrom('attachment; filename="a.csv"; filename*=UTF-8\'\'%E0%A4%A')).toBe('a.csv');
    expect(fileNameFrom(null)).toBeNull();
  });

  it('counts CSV rows as bytes arrive, however the chunks cut them, line breaks inside quotes not counted', async () => {
    const columns: Column<{ name: string }>[] = [{ key: 'name', kind: 'text', width: 10, value: (r) => r.name }];
    const names = ['张三', '"quoted", with comma', 'two\nlines', 'say ""hi""', '王五'];
    const bytes = new Uint8Array(
      await new Response(csvStream(columns, counted([names.map((name) => ({ name }))]).rows, t)).arrayBuffer(),
    );
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const counter = csvRowCounter();
      let rows = 0;
      for (let i = 0; i < bytes.length; i += size) rows = counter.add(bytes.slice(i, i + size));
      expect(rows, `chunks of ${size}`).toBe(names.length);
    }
  });
});
