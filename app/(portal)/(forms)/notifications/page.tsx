import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listNotifications } from '@/db/queries/notifications';
import { MarkAllRead } from '@/components/layout/mark-all-read';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { KeysetPagination } from '@/components/ui/pagination';
import { requireActor } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { cursorParams, first, type SearchParams } from '@/lib/search-params';
import { CASE_ACTIONS, needsComment, STEPS, type CaseAction } from '@/lib/workflow/case-workflow';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('notifications') };
}

/** The actor's own notifications: decisions on their cases, and cases reaching their step. */
export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const at = cursorParams.parse(first(await searchParams));
  const t = await getTranslations();
  const { rows, prev, next, total } = await listNotifications(await getDb(), actor, at);
  const unread = rows.some((r) => !r.read);

  const text = (kind: string, caseId: number | null, aidKind: string | null) => {
    const what = aidKind ? t(`aid.kinds.${aidKind}`) : '';
    const [prefix, step] = kind.split(':');
    if (prefix === 'signin_failures') return t('notifications.signInFailures', { count: Number(step) || 0 });
    if (prefix === 'todo' && (STEPS as readonly string[]).includes(step))
      return t('notifications.todo', { id: caseId ?? 0, what, step: t(`aid.steps.${step}`) });
    if ((CASE_ACTIONS as readonly string[]).includes(kind))
      return t('notifications.decision', { id: caseId ?? 0, what, action: t(`aid.actions.${kind}`) });
    return t('notifications.other', { id: caseId ?? 0 });
  };

  return (
    <>
      <PageHeader
        title={t('nav.notifications')}
        subtitle={t('notifications.subtitle')}
        actions={unread ? <MarkAllRead /> : undefined}
      />
      <Card>
        {rows.length === 0 ? (
          <EmptyState>{t('notifications.empty')}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100" data-testid="notifications">
            {rows.map((n) => (
              <li key={n.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                <div className="min-w-0">
                  {n.caseId ? (
                    <Link
                      href={casePaths.view(n.caseId)}
                      className="font-medium text-brand-800 underline-offset-2 hover:underline"
                    >
                      {text(n.kind, n.caseId, n.aidKind)}
                    </Link>
                  ) : (
                    <span>{text(n.kind, n.caseId, n.aidKind)}</span>
                  )}
                  {n.comment && (
                    <p className="mt-1 text-sm whitespace-pre-line text-stone-700" data-testid="notification-reason">
                      {t(needsComment(n.kind as CaseAction) ? 'notifications.reason' : 'notifications.comment', {
                        reason: n.comment,
                      })}
                    </p>
                  )}
                  <p className="text-sm text-stone-500">{t('notifications.at', { at: n.createdAt })}</p>
                </div>
                {!n.read && <Badge tone="info">{t('notifications.unread')}</Badge>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <KeysetPagination prev={prev} next={next} total={total} basePath={casePaths.notifications} params={{}} />
    </>
  );
}
