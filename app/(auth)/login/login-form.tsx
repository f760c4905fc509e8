'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { loginSchema } from '@/lib/validation/auth';
import { login } from '@/lib/auth/login-actions';

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations('login');
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(loginSchema, login, {
    defaultValues: { employeeNo: '', password: '' },
    onSuccess: () => {
      router.replace(next);
      router.refresh();
    },
  });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert error={formError} />
      <Field label={t('employeeNo')} error={fieldError(errors, 'employeeNo')}>
        {(p) => <input {...p} {...form.register('employeeNo')} autoComplete="username" autoCapitalize="characters" />}
      </Field>
      <Field label={t('password')} error={fieldError(errors, 'password')}>
        {(p) => <input {...p} {...form.register('password')} type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting || (isSubmitSuccessful && !formError)}>
        {isSubmitting ? t('signingIn') : t('submit')}
      </Button>
    </form>
  );
}
