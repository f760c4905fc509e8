import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getStudentForEdit } from '@/db/queries/students';
import { StudentCases } from '@/components/students/badges';
import { StudentForm } from '@/components/students/student-form';
import { ButtonLink } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { studentPaths } from '@/lib/students/paths';
import { schoolYearOf } from '@/lib/students/stages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('editTitle') };
}

/** A student's record, for the parent or an official in scope to correct, with the student's cases. */
export default async function StudentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('students.view');
  const id = routeId((await params).id);
  const s = await orNotFound(getStudentForEdit(await getDb(), actor, id));
  const t = await getTranslations('students');
  const own = s.workerId === actor.userId;
  return (
    <>
      <PageHeader
        title={s.name}
        subtitle={
          own
            ? t('editSubtitleOwn')
            : t('editSubtitle', { parent: s.parentName, employeeNo: s.employeeNo, unit: s.unitName })
        }
        actions={
          <>
            <ButtonLink href={studentPaths.list}>{t('back')}</ButtonLink>
            {own && (
              <ButtonLink href={studentPaths.apply(s.id)} variant="primary">
                {t('apply')}
              </ButtonLink>
            )}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <Card title={t('editTitle')}>
          <StudentForm
            studentId={s.id}
            idNumberMasked={s.idNumberMasked}
            schoolYear={schoolYearOf(todayInChina())}
            defaults={{
              name: s.name,
              idNumber: '',
              school: s.school,
              stage: s.stage,
              grade: String(s.grade),
              admissionYear: String(s.admissionYear),
            }}
          />
        </Card>
        <Card title={t('casesLabel')}>
          <StudentCases cases={s.cases} own={own} />
        </Card>
      </div>
    </>
  );
}
