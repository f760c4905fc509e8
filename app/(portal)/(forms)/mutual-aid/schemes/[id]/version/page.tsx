import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SchemeForm } from '@/components/mutual-aid/scheme-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listSchemes } from '@/db/queries/mutual-aid';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { routeId } from '@/lib/load';
import { blankVersion, versionDefaults } from '@/lib/mutual-aid/scheme-form-values';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mutual'))('newVersion') };
}

/** A new version of a scheme, prefilled from the latest one; earlier versions stay as they were. */
export default async function NewVersionPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('mutual.schemes');
  const id = routeId((await params).id);
  const scheme = (await listSchemes(await getDb())).find((s) => s.id === id);
  if (!scheme) notFound();
  const t = await getTranslations('mutual');
  const today = todayInChina();
  const latest = scheme.versions[0];
  return (
    <>
      <PageHeader
        title={t('newVersionOf', { name: (await getLocale()) === 'en' ? scheme.nameEn : scheme.nameZh })}
        subtitle={t('newVersionIntro')}
      />
      <Card>
        <SchemeForm scheme={scheme} defaults={latest ? versionDefaults(latest, today) : blankVersion(today)} />
      </Card>
    </>
  );
}
