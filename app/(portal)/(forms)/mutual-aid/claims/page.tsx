import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { claimList, listSchemes } from '@/db/queries/mutual-aid';
import { requirePermission } from '@/lib/auth/session';
import { caseNumber } from '@/lib/cases/format';
import { casePaths } from '@/lib/cases/paths';
import { todayInChina } from '@/lib/dates';
import { formatFen } from '@/lib/money';
import { can } from '@/lib/permissions';
import { mutualPaths } from '@/lib/mutual-aid/paths';
import { optionalIdParam } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mutual'))('claimsTitle') };
}

/** One scheme-year's claims in the official's units (all, for leaders), newest first; pages by keyset. */
export default async function ClaimsPage({
  searchParams,
}: {
  searchParams: Promise<{ scheme?: string; year?: string; after?: string; before?: string }>;
}) {
  const actor = await requirePermission('cases.queue');
  const sp = await searchParams;
  const schemeId = optionalIdParam.parse(sp.scheme);
  const year = Number(/^\d{4}$/.test(sp.year ?? '') ? sp.year : todayInChina().slice(0, 4));
  const db = await getDb();
  const scheme = (await listSchemes(db)).find((s) => s.id === schemeId);
  if (!scheme) notFound();
  const t = await getTranslations();
  const name = (await getLocale()) === 'en' ? scheme.nameEn : scheme.nameZh;
  const page = await claimList(db, actor, { schemeId: scheme.id, year }, { after: sp.after, before: sp.before });
  return (
    <>
      <PageHeader
        title={t('mutual.claimsOf', { name, year })}
        subtitle={t('mutual.claimsIntro')}
        actions={
          can(actor.role, 'exports.ledgers') ? (
            <>
              <ButtonLink href={mutualPaths.claimExport(scheme.id, year, 'xlsx')}>
                {t('mutual.exportClaimsXlsx')}
              </ButtonLink>
              <ButtonLink href={mutualPaths.claimExport(scheme.id, year, 'csv')}>
                {t('mutual.exportClaimsCsv')}
              </ButtonLink>
              <ButtonLink href={mutualPaths.claimExport(scheme.id, year, 'xlsx', true)}>
                {t('mutual.exportPayoutsXlsx')}
              </ButtonLink>
            </>
          ) : null
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState>{t('mutual.noClaims')}</EmptyState>
      ) : (
        <>
          <Table caption={t('mutual.claimsOf', { name, year })}>
            <thead>
              <tr>
                <Th>{t('mutual.caseNo')}</Th>
                <Th>{t('mutual.employeeNo')}</Th>
                <Th>{t('mutual.name')}</Th>
                <Th>{t('mutual.unit')}</Th>
                <Th>{t('mutual.eventOn')}</Th>
                <Th>{t('mutual.state')}</Th>
                <Th className="text-right">{t('mutual.linePayout')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {page.rows.map((r) => (
                <tr key={r.caseId}>
                  <Td>
                    <Link className="text-brand-700 underline" href={casePaths.view(r.caseId)}>
                      {caseNumber(r.caseId)}
                    </Link>
                  </Td>
                  <Td>{r.employeeNo}</Td>
                  <Td>{r.name}</Td>
                  <Td>{r.unitName}</Td>
                  <Td>{r.eventOn}</Td>
                  <Td>{t(`aid.states.${r.state}`)}</Td>
                  <Td className="text-right tabular-nums">{formatFen(r.payoutFen)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <KeysetPagination
            prev={page.prev}
            next={page.next}
            total={page.total}
            basePath={mutualPaths.claims}
            params={{ scheme: String(scheme.id), year: String(year) }}
          />
        </>
      )}
    </>
  );
}
