import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FilterBar, FilterField, filterControl } from '@/components/ui/filter-bar';
import { dashboardHref, yearChoices, type DashboardFilters } from '@/lib/dashboard/filters';

/**
 * The dashboard's year and unit, as a GET form (the URL keeps them; works without JavaScript).
 * `units` are the ones in the actor's scope below their own; none for a worker or an official
 * with no units below, who choose the year only.
 */
export async function DashboardFilterForm({
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
  const t = await getTranslations('dashboardFilters');
  return (
    // Keyed by the filters: a link to another unit navigates in place, and the selects' default
    // values would otherwise keep showing the previous choice (and submit it).
    <div className="mb-4" data-testid="dashboard-filters" key={dashboardHref(filters)}>
      <FilterBar action="/dashboard">
        <FilterField label={t('year')}>
          <select name="year" defaultValue={filters.year} className={filterControl}>
            {yearChoices(thisYear, filters.year).map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </FilterField>
        {units.length > 0 && (
          <FilterField label={t('unit')}>
            <select name="unit" defaultValue={filters.unitId ?? ''} className={filterControl}>
              <option value="">{mineWide ? t('wholeMine') : t('wholeScope')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>{u.chain}</option>
              ))}
            </select>
          </FilterField>
        )}
      </FilterBar>
      {filters.unitId && (
        <p className="-mt-2 text-sm">
          <Link href={dashboardHref(filters, { unitId: undefined })} className="text-brand-700 hover:underline" data-testid="back-to-scope">
            ← {mineWide ? t('backToMine') : t('backToScope')}
          </Link>
        </p>
      )}
    </div>
  );
}
