'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import {
  addPremiumEntry,
  changePremiumEntry,
  openBatch,
  payBatch,
  setPremiumIdNumber,
} from '@/lib/premiums/premium-actions';
import {
  addPremiumEntrySchema,
  openBatchSchema,
  payBatchSchema,
  premiumEntryChangeSchema,
  premiumIdNumberSchema,
} from '@/lib/validation/premiums';

/** A leader opens the year's batch: the year, the per-person rate and the budget, in yuan. */
export function OpenBatchForm({ year }: { year: number }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(openBatchSchema, openBatch, {
    defaultValues: { year: String(year), rate: '', budget: '' },
    onSuccess: (data) => router.push(`/premiums/${data.id}`),
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('premiums.open')}>
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('premiums.year')} error={fieldError(errors, 'year')}>
          {(p) => <input {...p} {...form.register('year')} inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field label={t('premiums.rate')} error={fieldError(errors, 'rate')} hint={t('premiums.yuanHint')}>
          {(p) => <input {...p} {...form.register('rate')} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field label={t('premiums.budget')} error={fieldError(errors, 'budget')} hint={t('premiums.yuanHint')}>
          {(p) => <input {...p} {...form.register('budget')} inputMode="decimal" autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
          {t('premiums.open')}
        </Button>
      </div>
    </form>
  );
}

/** An official adds a family member by the worker's employee number and the member's name, with a reason. */
export function AddPremiumForm({ batchId }: { batchId: number }) {
  const t = useTranslations();
  const router = useRouter();
  const empty = { batchId, employeeNo: '', memberName: '', reason: '' };
  const { form, onSubmit, formError, saved } = useActionForm(addPremiumEntrySchema, addPremiumEntry, {
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('premiums.add')}>
      <FormAlert error={formError} success={saved ? 'premiums.saved' : null} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('premiums.employeeNo')} error={fieldError(errors, 'employeeNo')}>
          {(p) => <input {...p} {...form.register('employeeNo')} autoComplete="off" />}
        </Field>
        <Field label={t('premiums.memberName')} error={fieldError(errors, 'memberName')}>
          {(p) => <input {...p} {...form.register('memberName')} autoComplete="off" />}
        </Field>
        <Field label={t('premiums.reason')} error={fieldError(errors, 'reason')}>
          {(p) => <input {...p} {...form.register('reason')} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('premiums.addButton')}
        </Button>
      </div>
    </form>
  );
}

/** Remove a person from the list or put them back, with the reason. */
export function PremiumChangeForm({
  entryId,
  version,
  change,
}: {
  entryId: number;
  version: number;
  change: 'remove' | 'restore';
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(premiumEntryChangeSchema, changePremiumEntry, {
    defaultValues: { entryId, version, change, reason: '' },
    onSuccess: () => router.refresh(),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-2">
      <FormAlert error={formError} />
      <Field label={t('premiums.changeReason')} error={fieldError(form.formState.errors, 'reason')}>
        {(p) => <input {...p} {...form.register('reason')} autoComplete="off" />}
      </Field>
      <div>
        <Button
          type="submit"
          variant={change === 'remove' ? 'danger' : 'secondary'}
          size="sm"
          disabled={form.formState.isSubmitting}
        >
          {t(change === 'remove' ? 'premiums.remove' : 'premiums.restore')}
        </Button>
      </div>
    </form>
  );
}

/** The person's ID number, as the social insurance office needs it. */
export function PremiumIdNumberForm({ entryId, version }: { entryId: number; version: number }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(premiumIdNumberSchema, setPremiumIdNumber, {
    defaultValues: { entryId, version, idNumber: '' },
    onSuccess: () => router.refresh(),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-2">
      <FormAlert error={formError} />
      <Field label={t('premiums.idNumber')} error={fieldError(form.formState.errors, 'idNumber')}>
        {(p) => <input {...p} {...form.register('idNumber')} autoComplete="off" />}
      </Field>
      <div>
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          {t('premiums.saveIdNumber')}
        </Button>
      </div>
    </form>
  );
}

/** The leader records the batch's one payment to the social insurance office. */
export function PayBatchForm({ batchId, version, today }: { batchId: number; version: number; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(payBatchSchema, payBatch, {
    defaultValues: { batchId, version, paidOn: today, reference: '' },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('premiums.pay')}>
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('premiums.paidOn')} error={fieldError(errors, 'paidOn')}>
          {(p) => <input {...p} {...form.register('paidOn')} type="date" max={today} />}
        </Field>
        <Field label={t('premiums.reference')} error={fieldError(errors, 'reference')}>
          {(p) => <input {...p} {...form.register('reference')} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
          {t('premiums.pay')}
        </Button>
      </div>
    </form>
  );
}
