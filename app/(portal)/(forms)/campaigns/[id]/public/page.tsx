import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { getCampaign, publicEntries } from '@/db/queries/campaigns';
import { requirePermission } from '@/lib/auth/session';
import { maskName } from '@/lib/mask';
import { orNotFound, routeId } from '@/lib/load';
import { formatFen } from '@/lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('campaigns'))('publicTitle') };
}

/** The approved list for everyone signed in, when the leader has published it; names masked on the server. */
export default async function CampaignPublicPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('publicity.view');
  const id = routeId((await params).id);
  const db = await getDb();
  const c = await orNotFound(getCampaign(db, id));
  if (c.state !== 'approved' || !c.publicList) notFound();
  const rows = await publicEntries(db, id);
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={`${c.name} · ${t('campaigns.publicTitle')}`} subtitle={t('campaigns.publicIntro')} />
      {rows.length === 0 ? (
        <EmptyState>{t('campaigns.none')}</EmptyState>
      ) : (
        <Table caption={t('campaigns.publicTitle')}>
          <thead>
            <tr>
              <Th>{t('campaigns.worker')}</Th>
              <Th>{t('campaigns.unit')}</Th>
              <Th>{t('campaigns.category')}</Th>
              <Th className="text-right">{t('campaigns.amount')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>{maskName(r.workerName)}</Td>
                <Td>{r.unitName}</Td>
                <Td>{t(`register.categories.${r.category}`)}</Td>
                <Td className="text-right tabular-nums">
                  {formatFen(r.cashFen)} {r.items}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
