'use client';

import { useTranslations } from 'next-intl';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import Link from 'next/link';
import type { getOwnHouseholdSummary, householdsHelpedBy } from '@/db/queries/register';

type Summary = NonNullable<Awaited<ReturnType<typeof getOwnHouseholdSummary>>>;

/** The worker's plain view of their file: category, helpers and how to reach them, their tasks. */
export function MyHousehold({ summary }: { summary: Summary | null }) {
  const t = useTranslations();
  if (!summary || summary.status !== 'active') {
    return (
      <Card title={t('dashboard.myHousehold')} className="mt-4">
        <EmptyState>{t('dashboard.noHousehold')}</EmptyState>
      </Card>
    );
  }
  return (
    <div className="mt-4 grid gap-4 md:grid-cols-2" data-testid="my-household">
      <Card title={t('dashboard.myHousehold')}>
        <p className="text-sm">
          {t('dashboard.category')}: <Badge tone="info">{t(`register.categories.${summary.category}`)}</Badge>
        </p>
        <h3 className="mt-4 mb-2 text-sm font-semibold">{t('dashboard.myHelpers')}</h3>
        <ul className="space-y-2 text-sm" data-testid="my-helpers">
          {summary.helpers.map((h) => (
            <li key={h.kind} className="flex flex-wrap justify-between gap-2">
              <span>
                <span className="text-stone-500">{t(`register.helperKinds.${h.kind}`)}</span> {h.name}
              </span>
              {h.phone && (
                <a href={`tel:${h.phone}`} className="font-mono text-brand-700">
                  {h.phone}
                </a>
              )}
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('dashboard.myTasks')}>
        {summary.tasks.length === 0 ? (
          <EmptyState>{t('common.noResults')}</EmptyState>
        ) : (
          <Table caption={t('dashboard.myTasks')}>
            <thead>
              <tr>
                <Th>{t('dashboard.task')}</Th>
                <Th>{t('dashboard.status')}</Th>
                <Th>{t('dashboard.outcome')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {summary.tasks.map((task) => (
                <tr key={task.id}>
                  <Td className="whitespace-normal">{task.appeal}</Td>
                  <Td>
                    <Badge tone={task.status === 'done' ? 'good' : 'neutral'}>
                      {t(`register.taskStatuses.${task.status}`)}
                    </Badge>
                  </Td>
                  <Td className="whitespace-normal">{task.outcome ?? '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}

/** For a worker who is also a helper (基层领导, often): the households they help, with links. */
export function HouseholdsIHelp({ rows }: { rows: Awaited<ReturnType<typeof householdsHelpedBy>> }) {
  const t = useTranslations();
  if (rows.length === 0) return null;
  return (
    <Card title={t('dashboard.householdsIHelp')} className="mt-4">
      <ul className="divide-y divide-stone-100 text-sm" data-testid="households-i-help">
        {rows.map((r) => (
          <li key={`${r.id}-${r.kind}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Link href={`/households/${r.id}`} className="font-medium text-brand-700 hover:underline">
              {r.workerName}
            </Link>
            <span className="text-stone-600">
              {t(`register.helperKinds.${r.kind}`)} · {t(`register.categories.${r.category}`)}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
