import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { fundRows } from '@/db/queries/mutual-aid';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mutual'))('fundsTitle') };
}

/** Each scheme-year is a fund: contributions in, payouts out, balance and payout ratio (赔付率). */
export default async function FundsPage() {
  await requirePermission('mutual.funds');
  const t = await getTranslations('mutual');
  const en = (await getLocale()) === 'en';
  const rows = await fundRows(await getDb());
  return (
    <>
      <PageHeader title={t('fundsTitle')} subtitle={t('fundsIntro')} />
      {rows.length === 0 ? (
        <EmptyState>{t('noFunds')}</EmptyState>
      ) : (
        <Table caption={t('fundsTitle')}>
          <thead>
            <tr>
              <Th>{t('scheme')}</Th>
              <Th>{t('year')}</Th>
              <Th className="text-right">{t('contributionsIn')}</Th>
              <Th className="text-right">{t('payoutsOut')}</Th>
              <Th className="text-right">{t('payoutCount')}</Th>
              <Th className="text-right">{t('balance')}</Th>
              <Th className="text-right">{t('payoutRatio')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((r) => (
              <tr key={`${r.schemeId}-${r.year}`}>
                <Td>{en ? r.nameEn : r.nameZh}</Td>
                <Td>{r.year}</Td>
                <Td className="text-right tabular-nums">{formatFen(r.contributionsFen)}</Td>
                <Td className="text-right tabular-nums">{formatFen(r.payoutsFen)}</Td>
                <Td className="text-right tabular-nums">{r.payouts}</Td>
                <Td className="text-right tabular-nums" data-testid={`fund-balance-${r.schemeId}-${r.year}`}>
                  {formatFen(r.balanceFen)}
                </Td>
                <Td className="text-right tabular-nums">
                  {r.ratioBp === null ? '—' : `${(r.ratioBp / 100).toFixed(2)}%`}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
