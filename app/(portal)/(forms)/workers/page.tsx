import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listPeople, PAGE_SIZE } from '@/db/queries/people';
import { listUnits, withChainNames } from '@/db/queries/units';
import { PeopleTable } from '@/components/people/people-table';
import { PageHeader } from '@/components/ui/card';
import { FilterBar, FilterField, FilterSelect, filterControl } from '@/components/ui/filter-bar';
import { Pagination } from '@/components/ui/pagination';
import { requireRole } from '@/lib/auth/session';
import { WORKER_DIRECTORY_ROLES } from '@/lib/nav';
import { scopeOf } from '@/lib/scope';
import { asStrings, first, peopleParams, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('workers') };
}

export default async function WorkersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole(WORKER_DIRECTORY_ROLES);
  const f = peopleParams.parse(first(await searchParams));
  const t = await getTranslations();
  const db = await getDb();
  const scope = scopeOf(actor);
  const [units, { rows, total }] = await Promise.all([
    listUnits(db, scope),
    listPeople(db, scope, { q: f.q, unitId: f.unitId, role: 'worker', status: 'active', page: f.page }),
  ]);
  return (
    <>
      <PageHeader title={t('nav.workers')} subtitle={t('workers.subtitle')} />
      <FilterBar action="/workers">
        <FilterField label={t('common.search')}>
          <input name="q" defaultValue={f.q} placeholder={t('workers.searchHint')} className={filterControl} />
        </FilterField>
        <FilterSelect label={t('people.unit')} name="unitId" value={f.unitId} options={withChainNames(units).map((u) => ({ value: u.id, label: u.chain }))} />
      </FilterBar>
      <PeopleTable rows={rows} hrefBase="/workers" />
      <Pagination page={f.page} pageSize={PAGE_SIZE} total={total} basePath="/workers" params={asStrings({ q: f.q, unitId: f.unitId })} />
    </>
  );
}
