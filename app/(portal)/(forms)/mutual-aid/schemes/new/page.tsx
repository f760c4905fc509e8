import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SchemeForm } from '@/components/mutual-aid/scheme-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { blankVersion } from '@/lib/mutual-aid/scheme-form-values';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mutual'))('newScheme') };
}

/** A leader adds a scheme with the rules of its first version. */
export default async function NewSchemePage() {
  await requirePermission('mutual.schemes');
  const t = await getTranslations('mutual');
  return (
    <>
      <PageHeader title={t('newScheme')} subtitle={t('schemesIntro')} />
      <Card>
        <SchemeForm defaults={blankVersion(todayInChina())} />
      </Card>
    </>
  );
}
