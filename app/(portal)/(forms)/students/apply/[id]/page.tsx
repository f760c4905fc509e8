import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getOwnStudentAid } from '@/db/queries/student-aid';
import { APPLICANT_STATES, ownStudents } from '@/db/queries/students';
import { studentAidContext } from '@/lib/students/apply-context';
import { StudentAidForm } from '@/components/students/student-aid-form';
import { ButtonLink } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { fenToYuanText } from '@/lib/money';
import { studentPaths } from '@/lib/students/paths';
import { schoolYearOf } from '@/lib/students/stages';
import { notFound } from 'next/navigation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('applyEditTitle') };
}

/** The worker's own student aid application while they hold it: a draft, or returned to them. */
export default async function EditStudentAidPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('students.apply');
  const id = routeId((await params).id);
  const db = await getDb();
  const c = await orNotFound(getOwnStudentAid(db, actor, id, APPLICANT_STATES));
  const student = (await ownStudents(db, actor)).find((s) => s.id === c.studentId);
  if (!student) notFound();
  const t = await getTranslations();
  const today = todayInChina();
  const returned = c.state !== 'draft';
  // A returned application keeps its school year and the standard of its application date.
  const schoolYear = returned ? c.schoolYear : schoolYearOf(today);
  const ctx = await studentAidContext(db, actor, today, c.appliedOn ?? today);
  return (
    <>
      <PageHeader
        title={t(returned ? 'students.applyReturnedTitle' : 'students.applyEditTitle')}
        subtitle={t('students.applicationFor', { name: student.name })}
        actions={<ButtonLink href={studentPaths.list}>{t('students.back')}</ButtonLink>}
      />
      {c.returnComment && (
        <div role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-medium">{t('students.returnedNote')}</p>
          <p className="mt-1 whitespace-pre-line">{c.returnComment}</p>
        </div>
      )}
      <Card>
        <StudentAidForm
          token={c.token}
          student={student}
          schoolYear={schoolYear}
          offers={ctx.offers}
          categoryLabel={ctx.categoryLabel}
          defaults={{
            stage: c.stage,
            grade: String(c.grade),
            tuition: c.tuitionFen ? fenToYuanText(c.tuitionFen) : '',
            living: c.livingFen ? fenToYuanText(c.livingFen) : '',
            familySituation: c.familySituation,
            note: c.note,
          }}
          saved={{ id: c.id, returned, documents: c.documents }}
        />
      </Card>
    </>
  );
}
