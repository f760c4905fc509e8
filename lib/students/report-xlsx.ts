import 'server-only';
import ExcelJS from 'exceljs';
import type { Figures, FundReport } from '@/db/queries/fund-report';
import { AWARD_TIERS, STAGES } from './stages';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Yuan as a number with two decimals for a spreadsheet cell (fen are integers: exact to the fen). */
const yuan = (fen: number) => fen / 100;
const MONEY = '#,##0.00';

/**
 * The fund's report as an XLSX workbook: a summary per school year and over the span, then the
 * aid by stage, the aid by branch and the awards by tier, each with the span's total as its last
 * row. Labels come translated; money is yuan with two decimals.
 */
export async function reportWorkbook(report: FundReport, t: Translate): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  const rows: [string, Figures][] = [
    ...report.years.map((y): [string, Figures] => [
      t('students.schoolYear', { year: y.schoolYear, next: y.schoolYear + 1 }),
      y,
    ]),
    [t('students.report.total'), report.total],
  ];

  const sheet = (name: string, header: string[], body: (string | number)[][], moneyColumns: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const r of body) ws.addRow(r);
    ws.lastRow!.font = { bold: true };
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 24 : 16;
      if (moneyColumns.includes(i + 1)) c.numFmt = MONEY;
    });
    ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  };

  sheet(
    t('students.report.summary'),
    [
      t('students.schoolYearLabel'),
      t('students.report.aidCount'),
      t('students.report.students'),
      t('students.report.aidMoney'),
      t('students.report.awardCount'),
      t('students.report.awardMoney'),
      t('students.report.paidMoney'),
    ],
    rows.map(([label, f]) => [
      label,
      f.aid.count,
      f.students,
      yuan(f.aid.fen),
      f.awards.count,
      yuan(f.awards.fen),
      yuan(f.paidFen),
    ]),
    [4, 6, 7],
  );
  const perKey = <K extends string>(
    keys: readonly K[],
    label: (k: K) => string,
    tally: (f: Figures, k: K) => { count: number; fen: number },
  ) => ({
    header: [
      t('students.schoolYearLabel'),
      ...keys.flatMap((k) => [
        `${label(k)} · ${t('students.report.count')}`,
        `${label(k)} · ${t('students.report.money')}`,
      ]),
    ],
    body: rows.map(([rowLabel, f]) => [rowLabel, ...keys.flatMap((k) => [tally(f, k).count, yuan(tally(f, k).fen)])]),
    money: keys.map((_, i) => 3 + 2 * i),
  });
  const stages = perKey(
    STAGES,
    (s) => t(`students.stages.${s}`),
    (f, s) => f.byStage[s],
  );
  sheet(t('students.report.byStage'), stages.header, stages.body, stages.money);
  const branches = report.total.byBranch.map((b) => String(b.branchId));
  const names = new Map(report.total.byBranch.map((b) => [String(b.branchId), b.branchName]));
  const byBranch = perKey(
    branches,
    (id) => names.get(id)!,
    (f, id) => f.byBranch.find((b) => String(b.branchId) === id) ?? { count: 0, fen: 0 },
  );
  sheet(t('students.report.byBranch'), byBranch.header, byBranch.body, byBranch.money);
  const tiers = perKey(
    AWARD_TIERS,
    (tier) => t(`students.tiers.${tier}`),
    (f, tier) => f.byTier[tier],
  );
  sheet(t('students.report.byTier'), tiers.header, tiers.body, tiers.money);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
