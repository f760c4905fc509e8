'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { requestEnrolment } from '@/lib/mutual-aid/enrolment-actions';
import { requestEnrolmentSchema } from '@/lib/validation/mutual-aid';

/** A worker asks to be put on a scheme's list for a year; their union confirms it. */
export function RequestEnrolmentForm({ schemes, years }: { schemes: { id: number; name: string }[]; years: number[] }) {
  const t = useTranslations('mutual');
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(requestEnrolmentSchema, requestEnrolment, {
    defaultValues: {
      schemeId: String(schemes[0]?.id ?? '') as never,
      year: String(years[0]) as never,
      shares: '1' as never,
    },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-4 sm:items-end">
      <div className="sm:col-span-4">
        <FormAlert error={formError} success={saved ? 'mutual.requested' : null} />
      </div>
      <Field label={t('scheme')} error={fieldError(errors, 'schemeId')}>
        {(p) => (
          <select {...p} {...form.register('schemeId')}>
            {schemes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('year')} error={fieldError(errors, 'year')}>
        {(p) => (
          <select {...p} {...form.register('year')}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('shares')} error={fieldError(errors, 'shares')}>
        {(p) => <input {...p} {...form.register('shares')} inputMode="numeric" autoComplete="off" />}
      </Field>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('requestEnrolment')}
        </Button>
      </div>
    </form>
  );
}
