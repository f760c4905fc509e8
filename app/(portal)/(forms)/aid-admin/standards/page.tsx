import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listStandards } from '@/db/queries/aid-admin';
import { publicityDays } from '@/db/queries/settings';
import { PublicityDaysForm } from '@/components/aid-admin/publicity-days-form';
import { VersionBadge } from '@/components/aid-admin/version-badge';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { todayInChina } from '@/lib/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('aidAdmin'))('standardsTitle') };
}

/** 帮扶送温暖实施办法: every version (the one in force today marked), and the publicity window's length. */
export default async function StandardsPage() {
  await requirePermission('aid.standards');
  const t = await getTranslations();
  const format = await getFormatter();
  const db = await getDb();
  const [versions, days] = await Promise.all([listStandards(db, todayInChina()), publicityDays(db)]);
  const newLink = (
    <ButtonLink href={`${casePaths.standards}/new`} variant="primary">
      {t('aidAdmin.newVersion')}
    </ButtonLink>
  );
  return (
    <>
      <PageHeader title={t('aidAdmin.standardsTitle')} subtitle={t('aidAdmin.standardsSubtitle')} actions={newLink} />
      <div className="grid gap-6">
        {versions.length === 0 ? (
          <EmptyState>{t('aidAdmin.noVersions')}</EmptyState>
        ) : (
          <Table caption={t('aidAdmin.versionsCaption')}>
            <thead>
              <tr>
                <Th>{t('aidAdmin.versionName')}</Th>
                <Th>{t('aidAdmin.effectiveOn')}</Th>
                <Th>{t('aidAdmin.status')}</Th>
                <Th className="text-right">{t('aidAdmin.kindCount')}</Th>
                <Th>{t('aidAdmin.createdBy')}</Th>
                <Th>{t('aidAdmin.createdAt')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {versions.map((v) => (
                <tr key={v.id} className={v.status === 'inForce' ? 'bg-green-50' : 'hover:bg-stone-50'}>
                  <Td>
                    <Link
                      href={`${casePaths.standards}/${v.id}`}
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      {v.name}
                    </Link>
                  </Td>
                  <Td className="tabular-nums">{v.effectiveOn}</Td>
                  <Td>
                    <VersionBadge status={v.status} />
                  </Td>
                  <Td className="text-right tabular-nums">{v.kindCount}</Td>
                  <Td>{v.createdByName}</Td>
                  <Td className="tabular-nums">
                    {format.dateTime(v.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Card title={t('aidAdmin.publicityTitle')}>
          <PublicityDaysForm days={days} />
        </Card>
      </div>
    </>
  );
}
