'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { recordSurvivorHandover } from '@/lib/care/care-actions';
import { HANDOVER_METHODS } from '@/lib/campaigns/rules';
import { survivorHandoverSchema } from '@/lib/validation/care';

/** A survivor's hand-over in a campaign: date, how, who handed over and who received (or the reference). */
export function SurvivorHandoverForm({ entryId, today }: { entryId: number; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(survivorHandoverSchema, recordSurvivorHandover, {
    defaultValues: {
      entryId,
      method: 'in_person',
      handedOverOn: today,
      handedOverBy: '',
      receivedBy: '',
      reference: '',
    },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  const method = form.watch('method');
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-2" aria-label={t('campaigns.record')}>
      <FormAlert error={formError} />
      <div className="grid gap-2 sm:grid-cols-2">
        <Field label={t('campaigns.method')} error={fieldError(errors, 'method')}>
          {(p) => (
            <select {...p} {...form.register('method')}>
              {HANDOVER_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`campaigns.methods.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('campaigns.handedOverOn')} error={fieldError(errors, 'handedOverOn')}>
          {(p) => <input {...p} {...form.register('handedOverOn')} type="date" max={today} />}
        </Field>
        <Field label={t('campaigns.handedOverBy')} error={fieldError(errors, 'handedOverBy')}>
          {(p) => <input {...p} {...form.register('handedOverBy')} autoComplete="off" />}
        </Field>
        {method === 'bank_transfer' ? (
          <Field label={t('campaigns.reference')} error={fieldError(errors, 'reference')}>
            {(p) => <input {...p} {...form.register('reference')} autoComplete="off" />}
          </Field>
        ) : (
          <Field label={t('campaigns.receivedBy')} error={fieldError(errors, 'receivedBy')}>
            {(p) => <input {...p} {...form.register('receivedBy')} autoComplete="off" />}
          </Field>
        )}
      </div>
      <div>
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          {t('campaigns.record')}
        </Button>
      </div>
    </form>
  );
}
