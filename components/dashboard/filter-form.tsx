'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { FilterBar, FilterField, filterControl } from '@/components/ui/filter-bar';
import { dashboardHref, yearChoices, type DashboardFilters } from '@/lib/dashboard/filters';

/**
 * The dashboard's year and unit, as a GET form (the URL keeps them; works without JavaScript).
 * `units` are the ones in the actor's scope below their own; none for a worker or an official
 * with no units below, who choose the year only. A client component like the dashboard's other
 * sections: its two dozen options cost the server a fraction as plain data of what they cost as
 * server-rendered elements.
 */
export function DashboardFilterForm({
  filters,
  thisYear,
  units,
  mineWide,
}: {
  filters: DashboardFilters;
  thisYear: number;
  units: { id: number; chain: string }[];
  mineWide: boolean;
}) {
  const t = useTranslations('dashboardFilters');
  return (
    // Keyed by the filters: a link to another unit navigates in place, and the selects' default
    // values would otherwise keep showing the previous choice (and submit it).
    <div className="mb-4" data-testid="dashboard-filters" key={dashboardHref(filters)}>
      <FilterBar action="/dashboard">
        <FilterField label={t('year')}>
          <select name="year" defaultValue={filters.year} className={filterControl}>
            {yearChoices(thisYear, filters.year).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </FilterField>
        {units.length > 0 && (
          <FilterField label={t('unit')}>
            <select name="unit" defaultValue={filters.unitId ?? ''} className={filterControl}>
              <option value="">{mineWide ? t('wholeMine') : t('wholeScope')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.chain}
                </option>
              ))}
            </select>
          </FilterField>
        )}
      </FilterBar>
      {filters.unitId && (
        <p className="-mt-2 text-sm">
          <Link
            href={dashboardHref(filters, { unitId: undefined })}
            className="text-brand-700 hover:underline"
            data-testid="back-to-scope"
          >
            ← {mineWide ? t('backToMine') : t('backToScope')}
          </Link>
        </p>
      )}
    </div>
  );
}
