'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { setPublicityDays } from '@/lib/aid/aid-admin-actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { PUBLICITY_DAYS_MAX, publicityDaysSchema } from '@/lib/validation/aid-admin';

/** 公示天数: the window's length for cases approved from now on. */
export function PublicityDaysForm({ days }: { days: number }) {
  const t = useTranslations('aidAdmin');
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(publicityDaysSchema, setPublicityDays, {
    defaultValues: { days: String(days) },
    onSuccess: () => router.refresh(),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormAlert error={formError} success={saved ? 'common.saved' : null} />
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-32">
          <Field label={t('publicityDays')} error={fieldError(form.formState.errors, 'days')}>
            {(p) => (
              <input
                {...p}
                {...form.register('days')}
                type="number"
                inputMode="numeric"
                min={1}
                max={PUBLICITY_DAYS_MAX}
                step={1}
              />
            )}
          </Field>
        </div>
        <Button type="submit" className="mt-6" disabled={form.formState.isSubmitting}>
          {t('publicityDaysSave')}
        </Button>
      </div>
      <p className="text-xs text-stone-500">{t('publicityDaysHint', { max: PUBLICITY_DAYS_MAX })}</p>
    </form>
  );
}
