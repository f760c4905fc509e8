import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { workersWithoutFile } from '@/db/queries/register';
import { FileHouseholdForm } from '@/components/register/household-form';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { filterControl } from '@/components/ui/filter-bar';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { workerSearchParams } from '@/lib/register/search-params';
import { first, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('households'))('fileTitle') };
}

/** 建档: find the worker (a GET search, so the list is the server's scoped answer), then the file. */
export default async function NewHouseholdPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('register.edit');
  const { q } = workerSearchParams.parse(first(await searchParams));
  const t = await getTranslations();
  const workers = await workersWithoutFile(await getDb(), actor, q);
  return (
    <>
      <PageHeader
        title={t('households.fileTitle')}
        subtitle={t('households.fileSubtitle')}
        actions={<ButtonLink href="/households">{t('common.back')}</ButtonLink>}
      />
      <div className="grid gap-4">
        <Card title={t('households.findWorker')}>
          <form action="/households/new" method="get" role="search" className="flex flex-wrap items-end gap-2">
            <label className="block min-w-0 flex-1 space-y-1 text-sm">
              <span className="font-medium text-stone-700">{t('households.workerSearch')}</span>
              <input name="q" defaultValue={q} placeholder={t('workers.searchHint')} className={filterControl} />
            </label>
            <button type="submit" className={buttonClass('secondary', 'md')}>
              {t('common.search')}
            </button>
          </form>
          <p className="mt-2 text-xs text-stone-500">{t('households.workerSearchHint')}</p>
        </Card>
        <Card title={t('households.fileForm')}>
          {workers.length === 0 ? (
            <EmptyState>{q ? t('households.noWorkersFound', { q }) : t('households.noWorkers')}</EmptyState>
          ) : (
            <FileHouseholdForm
              workers={workers}
              today={todayInChina()}
              actorRole={actor.role as 'leader' | 'branch_official' | 'sub_branch_official'}
            />
          )}
        </Card>
      </div>
    </>
  );
}
