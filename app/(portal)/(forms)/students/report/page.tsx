import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { fundReport, reportYears, type Figures, type Tally } from '@/db/queries/fund-report';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader, Stat } from '@/components/ui/card';
import { filterControl } from '@/components/ui/filter-bar';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/money';
import { scopeOf } from '@/lib/scope';
import { first, type SearchParams } from '@/lib/search-params';
import { studentPaths } from '@/lib/students/paths';
import { reportSpan } from '@/lib/students/report-span';
import { reportParams } from '@/lib/students/search-params';
import { AWARD_TIERS, STAGES } from '@/lib/students/stages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('fundReport') };
}

/** "12 · ¥6,000.00": a count and its money in one cell. */
function Cell({ tally }: { tally: { count: number; fen: number } }) {
  return (
    <Td className="text-right tabular-nums">
      {tally.count ? (
        <>
          {tally.count} <span className="text-stone-500">·</span> {formatFen(tally.fen)}
        </>
      ) : (
        <span className="text-stone-400">—</span>
      )}
    </Td>
  );
}

const NONE: Tally = { count: 0, fen: 0 };
type Row = [label: string, figures: Figures, total: boolean];

function RowHead({ label, total }: { label: string; total: boolean }) {
  return (
    <Th scope="row" className={total ? 'bg-stone-100 font-semibold' : 'bg-white font-normal'}>
      {label}
    </Th>
  );
}

/** One breakdown (by stage, branch or tier): a row per school year and the total, a column per key. */
function Breakdown({
  title,
  rows,
  yearHeader,
  columns,
}: {
  title: string;
  rows: Row[];
  yearHeader: string;
  columns: { key: string; label: string; tally: (f: Figures) => Tally }[];
}) {
  return (
    <Card title={title}>
      <Table caption={title}>
        <thead>
          <tr>
            <Th>{yearHeader}</Th>
            {columns.map((c) => (
              <Th key={c.key} className="text-right">
                {c.label}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map(([label, f, total]) => (
            <tr key={label} className={total ? 'bg-stone-50 font-semibold' : undefined}>
              <RowHead label={label} total={total} />
              {columns.map((c) => (
                <Cell key={c.key} tally={c.tally(f)} />
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

/**
 * 圆梦行动 report: per school year and over the chosen span — students aided (person-times) and
 * money by stage and by branch, awards by tier — with the XLSX export of the same figures.
 */
export default async function FundReportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('students.report');
  const span = reportSpan(reportParams.parse(first(await searchParams)));
  const t = await getTranslations();
  const db = await getDb();
  const [report, years] = await Promise.all([fundReport(db, actor, span.from, span.to), reportYears(db, actor)]);
  const yearLabel = (y: number) => t('students.schoolYear', { year: y, next: y + 1 });
  const choices = [...new Set([...years, span.from, span.to])].sort((a, b) => a - b);
  const rows: Row[] = [
    ...report.years.map((y): Row => [yearLabel(y.schoolYear), y, false]),
    [t('students.report.total'), report.total, true],
  ];
  const branches = report.total.byBranch;
  const header = (label: string) => <Th className="text-right">{label}</Th>;
  const xlsx = `${studentPaths.reportXlsx}?from=${span.from}&to=${span.to}`;
  return (
    <>
      <PageHeader
        title={t('nav.fundReport')}
        subtitle={t(scopeOf(actor).kind === 'all' ? 'students.report.subtitleAll' : 'students.report.subtitleBranch', {
          from: yearLabel(span.from),
          to: yearLabel(span.to),
        })}
        actions={
          <>
            <ButtonLink href={studentPaths.list}>{t('students.back')}</ButtonLink>
            <a href={xlsx} className={buttonClass('primary', 'md')} download>
              {t('students.report.export')}
            </a>
          </>
        }
      />
      <form
        action={studentPaths.report}
        method="get"
        className="mb-4 flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-3"
      >
        {(['from', 'to'] as const).map((k) => (
          <label key={k} className="block space-y-1 text-sm">
            <span className="font-medium text-stone-700">{t(`students.report.${k}`)}</span>
            <select name={k} defaultValue={span[k]} className={filterControl}>
              {choices.map((y) => (
                <option key={y} value={y}>
                  {yearLabel(y)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className={buttonClass('secondary', 'md')}>
          {t('students.show')}
        </button>
      </form>
      <p className="mb-4 text-xs text-stone-500">{t('students.report.note')}</p>

      <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat
          label={t('students.report.aidCount')}
          value={report.total.aid.count}
          hint={t('students.report.studentsHint', { n: report.total.students })}
        />
        <Stat label={t('students.report.aidMoney')} value={formatFen(report.total.aid.fen)} />
        <Stat label={t('students.report.awardCount')} value={report.total.awards.count} />
        <Stat label={t('students.report.paidMoney')} value={formatFen(report.total.paidFen)} />
      </div>

      {report.total.aid.count + report.total.awards.count === 0 ? (
        <EmptyState>{t('students.report.empty')}</EmptyState>
      ) : (
        <div className="grid gap-4">
          <Card title={t('students.report.summary')}>
            <Table caption={t('students.report.summary')}>
              <thead>
                <tr>
                  <Th>{t('students.schoolYearLabel')}</Th>
                  {header(t('students.report.aidCount'))}
                  {header(t('students.report.students'))}
                  {header(t('students.report.aidMoney'))}
                  {header(t('students.report.awardCount'))}
                  {header(t('students.report.awardMoney'))}
                  {header(t('students.report.paidMoney'))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {rows.map(([label, f, total]) => (
                  <tr key={label} className={total ? 'bg-stone-50 font-semibold' : undefined}>
                    <RowHead label={label} total={total} />
                    <Td className="text-right tabular-nums">{f.aid.count}</Td>
                    <Td className="text-right tabular-nums">{f.students}</Td>
                    <Td className="text-right tabular-nums">{formatFen(f.aid.fen)}</Td>
                    <Td className="text-right tabular-nums">{f.awards.count}</Td>
                    <Td className="text-right tabular-nums">{formatFen(f.awards.fen)}</Td>
                    <Td className="text-right tabular-nums">{formatFen(f.paidFen)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
          <Breakdown
            title={t('students.report.byStage')}
            rows={rows}
            yearHeader={t('students.schoolYearLabel')}
            columns={STAGES.map((st) => ({ key: st, label: t(`students.stages.${st}`), tally: (f) => f.byStage[st] }))}
          />
          <Breakdown
            title={t('students.report.byBranch')}
            rows={rows}
            yearHeader={t('students.schoolYearLabel')}
            columns={branches.map((b) => ({
              key: String(b.branchId),
              label: b.branchName,
              tally: (f) => f.byBranch.find((x) => x.branchId === b.branchId) ?? NONE,
            }))}
          />
          <Breakdown
            title={t('students.report.byTier')}
            rows={rows}
            yearHeader={t('students.schoolYearLabel')}
            columns={AWARD_TIERS.map((tier) => ({
              key: tier,
              label: t(`students.tiers.${tier}`),
              tally: (f) => f.byTier[tier],
            }))}
          />
        </div>
      )}
    </>
  );
}
