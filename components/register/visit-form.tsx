'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, listError, useActionForm } from '@/components/ui/use-action-form';
import { recordVisit } from '@/lib/register/household-actions';
import { SIX_KNOWS } from '@/db/schema/register';
import { visitSchema } from '@/lib/validation/register';
import { CheckboxGroup, GroupError } from './checkbox-group';
import type { PersonOption } from './household-actions';

/** 家访: who went, which of the six knows were checked, and each appeal heard with its owner. */
export function VisitForm({
  householdId,
  today,
  owners,
}: {
  householdId: number;
  today: string;
  owners: PersonOption[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const empty = { householdId, visitedOn: today, visitors: '', knows: [], notes: '', appeals: [] };
  const { form, onSubmit, formError, saved } = useActionForm(visitSchema, recordVisit, {
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  const appeals = useFieldArray({ control: form.control, name: 'appeals' });
  const appealsErrorId = `${useId()}-appeals`;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert error={formError} success={saved ? 'households.visitSaved' : null} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('households.visitedOn')} error={fieldError(errors, 'visitedOn')}>
          {(p) => <input {...p} {...form.register('visitedOn')} type="date" max={today} />}
        </Field>
        <Field
          label={t('households.visitors')}
          error={fieldError(errors, 'visitors')}
          hint={t('households.visitorsHint')}
        >
          {(p) => <input {...p} {...form.register('visitors')} autoComplete="off" />}
        </Field>
      </div>
      <CheckboxGroup
        control={form.control}
        name="knows"
        legend={t('households.sixKnows')}
        hint={t('households.sixKnowsHint')}
        options={SIX_KNOWS.map((k) => ({ value: k, label: t(`register.knows.${k}`) }))}
        error={fieldError(errors, 'knows')}
      />
      <Field label={t('households.visitNotes')} error={fieldError(errors, 'notes')} hint={t('households.notesHint')}>
        {(p) => <textarea {...p} {...form.register('notes')} rows={3} />}
      </Field>
      <fieldset className="space-y-3" aria-describedby={appealsErrorId}>
        <legend className="text-base font-semibold">{t('households.appeals')}</legend>
        <p className="text-xs text-stone-500">{t('households.appealsHint')}</p>
        {appeals.fields.map((a, i) => (
          <fieldset key={a.id} className="rounded-md border border-stone-200 p-3">
            <legend className="px-1 text-sm font-medium">{t('households.appealN', { n: i + 1 })}</legend>
            <div className="grid gap-3">
              <Field label={t('households.appealText')} error={fieldError(errors, `appeals.${i}.appeal`)}>
                {(p) => <textarea {...p} {...form.register(`appeals.${i}.appeal`)} rows={2} />}
              </Field>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label={t('households.owner')} error={fieldError(errors, `appeals.${i}.ownerId`)}>
                  {(p) => (
                    <select {...p} {...form.register(`appeals.${i}.ownerId`)}>
                      <option value="">{t('households.choose')}</option>
                      {owners.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('households.dueOn')} error={fieldError(errors, `appeals.${i}.dueOn`)}>
                  {(p) => <input {...p} {...form.register(`appeals.${i}.dueOn`)} type="date" min={today} />}
                </Field>
              </div>
            </div>
            <Button variant="ghost" size="sm" className="mt-2 text-red-700" onClick={() => appeals.remove(i)}>
              {t('households.removeAppeal', { n: i + 1 })}
            </Button>
          </fieldset>
        ))}
        <GroupError id={appealsErrorId} error={listError(errors, 'appeals')} />
        <Button variant="secondary" size="sm" onClick={() => appeals.append({ appeal: '', ownerId: '', dueOn: '' })}>
          {t('households.addAppeal')}
        </Button>
      </fieldset>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('common.working') : t('households.recordVisit')}
        </Button>
      </div>
    </form>
  );
}
