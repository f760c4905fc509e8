import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { buttonClass } from './button';

export const filterControl =
  'min-h-10 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm';

/*
 * These render wherever they are used: from a list page (a server component) on the server, from a
 * client component (the dashboard's filters) as part of it, where markup costs the server far less.
 */

/** A GET form: filters live in the URL, so a view can be bookmarked and works without JavaScript. */
export function FilterBar({ action, children }: { action: string; children: ReactNode }) {
  const t = useTranslations('common');
  return (
    <form
      action={action}
      method="get"
      role="search"
      className="mb-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-[repeat(auto-fit,minmax(10rem,1fr))] sm:items-end"
    >
      {children}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass('primary', 'md')}>
          {t('filter')}
        </button>
        <a href={action} className={buttonClass('ghost', 'md')}>
          {t('reset')}
        </a>
      </div>
    </form>
  );
}

export function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="block space-y-1 text-sm">
      <span className="font-medium text-stone-700">{label}</span>
      {children}
    </label>
  );
}

/** A filter dropdown whose first choice is "all" (no filter). */
export function FilterSelect({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value?: string | number;
  options: { value: string | number; label: string }[];
}) {
  const t = useTranslations('common');
  return (
    <FilterField label={label}>
      <select name={name} defaultValue={value ?? ''} className={filterControl}>
        <option value="">{t('all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
