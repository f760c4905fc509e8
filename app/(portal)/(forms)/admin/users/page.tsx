import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listPeople, PAGE_SIZE } from '@/db/queries/people';
import { listUnits, withChainNames } from '@/db/queries/units';
import { PeopleTable } from '@/components/people/people-table';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { FilterBar, FilterField, FilterSelect, filterControl } from '@/components/ui/filter-bar';
import { Pagination } from '@/components/ui/pagination';
import { requireRole } from '@/lib/auth/session';
import { ADMIN_READ_ROLES } from '@/lib/nav';
import { ROLES } from '@/lib/roles';
import { scopeOf } from '@/lib/scope';
import { asStrings, first, peopleParams, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('users') };
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole(ADMIN_READ_ROLES);
  const f = peopleParams.parse(first(await searchParams));
  const t = await getTranslations();
  const db = await getDb();
  const scope = scopeOf(actor);
  const [units, { rows, total }] = await Promise.all([listUnits(db, scope), listPeople(db, scope, f)]);
  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={actor.role === 'admin' ? undefined : t('admin.readOnly')}
        actions={actor.role === 'admin' ? <ButtonLink href="/admin/users/new" variant="primary">{t('admin.newUser')}</ButtonLink> : null}
      />
      <FilterBar action="/admin/users">
        <FilterField label={t('common.search')}>
          <input name="q" defaultValue={f.q} placeholder={t('workers.searchHint')} className={filterControl} />
        </FilterField>
        <FilterSelect label={t('people.role')} name="role" value={f.role} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <FilterSelect label={t('people.unit')} name="unitId" value={f.unitId} options={withChainNames(units).map((u) => ({ value: u.id, label: u.chain }))} />
        <FilterSelect label={t('people.status')} name="status" value={f.status} options={[{ value: 'active', label: t('people.active') }, { value: 'disabled', label: t('people.disabled') }]} />
      </FilterBar>
      <PeopleTable rows={rows} hrefBase="/admin/users" showAccount />
      <Pagination page={f.page} pageSize={PAGE_SIZE} total={total} basePath="/admin/users" params={asStrings(f)} />
    </>
  );
}
