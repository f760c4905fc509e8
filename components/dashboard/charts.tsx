'use client';

import { useLocale, useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useState, type ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { Table, Th } from '@/components/ui/table';
import type { PaymentCharts } from '@/db/queries/dashboard-charts';
import { useFromJson, type JsonOf } from '@/lib/json-props';
import { formatFen } from '@/lib/money';
import type { BarDatum } from './bar-chart';
import { FIGURE_ROWS } from './case-figures';

// recharts measures its box in the browser: on the server it can only draw an empty container,
// and creating its chart state for that cost the leader's dashboard ~0.9 ms of CPU per request
// (four charts). Drawn in the browser only, its code also leaves the page's first JavaScript.
const BarChartView = dynamic(() => import('./bar-chart').then((m) => m.BarChartView), { ssr: false });

/**
 * A chart with its text alternative: the figure is named by its caption, and the same numbers sit
 * in a table under "The figures", one click or keypress away (the chart itself is hidden from
 * screen readers, which would otherwise read the numbers twice). Like the chart, the table is
 * drawn in the browser, when opened: the four closed tables were a quarter of the leader's page
 * and ~1 ms of the server's CPU on every request.
 */
function ChartCard({
  title,
  testId,
  data,
  fen,
  layout,
  columns,
  rows,
}: {
  title: string;
  testId: string;
  data: BarDatum[];
  fen?: boolean;
  layout?: 'horizontal' | 'vertical';
  columns: string[];
  rows: () => ReactNode[][];
}) {
  const t = useTranslations('dashboardFilters');
  const [open, setOpen] = useState(false);
  return (
    <Card title={title}>
      <figure data-testid={testId}>
        {/* The box keeps its size while the chart loads, so the page does not jump. */}
        <div
          aria-hidden
          style={{ width: '100%', height: layout === 'vertical' ? Math.max(160, 32 * data.length) : 240 }}
        >
          <BarChartView data={data} fen={fen} layout={layout} />
        </div>
        <figcaption className="sr-only">{title}</figcaption>
        <details className="mt-2 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary className="cursor-pointer text-brand-700">{t('figures')}</summary>
          {open && (
            <Table caption={title}>
              <thead>
                <tr>
                  {columns.map((c, i) => (
                    <Th key={c} className={i ? 'text-right' : undefined}>
                      {c}
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody className={`${FIGURE_ROWS} [&_td+td]:text-right`}>
                {rows().map((r, i) => (
                  <tr key={i}>
                    {r.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </details>
      </figure>
    </Card>
  );
}

// Made once per locale: a DateTimeFormat costs more to build than a page's twelve month names.
const monthFormats = new Map<string, Intl.DateTimeFormat>();
function monthFormat(locale: string): Intl.DateTimeFormat {
  let format = monthFormats.get(locale);
  if (!format)
    monthFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })));
  return format;
}

export interface UnitBar {
  unitId: number;
  name: string;
  households: number;
}

export interface DashboardChartsData {
  year: number;
  payments: PaymentCharts | null;
  categories: { label: string; value: number }[] | null;
  units: UnitBar[];
}

/**
 * The charts: payments per month of the year, the category mix of the households, and the units
 * below side by side (money paid, households). Either half may be missing: no payments for an
 * administrator, no register for one who keeps none.
 */
export function DashboardCharts({ data }: { data: JsonOf<DashboardChartsData> }) {
  const { year, payments, categories, units } = useFromJson(data);
  const t = useTranslations('dashboardFilters');
  const monthName = monthFormat(useLocale());
  const label = (m: number) => monthName.format(new Date(Date.UTC(2000, m - 1, 1)));
  const paidOf = new Map((payments?.perUnit ?? []).map((u) => [u.unitId, u]));
  return (
    <section aria-labelledby="charts-heading" className="mt-6 space-y-4" data-testid="dashboard-charts">
      <h2 id="charts-heading" className="text-lg font-semibold">
        {t('chartsTitle')}
      </h2>
      <div className="grid min-w-0 gap-4 lg:grid-cols-2 [&>*]:min-w-0">
        {payments && (
          <ChartCard
            title={t('paymentsPerMonth', { year })}
            testId="chart-months"
            fen
            data={payments.months.map((m) => ({ label: label(m.month), value: m.fen }))}
            columns={[t('month'), t('payments'), t('amount')]}
            rows={() => payments.months.map((m) => [label(m.month), m.count, formatFen(m.fen)])}
          />
        )}
        {categories && (
          <ChartCard
            title={t('categoryMix')}
            testId="chart-categories"
            layout="vertical"
            data={categories}
            columns={[t('category'), t('households')]}
            rows={() => categories.map((c) => [c.label, c.value])}
          />
        )}
        {payments && units.length > 1 && (
          <ChartCard
            title={t('paidPerUnit', { year })}
            testId="chart-units-paid"
            fen
            layout="vertical"
            data={units.map((u) => ({ label: u.name, value: paidOf.get(u.unitId)?.fen ?? 0 }))}
            columns={[t('unitColumn'), t('payments'), t('amount')]}
            rows={() =>
              units.map((u) => [u.name, paidOf.get(u.unitId)?.count ?? 0, formatFen(paidOf.get(u.unitId)?.fen ?? 0)])
            }
          />
        )}
        {categories && units.length > 1 && (
          <ChartCard
            title={t('householdsPerUnit')}
            testId="chart-units-households"
            layout="vertical"
            data={units.map((u) => ({ label: u.name, value: u.households }))}
            columns={[t('unitColumn'), t('households')]}
            rows={() => units.map((u) => [u.name, u.households])}
          />
        )}
      </div>
    </section>
  );
}
