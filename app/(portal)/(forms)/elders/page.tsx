import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ElderForm } from '@/components/care/care-forms';
import { Disclosure } from '@/components/register/disclosure';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { CARE_PAGE_SIZE, listElders } from '@/db/queries/care';
import { unitFilterOptions } from '@/db/queries/unit-filter';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { formatFen } from '@/lib/money';
import { can } from '@/lib/permissions';
import { scopeOf } from '@/lib/scope';
import { first, type SearchParams } from '@/lib/search-params';
import { pageParam } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('elders') };
}

/** Lone elderly people on the visit schedule of the actor's units, overdue visits first. */
export default async function EldersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('care.view');
  const sp = first(await searchParams);
  const page = pageParam.parse(sp.page);
  const overdueOnly = sp.overdue === '1';
  const today = todayInChina();
  const db = await getDb();
  const manage = can(actor.role, 'care.manage');
  const [rows, units] = await Promise.all([
    listElders(db, actor, today, { overdueOnly, page }),
    manage ? unitFilterOptions(db, scopeOf(actor)) : Promise.resolve([]),
  ]);
  const t = await getTranslations();
  const href = (p: number) =>
    `/elders?${new URLSearchParams({ ...(overdueOnly ? { overdue: '1' } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader title={t('elders.title')} subtitle={t('elders.intro')} />
      {manage && (
        <div className="mb-4">
          <Disclosure summary={t('elders.add')}>
            <div className="p-3">
              <ElderForm units={units} today={today} />
            </div>
          </Disclosure>
        </div>
      )}
      <nav className="mb-2 flex gap-3 text-sm" aria-label={t('elders.title')}>
        <Link className="text-brand-700 underline" href="/elders" aria-current={overdueOnly ? undefined : 'page'}>
          {t('elders.all')}
        </Link>
        <Link
          className="text-brand-700 underline"
          href="/elders?overdue=1"
          aria-current={overdueOnly ? 'page' : undefined}
        >
          {t('elders.overdueOnly')}
        </Link>
      </nav>
      {rows.length === 0 ? (
        <EmptyState>{t(overdueOnly ? 'elders.noneOverdue' : 'elders.none')}</EmptyState>
      ) : (
        <Table caption={t('elders.title')}>
          <thead>
            <tr>
              <Th>{t('elders.name')}</Th>
              <Th>{t('elders.unit')}</Th>
              <Th>{t('elders.every')}</Th>
              <Th>{t('elders.lastVisit')}</Th>
              <Th>{t('elders.due')}</Th>
              <Th className="text-right">{t('elders.unsettled')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100" data-testid="elders">
            {rows.map((e) => (
              <tr key={e.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/elders/${e.id}`}>
                    {e.name}
                  </Link>
                </Td>
                <Td>{e.unitName}</Td>
                <Td>{t('elders.everyN', { n: e.visitEveryDays })}</Td>
                <Td className="tabular-nums">{e.lastVisit ?? '—'}</Td>
                <Td className="tabular-nums">
                  {e.due}
                  {e.overdue && <span className="ml-2 font-medium text-red-700">{t('elders.overdue')}</span>}
                </Td>
                <Td className="text-right tabular-nums">{e.unsettledFen > 0 ? formatFen(e.unsettledFen) : '—'}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <nav className="mt-3 flex gap-2" aria-label={t('elders.pages')}>
        {page > 1 && <ButtonLink href={href(page - 1)}>{t('common.previous')}</ButtonLink>}
        {rows.length === CARE_PAGE_SIZE && <ButtonLink href={href(page + 1)}>{t('common.next')}</ButtonLink>}
      </nav>
    </>
  );
}
