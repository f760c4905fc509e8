'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { caseNumber, kindKey } from '@/lib/cases/format';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card, EmptyState, Stat } from '@/components/ui/card';
import { Table, Th } from '@/components/ui/table';
import { FIGURE_ROWS } from './case-figures';
import type { WorkerCaseFigures } from '@/db/queries/case-dashboard';
import { casePaths } from '@/lib/cases/paths';
import { formatFen } from '@/lib/money';
import type { CaseState } from '@/lib/workflow/case-workflow';

// The case pages' tones; drawn here with the page's own translator, since the shared badge's hook
// suspends inside an async server component and would stream each cell in separately.
const tone = (s: CaseState) =>
  s === 'paid'
    ? 'good'
    : s === 'rejected' || s.startsWith('returned_')
      ? 'bad'
      : s === 'draft' || s === 'withdrawn'
        ? 'neutral'
        : 'info';

/** The worker's latest applications with their state, and what the household received this year. */
export function MyCases({ figures }: { figures: WorkerCaseFigures }) {
  const t = useTranslations();
  const { cases, total, received, year } = figures;
  const title = t('caseDashboard.myCases');
  return (
    <div className="mt-4 grid gap-4 md:grid-cols-3">
      <Card
        title={title}
        className="md:col-span-2"
        actions={
          <ButtonLink href={casePaths.apply} size="sm" variant="primary">
            {t('caseDashboard.apply')}
          </ButtonLink>
        }
      >
        {cases.length === 0 ? (
          <EmptyState>{t('caseDashboard.noCases')}</EmptyState>
        ) : (
          <>
            <Table caption={title}>
              <thead>
                <tr>
                  <Th>{t('caseDashboard.caseNo')}</Th>
                  <Th>{t('caseDashboard.kind')}</Th>
                  <Th>{t('caseDashboard.state')}</Th>
                  <Th className="text-right">{t('caseDashboard.amount')}</Th>
                  <Th>{t('caseDashboard.day')}</Th>
                </tr>
              </thead>
              <tbody className={`${FIGURE_ROWS} [&_td:nth-child(4)]:text-right`} data-testid="my-cases">
                {cases.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={casePaths.view(c.id)} className="font-mono text-brand-700 hover:underline">
                        {caseNumber(c.id)}
                      </Link>
                    </td>
                    <td>{t(kindKey(c))}</td>
                    <td>
                      <Badge tone={tone(c.state)}>{t(`aid.states.${c.state}`)}</Badge>
                    </td>
                    <td>{c.amountFen === null ? '—' : formatFen(c.amountFen)}</td>
                    <td>{c.day}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {total > cases.length && (
              <p className="mt-3 text-sm">
                <Link href={casePaths.list} className="text-brand-700 hover:underline">
                  {t('caseDashboard.allCases', { n: total })}
                </Link>
              </p>
            )}
          </>
        )}
      </Card>
      <Card title={t('caseDashboard.receivedTitle', { year })}>
        <div data-testid="my-received">
          <Stat
            label={t('caseDashboard.receivedTotal')}
            value={formatFen(received.totalFen)}
            hint={t('caseDashboard.receivedCount', { n: received.count })}
          />
          {received.byKind.length === 0 ? (
            <p className="mt-3 text-sm text-stone-600">{t('caseDashboard.noneReceived')}</p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-100 text-sm">
              {received.byKind.map((k) => (
                <li key={k.kind} className="flex justify-between gap-2 py-2" data-kind={k.kind}>
                  <span>{t(`aid.kinds.${k.kind}`)}</span>
                  <span className="tabular-nums">{formatFen(k.fen)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
    </div>
  );
}
