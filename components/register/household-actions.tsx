'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import {
  assignHelper,
  changeCategory,
  exitHousehold,
  refileHousehold,
  reviewHousehold,
} from '@/lib/register/household-actions';
import type { Category, HelperKind } from '@/db/schema';
import {
  assignHelperSchema,
  changeCategorySchema,
  exitSchema,
  refileSchema,
  reviewSchema,
} from '@/lib/validation/register';
import { CategoryOptions } from './household-form';

export interface PersonOption {
  id: number;
  label: string;
}

/** 调档: a new category, with the reason kept on the timeline. */
export function ChangeCategoryForm({ householdId }: { householdId: number }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(changeCategorySchema, changeCategory, {
    defaultValues: { householdId, toCategory: '' as never, reason: '' },
    onSuccess: () => {
      form.reset({ householdId, toCategory: '' as never, reason: '' });
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormAlert error={formError} success={saved ? 'common.saved' : null} />
      <Field label={t('households.newCategory')} error={fieldError(errors, 'toCategory')}>
        {(p) => (
          <select {...p} {...form.register('toCategory')}>
            <CategoryOptions placeholder />
          </select>
        )}
      </Field>
      <Field label={t('households.reason')} error={fieldError(errors, 'reason')}>
        {(p) => <textarea {...p} {...form.register('reason')} rows={2} />}
      </Field>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('households.changeCategorySubmit')}
        </Button>
      </div>
    </form>
  );
}

/** 年度复核: confirm or change the category; the next review falls a year on. */
export function ReviewForm({ householdId, current }: { householdId: number; current: Category }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(reviewSchema, reviewHousehold, {
    defaultValues: { householdId, category: current, reason: '' },
    onSuccess: () => {
      form.reset({ householdId, category: form.getValues('category'), reason: '' });
      router.refresh();
    },
  });
  // The category may have changed (here or through 调档): start from the current one again.
  useEffect(() => form.reset({ householdId, category: current, reason: '' }), [form, householdId, current]);
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormAlert error={formError} success={saved ? 'common.saved' : null} />
      <Field
        label={t('households.reviewCategory')}
        error={fieldError(errors, 'category')}
        hint={t('households.reviewHint')}
      >
        {(p) => (
          <select {...p} {...form.register('category')}>
            <CategoryOptions />
          </select>
        )}
      </Field>
      <Field label={t('households.reasonOptional')} error={fieldError(errors, 'reason')}>
        {(p) => <textarea {...p} {...form.register('reason')} rows={2} />}
      </Field>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('households.reviewSubmit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * 脱困: date and reason, checked first, then a confirmation dialog that spells out what follows
 * (the file leaves the register and the helpers' terms end) before anything is sent.
 */
export function ExitForm({
  householdId,
  today,
  workerName,
}: {
  householdId: number;
  today: string;
  workerName: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const formId = useId();
  const [asking, setAsking] = useState(false);
  const { form, onSubmit, formError } = useActionForm(exitSchema, exitHousehold, {
    defaultValues: { householdId, exitedOn: today, reason: '' },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  const ask = async () => {
    if (await form.trigger()) setAsking(true);
  };
  const submitting = form.formState.isSubmitting;
  return (
    <form
      id={formId}
      onSubmit={async (e) => {
        // Enter in a field submits the form: ask first, as the button does.
        if (!asking) {
          e.preventDefault();
          await ask();
          return;
        }
        await onSubmit(e);
        setAsking(false);
      }}
      noValidate
      className="grid gap-3"
    >
      <FormAlert error={formError} />
      <Field label={t('households.exitedOn')} error={fieldError(errors, 'exitedOn')}>
        {(p) => <input {...p} {...form.register('exitedOn')} type="date" max={today} />}
      </Field>
      <Field label={t('households.exitReason')} error={fieldError(errors, 'reason')}>
        {(p) => <textarea {...p} {...form.register('reason')} rows={2} />}
      </Field>
      <div>
        <Button variant="danger" onClick={ask}>
          {t('households.exit')}
        </Button>
      </div>
      <AlertDialog open={asking} onOpenChange={setAsking}>
        <AlertDialogContent>
          <AlertDialogTitle>{t('households.exitConfirmTitle', { name: workerName })}</AlertDialogTitle>
          <AlertDialogDescription>{t('households.exitConfirmBody')}</AlertDialogDescription>
          <AlertDialogFooter>
            <AlertDialogCancel>{t('common.cancel')}</AlertDialogCancel>
            {/* The dialog is drawn outside the form (in a portal): the button names its form. */}
            <Button type="submit" form={formId} variant="danger" disabled={submitting}>
              {submitting ? t('common.working') : t('households.exitConfirm')}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </form>
  );
}

/** Filed again after leaving: the same file, its history kept. */
export function RefileForm({ householdId, current }: { householdId: number; current: Category }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(refileSchema, refileHousehold, {
    defaultValues: { householdId, category: current, reason: '' },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormAlert error={formError} />
      <Field label={t('households.category')} error={fieldError(errors, 'category')}>
        {(p) => (
          <select {...p} {...form.register('category')}>
            <CategoryOptions />
          </select>
        )}
      </Field>
      <Field label={t('households.reason')} error={fieldError(errors, 'reason')}>
        {(p) => <textarea {...p} {...form.register('reason')} rows={2} />}
      </Field>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('households.refileSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** One helper kind: pick (or replace) the person; the previous term ends today. */
export function AssignHelperForm({
  householdId,
  kind,
  currentUserId,
  options,
}: {
  householdId: number;
  kind: HelperKind;
  currentUserId: number | null;
  options: PersonOption[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(assignHelperSchema, assignHelper, {
    defaultValues: { householdId, kind, userId: currentUserId ? String(currentUserId) : '' },
    onSuccess: () => router.refresh(),
  });
  const kindLabel = t(`register.helperKinds.${kind}`);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-2">
      <FormAlert error={formError} success={saved ? 'common.saved' : null} />
      <Field
        label={t('households.pickHelper', { kind: kindLabel })}
        error={fieldError(form.formState.errors, 'userId')}
      >
        {(p) => (
          <select {...p} {...form.register('userId')}>
            <option value="">{t('households.choose')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div>
        <Button type="submit" size="sm" variant="secondary" disabled={form.formState.isSubmitting}>
          {currentUserId ? t('households.replaceHelper') : t('households.assignHelper')}
        </Button>
      </div>
    </form>
  );
}
