'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { z } from 'zod';
import { decideCase } from '@/lib/cases/case-actions';
import { awardStudent, nominateStudent } from '@/lib/students/student-actions';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import type { TierOffer } from '@/db/queries/student-awards';
import type { ActionResult } from '@/lib/auth/action-result';
import { studentPaths } from '@/lib/students/paths';
import { awardSchema, nominationSchema } from '@/lib/validation/students';
import { firstFile } from './files';
import { RuleText } from './student-aid-form';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** 推荐优秀受助生: the results the nomination cites and, optionally, a document proving them. */
export function NominationForm({
  token,
  studentId,
  studentName,
}: {
  token: string;
  studentId: number;
  studentName: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(
    nominationSchema,
    (v) => nominateStudent({ ...v, document: firstFile(v.document) }),
    {
      defaultValues: {
        token,
        studentId: String(studentId),
        grades: '',
        rank: '',
        honours: '',
        comment: '',
        document: undefined,
      } as never,
      onSuccess: () => {
        router.push(studentPaths.awards);
        router.refresh();
      },
    },
  );
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert error={formError} />
      <p className="text-sm text-stone-700">{t('students.nominating', { name: studentName })}</p>
      {fieldError(errors, 'studentId') && (
        <p className="text-sm text-red-700" role="alert">
          {t(`errors.${fieldError(errors, 'studentId')}`)}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('students.grades')} error={fieldError(errors, 'grades')} hint={t('students.gradesHint')}>
          {(p) => <input {...p} {...form.register('grades')} autoComplete="off" />}
        </Field>
        <Field label={t('students.rank')} error={fieldError(errors, 'rank')} hint={t('students.rankHint')}>
          {(p) => <input {...p} {...form.register('rank')} autoComplete="off" />}
        </Field>
      </div>
      <Field label={t('students.honours')} error={fieldError(errors, 'honours')}>
        {(p) => <textarea {...p} {...form.register('honours')} rows={3} />}
      </Field>
      <Field label={t('students.nominationComment')} error={fieldError(errors, 'comment')}>
        {(p) => <textarea {...p} {...form.register('comment')} rows={2} />}
      </Field>
      <Field
        label={t('students.proofs.results')}
        error={fieldError(errors, 'document')}
        hint={t('students.documentHint')}
      >
        {(p) => (
          <input
            {...p}
            {...form.register('document')}
            type="file"
            accept={ACCEPT}
            className={`${p.className} py-1.5`}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('common.working') : t('students.nominate')}
        </Button>
        <ButtonLink href={studentPaths.awards}>{t('common.cancel')}</ButtonLink>
      </div>
    </form>
  );
}

/**
 * Rejecting needs only the reason; the tier matters only to an award. `decision` is which button
 * was pressed (set on its click, before the form validates); the award action ignores the key.
 */
const decisionSchema = awardSchema
  .extend({ tier: z.string(), decision: z.enum(['award', 'reject']) })
  .superRefine((v, ctx) => {
    if (v.decision === 'award' && !awardSchema.shape.tier.safeParse(v.tier).success)
      ctx.addIssue({ code: 'custom', path: ['tier'], message: 'awardTierUnknown' });
    if (v.decision === 'reject' && !v.comment)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'commentRequired' });
  });

/** The leader's decision on a nomination: the tier (with what the standard pays for it), or a rejection with a reason. */
export function AwardDecision({ caseId, version, tiers }: { caseId: number; version: number; tiers: TierOffer[] }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(
    decisionSchema,
    ({ decision, ...v }): Promise<ActionResult<unknown>> =>
      decision === 'award'
        ? awardStudent(v as z.input<typeof awardSchema>)
        : decideCase({ caseId: v.caseId, version: v.version, decision: 'reject', comment: v.comment }),
    {
      defaultValues: {
        caseId: String(caseId),
        version: String(version),
        tier: '',
        amount: '',
        amountReason: '',
        comment: '',
        decision: 'award',
      } as never,
      onSuccess: () => router.refresh(),
    },
  );
  const errors = form.formState.errors;
  const chosen = tiers.find((o) => o.tier === form.watch('tier'));
  const busy = form.formState.isSubmitting;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormAlert error={formError} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-stone-800">{t('students.tier')}</legend>
        <div className="flex flex-wrap gap-2">
          {tiers.map((o) => (
            <label
              key={o.tier}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-stone-300 px-3 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input type="radio" value={o.tier} {...form.register('tier')} className="size-4 accent-brand-700" />
              <span className="font-medium">{t(`students.tiers.${o.tier}`)}</span>
              <span className="text-stone-600">
                {o.rule ? <RuleText rule={o.rule} /> : t('students.tierNotInStandard')}
              </span>
            </label>
          ))}
        </div>
        {fieldError(errors, 'tier') && (
          <p className="mt-1 text-sm text-red-700" aria-live="polite">
            {t(`errors.${fieldError(errors, 'tier')}`)}
          </p>
        )}
      </fieldset>
      {chosen?.rule?.type === 'range' && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label={t('students.otherAmount')}
            error={fieldError(errors, 'amount')}
            hint={t('students.otherAmountHint')}
          >
            {(p) => <input {...p} {...form.register('amount')} inputMode="decimal" autoComplete="off" />}
          </Field>
          <Field label={t('students.amountReason')} error={fieldError(errors, 'amountReason')}>
            {(p) => <input {...p} {...form.register('amountReason')} autoComplete="off" />}
          </Field>
        </div>
      )}
      <Field
        label={t('students.decisionComment')}
        error={fieldError(errors, 'comment')}
        hint={t('students.decisionCommentHint')}
      >
        {(p) => <textarea {...p} {...form.register('comment')} rows={2} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy} onClick={() => form.setValue('decision', 'award')}>
          {busy ? t('common.working') : t('students.award')}
        </Button>
        <Button
          type="submit"
          variant="danger"
          disabled={busy}
          onClick={(e) => {
            form.setValue('decision', 'reject');
            // Rejecting ends the nomination for this year's slot; ask first.
            if (!window.confirm(t('students.rejectConfirm'))) e.preventDefault();
          }}
        >
          {t('students.rejectNomination')}
        </Button>
      </div>
    </form>
  );
}
