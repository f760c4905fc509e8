import type { Metadata } from 'next';
import { can } from '@/lib/permissions';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listPeoplePage } from '@/db/queries/people';
import { unitFilterOptions } from '@/db/queries/unit-filter';
import { PeopleTable } from '@/components/people/people-table';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { FilterBar, FilterField, FilterSelect, filterControl } from '@/components/ui/filter-bar';
import { KeysetPagination } from '@/components/ui/pagination';
import { requirePermission } from '@/lib/auth/session';
import { ROLES } from '@/lib/roles';
import { scopeOf } from '@/lib/scope';
import { asStrings, cursorParams, first, peopleParams, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('users') };
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('admin.read');
  const sp = first(await searchParams);
  const f = peopleParams.parse(sp);
  const t = await getTranslations();
  const db = await getDb();
  const scope = scopeOf(actor);
  // A province has a million accounts: paged by keyset like the worker directory, counted up to a cap.
  const [units, { rows, prev, next, total }] = await Promise.all([
    unitFilterOptions(db, scope, f.unitId),
    listPeoplePage(db, scope, { q: f.q, unitId: f.unitId, role: f.role, status: f.status }, cursorParams.parse(sp)),
  ]);
  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={can(actor.role, 'admin.users') ? undefined : t('admin.readOnly')}
        actions={
          can(actor.role, 'admin.users') ? (
            <>
              {can(actor.role, 'imports.roster') && (
                <ButtonLink href="/imports/roster">{t('nav.importRoster')}</ButtonLink>
              )}
              <ButtonLink href="/admin/users/new" variant="primary">
                {t('admin.newUser')}
              </ButtonLink>
            </>
          ) : null
        }
      />
      <FilterBar action="/admin/users">
        <FilterField label={t('common.search')}>
          <input name="q" defaultValue={f.q} placeholder={t('workers.searchHint')} className={filterControl} />
        </FilterField>
        <FilterSelect
          label={t('people.role')}
          name="role"
          value={f.role}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <FilterSelect
          label={t('people.unit')}
          name="unitId"
          value={f.unitId}
          options={units.map((u) => ({ value: u.id, label: u.chain }))}
        />
        <FilterSelect
          label={t('people.status')}
          name="status"
          value={f.status}
          options={[
            { value: 'active', label: t('people.active') },
            { value: 'disabled', label: t('people.disabled') },
          ]}
        />
      </FilterBar>
      <PeopleTable rows={rows} hrefBase="/admin/users" showAccount />
      <KeysetPagination
        prev={prev}
        next={next}
        total={total}
        basePath="/admin/users"
        params={asStrings({ q: f.q, role: f.role, unitId: f.unitId, status: f.status })}
      />
    </>
  );
}
