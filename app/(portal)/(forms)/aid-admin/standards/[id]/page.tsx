import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getStandardGrid, listStandards } from '@/db/queries/aid-admin';
import { StandardGrid } from '@/components/aid-admin/standard-grid';
import { VersionBadge } from '@/components/aid-admin/version-badge';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('aidAdmin'))('versionTitle') };
}

/** One version of the standard as a grid: per kind its frequency and the amount per category. */
export default async function StandardPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('aid.standards');
  const id = routeId((await params).id);
  const db = await getDb();
  const [grid, versions] = await Promise.all([orNotFound(getStandardGrid(db, id)), listStandards(db, todayInChina())]);
  const status = versions.find((v) => v.id === id)!.status;
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <PageHeader
        title={grid.name}
        subtitle={t('aidAdmin.versionSubtitle', {
          effectiveOn: grid.effectiveOn,
          by: grid.createdByName,
          at: format.dateTime(grid.createdAt, { dateStyle: 'short', timeStyle: 'short' }),
        })}
        actions={
          <>
            <ButtonLink href={casePaths.standards}>{t('common.back')}</ButtonLink>
            <ButtonLink href={`${casePaths.standards}/new`} variant="primary">
              {t('aidAdmin.newVersion')}
            </ButtonLink>
          </>
        }
      />
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-stone-600">
        <VersionBadge status={status} /> {t('aidAdmin.versionNeverEdited')}
      </p>
      <StandardGrid kinds={grid.kinds} />
    </>
  );
}
