import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from './button';

/** Previous/next links that keep the other search parameters of the page. */
export async function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = await getTranslations('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set('page', String(p));
    return `${basePath}?${q.toString()}`;
  };
  return (
    <nav aria-label={t('pagination')} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="text-stone-600">{t('pageOf', { page: Math.min(page, pages), pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClass('secondary', 'sm')} href={href(page - 1)} rel="prev">
            {t('previous')}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={buttonClass('secondary', 'sm')} href={href(page + 1)} rel="next">
            {t('next')}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
