import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ElderHelpForm, ElderVisitForm, SettleForm } from '@/components/care/care-forms';
import { Disclosure } from '@/components/register/disclosure';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { elderHelpOf, elderVisitsOf, getElder } from '@/db/queries/care';
import { requirePermission } from '@/lib/auth/session';
import { nextVisitDue, visitOverdue } from '@/lib/care/rules';
import { todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { fenToYuanText, formatFen } from '@/lib/money';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('elders') };
}

/** One lone elderly person: details, when the next visit is due, the visits, help given and advances. */
export default async function ElderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('care.view');
  const id = routeId((await params).id);
  const db = await getDb();
  const e = await orNotFound(getElder(db, actor, id));
  const [visits, help] = await Promise.all([elderVisitsOf(db, id), elderHelpOf(db, id)]);
  const t = await getTranslations();
  const today = todayInChina();
  const due = nextVisitDue(visits[0]?.visitedOn ?? null, e.since, e.visitEveryDays);
  const manage = can(actor.role, 'care.manage');
  const settle = can(actor.role, 'care.settle');
  return (
    <>
      <PageHeader title={e.name} subtitle={`${e.unitName} · ${t('elders.everyN', { n: e.visitEveryDays })}`} />
      <Card title={t('elders.details')}>
        <dl className="grid gap-2 text-sm sm:grid-cols-3" data-testid="elder-details">
          <div>
            <dt className="text-stone-500">{t('elders.birthDate')}</dt>
            <dd>{e.birthDate}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{t('elders.address')}</dt>
            <dd>{e.address}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{t('elders.phone')}</dt>
            <dd>{e.phoneMasked || '—'}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{t('elders.background')}</dt>
            <dd>{e.background || '—'}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{t('elders.due')}</dt>
            <dd data-testid="elder-due">
              {due}
              {visitOverdue(due, today) && <span className="ml-2 font-medium text-red-700">{t('elders.overdue')}</span>}
            </dd>
          </div>
        </dl>
      </Card>

      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title={t('elders.visits')}>
          {visits.length === 0 ? (
            <EmptyState>{t('elders.noVisits')}</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100 text-sm" data-testid="elder-visits">
              {visits.map((v) => (
                <li key={v.id} className="py-2">
                  {v.visitedOn} · {v.visitors}
                  {v.notes && <div className="text-stone-500">{v.notes}</div>}
                </li>
              ))}
            </ul>
          )}
          {manage && (
            <div className="mt-3">
              <ElderVisitForm elderId={e.id} today={today} />
            </div>
          )}
        </Card>
        <Card title={t('elders.help')}>
          {help.length === 0 ? (
            <EmptyState>{t('elders.noHelp')}</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100 text-sm" data-testid="elder-help">
              {help.map((h) => (
                <li key={h.id} className="py-2">
                  {h.on} · {t(`elders.helpKinds.${h.kind}`)} · {h.description}
                  {h.advancedFen > 0 && (
                    <div className="text-stone-600">
                      {t('elders.advancedLine', { amount: formatFen(h.advancedFen), by: h.advancedBy })}
                      {h.settledOn
                        ? ` · ${t('elders.settledLine', { amount: formatFen(h.settledFen ?? 0), date: h.settledOn })}`
                        : ` · ${t('elders.unsettledLine')}`}
                    </div>
                  )}
                  {h.advancedFen > 0 && !h.settledOn && settle && (
                    <Disclosure summary={t('elders.settle')}>
                      <div className="p-3">
                        <SettleForm helpId={h.id} advancedYuan={fenToYuanText(h.advancedFen)} today={today} />
                      </div>
                    </Disclosure>
                  )}
                </li>
              ))}
            </ul>
          )}
          {manage && (
            <div className="mt-3">
              <ElderHelpForm elderId={e.id} today={today} />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
