import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listHouseholds } from '@/db/queries/register';
import { unitFilterOptions } from '@/db/queries/unit-filter';
import { ExportMenu } from '@/components/exports/export-menu';
import { CategoryBadge, DueDate, HouseholdStatusBadge } from '@/components/register/badges';
import { SortableTh } from '@/components/register/sortable-th';
import { ButtonLink } from '@/components/ui/button';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { FilterBar, FilterField, FilterSelect, filterControl } from '@/components/ui/filter-bar';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { CATEGORIES } from '@/db/schema/register';
import { requirePermission } from '@/lib/auth/session';
import { can } from '@/lib/permissions';
import { todayInChina } from '@/lib/dates';
import { householdParams } from '@/lib/register/search-params';
import { scopeOf } from '@/lib/scope';
import { asStrings, cursorParams, first, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('households') };
}

export default async function HouseholdsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('register.view');
  const sp = first(await searchParams);
  const f = householdParams.parse(sp);
  const t = await getTranslations();
  const db = await getDb();
  const today = todayInChina();
  const [units, { rows, prev, next, total }] = await Promise.all([
    unitFilterOptions(db, scopeOf(actor), f.unitId),
    listHouseholds(db, actor, { ...f, missingHelper: f.missingHelper === '1' }, cursorParams.parse(sp)),
  ]);
  const params = asStrings(f);
  const filtered = Object.entries(params).some(([k, v]) => v && k !== 'sort' && k !== 'dir');
  const sortable = (column: typeof f.sort, label: string) => (
    <SortableTh column={column} label={label} sort={f.sort} dir={f.dir} basePath="/households" params={params} />
  );
  return (
    <>
      <PageHeader
        title={t('nav.households')}
        subtitle={t(scopeOf(actor).kind === 'all' ? 'households.subtitleAll' : 'households.subtitle')}
        actions={
          <>
            {can(actor.role, 'imports.households') && (
              <ButtonLink href="/imports/households">{t('nav.importHouseholds')}</ButtonLink>
            )}
            <ButtonLink href="/households/new" variant="primary">
              {t('households.file')}
            </ButtonLink>
          </>
        }
      />
      <FilterBar action="/households">
        {/* Two columns on a phone (seven filters in one column fill the screen); the bar's own grid from sm up. */}
        <div className="grid grid-cols-2 gap-3 sm:contents">
          <div className="col-span-2 sm:contents">
            <FilterField label={t('common.search')}>
              <input name="q" defaultValue={f.q} placeholder={t('workers.searchHint')} className={filterControl} />
            </FilterField>
          </div>
          <FilterSelect
            label={t('people.unit')}
            name="unitId"
            value={f.unitId}
            options={units.map((u) => ({ value: u.id, label: u.chain }))}
          />
          <FilterSelect
            label={t('households.category')}
            name="category"
            value={f.category}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`register.categories.${c}`) }))}
          />
          <FilterSelect
            label={t('households.status')}
            name="status"
            value={f.status}
            options={[
              { value: 'active', label: t('register.statuses.active') },
              { value: 'exited', label: t('register.statuses.exited') },
            ]}
          />
          <FilterSelect
            label={t('households.review')}
            name="review"
            value={f.review}
            options={[
              { value: 'overdue', label: t('households.reviewOverdue') },
              { value: 'due30', label: t('households.reviewDue30') },
            ]}
          />
          <FilterSelect
            label={t('households.helpers')}
            name="missingHelper"
            value={f.missingHelper}
            options={[{ value: '1', label: t('households.missingHelper') }]}
          />
          <FilterSelect
            label={t('households.visitedThisYear')}
            name="visited"
            value={f.visited}
            options={[
              { value: 'yes', label: t('households.visitedYes') },
              { value: 'no', label: t('households.visitedNo') },
            ]}
          />
        </div>
        {/* Keep the chosen order when the filters change. */}
        <input type="hidden" name="sort" value={f.sort} />
        <input type="hidden" name="dir" value={f.dir} />
      </FilterBar>
      <ExportMenu ledger="register" params={params} />
      {rows.length === 0 ? (
        <EmptyState>
          {filtered ? t('common.noResults') : t('households.empty')}{' '}
          {!filtered && (
            <Link href="/households/new" className="font-medium text-brand-700 underline">
              {t('households.file')}
            </Link>
          )}
        </EmptyState>
      ) : (
        <Table caption={t('households.caption')}>
          <thead>
            <tr>
              {sortable('worker', t('people.employeeNo'))}
              <Th>{t('people.name')}</Th>
              {sortable('unit', t('people.unit'))}
              {sortable('category', t('households.category'))}
              <Th>{t('households.status')}</Th>
              {sortable('reviewDue', t('households.reviewDue'))}
              {sortable('filedOn', t('households.filedOn'))}
              <Th>{t('households.helpers')}</Th>
              <Th>{t('households.lastVisit')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((h) => (
              <tr key={h.id} className="hover:bg-stone-50">
                <Td>
                  <Link
                    href={`/households/${h.id}`}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {h.employeeNo}
                  </Link>
                </Td>
                <Td>{h.workerName}</Td>
                <Td>{h.unitName}</Td>
                <Td>
                  <CategoryBadge category={h.category} />
                </Td>
                <Td>
                  <HouseholdStatusBadge status={h.status} />
                </Td>
                <Td>{h.status === 'active' ? <DueDate date={h.reviewDue} today={today} /> : '—'}</Td>
                <Td className="tabular-nums">{h.filedOn}</Td>
                <Td>
                  {h.status === 'active' && h.helperCount < 3 ? (
                    <Badge tone="bad">{t('households.helperCount', { n: h.helperCount })}</Badge>
                  ) : (
                    <span className="tabular-nums">{t('households.helperCount', { n: h.helperCount })}</span>
                  )}
                </Td>
                <Td className="tabular-nums">
                  {h.lastVisit ?? <span className="text-stone-500">{t('households.neverVisited')}</span>}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <KeysetPagination prev={prev} next={next} total={total} basePath="/households" params={params} />
    </>
  );
}
