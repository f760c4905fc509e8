'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { saveStudentAid, submitStudentAid } from '@/lib/students/student-actions';
import type { AmountRule } from '@/lib/aid/standards';
import { formatBytes } from '@/lib/cases/documents';
import { casePaths } from '@/lib/cases/paths';
import { formatFen } from '@/lib/money';
import { studentPaths } from '@/lib/students/paths';
import { proofNeeded, type Stage } from '@/lib/students/stages';
import type { ActionResult } from '@/lib/auth/action-result';
import { studentAidSchema } from '@/lib/validation/students';
import { firstFile } from './files';
import { StageGradeFields } from './student-form';

/** What the standard pays: a fixed amount, or a range with the amount it suggests. */
export function RuleText({ rule }: { rule: AmountRule }) {
  const t = useTranslations('students');
  if (rule.type === 'fixed') return <>{formatFen(rule.fen)}</>;
  return (
    <>
      {t('rangeText', {
        min: formatFen(rule.minFen),
        max: formatFen(rule.maxFen),
        suggested: formatFen(rule.suggestedFen),
      })}
    </>
  );
}

export interface StudentAidFormProps {
  token: string;
  student: { id: number; name: string; stage: Stage; admissionYear: number };
  schoolYear: number;
  defaults: { stage: Stage; grade: string; tuition: string; living: string; familySituation: string; note: string };
  /** What the standard in force pays this household at each stage (null: nothing). */
  offers: Record<Stage, AmountRule | null>;
  categoryLabel: string;
  /** An application already saved: its id, whether it was returned, and its documents. */
  saved?: {
    id: number;
    returned: boolean;
    documents: { id: number; fileName: string; purpose: string; sizeBytes: number }[];
  };
}

/**
 * The student aid application (圆梦助学): the student's stage and grade this school year, the
 * year's costs, the family's situation and the proof the stage needs — the admission letter of a
 * new university entrant, else the enrolment certificate. Saves a draft or submits; a returned
 * application is corrected here and resubmitted to the step that returned it.
 */
export function StudentAidForm({
  token,
  student,
  schoolYear,
  defaults,
  offers,
  categoryLabel,
  saved,
}: StudentAidFormProps) {
  const t = useTranslations();
  const router = useRouter();
  const mode = useRef<'save' | 'submit'>('submit');
  const { form, onSubmit, formError } = useActionForm(
    studentAidSchema,
    async (values): Promise<ActionResult<{ id: number }>> => {
      const input = { ...values, proof: firstFile(values.proof) };
      return mode.current === 'save' ? saveStudentAid(input) : submitStudentAid(input);
    },
    {
      defaultValues: { token, studentId: String(student.id), ...defaults, proof: undefined } as never,
      onSuccess: (data) => {
        form.resetField('proof');
        if (mode.current === 'submit') router.push(casePaths.view(data.id));
        else if (!saved) router.replace(studentPaths.editApplication(data.id));
        else router.refresh();
      },
    },
  );
  const errors = form.formState.errors;
  const stage = form.watch('stage') as Stage;
  const grade = Number(form.watch('grade'));
  const proof = proofNeeded({ stage, grade }, student, schoolYear);
  const offer = offers[stage];
  const proofs = saved?.documents.filter((d) => d.purpose === proof) ?? [];
  const busy = form.formState.isSubmitting;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-5">
      <FormAlert error={formError} />
      <input type="hidden" {...form.register('studentId')} />
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-base font-semibold">
          {t('students.schoolingThisYear', {
            name: student.name,
            year: t('students.schoolYear', { year: schoolYear, next: schoolYear + 1 }),
          })}
        </legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <StageGradeFields
            form={form as unknown as UseFormReturn<{ stage: Stage; grade: string }>}
            stageError={fieldError(errors, 'studentId')}
          />
        </div>
        <p className="rounded-md bg-stone-50 p-3 text-sm text-stone-700" aria-live="polite">
          {offer ? (
            <>
              {t('students.expectedAmount', { category: categoryLabel })}{' '}
              <strong className="tabular-nums">
                <RuleText rule={offer} />
              </strong>
            </>
          ) : (
            t('students.noOffer', { category: categoryLabel })
          )}
        </p>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('students.tuition')} error={fieldError(errors, 'tuition')} hint={t('students.yuanHint')}>
          {(p) => <input {...p} {...form.register('tuition')} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field label={t('students.living')} error={fieldError(errors, 'living')} hint={t('students.yuanHint')}>
          {(p) => <input {...p} {...form.register('living')} inputMode="decimal" autoComplete="off" />}
        </Field>
      </div>
      <Field
        label={t('students.familySituation')}
        error={fieldError(errors, 'familySituation')}
        hint={t('students.familyHint')}
      >
        {(p) => <textarea {...p} {...form.register('familySituation')} rows={6} />}
      </Field>
      <Field label={t('students.note')} error={fieldError(errors, 'note')} hint={t('students.noteHint')}>
        {(p) => <textarea {...p} {...form.register('note')} rows={3} />}
      </Field>
      <div className="space-y-2">
        <Field
          label={t(`students.proofs.${proof}`)}
          error={fieldError(errors, 'proof')}
          hint={t(proof === 'admission_letter' ? 'students.admissionLetterHint' : 'students.enrolmentHint')}
        >
          {(p) => (
            <input
              {...p}
              {...form.register('proof')}
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              className={`${p.className} py-1.5`}
            />
          )}
        </Field>
        {saved && saved.documents.length > 0 && (
          <ul className="space-y-1 text-sm">
            {saved.documents.map((d) => (
              <li key={d.id} className="flex flex-wrap gap-2">
                <a
                  href={casePaths.document(saved.id, d.id)}
                  className="text-brand-700 underline-offset-2 hover:underline"
                >
                  {d.fileName}
                </a>
                <span className="text-stone-600">
                  {t(`students.proofs.${d.purpose}`)} · {formatBytes(d.sizeBytes)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {saved && proofs.length === 0 && (
          <p className="text-sm text-amber-800">
            {t('students.proofMissing', { proof: t(`students.proofs.${proof}`) })}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy} onClick={() => (mode.current = 'submit')}>
          {busy ? t('common.working') : saved?.returned ? t('students.resubmit') : t('students.submit')}
        </Button>
        <Button type="submit" variant="secondary" disabled={busy} onClick={() => (mode.current = 'save')}>
          {saved ? t('students.saveChanges') : t('students.saveDraft')}
        </Button>
      </div>
    </form>
  );
}
