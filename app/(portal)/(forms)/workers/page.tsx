import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listPeoplePage } from '@/db/queries/people';
import { unitFilterOptions } from '@/db/queries/unit-filter';
import { PeopleTable } from '@/components/people/people-table';
import { PageHeader } from '@/components/ui/card';
import { FilterBar, FilterField, FilterSelect, filterControl } from '@/components/ui/filter-bar';
import { KeysetPagination } from '@/components/ui/pagination';
import { requirePermission } from '@/lib/auth/session';
import { scopeOf } from '@/lib/scope';
import { asStrings, cursorParams, first, peopleParams, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('workers') };
}

export default async function WorkersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('workers.view');
  const sp = first(await searchParams);
  const f = peopleParams.parse(sp);
  const t = await getTranslations();
  const db = await getDb();
  const scope = scopeOf(actor);
  const [units, { rows, prev, next, total }] = await Promise.all([
    unitFilterOptions(db, scope, f.unitId),
    listPeoplePage(db, scope, { q: f.q, unitId: f.unitId, role: 'worker', status: 'active' }, cursorParams.parse(sp)),
  ]);
  return (
    <>
      <PageHeader title={t('nav.workers')} subtitle={t('workers.subtitle')} />
      <FilterBar action="/workers">
        <FilterField label={t('common.search')}>
          <input name="q" defaultValue={f.q} placeholder={t('workers.searchHint')} className={filterControl} />
        </FilterField>
        <FilterSelect
          label={t('people.unit')}
          name="unitId"
          value={f.unitId}
          options={units.map((u) => ({ value: u.id, label: u.chain }))}
        />
      </FilterBar>
      <PeopleTable rows={rows} hrefBase="/workers" />
      <KeysetPagination
        prev={prev}
        next={next}
        total={total}
        basePath="/workers"
        params={asStrings({ q: f.q, unitId: f.unitId })}
      />
    </>
  );
}
