import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CaseLink, Person } from '@/components/cases/case-display';
import { kindKey } from '@/lib/cases/format';
import { ExportMenu } from '@/components/exports/export-menu';
import { EmptyState, PageHeader, Stat } from '@/components/ui/card';
import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listPayments } from '@/db/queries/exports';
import { unitFilterOptions } from '@/db/queries/unit-filter';
import { AID_KINDS } from '@/lib/aid/standards';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { paymentParams } from '@/lib/exports/ledgers';
import { formatFen } from '@/lib/money';
import { scopeOf } from '@/lib/scope';
import { asStrings, cursorParams, first, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('payments') };
}

/** The years the filter offers: this one and the four before it (as the cases list). */
const YEARS = 5;

/** 发放台账: every payment in the actor's units, newest first, with the count and money for the filters. */
export default async function PaymentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('payments.view');
  const sp = first(await searchParams);
  const f = paymentParams.parse(sp);
  const t = await getTranslations();
  const db = await getDb();
  const [units, { rows, prev, next, total, totalFen }] = await Promise.all([
    unitFilterOptions(db, scopeOf(actor), f.unitId),
    listPayments(db, actor, f, cursorParams.parse(sp)),
  ]);
  const params = asStrings(f);
  const filtered = Object.values(params).some(Boolean);
  const thisYear = Number(todayInChina().slice(0, 4));
  return (
    <>
      <PageHeader
        title={t('exports.payments.title')}
        subtitle={t(scopeOf(actor).kind === 'all' ? 'exports.payments.subtitleAll' : 'exports.payments.subtitle')}
      />
      <FilterBar action="/payments">
        <div className="grid grid-cols-2 gap-3 sm:contents">
          <FilterSelect
            label={t('exports.payments.year')}
            name="year"
            value={f.year}
            options={Array.from({ length: YEARS }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }))}
          />
          <FilterSelect
            label={t('exports.payments.kind')}
            name="aidKind"
            value={f.aidKind}
            options={AID_KINDS.map((k) => ({ value: k, label: t(`aid.kinds.${k}`) }))}
          />
          <div className="col-span-2 sm:contents">
            <FilterSelect
              label={t('exports.payments.unit')}
              name="unitId"
              value={f.unitId}
              options={units.map((u) => ({ value: u.id, label: u.chain }))}
            />
          </div>
        </div>
      </FilterBar>
      <div className="mb-4 grid gap-3 sm:max-w-lg sm:grid-cols-2">
        <Stat label={t('exports.payments.count')} value={total.count} />
        <Stat label={t('exports.payments.total')} value={formatFen(totalFen)} />
      </div>
      <ExportMenu ledger="payments" params={params} />
      {rows.length === 0 ? (
        <EmptyState>{filtered ? t('common.noResults') : t('exports.payments.empty')}</EmptyState>
      ) : (
        <Table caption={t('exports.payments.caption')}>
          <thead>
            <tr>
              <Th>{t('exports.payments.paidOn')}</Th>
              <Th>{t('exports.payments.case')}</Th>
              <Th>{t('exports.payments.applicant')}</Th>
              <Th>{t('exports.payments.unit')}</Th>
              <Th>{t('exports.payments.kind')}</Th>
              <Th className="text-right">{t('exports.payments.amount')}</Th>
              <Th>{t('exports.payments.method')}</Th>
              <Th>{t('exports.payments.reference')}</Th>
              <Th>{t('exports.payments.recordedBy')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((p) => (
              <tr key={p.id} className="hover:bg-stone-50">
                <Td className="tabular-nums">{p.paidOn}</Td>
                <Td>
                  <CaseLink id={p.caseId} />
                </Td>
                <Td>
                  <Person name={p.applicantName} employeeNo={p.employeeNo} />
                </Td>
                <Td>{p.unitName}</Td>
                <Td>{t(kindKey(p))}</Td>
                <Td className="text-right tabular-nums">{formatFen(p.amountFen)}</Td>
                <Td>{t(`aid.methods.${p.method}`)}</Td>
                <Td className="max-w-48 truncate" title={p.reference}>
                  {p.reference || '—'}
                </Td>
                <Td>{p.recordedByName}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <KeysetPagination prev={prev} next={next} total={total} basePath="/payments" params={params} />
    </>
  );
}
