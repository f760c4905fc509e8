'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { z } from 'zod';
import { recordPayment } from '@/lib/cases/case-actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import type { BudgetLeft } from '@/db/queries/budgets';
import { formatFen } from '@/lib/money';
import { paymentSchema } from '@/lib/validation/cases';
import { CaseFormAlert } from './case-form-alert';

const METHODS = ['bank_transfer', 'cash'] as const;

/** Asks for the written reason on the client too when the ledger already found a repeat. */
const withReason = paymentSchema.extend({
  repeatReason: z.string().trim().min(1, 'repeatNeedsReason').max(1000, 'tooLong'),
});

/**
 * Recording the payment (leader, not the approver): date (not in the future), method, reference,
 * the budget it draws on, and a written reason when the household was already paid this kind
 * within its period. Over budget comes back from the server and is said in words.
 */
export function PaymentForm({
  caseId,
  version,
  today,
  amountFen,
  kindLabel,
  budget,
  repeat,
  fund,
}: {
  caseId: number;
  version: number;
  today: string;
  amountFen: number;
  kindLabel: string;
  budget: BudgetLeft | null;
  repeat: boolean;
  /** A mutual-aid claim: paid from its scheme-year's fund (named here), not from an aid budget. */
  fund?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(repeat ? withReason : paymentSchema, recordPayment, {
    defaultValues: { caseId, version, paidOn: today, method: '' as never, reference: '', repeatReason: '' },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  const overBudget = fieldError(errors, 'amount');
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4" data-testid="payment-form">
      <CaseFormAlert
        caseId={caseId}
        formError={formError}
        orphanError={overBudget}
        success={saved ? 'cases.paid' : null}
      />
      <div className="rounded-md bg-stone-50 p-3 text-sm" data-testid="budget-left">
        <p>{t('cases.payAmount', { amount: formatFen(amountFen) })}</p>
        {fund ? (
          <p>{fund}</p>
        ) : budget ? (
          <>
            <p>
              {t(budget.unitName ? 'cases.budgetLeftBranch' : 'cases.budgetLeft', {
                year: budget.year,
                kind: kindLabel,
                branch: budget.unitName ?? '',
                left: formatFen(budget.leftFen),
                total: formatFen(budget.amountFen),
              })}
            </p>
            {budget.leftFen < amountFen && <p className="mt-1 font-medium text-red-800">{t('cases.budgetShort')}</p>}
          </>
        ) : (
          <p className="font-medium text-red-800">{t('cases.noBudget', { kind: kindLabel })}</p>
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('cases.paidOn')} error={fieldError(errors, 'paidOn')}>
          {(p) => <input {...p} {...form.register('paidOn')} type="date" max={today} />}
        </Field>
        <Field label={t('cases.method')} error={fieldError(errors, 'method')}>
          {(p) => (
            <select {...p} {...form.register('method')}>
              <option value="">{t('cases.choose')}</option>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`aid.methods.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('cases.reference')} error={fieldError(errors, 'reference')} hint={t('cases.referenceHint')}>
        {(p) => <input {...p} {...form.register('reference')} autoComplete="off" />}
      </Field>
      {repeat && (
        <Field
          label={t('cases.repeatReason')}
          error={fieldError(errors, 'repeatReason')}
          hint={t('cases.repeatReasonHint')}
        >
          {(p) => <textarea {...p} {...form.register('repeatReason')} rows={2} />}
        </Field>
      )}
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('common.working') : t('cases.recordPayment')}
        </Button>
      </div>
    </form>
  );
}
