import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CaseLink, CaseStateBadge, Person } from '@/components/cases/case-display';
import { kindKey } from '@/lib/cases/format';
import { ExportMenu } from '@/components/exports/export-menu';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { FilterBar, FilterField, FilterSelect, filterControl } from '@/components/ui/filter-bar';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listCases } from '@/db/queries/case-list';
import { unitFilterOptions } from '@/db/queries/unit-filter';
import { AID_KINDS } from '@/lib/aid/standards';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { caseListParams } from '@/lib/cases/search-params';
import { dayInChina, todayInChina } from '@/lib/dates';
import { formatFen } from '@/lib/money';
import { scopeOf } from '@/lib/scope';
import { asStrings, cursorParams, first, type SearchParams } from '@/lib/search-params';
import { CASE_STATES } from '@/lib/workflow/case-workflow';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('cases') };
}

/** The years the filter offers: this one and the four before it. */
const YEARS = 5;

/**
 * 帮扶申请: a worker's own cases (drafts included); an official's unit and below, leaders' all —
 * other people's drafts stay private until submitted.
 */
export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('cases.view');
  const sp = first(await searchParams);
  const f = caseListParams.parse(sp);
  const t = await getTranslations();
  const db = await getDb();
  const staff = actor.role !== 'worker';
  const [units, { rows, prev, next, total }] = await Promise.all([
    staff ? unitFilterOptions(db, scopeOf(actor), f.unitId) : [],
    listCases(db, actor, f, cursorParams.parse(sp)),
  ]);
  const params = asStrings(f);
  const filtered = Object.values(params).some(Boolean);
  const thisYear = Number(todayInChina().slice(0, 4));
  return (
    <>
      <PageHeader
        title={t('nav.cases')}
        subtitle={t(
          staff
            ? scopeOf(actor).kind === 'all'
              ? 'cases.listSubtitleAll'
              : 'cases.listSubtitleUnit'
            : 'cases.listSubtitleOwn',
        )}
        actions={
          staff ? (
            <ButtonLink href={casePaths.queue} variant="primary">
              {t('nav.queue')}
            </ButtonLink>
          ) : (
            <ButtonLink href={casePaths.apply} variant="primary">
              {t('cases.apply')}
            </ButtonLink>
          )
        }
      />
      <FilterBar action={casePaths.list}>
        <div className="grid grid-cols-2 gap-3 sm:contents">
          {staff && (
            <div className="col-span-2 sm:contents">
              <FilterField label={t('common.search')}>
                <input name="q" defaultValue={f.q} placeholder={t('cases.searchHint')} className={filterControl} />
              </FilterField>
            </div>
          )}
          <FilterSelect
            label={t('cases.state')}
            name="state"
            value={f.state}
            options={CASE_STATES.filter((s) => (staff ? s !== 'draft' : true)).map((s) => ({
              value: s,
              label: t(`aid.states.${s}`),
            }))}
          />
          <FilterSelect
            label={t('cases.kind')}
            name="aidKind"
            value={f.aidKind}
            options={AID_KINDS.map((k) => ({ value: k, label: t(`aid.kinds.${k}`) }))}
          />
          <FilterSelect
            label={t('cases.year')}
            name="year"
            value={f.year}
            options={Array.from({ length: YEARS }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }))}
          />
          {staff && (
            <FilterSelect
              label={t('cases.unit')}
              name="unitId"
              value={f.unitId}
              options={units.map((u) => ({ value: u.id, label: u.chain }))}
            />
          )}
        </div>
      </FilterBar>
      {staff && <ExportMenu ledger="cases" params={params} />}
      {rows.length === 0 ? (
        <EmptyState>
          {filtered ? t('common.noResults') : staff ? t('cases.emptyUnit') : t('cases.emptyOwn')}{' '}
          {!filtered && !staff && (
            <Link href={casePaths.apply} className="font-medium text-brand-700 underline">
              {t('cases.apply')}
            </Link>
          )}
        </EmptyState>
      ) : (
        <Table caption={t('cases.listCaption')}>
          <thead>
            <tr>
              {/* What matters first: on a phone the state and the amount show without scrolling. */}
              <Th>{t('cases.number')}</Th>
              <Th>{t('cases.state')}</Th>
              <Th className="text-right">{t('cases.amountShort')}</Th>
              {staff && <Th>{t('cases.applicant')}</Th>}
              <Th>{t('cases.kind')}</Th>
              <Th>{t('cases.unit')}</Th>
              <Th>{t('cases.appliedOn')}</Th>
              <Th>{t('cases.updatedAt')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((c) => (
              <tr key={c.id} className="hover:bg-stone-50">
                <Td>
                  <CaseLink id={c.id} />
                </Td>
                <Td>
                  <CaseStateBadge state={c.state} />
                </Td>
                <Td className="text-right tabular-nums">{c.amountFen === null ? '—' : formatFen(c.amountFen)}</Td>
                {staff && (
                  <Td>
                    <Person name={c.applicantName} employeeNo={c.employeeNo} />
                  </Td>
                )}
                <Td>{t(kindKey(c))}</Td>
                <Td>{c.unitName}</Td>
                <Td className="tabular-nums">{c.appliedOn ?? '—'}</Td>
                <Td className="tabular-nums">{dayInChina(c.updatedAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <KeysetPagination prev={prev} next={next} total={total} basePath={casePaths.list} params={params} />
    </>
  );
}
