import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { listPublished, pendingObjections, RECENT_DAYS, recentlyEnded } from '@/db/queries/publicity';
import { publicityDays } from '@/db/queries/settings';
import { listUnits } from '@/db/queries/units';
import { PendingObjectionItem, PublishedCaseItem, RecentlyEndedTable } from '@/components/publicity/board';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';
import { KeysetPagination } from '@/components/ui/pagination';
import { AID_KINDS } from '@/lib/aid/standards';
import { requireActor } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { todayInChina } from '@/lib/dates';
import { asStrings, cursorParams, first, type SearchParams } from '@/lib/search-params';
import { optionalIdParam } from '@/lib/validation/common';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publicity'))('title') };
}

const publicityParams = z.object({
  kind: z.enum(AID_KINDS).optional().catch(undefined),
  branchId: optionalIdParam,
});

/**
 * 公示: the notice board every signed-in person of the mine reads (masked), where anyone may
 * object during the window; the officials who decide objections find theirs at the top.
 */
export default async function PublicityPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const sp = first(await searchParams);
  const f = publicityParams.parse(sp);
  const t = await getTranslations();
  const db = await getDb();
  const today = todayInChina();
  const decides = can(actor.role, 'publicity.decideObjection');
  const [{ rows, prev, next, total }, pending, recent, units, days] = await Promise.all([
    listPublished(db, actor, { ...f, ...cursorParams.parse(sp) }),
    pendingObjections(db, actor),
    recentlyEnded(db, today),
    listUnits(db, { kind: 'all' }),
    publicityDays(db),
  ]);
  const branches = units.filter((u) => u.level === 'branch');
  const params = asStrings(f);
  const filtered = !!(f.kind || f.branchId);
  return (
    <>
      <PageHeader title={t('publicity.title')} subtitle={t('publicity.subtitle', { days })} />
      {/* min-w-0: a wide table scrolls inside its own box instead of widening the column. */}
      <div className="grid gap-6 [&>*]:min-w-0">
        {decides && (
          <Card title={t('publicity.pendingTitle', { n: pending.length })}>
            <p className="mb-3 text-sm text-stone-600">{t('publicity.pendingHint')}</p>
            {pending.length === 0 ? (
              <EmptyState>{t('publicity.pendingEmpty')}</EmptyState>
            ) : (
              <ul className="grid gap-3">
                {pending.map((o) => (
                  <PendingObjectionItem key={o.id} o={o} />
                ))}
              </ul>
            )}
          </Card>
        )}
        <section aria-labelledby="board-title">
          <h2 id="board-title" className="mb-3 text-lg font-semibold">
            {t('publicity.boardTitle')}
          </h2>
          <FilterBar action={casePaths.publicity}>
            <FilterSelect
              label={t('publicity.kind')}
              name="kind"
              value={f.kind}
              options={AID_KINDS.map((k) => ({ value: k, label: t(`aid.kinds.${k}`) }))}
            />
            <FilterSelect
              label={t('publicity.branch')}
              name="branchId"
              value={f.branchId}
              options={branches.map((b) => ({ value: b.id, label: b.name }))}
            />
          </FilterBar>
          {rows.length === 0 ? (
            <EmptyState>{filtered ? t('common.noResults') : t('publicity.empty')}</EmptyState>
          ) : (
            <ul className="grid gap-3">
              {rows.map((c) => (
                <PublishedCaseItem key={c.id} c={c} today={today} />
              ))}
            </ul>
          )}
          <KeysetPagination prev={prev} next={next} total={total} basePath={casePaths.publicity} params={params} />
        </section>
        <section aria-labelledby="recent-title">
          <h2 id="recent-title" className="mb-1 text-lg font-semibold">
            {t('publicity.recentTitle')}
          </h2>
          <p className="mb-3 text-sm text-stone-600">{t('publicity.recentHint', { days: RECENT_DAYS })}</p>
          <RecentlyEndedTable rows={recent} />
        </section>
      </div>
    </>
  );
}
