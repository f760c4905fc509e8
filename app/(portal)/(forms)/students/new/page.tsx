import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StudentForm } from '@/components/students/student-form';
import { ButtonLink } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { studentPaths } from '@/lib/students/paths';
import { schoolYearOf } from '@/lib/students/stages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('registerTitle') };
}

/** A worker registers a child who studies. */
export default async function NewStudentPage() {
  await requirePermission('students.register');
  const t = await getTranslations('students');
  return (
    <>
      <PageHeader
        title={t('registerTitle')}
        subtitle={t('registerSubtitle')}
        actions={<ButtonLink href={studentPaths.list}>{t('back')}</ButtonLink>}
      />
      <Card>
        <StudentForm schoolYear={schoolYearOf(todayInChina())} />
      </Card>
    </>
  );
}
