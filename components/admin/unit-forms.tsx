'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { createUnit, moveUnit, renameUnit } from '@/lib/admin/unit-actions';
import { createUnitSchema, moveUnitSchema, renameUnitSchema } from '@/lib/validation/admin';

interface Option {
  id: number;
  chain: string;
}

export function CreateUnitForm({ parents }: { parents: Option[] }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(createUnitSchema, createUnit, {
    defaultValues: { parentId: parents[0]?.id, name: '', code: '' },
    onSuccess: () => {
      form.reset({ parentId: form.getValues('parentId'), name: '', code: '' });
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormAlert error={formError} success={saved ? 'common.saved' : null} />
      <Field label={t('units.parent')} error={fieldError(errors, 'parentId')}>
        {(p) => (
          <select {...p} {...form.register('parentId')}>
            {parents.map((u) => (
              <option key={u.id} value={u.id}>
                {u.chain}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('units.name')} error={fieldError(errors, 'name')}>
        {(p) => <input {...p} {...form.register('name')} autoComplete="off" />}
      </Field>
      <Field label={t('units.code')} error={fieldError(errors, 'code')} hint={t('units.codeHint')}>
        {(p) => <input {...p} {...form.register('code')} autoComplete="off" />}
      </Field>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('units.add')}
        </Button>
      </div>
    </form>
  );
}

/** Rename, and for a unit that can move, a new parent; each its own small form. */
export function UnitEditor({
  unit,
  parents,
}: {
  unit: { id: number; name: string; parentId: number | null };
  parents: Option[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const rename = useActionForm(renameUnitSchema, renameUnit, {
    defaultValues: { unitId: unit.id, name: unit.name },
    onSuccess: () => router.refresh(),
  });
  const move = useActionForm(moveUnitSchema, moveUnit, {
    defaultValues: { unitId: unit.id, newParentId: unit.parentId ?? undefined },
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="grid gap-4 py-2 sm:grid-cols-2">
      <form method="post" onSubmit={rename.onSubmit} noValidate className="space-y-2">
        <FormAlert error={rename.formError} success={rename.saved ? 'common.saved' : null} />
        <Field label={t('units.newName')} error={fieldError(rename.form.formState.errors, 'name')}>
          {(p) => <input {...p} {...rename.form.register('name')} autoComplete="off" />}
        </Field>
        <Button type="submit" size="sm" variant="secondary" disabled={rename.form.formState.isSubmitting}>
          {t('units.rename')}
        </Button>
      </form>
      {parents.length > 0 && (
        <form method="post" onSubmit={move.onSubmit} noValidate className="space-y-2">
          <FormAlert error={move.formError} success={move.saved ? 'common.saved' : null} />
          <Field
            label={t('units.moveTo')}
            error={fieldError(move.form.formState.errors, 'newParentId')}
            hint={t('units.moveHint')}
          >
            {(p) => (
              <select {...p} {...move.form.register('newParentId')}>
                {parents.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.chain}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button type="submit" size="sm" variant="secondary" disabled={move.form.formState.isSubmitting}>
            {t('units.move')}
          </Button>
        </form>
      )}
    </div>
  );
}
