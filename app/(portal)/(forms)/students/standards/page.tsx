import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { standardInForce } from '@/db/queries/cases';
import { FundStandardForm } from '@/components/students/fund-standard-form';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { todayInChina } from '@/lib/dates';
import { studentPaths } from '@/lib/students/paths';
import { fundStandardDefaults, hardshipKindsOf } from '@/lib/students/standard-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('standardsTitle') };
}

/**
 * The fund's amounts in the aid standard (圆梦行动): a new version prefilled from the one in force,
 * whose hardship kinds it keeps as they are. Versions are listed with the other kinds' screens.
 */
export default async function FundStandardPage() {
  await requirePermission('students.standards');
  const today = todayInChina();
  const t = await getTranslations();
  const inForce = await standardInForce(await getDb(), today);
  const defaults = fundStandardDefaults(inForce?.kinds ?? null, {
    name: t('students.standard.defaultName', { year: today.slice(0, 4) }),
    effectiveOn: today,
  });
  const carried = hardshipKindsOf(inForce?.kinds ?? null);
  return (
    <>
      <PageHeader
        title={t('students.standardsTitle')}
        subtitle={
          inForce ? t('students.standard.prefilledFrom', { name: inForce.name }) : t('students.standard.prefilledNone')
        }
        actions={<ButtonLink href={studentPaths.list}>{t('students.back')}</ButtonLink>}
      />
      <p className="mb-4 rounded-md bg-sky-50 p-3 text-sm text-sky-900">
        {carried.length ? t('students.standard.carried', { n: carried.length }) : t('students.standard.noneCarried')}{' '}
        <Link href={casePaths.standards} className="font-medium underline">
          {t('students.standard.allVersions')}
        </Link>
      </p>
      <FundStandardForm defaults={defaults} carried={carried} />
    </>
  );
}
