'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import { Card, EmptyState } from '@/components/ui/card';
import { Table, Th } from '@/components/ui/table';
import { FIGURE_ROWS } from './case-figures';
import type { Category } from '@/db/schema/register';
import type { RegisterMeasures } from '@/db/queries/register-dashboard';
import { listHref, type DashboardFilters, type UnitWindow } from '@/lib/dashboard/filters';
import { useFromJson, type JsonOf } from '@/lib/json-props';
import { formatExitRate } from '@/lib/register/exit-rate';
import { useSoftNavigation } from './soft-navigation';
import { OpenUnitHint, UnitLink, UnitPager } from './unit-pager';

function Figure({
  label,
  value,
  hint,
  href,
  tone,
}: {
  label: string;
  value: string | number;
  hint?: string;
  href: string;
  tone?: 'bad';
}) {
  return (
    <a
      href={href}
      className="block rounded-lg border border-stone-200 bg-white p-4 hover:border-brand-600 focus-visible:border-brand-600"
    >
      <div className="text-sm text-stone-600">{label}</div>
      <div className={`mt-1 text-2xl font-semibold tabular-nums ${tone === 'bad' ? 'text-red-700' : ''}`}>{value}</div>
      {hint && <div className="mt-1 text-xs text-stone-500">{hint}</div>}
    </a>
  );
}

export interface RegisterMeasuresData {
  /** In the union's order, hardest first (passed in: the schema module stays out of the browser's bundle). */
  categories: readonly Category[];
  /** The page of units below shown in the table; the headline figures are `totals`, over all of them. */
  units: UnitWindow<RegisterMeasures>;
  totals: Omit<RegisterMeasures, 'unitId' | 'name'>;
  unitLabel: string;
  /** The dashboard's filters: the lists behind the figures get the unit; a unit's row opens its own dashboard. */
  filters: DashboardFilters;
  thisYear: number;
}

/** The union's four measures and the register's state, with each figure linking to its list. */
export function RegisterMeasuresSection({ data }: { data: JsonOf<RegisterMeasuresData> }) {
  const { categories, units, totals: total, unitLabel, filters, thisYear } = useFromJson(data);
  const t = useTranslations();
  const locale = useLocale();
  const hintId = useId();
  const softNavigation = useSoftNavigation();
  const rows = units.rows;
  const { year } = filters;
  const current = year === thisYear;
  const households = (query: Record<string, string | undefined>) => listHref.households(filters, query);
  return (
    <section aria-labelledby="register-heading" className="mt-6 space-y-4" onClick={softNavigation}>
      <h2 id="register-heading" className="text-lg font-semibold">
        {t('dashboard.registerTitle')}
      </h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="register-figures">
        <Figure label={t('dashboard.activeHouseholds')} value={total.active} href={households({ status: 'active' })} />
        <Figure
          label={current ? t('dashboard.exitedThisYear') : t('dashboardFilters.exitedIn', { year })}
          value={total.exitedThisYear}
          href={households({ status: 'exited' })}
        />
        <Figure
          label={t('dashboard.exitRate')}
          value={formatExitRate(total.exitCohort, locale)}
          hint={t('dashboard.exitRateHint', { ...total.exitCohort, year })}
          href={households({ status: 'exited' })}
        />
        <Figure
          label={t('dashboard.visited')}
          value={`${total.visited} / ${total.active}`}
          hint={current ? t('dashboard.visitedHint') : t('dashboardFilters.visitedHintYear', { year })}
          href={households({ status: 'active', visited: current ? 'no' : undefined })}
        />
        <Figure
          label={t('dashboard.known')}
          value={total.known}
          hint={t('dashboard.knownHint')}
          href={households({ status: 'active' })}
        />
        <Figure
          label={t('dashboard.resolved')}
          value={`${total.tasksDone} / ${total.tasksRaised}`}
          hint={current ? t('dashboard.resolvedHint') : t('dashboardFilters.resolvedHintYear', { year })}
          href="/tasks?view=all"
        />
        <Figure
          label={t('dashboard.overdueTasks')}
          value={total.overdueTasks}
          href="/tasks?view=overdue"
          tone={total.overdueTasks ? 'bad' : undefined}
        />
        <Figure
          label={t('dashboard.overdueReviews')}
          value={total.overdueReviews}
          href={households({ review: 'overdue' })}
          tone={total.overdueReviews ? 'bad' : undefined}
        />
        <Figure
          label={t('dashboard.missingHelpers')}
          value={total.missingHelper}
          href={households({ missingHelper: '1' })}
          tone={total.missingHelper ? 'bad' : undefined}
        />
      </div>
      <Card title={t('dashboard.perCategory')}>
        <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3" data-testid="category-counts">
          {categories.map((c) => (
            <li key={c}>
              <a
                href={households({ status: 'active', category: c })}
                className="flex justify-between rounded border border-stone-100 px-3 py-2 hover:bg-stone-50"
              >
                <span>{t(`register.categories.${c}`)}</span>
                <span className="font-semibold tabular-nums">{total.perCategory[c]}</span>
              </a>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('dashboard.perUnitMeasures')}>
        <OpenUnitHint id={hintId} />
        {rows.length === 0 ? (
          <EmptyState>{t('dashboard.noUnits')}</EmptyState>
        ) : (
          <Table caption={`${t('dashboard.perUnitMeasures')} · ${unitLabel}`}>
            <thead>
              <tr>
                <Th>{t('dashboard.unit')}</Th>
                <Th className="text-right">{t('dashboard.workers')}</Th>
                <Th className="text-right">{t('dashboard.households')}</Th>
                <Th className="text-right">{t('dashboard.exitRate')}</Th>
                <Th className="text-right">{t('dashboard.visited')}</Th>
                <Th className="text-right">{t('dashboard.known')}</Th>
                <Th className="text-right">{t('dashboard.resolved')}</Th>
                <Th className="text-right">{t('dashboard.overdueTasks')}</Th>
                <Th className="text-right">{t('dashboard.overdueReviews')}</Th>
                <Th className="text-right">{t('dashboard.missingHelpers')}</Th>
              </tr>
            </thead>
            {/* Cell styles on the body, not on each of the 20 × 9 cells: the page is smaller and renders faster. */}
            <tbody className={`${FIGURE_ROWS} [&_td:nth-child(n+2)]:text-right`} data-testid="unit-counts">
              {rows.map((r) => (
                <tr key={r.unitId}>
                  <td>
                    <UnitLink unit={r} filters={filters} hintId={hintId} />
                  </td>
                  <td>{r.workers}</td>
                  <td>
                    <a
                      className="text-brand-700 hover:underline"
                      href={listHref.households({ ...filters, unitId: r.unitId }, { status: 'active' })}
                    >
                      {r.active}
                    </a>
                  </td>
                  <td>{formatExitRate(r.exitCohort, locale)}</td>
                  <td>{`${r.visited} / ${r.active}`}</td>
                  <td>{r.known}</td>
                  <td>{`${r.tasksDone} / ${r.tasksRaised}`}</td>
                  <td>{r.overdueTasks}</td>
                  <td>{r.overdueReviews}</td>
                  <td>{r.missingHelper}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <UnitPager window={units} filters={filters} />
      </Card>
    </section>
  );
}
