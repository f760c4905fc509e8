import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { CaseLink, Person } from '@/components/cases/case-display';
import { kindKey, waited } from '@/lib/cases/format';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listQueues } from '@/db/queries/case-queues';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { dayInChina } from '@/lib/dates';
import { formatFen } from '@/lib/money';
import { STEPS } from '@/lib/workflow/case-workflow';
import { cursorParams, first, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('queue') };
}

/** A case that has waited this many days or more is marked. */
const LONG_WAIT_DAYS = 7;

/** Which step's queue is paged, and where (the others show their first page). */
const queueParams = z.object({ step: z.enum(STEPS).optional().catch(undefined) }).extend(cursorParams.shape);

/** A queue's count as its heading shows it: "10000+" where the count stopped. */
const shown = (total: { count: number; capped: boolean }) => `${total.count}${total.capped ? '+' : ''}`;

/**
 * 待办审批: for each step the actor works on, the cases waiting there within their scope that
 * they may act on, oldest first, with how long each has waited.
 */
export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('cases.queue');
  const f = queueParams.parse(first(await searchParams));
  const t = await getTranslations();
  const queues = await listQueues(await getDb(), actor, f);
  const now = new Date();
  return (
    <>
      <PageHeader title={t('nav.queue')} subtitle={t('cases.queueSubtitle')} />
      <nav aria-label={t('cases.queueCounts')} className="mb-4">
        <ul className="grid gap-3 sm:grid-cols-[repeat(auto-fit,minmax(10rem,1fr))]" data-testid="queue-counts">
          {queues.map((q) => (
            <li key={q.step}>
              <a
                href={`#queue-${q.step}`}
                className="block rounded-lg border border-stone-200 bg-white p-4 hover:bg-stone-50"
              >
                <span className="block text-sm text-stone-600">{t(`aid.steps.${q.step}`)}</span>
                <span className="mt-1 block text-2xl font-semibold tabular-nums">{shown(q.total)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-4">
        {queues.map((q) => (
          <section
            key={q.step}
            id={`queue-${q.step}`}
            aria-labelledby={`queue-${q.step}-title`}
            className="scroll-mt-4"
          >
            <Card
              title={
                <span id={`queue-${q.step}-title`}>
                  {t('cases.queueTitle', { step: t(`aid.steps.${q.step}`), n: shown(q.total) })}
                </span>
              }
            >
              {q.step === 'publicity' && <p className="mb-3 text-sm text-stone-600">{t('cases.publicityQueueHint')}</p>}
              {q.rows.length === 0 ? (
                <EmptyState>{t('cases.queueEmpty')}</EmptyState>
              ) : (
                <Table caption={t(`aid.steps.${q.step}`)}>
                  <thead>
                    <tr>
                      <Th>{t('cases.number')}</Th>
                      <Th>{t('cases.waited')}</Th>
                      <Th>{t('cases.applicant')}</Th>
                      <Th>{t('cases.unit')}</Th>
                      <Th>{t('cases.kind')}</Th>
                      <Th className="text-right">{t('cases.amountShort')}</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-stone-100">
                    {q.rows.map((r) => {
                      const w = waited(r.waitingSince, now);
                      const label = t(`cases.waitedFor.${w.unit}`, { n: w.n });
                      return (
                        <tr key={r.id} className="hover:bg-stone-50">
                          <Td>
                            <CaseLink id={r.id} />
                          </Td>
                          <Td>
                            {w.unit === 'days' && w.n >= LONG_WAIT_DAYS ? (
                              <Badge tone="bad">{label}</Badge>
                            ) : (
                              <span>{label}</span>
                            )}
                            <span className="block text-xs tabular-nums text-stone-500">
                              {t('cases.since', { date: dayInChina(r.waitingSince) })}
                            </span>
                          </Td>
                          <Td>
                            <Person name={r.applicantName} employeeNo={r.employeeNo} />
                          </Td>
                          <Td>{r.unitName}</Td>
                          <Td>{t(kindKey(r))}</Td>
                          <Td className="text-right tabular-nums">
                            {r.amountFen === null ? '—' : formatFen(r.amountFen)}
                          </Td>
                        </tr>
                      );
                    })}
                  </tbody>
                </Table>
              )}
              {(q.prev || q.next) && (
                <KeysetPagination
                  prev={q.prev}
                  next={q.next}
                  total={q.total}
                  basePath={casePaths.queue}
                  params={{ step: q.step }}
                />
              )}
            </Card>
          </section>
        ))}
      </div>
    </>
  );
}
