import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listCampaigns } from '@/db/queries/campaigns';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/money';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('campaigns') };
}

/** The mine's campaigns, newest first, with budget and what has been handed over. */
export default async function CampaignsPage() {
  const actor = await requirePermission('campaigns.view');
  const t = await getTranslations('campaigns');
  const rows = await listCampaigns(await getDb());
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('intro')}
        actions={
          can(actor.role, 'campaigns.manage') ? (
            <ButtonLink href="/campaigns/new" variant="primary">
              {t('new')}
            </ButtonLink>
          ) : null
        }
      />
      {rows.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <Table caption={t('title')}>
          <thead>
            <tr>
              <Th>{t('name')}</Th>
              <Th>{t('occasion')}</Th>
              <Th>{t('heldOn')}</Th>
              <Th className="text-right">{t('budget')}</Th>
              <Th className="text-right">{t('spent')}</Th>
              <Th>{t('state')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((c) => (
              <tr key={c.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/campaigns/${c.id}`}>
                    {c.name}
                  </Link>
                </Td>
                <Td>{t(`occasions.${c.occasion}`)}</Td>
                <Td>{c.heldOn}</Td>
                <Td className="text-right tabular-nums">{formatFen(c.budgetFen)}</Td>
                <Td className="text-right tabular-nums">{formatFen(c.spentFen)}</Td>
                <Td>{t(`states.${c.state}`)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
