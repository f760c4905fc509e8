'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { saveClaim } from '@/lib/mutual-aid/claim-actions';
import { mutualPaths } from '@/lib/mutual-aid/paths';
import { claimSchema } from '@/lib/validation/mutual-aid';

/**
 * A claim against one enrolment: the event, the hospital stay and what it cost. Saving checks the
 * amounts and the scheme's rules and computes the payout; the claim's page then shows it line by
 * line, takes the papers and submits.
 */
export function ClaimForm({
  enrolmentId,
  today,
  items,
  medical,
}: {
  enrolmentId: number;
  today: string;
  items: { code: string; name: string }[];
  medical: boolean;
}) {
  const t = useTranslations('mutual');
  const router = useRouter();
  const [token] = useState(() => crypto.randomUUID());
  const { form, onSubmit, formError } = useActionForm(claimSchema, saveClaim, {
    defaultValues: {
      token,
      enrolmentId: String(enrolmentId) as never,
      eventOn: today,
      hospital: '',
      admittedOn: '',
      dischargedOn: '',
      total: '',
      basic: '',
      other: '',
      selfPaid: '',
      itemCode: items[0]?.code ?? '',
      diagnosis: '',
    },
    onSuccess: (data) => router.push(mutualPaths.claim(data.id)),
  });
  const errors = form.formState.errors;
  const text = (
    name: 'hospital' | 'total' | 'basic' | 'other' | 'selfPaid' | 'diagnosis',
    label: string,
    money = false,
  ) => (
    <Field label={label} error={fieldError(errors, name)}>
      {(p) => <input {...p} {...form.register(name)} inputMode={money ? 'decimal' : undefined} autoComplete="off" />}
    </Field>
  );
  const date = (name: 'eventOn' | 'admittedOn' | 'dischargedOn', label: string) => (
    <Field label={label} error={fieldError(errors, name)}>
      {(p) => <input {...p} {...form.register(name)} type="date" />}
    </Field>
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert error={formError} />
      <p aria-live="polite" className="text-sm text-red-700">
        {fieldError(errors, 'enrolmentId') ? t('enrolmentProblem') : null}
      </p>
      <Field label={t('enrolment')} error={fieldError(errors, 'enrolmentId')}>
        {(p) => <input {...p} value={String(enrolmentId)} readOnly />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        {date('eventOn', t('eventOn'))}
        {date('admittedOn', t('admittedOn'))}
        {date('dischargedOn', t('dischargedOn'))}
      </div>
      {text('hospital', t('hospital'))}
      {!medical && (
        <Field label={t('item')} error={fieldError(errors, 'itemCode')}>
          {(p) => (
            <select {...p} {...form.register('itemCode')}>
              <option value="">{t('noItem')}</option>
              {items.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <fieldset className="grid gap-4 rounded-md border border-stone-200 p-3 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t('costs')}</legend>
        <p className="text-sm text-stone-600 sm:col-span-2">{t('costsHint')}</p>
        {text('total', t('totalCost'), true)}
        {text('basic', t('basicInsurance'), true)}
        {text('other', t('otherInsurance'), true)}
        {text('selfPaid', t('selfPaid'), true)}
      </fieldset>
      <Field label={t('diagnosis')} error={fieldError(errors, 'diagnosis')} hint={t('diagnosisHint')}>
        {(p) => <textarea {...p} {...form.register('diagnosis')} rows={2} />}
      </Field>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('saveAndCompute')}
        </Button>
      </div>
    </form>
  );
}
