'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { changePasswordSchema } from '@/lib/validation/auth';
import { changePassword } from '@/lib/auth/password-actions';

export function ChangePasswordForm({ changed }: { changed: boolean }) {
  const t = useTranslations('account');
  const empty = { currentPassword: '', newPassword: '', confirmPassword: '' };
  // Success arrives as a redirect to ?changed=1 (see the action), not as a result.
  const { form, onSubmit, formError } = useActionForm(changePasswordSchema, changePassword, { defaultValues: empty });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert error={formError} success={changed && !formError ? 'account.changedDone' : null} />
      <Field label={t('current')} error={fieldError(errors, 'currentPassword')}>
        {(p) => <input {...p} {...form.register('currentPassword')} type="password" autoComplete="current-password" />}
      </Field>
      <Field label={t('new')} error={fieldError(errors, 'newPassword')} hint={t('passwordRule')}>
        {(p) => <input {...p} {...form.register('newPassword')} type="password" autoComplete="new-password" />}
      </Field>
      <Field label={t('confirm')} error={fieldError(errors, 'confirmPassword')}>
        {(p) => <input {...p} {...form.register('confirmPassword')} type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t('submit')}
      </Button>
    </form>
  );
}
