import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listPairings } from '@/db/queries/pairings';
import { CategoryBadge } from '@/components/register/badges';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('pairings') };
}

/** 领导帮扶: each mine leader as first helper (第一帮扶人) of a hardship household. */
export default async function PairingsPage() {
  const actor = await requirePermission('register.pairings');
  const t = await getTranslations();
  const { pairs, unpaired } = await listPairings(await getDb(), actor);
  return (
    <>
      <PageHeader
        title={t('nav.pairings')}
        subtitle={t('pairings.subtitle')}
        actions={<ButtonLink href="/households">{t('pairings.toRegister')}</ButtonLink>}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <Card title={t('pairings.paired', { n: pairs.length })}>
            {pairs.length === 0 ? (
              <EmptyState>{t('pairings.none')}</EmptyState>
            ) : (
              <Table caption={t('pairings.caption')}>
                <thead>
                  <tr>
                    <Th>{t('pairings.leader')}</Th>
                    <Th>{t('pairings.household')}</Th>
                    <Th>{t('people.unit')}</Th>
                    <Th>{t('households.category')}</Th>
                    <Th>{t('pairings.since')}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {pairs.map((p) => (
                    <tr key={`${p.leaderId}-${p.householdId}`}>
                      <Td>
                        {p.leaderName} <span className="font-mono text-xs text-stone-500">{p.leaderNo}</span>
                        {p.leaderDisabled && (
                          <>
                            {' '}
                            <Badge tone="bad">{t('people.disabled')}</Badge>
                          </>
                        )}
                      </Td>
                      <Td>
                        <Link
                          href={`/households/${p.householdId}`}
                          className="font-medium text-brand-700 underline-offset-2 hover:underline"
                        >
                          {p.workerName} · {p.workerNo}
                        </Link>
                      </Td>
                      <Td>{p.unitName}</Td>
                      <Td>
                        <CategoryBadge category={p.category} />
                      </Td>
                      <Td className="tabular-nums">{p.since}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </div>
        <Card title={t('pairings.unpaired', { n: unpaired.length })}>
          {unpaired.length === 0 ? (
            <EmptyState>{t('pairings.allPaired')}</EmptyState>
          ) : (
            <>
              <p className="mb-2 text-sm text-stone-600">{t('pairings.unpairedHint')}</p>
              <ul className="divide-y divide-stone-100 text-sm" data-testid="unpaired-leaders">
                {unpaired.map((l) => (
                  <li key={l.id} className="py-2">
                    {l.name} <span className="font-mono text-xs text-stone-500">{l.employeeNo}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      </div>
    </>
  );
}
