'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { Card, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { UnitWorkerCount } from '@/db/queries/dashboard';
import type { DashboardFilters, UnitWindow } from '@/lib/dashboard/filters';
import { useSoftNavigation } from './soft-navigation';
import { OpenUnitHint, UnitLink, UnitPager } from './unit-pager';

/** Workers per unit as a table with a proportional bar, readable on a phone. */
export function UnitCountsCard({
  title,
  units,
  total,
  filters,
}: {
  title: string;
  units: UnitWindow<UnitWorkerCount>;
  total: number;
  filters: DashboardFilters;
}) {
  const t = useTranslations();
  const hintId = useId();
  const softNavigation = useSoftNavigation();
  const rows = units.rows;
  return (
    <Card title={title}>
      <OpenUnitHint id={hintId} />
      {rows.length === 0 ? (
        <EmptyState>{t('dashboard.noUnits')}</EmptyState>
      ) : (
        <Table caption={title}>
          <thead>
            <tr>
              <Th>{t('dashboard.unit')}</Th>
              <Th className="text-right">{t('dashboard.workers')}</Th>
              <Th className="w-1/2">{t('dashboard.share')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100" data-testid="unit-counts" onClick={softNavigation}>
            {rows.map((r) => (
              <tr key={r.unitId}>
                <Td>
                  <UnitLink unit={r} filters={filters} hintId={hintId} />
                </Td>
                <Td className="text-right tabular-nums">{r.workers}</Td>
                <Td>
                  <div className="h-2 rounded bg-stone-100" aria-hidden>
                    <div
                      className="h-2 rounded bg-brand-600"
                      style={{ width: `${total ? (100 * r.workers) / total : 0}%` }}
                    />
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <UnitPager window={units} filters={filters} />
    </Card>
  );
}
