'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { createUser, updateUser } from '@/lib/admin/user-actions';
import { ROLES, type Role } from '@/lib/roles';
import { createUserSchema, updateUserSchema } from '@/lib/validation/admin';

export interface UnitOption {
  id: number;
  chain: string;
}

export interface EditableUser {
  userId: number;
  employeeNo: string;
  name: string;
  role: Role;
  unitId: number;
  idNumber: string;
  phone: string;
}

function CommonFields({ form, units }: { form: ReturnType<typeof useActionForm>['form']; units: UnitOption[] }) {
  const t = useTranslations('people');
  const tr = useTranslations('roles');
  const errors = form.formState.errors;
  return (
    <>
      <Field label={t('name')} error={fieldError(errors, 'name')}>
        {(p) => <input {...p} {...form.register('name')} autoComplete="off" />}
      </Field>
      <Field label={t('role')} error={fieldError(errors, 'role')}>
        {(p) => (
          <select {...p} {...form.register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('unit')} error={fieldError(errors, 'unitId')} hint={t('unitHint')}>
        {(p) => (
          <select {...p} {...form.register('unitId')}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.chain}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('idNumber')} error={fieldError(errors, 'idNumber')} hint={t('idNumberHint')}>
        {(p) => <input {...p} {...form.register('idNumber')} autoComplete="off" maxLength={18} />}
      </Field>
      <Field label={t('phone')} error={fieldError(errors, 'phone')}>
        {(p) => <input {...p} {...form.register('phone')} inputMode="tel" autoComplete="off" />}
      </Field>
    </>
  );
}

export function CreateUserForm({ units }: { units: UnitOption[] }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(createUserSchema, createUser, {
    defaultValues: {
      employeeNo: '',
      name: '',
      role: 'worker',
      unitId: units[0]?.id,
      idNumber: '',
      phone: '',
      password: '',
    },
    onSuccess: ({ id }) => router.push(`/admin/users/${id}`),
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4">
      <FormAlert error={formError} />
      <Field label={t('people.employeeNo')} error={fieldError(errors, 'employeeNo')} hint={t('people.employeeNoHint')}>
        {(p) => <input {...p} {...form.register('employeeNo')} autoComplete="off" />}
      </Field>
      <CommonFields form={form as never} units={units} />
      <Field label={t('admin.initialPassword')} error={fieldError(errors, 'password')} hint={t('account.passwordRule')}>
        {(p) => <input {...p} {...form.register('password')} type="password" autoComplete="new-password" />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('common.create')}
        </Button>
        <ButtonLink href="/admin/users">{t('common.cancel')}</ButtonLink>
      </div>
    </form>
  );
}

export function EditUserForm({ user, units }: { user: EditableUser; units: UnitOption[] }) {
  const t = useTranslations();
  const router = useRouter();
  const { employeeNo: _e, ...defaults } = user;
  const { form, onSubmit, formError, saved } = useActionForm(updateUserSchema, updateUser, {
    defaultValues: defaults,
    onSuccess: () => router.refresh(),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4">
      <FormAlert error={formError} success={saved ? 'common.saved' : null} />
      <CommonFields form={form as never} units={units} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
