import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { EnrolmentRowActions, EnrolPicker } from '@/components/mutual-aid/enrolment-panels';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { enrolmentList, enrolmentTotal, listSchemes, rosterToEnrol } from '@/db/queries/mutual-aid';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { formatFen } from '@/lib/money';
import { mutualPaths } from '@/lib/mutual-aid/paths';
import { versionOn } from '@/lib/mutual-aid/rules';
import { can } from '@/lib/permissions';
import { optionalIdParam } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mutual'))('enrolmentLists') };
}

/**
 * One scheme-year's enrolment list (参保名单) in the official's units: enrolling from the roster,
 * confirming (the branch), contributions, and the payroll-deduction export. Pages by keyset.
 */
export default async function EnrolmentsPage({
  searchParams,
}: {
  searchParams: Promise<{ scheme?: string; year?: string; q?: string; after?: string; before?: string }>;
}) {
  const actor = await requirePermission('mutual.enrol');
  const sp = await searchParams;
  const schemeId = optionalIdParam.parse(sp.scheme);
  const today = todayInChina();
  const year = Number(/^\d{4}$/.test(sp.year ?? '') ? sp.year : today.slice(0, 4));
  const db = await getDb();
  const scheme = (await listSchemes(db)).find((s) => s.id === schemeId);
  if (!scheme) notFound();
  const t = await getTranslations('mutual');
  const en = (await getLocale()) === 'en';
  const q = (sp.q ?? '').slice(0, 30);
  const [page, total, candidates] = await Promise.all([
    enrolmentList(db, actor, { schemeId: scheme.id, year }, { after: sp.after, before: sp.before }),
    enrolmentTotal(db, actor, { schemeId: scheme.id, year }),
    rosterToEnrol(db, actor, scheme.id, year, q),
  ]);
  const version = versionOn(scheme.versions, `${year}-01-01`) ?? scheme.versions.at(-1);
  const name = en ? scheme.nameEn : scheme.nameZh;
  const base = mutualPaths.enrolmentsBase;
  return (
    <>
      <PageHeader
        title={t('listTitle', { name, year })}
        subtitle={t('listIntro')}
        actions={
          <>
            <ButtonLink href={mutualPaths.enrolmentImport(scheme.id, year)}>{t('importList')}</ButtonLink>
            {can(actor.role, 'exports.ledgers') ? (
              <>
                <ButtonLink href={mutualPaths.enrolmentExport(scheme.id, year, 'xlsx')}>{t('exportXlsx')}</ButtonLink>
                <ButtonLink href={mutualPaths.enrolmentExport(scheme.id, year, 'csv')}>{t('exportCsv')}</ButtonLink>
              </>
            ) : null}
          </>
        }
      />
      <Card title={t('enrolFromRoster')} className="mb-6">
        <form method="get" action={base} role="search" className="mb-3 flex flex-wrap items-end gap-2">
          <input type="hidden" name="scheme" value={scheme.id} />
          <input type="hidden" name="year" value={year} />
          <label className="text-sm">
            {t('searchRoster')}
            <input
              name="q"
              defaultValue={q}
              className="ml-2 rounded border border-stone-300 px-2 py-1"
              autoComplete="off"
            />
          </label>
          <button type="submit" className="rounded border border-stone-300 px-3 py-1 text-sm">
            {t('search')}
          </button>
        </form>
        <EnrolPicker schemeId={scheme.id} year={year} candidates={candidates} maxShares={version?.maxShares ?? 1} />
      </Card>
      {page.rows.length === 0 ? (
        <EmptyState>{t('listEmpty')}</EmptyState>
      ) : (
        <>
          <Table caption={t('listTitle', { name, year })}>
            <thead>
              <tr>
                <Th>{t('employeeNo')}</Th>
                <Th>{t('name')}</Th>
                <Th>{t('unit')}</Th>
                <Th className="text-right">{t('shares')}</Th>
                <Th>{t('enrolmentState')}</Th>
                <Th>{t('coverFrom')}</Th>
                <Th className="text-right">{t('contribution')}</Th>
                <Th>{t('contributionStatus')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/workers/${r.memberId}`}>
                      {r.employeeNo}
                    </Link>
                  </Td>
                  <Td>{r.name}</Td>
                  <Td>{r.unitName}</Td>
                  <Td className="text-right">{r.shares}</Td>
                  <Td>{t(`enrolmentStates.${r.state}`)}</Td>
                  <Td>{r.coverFrom}</Td>
                  <Td className="text-right tabular-nums">{formatFen(r.contributionFen)}</Td>
                  <Td>{t(`contributionStatuses.${r.contributionStatus}`)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <KeysetPagination
            prev={page.prev}
            next={page.next}
            total={total}
            basePath={base}
            params={{ scheme: String(scheme.id), year: String(year) }}
          />
          <Card title={t('actOnRows')} className="mt-4">
            <EnrolmentRowActions
              ids={page.rows
                .filter((r) => r.state !== 'cancelled')
                .map((r) => ({ id: r.id, label: `${r.employeeNo} ${r.name}`, state: r.state }))}
              canConfirm={can(actor.role, 'mutual.confirm')}
              canContribute={can(actor.role, 'mutual.contributions')}
            />
          </Card>
        </>
      )}
    </>
  );
}
