import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { standardInForce } from '@/db/queries/cases';
import { StandardForm } from '@/components/aid-admin/standard-form';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { todayInChina } from '@/lib/dates';
import { carriedKinds, standardFormDefaults } from '@/lib/validation/aid-admin';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('aidAdmin'))('newVersion') };
}

/** A new version of the standard, prefilled from the one in force today (if any). */
export default async function NewStandardPage() {
  await requirePermission('aid.standards');
  const today = todayInChina();
  const t = await getTranslations();
  const inForce = await standardInForce(await getDb(), today);
  const defaults = standardFormDefaults(inForce?.kinds ?? null, {
    name: t('aidAdmin.defaultName', { year: today.slice(0, 4) }),
    effectiveOn: today,
  });
  // The editor covers the hardship kinds; the student fund's rules go into the new version as they are.
  const carried = carriedKinds(inForce?.kinds ?? null);
  return (
    <>
      <PageHeader
        title={t('aidAdmin.newVersion')}
        subtitle={inForce ? t('aidAdmin.prefilledFrom', { name: inForce.name }) : t('aidAdmin.prefilledNone')}
        actions={<ButtonLink href={casePaths.standards}>{t('common.back')}</ButtonLink>}
      />
      {carried.length > 0 && (
        <p className="mb-4 rounded-md bg-sky-50 p-3 text-sm text-sky-900">
          {t('aidAdmin.otherKindsCarried', { kinds: carried.map((k) => t(`aid.kinds.${k.kind}`)).join('、') })}
        </p>
      )}
      <StandardForm defaults={defaults} carried={carried} />
    </>
  );
}
