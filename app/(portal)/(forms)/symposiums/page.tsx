import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { PAGE_SIZE } from '@/db/queries/people';
import { helperCandidates } from '@/db/queries/register';
import { listSymposiums, symposiumHouseholdOptions } from '@/db/queries/symposiums';
import { TaskStatusBadge } from '@/components/register/badges';
import { Disclosure } from '@/components/register/disclosure';
import { OpinionTaskForm, SymposiumForm } from '@/components/register/symposium-forms';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { pageOnlyParams } from '@/lib/register/search-params';
import { first, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('symposiums') };
}

/** 座谈会: the symposiums of the actor's unit and below, and recording a new one. */
export default async function SymposiumsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('symposiums.manage');
  const { page } = pageOnlyParams.parse(first(await searchParams));
  const t = await getTranslations();
  const db = await getDb();
  const today = todayInChina();
  const [{ rows, total }, households, ownerRows] = await Promise.all([
    listSymposiums(db, actor, page),
    symposiumHouseholdOptions(db, actor),
    // Task owners: accounts of the actor's unit and the units above it.
    helperCandidates(db, { unitPath: actor.unitPath, workerId: 0 }),
  ]);
  const owners = ownerRows.map((o) => ({
    id: o.id,
    label: `${o.name} · ${o.employeeNo} · ${o.unitName} · ${t(`roles.${o.role}`)}`,
  }));
  return (
    <>
      <PageHeader title={t('nav.symposiums')} subtitle={t('symposiums.subtitle')} />
      <div className="mb-4">
        <Disclosure summary={t('symposiums.new')} open={total === 0}>
          <SymposiumForm
            today={today}
            households={households.map((h) => ({
              id: h.id,
              label: `${h.workerName} · ${h.employeeNo} · ${h.unitName}`,
            }))}
          />
        </Disclosure>
      </div>
      {rows.length === 0 ? (
        <EmptyState>{t('symposiums.empty')}</EmptyState>
      ) : (
        <ol className="space-y-4" data-testid="symposiums">
          {rows.map((s) => (
            <li key={s.id}>
              <Card title={t('symposiums.heading', { date: s.heldOn, place: s.place })}>
                <p className="text-sm text-stone-600">
                  {t('symposiums.meta', { unit: s.unitName, by: s.recordedBy, n: s.attendees })}
                </p>
                {s.policies && (
                  <div className="mt-3 text-sm">
                    <h3 className="font-medium">{t('symposiums.policies')}</h3>
                    <p className="whitespace-pre-line text-stone-700">{s.policies}</p>
                  </div>
                )}
                <h3 className="mt-3 text-sm font-medium">{t('symposiums.opinions')}</h3>
                {s.opinions.length === 0 ? (
                  <p className="text-sm text-stone-500">{t('symposiums.noOpinions')}</p>
                ) : (
                  <ul className="mt-1 divide-y divide-stone-100">
                    {s.opinions.map((o) => (
                      <li key={o.id} className="py-2 text-sm">
                        <p>{o.text}</p>
                        {o.taskId !== null && o.taskStatus ? (
                          <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-stone-600">
                            <TaskStatusBadge status={o.taskStatus} />
                            {t('symposiums.taskInfo', { owner: o.taskOwner ?? '', date: o.taskDueOn ?? '' })}
                          </p>
                        ) : (
                          <div className="mt-1">
                            <Disclosure summary={t('symposiums.makeTask')}>
                              <OpinionTaskForm opinionId={o.id} owners={owners} today={today} />
                            </Disclosure>
                          </div>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} basePath="/symposiums" params={{}} />
    </>
  );
}
