'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { RevealDialog } from '@/components/ui/reveal-dialog';
import { readStudentIdNumber, registerStudent, updateStudent } from '@/lib/students/student-actions';
import { studentPaths } from '@/lib/students/paths';
import { MAX_GRADE, STAGES, type Stage } from '@/lib/students/stages';
import { registerStudentSchema, updateStudentSchema } from '@/lib/validation/students';

export interface StudentValues {
  name: string;
  idNumber: string;
  school: string;
  stage: Stage;
  grade: string;
  admissionYear: string;
}

/** The grade picker follows the stage: 1–6 at primary school, 1–3 at senior secondary, … */
export function GradeOptions({ stage }: { stage: Stage | '' }) {
  const t = useTranslations('students');
  const max = stage ? MAX_GRADE[stage] : 6;
  return (
    <>
      {Array.from({ length: max }, (_, i) => (
        <option key={i + 1} value={String(i + 1)}>
          {t('gradeN', { grade: i + 1 })}
        </option>
      ))}
    </>
  );
}

export function StageOptions() {
  const t = useTranslations('students.stages');
  return (
    <>
      {STAGES.map((s) => (
        <option key={s} value={s}>
          {t(s)}
        </option>
      ))}
    </>
  );
}

type StageGrade = { stage: Stage; grade: string };

/** Stage, then the grades that stage has; shared by the record and the application. */
export function StageGradeFields({ form, stageError }: { form: UseFormReturn<StageGrade>; stageError?: string }) {
  const t = useTranslations('students');
  const errors = form.formState.errors;
  return (
    <>
      <Field label={t('stage')} error={stageError ?? fieldError(errors, 'stage')}>
        {(p) => (
          <select {...p} {...form.register('stage')}>
            <StageOptions />
          </select>
        )}
      </Field>
      <Field label={t('grade')} error={fieldError(errors, 'grade')}>
        {(p) => (
          <select {...p} {...form.register('grade')}>
            <GradeOptions stage={form.watch('stage')} />
          </select>
        )}
      </Field>
    </>
  );
}

/**
 * Registering a child (the worker) or correcting a record (the parent or an official in scope).
 * The only screen that shows the ID number whole: it is being edited here.
 */
export function StudentForm({
  studentId,
  idNumberMasked,
  defaults,
  schoolYear,
}: {
  studentId?: number;
  /** When editing: the page carries the ID number masked; the full one comes on "show" with a reason. */
  idNumberMasked?: string;
  defaults?: StudentValues;
  schoolYear: number;
}) {
  const t = useTranslations();
  const router = useRouter();
  const editing = studentId !== undefined;
  const { form, onSubmit, formError, saved } = useActionForm(
    (editing ? updateStudentSchema : registerStudentSchema) as typeof updateStudentSchema,
    (editing ? updateStudent : registerStudent) as typeof updateStudent,
    {
      defaultValues: {
        ...(defaults ?? {
          name: '',
          idNumber: '',
          school: '',
          stage: 'primary',
          grade: '1',
          admissionYear: String(schoolYear),
        }),
        studentId,
      } as never,
      onSuccess: () => (editing ? router.refresh() : router.push(studentPaths.list)),
    },
  );
  const errors = form.formState.errors;
  const [revealed, setRevealed] = useState<string | null>(null);
  const waiting = editing && revealed === null;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert error={formError} success={saved && editing ? 'common.saved' : null} />
      {waiting && (
        <div className="flex flex-wrap items-center gap-3 text-sm text-stone-600">
          <p>{t('reveal.locked')}</p>
          <RevealDialog
            run={(reason) => readStudentIdNumber({ studentId, reason })}
            onRevealed={(d) => {
              setRevealed(d.idNumber);
              form.resetField('idNumber', { defaultValue: d.idNumber });
            }}
          />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('students.name')} error={fieldError(errors, 'name')}>
          {(p) => <input {...p} {...form.register('name')} autoComplete="off" />}
        </Field>
        <Field label={t('students.idNumber')} error={fieldError(errors, 'idNumber')} hint={t('students.idNumberHint')}>
          {(p) => (
            <input
              {...p}
              {...form.register('idNumber')}
              placeholder={waiting ? idNumberMasked : undefined}
              readOnly={waiting}
              autoComplete="off"
              inputMode="text"
              maxLength={18}
              className={`${p.className} font-mono`}
            />
          )}
        </Field>
      </div>
      <Field label={t('students.school')} error={fieldError(errors, 'school')}>
        {(p) => <input {...p} {...form.register('school')} autoComplete="off" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <StageGradeFields form={form as unknown as UseFormReturn<StageGrade>} />
        <Field
          label={t('students.admissionYear')}
          error={fieldError(errors, 'admissionYear')}
          hint={t('students.admissionYearHint', { year: schoolYear })}
        >
          {(p) => (
            <input {...p} {...form.register('admissionYear')} inputMode="numeric" maxLength={4} autoComplete="off" />
          )}
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting || waiting}>
          {form.formState.isSubmitting
            ? t('common.working')
            : editing
              ? t('common.save')
              : t('students.registerSubmit')}
        </Button>
        <ButtonLink href={studentPaths.list}>{t('common.cancel')}</ButtonLink>
      </div>
    </form>
  );
}
