'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useController } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, listError, useActionForm } from '@/components/ui/use-action-form';
import { opinionToTask, recordSymposium } from '@/lib/register/symposium-actions';
import { opinionTaskSchema, symposiumSchema } from '@/lib/validation/register';
import { CheckboxGroup, GroupError } from './checkbox-group';
import type { PersonOption } from './household-actions';

/** 座谈会: date, place, the policies explained, the households present and the opinions heard. */
export function SymposiumForm({ households, today }: { households: PersonOption[]; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const empty = { heldOn: today, place: '', policies: '', householdIds: [], opinions: [] };
  const { form, onSubmit, formError, saved } = useActionForm(symposiumSchema, recordSymposium, {
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  // Opinions are plain strings, which useFieldArray does not manage: one controlled array instead.
  const { field: opinions } = useController({ control: form.control, name: 'opinions' });
  const list: string[] = Array.isArray(opinions.value) ? (opinions.value as string[]) : [];
  const opinionsErrorId = `${useId()}-opinions`;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert error={formError} success={saved ? 'symposiums.saved' : null} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('symposiums.heldOn')} error={fieldError(errors, 'heldOn')}>
          {(p) => <input {...p} {...form.register('heldOn')} type="date" max={today} />}
        </Field>
        <Field label={t('symposiums.place')} error={fieldError(errors, 'place')}>
          {(p) => <input {...p} {...form.register('place')} autoComplete="off" />}
        </Field>
      </div>
      <Field
        label={t('symposiums.policies')}
        error={fieldError(errors, 'policies')}
        hint={t('symposiums.policiesHint')}
      >
        {(p) => <textarea {...p} {...form.register('policies')} rows={3} />}
      </Field>
      {households.length > 0 ? (
        <CheckboxGroup
          control={form.control}
          name="householdIds"
          legend={t('symposiums.present')}
          hint={t('symposiums.presentHint')}
          options={households.map((h) => ({ value: String(h.id), label: h.label }))}
          error={listError(errors, 'householdIds')}
          className="max-h-64 flex-col overflow-y-auto rounded-md border border-stone-200 px-3 py-1"
        />
      ) : (
        <p className="text-sm text-stone-600">{t('symposiums.noHouseholds')}</p>
      )}
      <fieldset className="space-y-3" aria-describedby={opinionsErrorId}>
        <legend className="text-base font-semibold">{t('symposiums.opinions')}</legend>
        <p className="text-xs text-stone-500">{t('symposiums.opinionsHint')}</p>
        {list.map((text, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-start">
            <Field label={t('symposiums.opinionN', { n: i + 1 })} error={fieldError(errors, `opinions.${i}`)}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  name={`opinions.${i}`}
                  value={text}
                  onChange={(e) => opinions.onChange(list.map((x, j) => (j === i ? e.target.value : x)))}
                  onBlur={opinions.onBlur}
                />
              )}
            </Field>
            <Button
              variant="ghost"
              size="sm"
              className="text-red-700 sm:mt-6"
              onClick={() => opinions.onChange(list.filter((_, j) => j !== i))}
            >
              {t('symposiums.removeOpinion', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <GroupError id={opinionsErrorId} error={fieldError(errors, 'opinions')} />
        <Button variant="secondary" size="sm" onClick={() => opinions.onChange([...list, ''])}>
          {t('symposiums.addOpinion')}
        </Button>
      </fieldset>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('common.working') : t('symposiums.record')}
        </Button>
      </div>
    </form>
  );
}

/** An opinion becomes a task (办实事) with an owner and a due date; once only. */
export function OpinionTaskForm({
  opinionId,
  owners,
  today,
}: {
  opinionId: number;
  owners: PersonOption[];
  today: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(opinionTaskSchema, opinionToTask, {
    defaultValues: { opinionId, ownerId: '', dueOn: '' },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="mt-2 grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-start"
    >
      <div className="sm:col-span-3">
        <FormAlert error={formError} />
      </div>
      <Field label={t('tasks.owner')} error={fieldError(errors, 'ownerId')}>
        {(p) => (
          <select {...p} {...form.register('ownerId')}>
            <option value="">{t('households.choose')}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('tasks.dueOn')} error={fieldError(errors, 'dueOn')}>
        {(p) => <input {...p} {...form.register('dueOn')} type="date" min={today} />}
      </Field>
      <Button type="submit" size="sm" className="justify-self-start sm:mt-6" disabled={form.formState.isSubmitting}>
        {t('symposiums.toTask')}
      </Button>
    </form>
  );
}
