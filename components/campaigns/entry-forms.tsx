'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import {
  addEntry,
  changeEntry,
  recordHandover,
  recordPersonHandover,
  setPublicList,
  setQuota,
  uploadSheet,
} from '@/lib/campaigns/campaign-actions';
import { HANDOVER_METHODS } from '@/lib/campaigns/rules';
import { addEntrySchema, entryChangeSchema, handoverSchema, quotaSchema } from '@/lib/validation/campaigns';

/** An official adds a household of their units by the worker's employee number, with a reason. */
export function AddEntryForm({ campaignId }: { campaignId: number }) {
  const t = useTranslations();
  const router = useRouter();
  const empty = { campaignId, employeeNo: '', cash: '', items: '', reason: '', amountReason: '' };
  const { form, onSubmit, formError, saved } = useActionForm(addEntrySchema, addEntry, {
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('campaigns.add')}>
      <FormAlert error={formError} success={saved ? 'campaigns.saved' : null} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('campaigns.employeeNo')} error={fieldError(errors, 'employeeNo')}>
          {(p) => <input {...p} {...form.register('employeeNo')} autoComplete="off" />}
        </Field>
        <Field label={t('campaigns.reason')} error={fieldError(errors, 'reason')}>
          {(p) => <input {...p} {...form.register('reason')} autoComplete="off" />}
        </Field>
        <Field label={t('campaigns.cash')} error={fieldError(errors, 'cash')} hint={t('campaigns.cashHint')}>
          {(p) => <input {...p} {...form.register('cash')} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field label={t('campaigns.items')} error={fieldError(errors, 'items')} hint={t('campaigns.itemsHint')}>
          {(p) => <input {...p} {...form.register('items')} autoComplete="off" />}
        </Field>
        <Field label={t('campaigns.amountReason')} error={fieldError(errors, 'amountReason')}>
          {(p) => <input {...p} {...form.register('amountReason')} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('campaigns.addButton')}
        </Button>
      </div>
    </form>
  );
}

/** Remove, mark unreachable or restore one entry, with the reason. */
export function EntryChangeForm({
  entryId,
  version,
  changes,
}: {
  entryId: number;
  version: number;
  changes: readonly ('remove' | 'unreachable' | 'restore')[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(entryChangeSchema, changeEntry, {
    defaultValues: { entryId, version, change: changes[0], reason: '' },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  const label = { remove: 'campaigns.remove', unreachable: 'campaigns.markUnreachable', restore: 'campaigns.restore' };
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-2">
      <FormAlert error={formError} />
      <Field label={t('campaigns.changeReason')} error={fieldError(errors, 'reason')}>
        {(p) => <input {...p} {...form.register('reason')} autoComplete="off" />}
      </Field>
      <div className="flex flex-wrap gap-2">
        {changes.map((c) => (
          <Button
            key={c}
            type="submit"
            variant={c === 'remove' ? 'danger' : 'secondary'}
            size="sm"
            disabled={form.formState.isSubmitting}
            onClick={() => form.setValue('change', c)}
          >
            {t(label[c])}
          </Button>
        ))}
      </div>
    </form>
  );
}

/**
 * One hand-over: date, how, who handed over and who received (or the transfer's reference). A
 * household's entry by its version; a survivor's or lone elderly person's (`person`) by the person
 * action, whose schema has no version (the one sent is dropped).
 */
export function HandoverForm({
  entryId,
  version = 1,
  today,
  person = false,
}: {
  entryId: number;
  version?: number;
  today: string;
  person?: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const act = person ? (recordPersonHandover as unknown as typeof recordHandover) : recordHandover;
  const { form, onSubmit, formError } = useActionForm(handoverSchema, act, {
    defaultValues: {
      entryId,
      version,
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

/** A leader's change to one branch's quota. */
export function QuotaForm({ campaignId, branchId, quota }: { campaignId: number; branchId: number; quota: number }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(quotaSchema, setQuota, {
    defaultValues: { campaignId, branchId, quota: String(quota) },
    onSuccess: () => router.refresh(),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      <FormAlert error={formError} />
      <Field label={t('campaigns.quota')} error={fieldError(form.formState.errors, 'quota')}>
        {(p) => <input {...p} {...form.register('quota')} inputMode="numeric" className={`${p.className} w-24`} />}
      </Field>
      <Button type="submit" size="sm" variant="secondary" disabled={form.formState.isSubmitting}>
        {t('campaigns.saveQuota')}
      </Button>
    </form>
  );
}

/** The signed sign-for list of one sub-branch: a real file input posted as FormData. */
export function SheetUploadForm({ campaignId, unitId }: { campaignId: number; unitId: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      method="post"
      encType="multipart/form-data"
      className="grid gap-2"
      aria-label={t('campaigns.uploadSheet')}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await uploadSheet(data as never);
          if (result.ok) {
            setError(null);
            setFileError(undefined);
            router.refresh();
          } else {
            setError(result.error);
            setFileError(result.fieldErrors?.file?.[0]);
          }
        });
      }}
    >
      <FormAlert error={fileError ? null : error} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="unitId" value={unitId} />
      <Field label={t('campaigns.sheetFile')} error={fileError}>
        {(p) => <input {...p} name="file" type="file" accept="application/pdf,image/jpeg,image/png" required />}
      </Field>
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {t('campaigns.uploadSheet')}
        </Button>
      </div>
    </form>
  );
}

/** The leader publishes the approved list (names masked) or withdraws it. */
export function PublicListToggle({ campaignId, publicList }: { campaignId: number; publicList: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="grid gap-2">
      <FormAlert error={error} />
      <p className="text-sm">{t(publicList ? 'campaigns.publicListOn' : 'campaigns.publicListOff')}</p>
      <div>
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const r = await setPublicList({ campaignId, publicList: !publicList });
              if (r.ok) router.refresh();
              else setError(r.error);
            })
          }
        >
          {t(publicList ? 'campaigns.unpublish' : 'campaigns.publish')}
        </Button>
      </div>
    </div>
  );
}
