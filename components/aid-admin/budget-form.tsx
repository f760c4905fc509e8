'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { setBudget } from '@/lib/aid/aid-admin-actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { AID_KINDS } from '@/lib/aid/standards';
import { budgetSchema } from '@/lib/validation/cases';

export type BudgetFormValues = {
  year: string;
  aidKind: z.input<typeof budgetSchema>['aidKind'];
  unitId: string;
  amount: string;
};

/**
 * Sets a year's budget for one kind, mine-wide or for one branch; the same form raises or lowers
 * an existing one (never below what has been paid from it).
 */
export function BudgetForm({
  defaults,
  branches,
}: {
  defaults: BudgetFormValues;
  branches: { id: number; name: string }[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(budgetSchema, setBudget, {
    defaultValues: defaults,
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormAlert error={formError} success={saved ? 'common.saved' : null} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label={t('aidAdmin.year')} error={fieldError(errors, 'year')}>
          {(p) => <input {...p} {...form.register('year')} type="number" inputMode="numeric" min={2000} max={2100} />}
        </Field>
        <Field label={t('aidAdmin.kind')} error={fieldError(errors, 'aidKind')}>
          {(p) => (
            <select {...p} {...form.register('aidKind')}>
              {AID_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`aid.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('aidAdmin.budgetScope')} error={fieldError(errors, 'unitId')}>
          {(p) => (
            <select {...p} {...form.register('unitId')}>
              <option value="">{t('aidAdmin.mineWide')}</option>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('aidAdmin.budgetAmount')} hint={t('aidAdmin.yuanHint')} error={fieldError(errors, 'amount')}>
          {(p) => <input {...p} {...form.register('amount')} inputMode="decimal" autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('common.working') : t('aidAdmin.setBudget')}
        </Button>
      </div>
    </form>
  );
}
