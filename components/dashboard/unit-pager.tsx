'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { UNIT_ROWS, dashboardHref, type DashboardFilters, type UnitWindow } from '@/lib/dashboard/filters';

/**
 * Where the per-unit tables and charts stand among the units below, with the pages before and
 * after; nothing when every unit fits on one page (a mine's dozen branches always do).
 */
export function UnitPager({ window, filters }: { window: UnitWindow<unknown>; filters: DashboardFilters }) {
  const t = useTranslations();
  if (window.pages <= 1) return null;
  return (
    <nav
      aria-label={t('dashboardFilters.unitPages')}
      className="my-3 flex flex-wrap items-center justify-between gap-2 text-sm"
      data-testid="unit-pager"
    >
      <span className="text-stone-600">
        {t('dashboardFilters.unitsShown', { from: window.from, to: window.to, total: window.total })}
      </span>
      <span className="flex gap-2">
        {window.page > 1 && (
          <Link
            className={buttonClass('secondary', 'sm')}
            rel="prev"
            href={dashboardHref(filters, { unitsPage: window.page - 1 })}
          >
            {t('dashboardFilters.previousUnits', { n: UNIT_ROWS })}
          </Link>
        )}
        {window.page < window.pages && (
          <Link
            className={buttonClass('secondary', 'sm')}
            rel="next"
            href={dashboardHref(filters, { unitsPage: window.page + 1 })}
          >
            {t('dashboardFilters.nextUnits', { n: UNIT_ROWS })}
          </Link>
        )}
      </span>
    </nav>
  );
}

/**
 * What a unit's name in a per-unit table does (open the same dashboard for that unit alone), said
 * once per table in a hidden description that every row's link points to: as a label per row it
 * was an ICU message formatted twenty times a page.
 */
export function OpenUnitHint({ id }: { id: string }) {
  const t = useTranslations();
  return (
    <span id={id} hidden>
      {t('dashboardFilters.openUnitHint')}
    </span>
  );
}

/**
 * A unit's name in a per-unit table, opening its own dashboard; `hintId` names the table's
 * OpenUnitHint. A plain link: the table's section navigates it (./soft-navigation.ts).
 */
export function UnitLink({
  unit,
  filters,
  hintId,
}: {
  unit: { unitId: number; name: string };
  filters: DashboardFilters;
  hintId: string;
}) {
  return (
    <a
      className="text-brand-700 hover:underline"
      href={dashboardHref(filters, { unitId: unit.unitId })}
      aria-describedby={hintId}
    >
      {unit.name}
    </a>
  );
}
