'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { RevealDialog } from '@/components/ui/reveal-dialog';
import { createUser, updateUser } from '@/lib/admin/user-actions';
import { revealIdentifiers } from '@/lib/people/worker-actions';
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
  /** Masked: the full values come only on an audited "show". */
  idNumberMasked: string;
  phoneMasked: string;
}

function CommonFields({
  form,
  units,
  identifiers = true,
}: {
  form: ReturnType<typeof useActionForm>['form'];
  units: UnitOption[];
  /** false: the ID number and phone are not part of the form (shown masked by the caller). */
  identifiers?: boolean;
}) {
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
      {identifiers && (
        <>
          <Field label={t('idNumber')} error={fieldError(errors, 'idNumber')} hint={t('idNumberHint')}>
            {(p) => <input {...p} {...form.register('idNumber')} autoComplete="off" maxLength={18} />}
          </Field>
          <Field label={t('phone')} error={fieldError(errors, 'phone')}>
            {(p) => <input {...p} {...form.register('phone')} inputMode="tel" autoComplete="off" />}
          </Field>
        </>
      )}
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
  const { employeeNo: _e, idNumberMasked, phoneMasked, ...defaults } = user;
  const [shown, setShown] = useState(false);
  const { form, onSubmit, formError, saved } = useActionForm(updateUserSchema, updateUser, {
    defaultValues: defaults,
    onSuccess: () => router.refresh(),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4">
      <FormAlert error={formError} success={saved ? 'common.saved' : null} />
      <CommonFields form={form as never} units={units} identifiers={shown} />
      {!shown && (
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-stone-500">{t('people.idNumber')}</dt>
            <dd className="font-mono">{idNumberMasked || '—'}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{t('people.phone')}</dt>
            <dd className="font-mono">{phoneMasked || '—'}</dd>
          </div>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
            <p className="text-stone-600">{t('reveal.locked')}</p>
            <RevealDialog
              run={(reason) => revealIdentifiers({ userId: user.userId, reason })}
              onRevealed={(d) => {
                form.setValue('idNumber', d.idNumber);
                form.setValue('phone', d.phone);
                setShown(true);
              }}
            />
          </div>
        </dl>
      )}
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
