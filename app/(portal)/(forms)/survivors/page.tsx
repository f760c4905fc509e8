import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SurvivorForm } from '@/components/care/care-forms';
import { Disclosure } from '@/components/register/disclosure';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { CARE_PAGE_SIZE, listSurvivors } from '@/db/queries/care';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { formatFen } from '@/lib/money';
import { can } from '@/lib/permissions';
import { first, type SearchParams } from '@/lib/search-params';
import { pageParam } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('survivors') };
}

/** The survivors' register (遗属) of the actor's units, linked to the deceased workers. */
export default async function SurvivorsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('care.view');
  const sp = first(await searchParams);
  const page = pageParam.parse(sp.page);
  const today = todayInChina();
  const rows = await listSurvivors(await getDb(), actor, { page });
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t('survivors.title')}
        subtitle={t('survivors.intro')}
        actions={
          <>
            <ButtonLink href="/api/survivors/export?format=xlsx" prefetch={false}>
              {t('survivors.export')} {t('campaigns.exportXlsx')}
            </ButtonLink>
            <ButtonLink href="/api/survivors/export?format=csv" prefetch={false}>
              {t('survivors.export')} {t('campaigns.exportCsv')}
            </ButtonLink>
          </>
        }
      />
      {can(actor.role, 'care.manage') && (
        <div className="mb-4">
          <Disclosure summary={t('survivors.add')}>
            <div className="p-3">
              <SurvivorForm today={today} />
            </div>
          </Disclosure>
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState>{t('survivors.none')}</EmptyState>
      ) : (
        <Table caption={t('survivors.title')}>
          <thead>
            <tr>
              <Th>{t('survivors.name')}</Th>
              <Th>{t('survivors.deceasedName')}</Th>
              <Th>{t('survivors.unit')}</Th>
              <Th className="text-right">{t('survivors.monthlyAllowance')}</Th>
              <Th>{t('survivors.lastCheck')}</Th>
              <Th>{t('survivors.status')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100" data-testid="survivors">
            {rows.map((s) => (
              <tr key={s.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/survivors/${s.id}`}>
                    {s.name}
                  </Link>
                  <div className="text-xs text-stone-500">
                    {t(`register.relations.${s.relation}`)} · {s.birthDate}
                    {s.livesAlone && ` · ${t('survivors.livesAloneShort')}`}
                  </div>
                </Td>
                <Td>{s.deceasedName}</Td>
                <Td>{s.unitName}</Td>
                <Td className="text-right tabular-nums">{formatFen(s.monthlyAllowanceFen)}</Td>
                <Td className="tabular-nums">{s.lastCheckYear ?? '—'}</Td>
                <Td>
                  {t(`survivors.statuses.${s.status}`)}
                  {s.stopReason && (
                    <div className="text-xs text-stone-500">{t(`survivors.stopReasons.${s.stopReason}`)}</div>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <nav className="mt-3 flex gap-2" aria-label={t('survivors.title')}>
        {page > 1 && <ButtonLink href={`/survivors?page=${page - 1}`}>{t('common.previous')}</ButtonLink>}
        {rows.length === CARE_PAGE_SIZE && (
          <ButtonLink href={`/survivors?page=${page + 1}`}>{t('common.next')}</ButtonLink>
        )}
      </nav>
    </>
  );
}
