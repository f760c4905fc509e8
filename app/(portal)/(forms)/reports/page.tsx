import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PrintButton } from '@/components/cases/print-button';
import { ReportTable } from '@/components/reports/report-table';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { FilterBar, FilterField, filterControl } from '@/components/ui/filter-bar';
import { getDb } from '@/db/client';
import { threeYearReport } from '@/db/queries/reports';
import { listUnits, withChainNames } from '@/db/queries/units';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { orNotFound } from '@/lib/load';
import { MAX_SPAN_YEARS, reportParams, yearSpan } from '@/lib/reports/span';
import { scopeOf } from '@/lib/scope';
import { first, type SearchParams } from '@/lib/search-params';
import { can } from '@/lib/permissions';
import { studentPaths } from '@/lib/students/paths';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports'))('title') };
}

/**
 * 三年工作报表: each programme's people-times and money per year and over the span, for the
 * viewer's whole scope or one unit in it, as the union reports its work; printable.
 */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('reports.view');
  const params = reportParams.parse(first(await searchParams));
  const today = todayInChina();
  const span = yearSpan(params, today);
  const t = await getTranslations();
  const db = await getDb();
  const scope = scopeOf(actor);
  const [report, units] = await Promise.all([
    orNotFound(threeYearReport(db, actor, span, params.unitId)),
    listUnits(db, scope),
  ]);
  const currentYear = Number(today.slice(0, 4));
  const yearChoices = [
    ...new Set([...Array.from({ length: MAX_SPAN_YEARS }, (_, i) => currentYear - i), span.from, span.to]),
  ].sort((a, b) => b - a);
  const unitName = report.unit?.name ?? t('reports.wholeMine');
  const links = { unitId: report.unit?.id, currentYear };
  const notes = {
    hardship: t('reports.notes.hardship'),
    students: t('reports.notes.students', { year: span.to, next: span.to + 1 }),
    mutual: t('reports.notes.mutual'),
    campaigns: t('reports.notes.campaigns'),
    register: t('reports.notes.register'),
    visits: t('reports.notes.visits'),
    tasks: t('reports.notes.tasks'),
    premiums: t('reports.notes.premiums'),
    employment: t('reports.notes.employment'),
    care: t('reports.notes.care'),
  };
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={
          span.from === span.to
            ? t('reports.subtitleOne', { unit: unitName, year: span.from })
            : t('reports.subtitle', { unit: unitName, from: span.from, to: span.to })
        }
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <ButtonLink href="/dashboard">{t('reports.back')}</ButtonLink>
            <PrintButton />
          </div>
        }
      />
      <div className="print:hidden">
        <FilterBar action="/reports">
          <div className="grid grid-cols-2 gap-3 sm:contents">
            {(['from', 'to'] as const).map((k) => (
              <FilterField key={k} label={t(`reports.${k}`)}>
                <select name={k} defaultValue={span[k]} className={filterControl}>
                  {yearChoices.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </FilterField>
            ))}
            <div className="col-span-2 sm:contents">
              <FilterField label={t('reports.unit')}>
                <select name="unitId" defaultValue={report.unit?.id ?? ''} className={filterControl}>
                  {scope.kind === 'all' && <option value="">{t('reports.wholeMine')}</option>}
                  {withChainNames(units).map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.chain}
                    </option>
                  ))}
                </select>
              </FilterField>
            </div>
          </div>
        </FilterBar>
      </div>
      <div className="grid min-w-0 gap-4 print:gap-6">
        {report.sections.map((section) => (
          <ReportTable
            key={section.programme}
            section={section}
            years={report.years}
            links={links}
            note={
              <>
                {notes[section.programme]}
                {section.programme === 'students' && can(actor.role, 'students.report') && (
                  <>
                    {' '}
                    <Link
                      href={`${studentPaths.report}?from=${span.from}&to=${span.to}`}
                      className="font-medium text-brand-700 underline underline-offset-2 print:hidden"
                    >
                      {t('reports.fundReport')}
                    </Link>
                  </>
                )}
              </>
            }
          />
        ))}
      </div>
    </>
  );
}
