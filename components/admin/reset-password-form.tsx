'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { resetPassword } from '@/lib/admin/user-actions';
import { resetPasswordSchema } from '@/lib/validation/admin';

export function ResetPasswordForm({ userId }: { userId: number }) {
  const t = useTranslations();
  const { form, onSubmit, formError, saved } = useActionForm(resetPasswordSchema, resetPassword, {
    defaultValues: { userId, password: '' },
    onSuccess: () => form.reset({ userId, password: '' }),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert error={formError} success={saved ? 'admin.passwordResetDone' : null} />
      <Field
        label={t('admin.newPassword')}
        error={fieldError(form.formState.errors, 'password')}
        hint={t('admin.resetHint')}
      >
        {(p) => <input {...p} {...form.register('password')} type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
        {t('admin.resetPassword')}
      </Button>
    </form>
  );
}
