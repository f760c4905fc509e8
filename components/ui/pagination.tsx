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

/**
 * Previous/next links of a keyset list: `?before=` the first row's key, `?after=` the last one's,
 * with the list's filters (a changed filter drops the cursor: the filter form does not carry it),
 * a way back to the first page, and the total — exact, or "10,000+" where the list stopped counting.
 * There are no page numbers: a keyset page knows its neighbours, not its position.
 */
export async function KeysetPagination({
  prev,
  next,
  total,
  basePath,
  params,
}: {
  prev: string | null;
  next: string | null;
  total: { count: number; capped: boolean };
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = await getTranslations('common');
  const href = (cursor?: { before: string } | { after: string }) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, ...cursor })) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <nav aria-label={t('pagination')} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="text-stone-600">{t(total.capped ? 'recordsOver' : 'records', { count: total.count })}</span>
      <span className="flex flex-wrap gap-2">
        {prev ? (
          <>
            <Link className={buttonClass('ghost', 'sm')} href={href()}>
              {t('first')}
            </Link>
            <Link className={buttonClass('secondary', 'sm')} href={href({ before: prev })} rel="prev">
              {t('previous')}
            </Link>
          </>
        ) : null}
        {next ? (
          <Link className={buttonClass('secondary', 'sm')} href={href({ after: next })} rel="next">
            {t('next')}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
