import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { liveCaseOf } from '@/db/queries/student-aid';
import { APPLICANT_STATES, ownStudents } from '@/db/queries/students';
import { studentAidContext } from '@/lib/students/apply-context';
import { StudentAidForm } from '@/components/students/student-aid-form';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { filterControl } from '@/components/ui/filter-bar';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { todayInChina } from '@/lib/dates';
import { first, type SearchParams } from '@/lib/search-params';
import { studentPaths } from '@/lib/students/paths';
import { applyParams } from '@/lib/students/search-params';
import { gradeNow, schoolYearOf } from '@/lib/students/stages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('applyTitle') };
}

/**
 * 圆梦助学: the worker first chooses the student (a GET, so the answer is the server's); a student
 * who already has an application this school year is told so before any form appears.
 */
export default async function ApplyStudentAidPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('students.apply');
  const { student: chosenId } = applyParams.parse(first(await searchParams));
  const t = await getTranslations();
  const db = await getDb();
  const today = todayInChina();
  const schoolYear = schoolYearOf(today);
  const yearLabel = t('students.schoolYear', { year: schoolYear, next: schoolYear + 1 });
  const mine = await ownStudents(db, actor);
  const chosen = mine.find((s) => s.id === chosenId) ?? (mine.length === 1 ? mine[0] : undefined);
  const live = chosen ? await liveCaseOf(db, 'student_aid', chosen.id, schoolYear) : null;

  let body;
  if (!mine.length) {
    body = (
      <EmptyState>
        {t('students.applyNoStudents')}{' '}
        <Link href={studentPaths.register} className="font-medium text-brand-700 underline">
          {t('students.register')}
        </Link>
      </EmptyState>
    );
  } else if (!chosen) {
    body = null;
  } else if (live) {
    const editable = live.applicantId === actor.userId && APPLICANT_STATES.includes(live.state);
    body = (
      <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
        <p>{t('errors.studentAidThisYear')}</p>
        <p className="mt-1">
          {t('students.alreadyApplied', { name: chosen.name, year: yearLabel, state: t(`aid.states.${live.state}`) })}
        </p>
        <Link
          href={editable ? studentPaths.editApplication(live.id) : casePaths.view(live.id)}
          className="mt-2 inline-block font-medium text-brand-700 underline"
        >
          {t(editable ? 'students.openDraft' : 'students.openCase')}
        </Link>
      </div>
    );
  } else {
    const ctx = await studentAidContext(db, actor, today, today);
    body = (
      <StudentAidForm
        token={randomUUID()}
        student={chosen}
        schoolYear={schoolYear}
        offers={ctx.offers}
        categoryLabel={ctx.categoryLabel}
        defaults={{
          stage: chosen.stage,
          grade: String(gradeNow(chosen, schoolYear)),
          tuition: '',
          living: '',
          familySituation: ctx.familySituation,
          note: '',
        }}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('students.applyTitle')}
        subtitle={t('students.applySubtitle', { year: yearLabel })}
        actions={<ButtonLink href={studentPaths.list}>{t('students.back')}</ButtonLink>}
      />
      <div className="grid gap-4">
        {mine.length > 0 && (
          <Card title={t('students.chooseStudent')}>
            <form action={studentPaths.apply()} method="get" className="flex flex-wrap items-end gap-2">
              <label className="block min-w-0 flex-1 space-y-1 text-sm">
                <span className="font-medium text-stone-700">{t('students.student')}</span>
                <select name="student" defaultValue={chosen?.id ?? ''} className={filterControl}>
                  {!chosen && <option value="">{t('students.choose')}</option>}
                  {mine.map((s) => (
                    <option key={s.id} value={s.id}>{`${s.name} · ${s.school}`}</option>
                  ))}
                </select>
              </label>
              <button type="submit" className={buttonClass('secondary', 'md')}>
                {t('students.check')}
              </button>
            </form>
            <p className="mt-2 text-xs text-stone-500">{t('students.chooseHint')}</p>
          </Card>
        )}
        {body && chosen && !live ? (
          <Card title={t('students.applicationFor', { name: chosen.name })}>{body}</Card>
        ) : (
          body
        )}
      </div>
    </>
  );
}
