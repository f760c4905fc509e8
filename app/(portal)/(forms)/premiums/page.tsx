import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OpenBatchForm } from '@/components/premiums/premium-forms';
import { Disclosure } from '@/components/register/disclosure';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listBatches } from '@/db/queries/premiums';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { formatFen } from '@/lib/money';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('premiums') };
}

/** The yearly premium batches, newest first; a leader opens the next one here. */
export default async function PremiumsPage() {
  const actor = await requirePermission('premiums.view');
  const t = await getTranslations('premiums');
  const rows = await listBatches(await getDb());
  const year = Number(todayInChina().slice(0, 4));
  const nextYear = rows.some((b) => b.year === year) ? year + 1 : year;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('intro')} />
      {can(actor.role, 'premiums.manage') && (
        <div className="mb-4">
          <Disclosure summary={t('open')}>
            <div className="p-3">
              <OpenBatchForm year={nextYear} />
            </div>
          </Disclosure>
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <Table caption={t('title')}>
          <thead>
            <tr>
              <Th>{t('year')}</Th>
              <Th className="text-right">{t('rate')}</Th>
              <Th className="text-right">{t('budget')}</Th>
              <Th className="text-right">{t('spent')}</Th>
              <Th>{t('state')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((b) => (
              <tr key={b.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/premiums/${b.id}`}>
                    {t('batchName', { year: b.year })}
                  </Link>
                </Td>
                <Td className="text-right tabular-nums">{formatFen(b.rateFen)}</Td>
                <Td className="text-right tabular-nums">{formatFen(b.budgetFen)}</Td>
                <Td className="text-right tabular-nums">{formatFen(b.spentFen)}</Td>
                <Td>{t(`states.${b.state}`)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
