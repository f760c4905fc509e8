import ExcelJS from 'exceljs';
import type { ImportKind } from '@/db/schema/imports';
import { CSV_BOM, csvLine, csvText } from '@/lib/exports/csv';
import { COLUMNS } from './columns';

type Lang = 'zh' | 'en';

const NOTES: Record<ImportKind, Record<Lang, string[]>> = {
  roster: {
    zh: [
      '每行一名职工；工号、姓名、单位编码必填（单位须为支会）。',
      '身份证号码、手机可留空；请把这些列设为文本格式，以免 Excel 改写长数字。',
      '按工号导入：已有的职工按本表更新，新工号建立账号（初始密码只显示一次，首次登录须修改）。',
      '不接受公式；表头可以用中文或英文。',
    ],
    en: [
      'One worker per row; employee number, name and unit code are required (the unit must be a sub-branch).',
      'ID number and phone may be empty; format these columns as text so Excel keeps long numbers.',
      'Imported by employee number: existing workers are updated, new numbers get accounts (a one-time password, shown once, changed at first sign-in).',
      'Formulas are refused; the headers may be in Chinese or English.',
    ],
  },
  households: {
    zh: [
      '每行一名家庭成员；同一职工的各行须连续，第一行填写档案各列，其后各行可留空。',
      '没有家庭成员的档案填一行，成员各列留空。',
      '困难类别、建档层级、致困原因可填中文名称或英文代码；多个原因用顿号分隔。',
      '日期写作 2024-03-05；金额以元为单位。不接受公式。',
    ],
    en: [
      'One family member per row; the rows of one worker must follow each other, the household columns on the first of them.',
      'A household without family members is one row with the member columns empty.',
      'Category, keeping level and causes may be written as names in either language or as codes; separate several causes with commas.',
      'Dates as 2024-03-05; amounts in yuan. Formulas are refused.',
    ],
  },
  enrolments: {
    zh: [
      '每行一名职工；险种和年度在导入页面上选择。工号、姓名、份数必填。',
      '姓名须与职工名册一致；身份证号码可留空，填写的须与登记的号码一致（请把该列设为文本格式）。',
      '份数不超过该险种允许的份数；已在名单中的职工按本表份数更新（已确认或已缴费的不能修改）。',
      '不接受公式；表头可以用中文或英文。',
    ],
    en: [
      'One worker per row; the scheme and the year are chosen on the import page. Employee number, name and shares are required.',
      'The name must match the roster; the ID number may be empty, and if given must match the one on record (format the column as text).',
      "Shares must be within the scheme's limit; members already listed get this file's shares (not once confirmed or paid).",
      'Formulas are refused; the headers may be in Chinese or English.',
    ],
  },
};

const header = (kind: ImportKind, lang: Lang) => COLUMNS[kind].map((c) => c[lang]);

export function templateCsv(kind: ImportKind, lang: Lang): string {
  return CSV_BOM + csvLine(header(kind, lang).map(csvText));
}

/** The template: the header on the first sheet (every column text, so ID numbers stay whole), notes on the second. */
export async function templateXlsx(kind: ImportKind, lang: Lang): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(lang === 'zh' ? '数据' : 'Data');
  sheet.columns = COLUMNS[kind].map((c) => ({ header: c[lang], key: c.key, width: 18, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet(lang === 'zh' ? '说明' : 'Notes');
  NOTES[kind][lang].forEach((line) => notes.addRow([line]));
  notes.getColumn(1).width = 100;
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
