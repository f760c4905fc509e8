'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId } from 'react';
import { decideCase } from '@/lib/cases/case-actions';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/components/ui/error-text';
import { Field } from '@/components/ui/field';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import type { DecisionStep } from '@/lib/cases/abilities';
import type { AmountRule } from '@/lib/aid/standards';
import { fenToYuanText, formatFen } from '@/lib/money';
import { decideSchema } from '@/lib/validation/cases';
import { casePaths } from '@/lib/cases/paths';
import { CaseFormAlert, STALE } from './case-form-alert';

const DECISIONS = ['approve', 'return', 'reject'] as const;

/**
 * The decision at the actor's step: approve, return for more information, or reject (a comment
 * is required for the last two). At the approval step a range rule lets the leader set another
 * amount inside [min, max] with a written reason; the server checks both again.
 */
export function DecisionForm({
  caseId,
  version,
  step,
  amount,
  repeat = false,
}: {
  caseId: number;
  version: number;
  step: DecisionStep;
  /** The household has aid of this kind paid or in progress within the period: approval needs a reason. */
  repeat?: boolean;
  /** Only at the approval step: the computed amount, the amount as it stands, and the rule. */
  amount?: { fen: number; currentFen: number; rule: AmountRule };
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const legendId = useId();
  const choosesAmount = step === 'approval' && amount?.rule.type === 'range';
  const { form, onSubmit, formError, saved } = useActionForm(
    decideSchema,
    // The amount belongs to an approval only; returning or rejecting sends none.
    (input) =>
      decideCase({
        ...input,
        amount: input.decision === 'approve' ? input.amount : '',
        amountReason: input.decision === 'approve' ? input.amountReason : '',
        repeatReason: input.decision === 'approve' ? input.repeatReason : '',
      }),
    {
      defaultValues: {
        caseId,
        version,
        decision: 'approve',
        comment: '',
        amount: choosesAmount ? fenToYuanText(amount!.currentFen) : '',
        amountReason: '',
        repeatReason: '',
      },
      onSuccess: () => router.refresh(),
    },
  );
  // Someone decided first: show the case as it is now, with who decided what (the page's notice).
  useEffect(() => {
    if (formError && STALE.includes(formError)) router.replace(casePaths.decidedMeanwhile(caseId));
  }, [formError, caseId, router]);
  const errors = form.formState.errors;
  const decision = form.watch('decision');
  const decisionError = fieldError(errors, 'decision');
  // A half-typed amount must not block a return or a rejection, which send none.
  useEffect(() => {
    if (choosesAmount && decision !== 'approve') form.resetField('amount');
  }, [choosesAmount, decision, form]);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4" data-testid="decision-form">
      <CaseFormAlert caseId={caseId} formError={formError} success={saved ? 'cases.decided' : null} />
      <fieldset aria-labelledby={legendId} aria-describedby={decisionError ? `${legendId}-error` : undefined}>
        <legend id={legendId} className="mb-2 text-sm font-medium text-stone-800">
          {t('cases.decision')}
        </legend>
        <div className="grid">
          {DECISIONS.map((d) => (
            <label key={d} className="inline-flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" value={d} {...form.register('decision')} className="size-4" />
              {t(`cases.decisions.${d}`)}
            </label>
          ))}
        </div>
        <p id={`${legendId}-error`} aria-live="polite" className="text-sm text-red-700">
          {errorText(decisionError)}
        </p>
      </fieldset>
      {step === 'approval' &&
        amount &&
        decision === 'approve' &&
        (choosesAmount && amount.rule.type === 'range' ? (
          <div className="grid gap-3">
            <Field
              label={t('cases.approvedAmount')}
              error={fieldError(errors, 'amount')}
              hint={t('cases.amountRangeHint', {
                min: formatFen(amount.rule.minFen),
                max: formatFen(amount.rule.maxFen),
                suggested: formatFen(amount.fen),
              })}
            >
              {(p) => <input {...p} {...form.register('amount')} inputMode="decimal" autoComplete="off" />}
            </Field>
            <Field
              label={t('cases.amountReasonLabel')}
              error={fieldError(errors, 'amountReason')}
              hint={t('cases.amountReasonHint')}
            >
              {(p) => <textarea {...p} {...form.register('amountReason')} rows={2} />}
            </Field>
          </div>
        ) : (
          <p className="text-sm text-stone-700">{t('cases.amountFixedNote', { amount: formatFen(amount.fen) })}</p>
        ))}
      {step === 'approval' && repeat && decision === 'approve' && (
        <Field
          label={t('cases.repeatReasonApproval')}
          error={fieldError(errors, 'repeatReason')}
          hint={t('cases.repeatReasonApprovalHint')}
        >
          {(p) => <textarea {...p} {...form.register('repeatReason')} rows={2} />}
        </Field>
      )}
      <Field
        label={t('cases.comment')}
        error={fieldError(errors, 'comment')}
        hint={t(decision === 'approve' ? 'cases.commentOptional' : 'cases.commentRequired')}
      >
        {(p) => <textarea {...p} {...form.register('comment')} rows={3} />}
      </Field>
      <div>
        <Button
          type="submit"
          variant={decision === 'reject' ? 'danger' : 'primary'}
          disabled={form.formState.isSubmitting}
        >
          {form.formState.isSubmitting ? t('common.working') : t(`cases.decisions.${decision ?? 'approve'}`)}
        </Button>
      </div>
    </form>
  );
}
