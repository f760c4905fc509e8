import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FollowUpForm, LinkExitButton, PlacementForm } from '@/components/employment/employment-forms';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { followUpsOf, getFile } from '@/db/queries/employment';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { exitLinkProblem } from '@/lib/employment/rules';
import { orNotFound, routeId } from '@/lib/load';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('employment') };
}

/** One person's file (一人一档): who, schooling and wishes, follow-ups and referrals, the outcome and the exit link. */
export default async function EmploymentFilePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('employment.view');
  const id = routeId((await params).id);
  const db = await getDb();
  const f = await orNotFound(getFile(db, actor, id));
  const followUps = await followUpsOf(db, id);
  const t = await getTranslations();
  const today = todayInChina();
  const manage = can(actor.role, 'employment.manage');
  const linkable = exitLinkProblem(f) === null;
  return (
    <>
      <PageHeader
        title={f.name}
        subtitle={`${t(`employment.kinds.${f.kind}`)} · ${t(`employment.outcomes.${f.outcome}`)}`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('employment.details')}>
          <dl className="grid gap-2 text-sm sm:grid-cols-2" data-testid="employment-details">
            <div>
              <dt className="text-stone-500">{t('employment.worker')}</dt>
              <dd>
                {f.householdId ? (
                  <Link className="text-brand-700 underline" href={`/households/${f.householdId}`}>
                    {f.workerName}
                  </Link>
                ) : (
                  f.workerName
                )}{' '}
                ({f.employeeNo}) · {f.unitName}
              </dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('employment.school')}</dt>
              <dd>{[f.school, f.major].filter(Boolean).join(' · ') || '—'}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('employment.graduationYear')}</dt>
              <dd>{f.graduationYear ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('employment.wishes')}</dt>
              <dd>{f.wishes || '—'}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('employment.openedOn')}</dt>
              <dd>{f.openedOn}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('employment.outcome')}</dt>
              <dd data-testid="employment-outcome">
                {t(`employment.outcomes.${f.outcome}`)}
                {f.placedOn && ` · ${f.placedOn} · ${f.employer}`}
              </dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('employment.household')}</dt>
              <dd data-testid="employment-household">
                {f.householdStatus ? t(`employment.householdStatus.${f.householdStatus}`) : '—'}
                {f.exitLinked && ` · ${t('employment.exitLinked')}`}
              </dd>
            </div>
          </dl>
        </Card>
        {manage && (
          <Card title={t('employment.outcome')}>
            {f.outcome === 'not_yet' ? (
              <PlacementForm fileId={f.id} version={f.version} today={today} />
            ) : linkable ? (
              <div className="grid gap-2">
                <p className="text-sm text-stone-600">{t('employment.linkExitHint')}</p>
                <div>
                  <LinkExitButton fileId={f.id} version={f.version} active={f.householdStatus === 'active'} />
                </div>
              </div>
            ) : (
              <p className="text-sm text-stone-600">{t(`employment.outcomes.${f.outcome}`)}</p>
            )}
          </Card>
        )}
      </div>

      <h2 className="mt-4 mb-2 text-lg font-semibold">{t('employment.followUps')}</h2>
      {followUps.length === 0 ? (
        <EmptyState>{t('employment.noFollowUps')}</EmptyState>
      ) : (
        <ul className="mb-4 grid gap-2 text-sm" data-testid="employment-follow-ups">
          {followUps.map((u) => (
            <li key={u.id} className="rounded border border-stone-200 bg-white p-3">
              <span className="font-medium">{t(`employment.followUpKinds.${u.kind}`)}</span> · {u.on} · {u.recordedBy}
              <div>{u.note}</div>
              {u.employer && <div className="text-stone-500">{u.employer}</div>}
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <Card title={t('employment.addFollowUp')} className="mt-4">
          <FollowUpForm fileId={f.id} today={today} />
        </Card>
      )}
    </>
  );
}
