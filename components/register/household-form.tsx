'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, listError, useActionForm } from '@/components/ui/use-action-form';
import { RevealDialog } from '@/components/ui/reveal-dialog';
import { fileHousehold, readHouseholdPhone, updateHousehold } from '@/lib/register/household-actions';
import { CATEGORIES, CAUSES, KEEPING_LEVELS, RELATIONS } from '@/db/schema/register';
import { fileHouseholdSchema, updateHouseholdSchema } from '@/lib/validation/register';
import { CheckboxGroup, GroupError } from './checkbox-group';

type DetailsValues = Omit<z.input<typeof updateHouseholdSchema>, 'householdId'>;
type Member = DetailsValues['members'][number];
/** The form's own values (text as typed, income in yuan), built by the page from the file. */
export type HouseholdDetailsDefaults = Required<Omit<DetailsValues, 'members'>> & { members: Member[] };

export interface WorkerOption {
  id: number;
  name: string;
  employeeNo: string;
  unitName: string;
  phoneMasked: string;
}

const emptyMember: Member = {
  name: '',
  relation: 'spouse',
  birthDate: '',
  health: '',
  schoolOrWork: '',
  monthlyIncome: '',
  employeeInsurance: false,
};

/** The category picker's options, with an empty first choice when nothing is chosen yet. */
export function CategoryOptions({ placeholder }: { placeholder?: boolean }) {
  const t = useTranslations();
  return (
    <>
      {placeholder && <option value="">{t('households.choose')}</option>}
      {CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t(`register.categories.${c}`)}
        </option>
      ))}
    </>
  );
}

/** Keeping level, causes, income, housing, contact, notes and the family: shared by filing and editing. */
function DetailsFields({
  form,
  today,
  phonePlaceholder,
}: {
  form: UseFormReturn<DetailsValues>;
  today: string;
  phonePlaceholder?: string;
}) {
  const t = useTranslations();
  const errors = form.formState.errors;
  const members = useFieldArray({ control: form.control, name: 'members' });
  const membersError = listError(errors, 'members');
  const membersErrorId = `${useId()}-members`;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('households.keepingLevel')} error={fieldError(errors, 'keepingLevel')}>
          {(p) => (
            <select {...p} {...form.register('keepingLevel')}>
              {KEEPING_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`register.levels.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('households.monthlyIncome')}
          error={fieldError(errors, 'monthlyIncome')}
          hint={t('households.yuanHint')}
        >
          {(p) => <input {...p} {...form.register('monthlyIncome')} inputMode="decimal" autoComplete="off" />}
        </Field>
      </div>
      <CheckboxGroup
        control={form.control}
        name="causes"
        legend={t('households.causes')}
        hint={t('households.causesHint')}
        options={CAUSES.map((c) => ({ value: c, label: t(`register.causes.${c}`) }))}
        error={fieldError(errors, 'causes')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('households.address')} error={fieldError(errors, 'address')}>
          {(p) => <input {...p} {...form.register('address')} autoComplete="off" />}
        </Field>
        <Field label={t('households.phone')} error={fieldError(errors, 'phone')}>
          {(p) => (
            <input
              {...p}
              {...form.register('phone')}
              inputMode="tel"
              autoComplete="off"
              placeholder={phonePlaceholder}
              readOnly={phonePlaceholder !== undefined}
            />
          )}
        </Field>
      </div>
      <Field label={t('households.housing')} error={fieldError(errors, 'housing')} hint={t('households.housingHint')}>
        {(p) => <input {...p} {...form.register('housing')} autoComplete="off" />}
      </Field>
      <Field label={t('households.notes')} error={fieldError(errors, 'notes')} hint={t('households.notesHint')}>
        {(p) => <textarea {...p} {...form.register('notes')} rows={3} />}
      </Field>

      <fieldset className="space-y-3" aria-describedby={membersErrorId}>
        <legend className="text-base font-semibold">{t('households.members')}</legend>
        <p className="text-xs text-stone-500">{t('households.membersHint')}</p>
        {members.fields.length === 0 && <p className="text-sm text-stone-600">{t('households.noMembers')}</p>}
        {members.fields.map((m, i) => (
          <fieldset key={m.id} className="rounded-md border border-stone-200 p-3">
            <legend className="px-1 text-sm font-medium">{t('households.memberN', { n: i + 1 })}</legend>
            <div className="grid gap-3 sm:grid-cols-3">
              <Field label={t('households.memberName')} error={fieldError(errors, `members.${i}.name`)}>
                {(p) => <input {...p} {...form.register(`members.${i}.name`)} autoComplete="off" />}
              </Field>
              <Field label={t('households.relation')} error={fieldError(errors, `members.${i}.relation`)}>
                {(p) => (
                  <select {...p} {...form.register(`members.${i}.relation`)}>
                    {RELATIONS.map((r) => (
                      <option key={r} value={r}>
                        {t(`register.relations.${r}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('households.birthDate')} error={fieldError(errors, `members.${i}.birthDate`)}>
                {(p) => <input {...p} {...form.register(`members.${i}.birthDate`)} type="date" max={today} />}
              </Field>
              <Field label={t('households.health')} error={fieldError(errors, `members.${i}.health`)}>
                {(p) => <input {...p} {...form.register(`members.${i}.health`)} autoComplete="off" />}
              </Field>
              <Field label={t('households.schoolOrWork')} error={fieldError(errors, `members.${i}.schoolOrWork`)}>
                {(p) => <input {...p} {...form.register(`members.${i}.schoolOrWork`)} autoComplete="off" />}
              </Field>
              <Field
                label={t('households.memberIncome')}
                error={fieldError(errors, `members.${i}.monthlyIncome`)}
                hint={t('households.yuanHint')}
              >
                {(p) => (
                  <input
                    {...p}
                    {...form.register(`members.${i}.monthlyIncome`)}
                    inputMode="decimal"
                    autoComplete="off"
                  />
                )}
              </Field>
            </div>
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input type="checkbox" {...form.register(`members.${i}.employeeInsurance`)} />
              {t('households.employeeInsurance')}
            </label>
            <Button variant="ghost" size="sm" className="mt-2 text-red-700" onClick={() => members.remove(i)}>
              {t('households.removeMember', { n: i + 1 })}
            </Button>
          </fieldset>
        ))}
        <GroupError id={membersErrorId} error={membersError} />
        <Button variant="secondary" size="sm" onClick={() => members.append({ ...emptyMember })}>
          {t('households.addMember')}
        </Button>
      </fieldset>
    </>
  );
}

const KEEPING_FOR_ROLE = { leader: 'mine', branch_official: 'branch', sub_branch_official: 'sub_branch' } as const;

/** 建档: the worker picked from the search results, then the file itself. */
export function FileHouseholdForm({
  workers,
  today,
  actorRole,
}: {
  workers: WorkerOption[];
  today: string;
  actorRole: keyof typeof KEEPING_FOR_ROLE;
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(fileHouseholdSchema, fileHousehold, {
    defaultValues: {
      workerId: workers.length === 1 ? String(workers[0].id) : '',
      category: '' as never,
      keepingLevel: KEEPING_FOR_ROLE[actorRole],
      causes: [],
      monthlyIncome: '',
      housing: '',
      address: '',
      phone: '',
      notes: '',
      members: [],
    },
    onSuccess: ({ id }) => router.push(`/households/${id}`),
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-5">
      <FormAlert error={formError} />
      <fieldset className="space-y-2" aria-describedby="worker-error">
        <legend className="text-base font-semibold">{t('households.pickWorker')}</legend>
        <ul className="max-h-80 divide-y divide-stone-100 overflow-y-auto rounded-md border border-stone-200">
          {workers.map((w) => (
            <li key={w.id}>
              <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-stone-50">
                <input
                  type="radio"
                  value={String(w.id)}
                  {...form.register('workerId')}
                  className="size-4 shrink-0 accent-brand-700"
                />
                <span className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-3 gap-y-0.5">
                  <span className="whitespace-nowrap font-medium">{w.name}</span>
                  <span className="font-mono text-xs text-stone-600">{w.employeeNo}</span>
                  <span className="whitespace-nowrap text-xs text-stone-600">{w.unitName}</span>
                  {w.phoneMasked && (
                    <span className="whitespace-nowrap font-mono text-xs text-stone-500 sm:ml-auto">
                      {w.phoneMasked}
                    </span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <GroupError id="worker-error" error={fieldError(errors, 'workerId')} />
      </fieldset>
      <Field label={t('households.category')} error={fieldError(errors, 'category')}>
        {(p) => (
          <select {...p} {...form.register('category')}>
            <CategoryOptions placeholder />
          </select>
        )}
      </Field>
      <DetailsFields form={form as unknown as UseFormReturn<DetailsValues>} today={today} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('common.working') : t('households.fileSubmit')}
        </Button>
        <ButtonLink href="/households">{t('common.cancel')}</ButtonLink>
      </div>
    </form>
  );
}

/** The details of a file (not its category, which changes through 调档 with a reason). */
export function EditHouseholdForm({
  householdId,
  phoneMasked,
  defaults,
  today,
}: {
  householdId: number;
  /** The page carries the phone masked; the full number is asked for when the form is opened. */
  phoneMasked: string;
  defaults: Omit<HouseholdDetailsDefaults, 'phone'> & { phone: '' };
  today: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(updateHouseholdSchema, updateHousehold, {
    defaultValues: { householdId, ...defaults },
    onSuccess: () => router.refresh(),
  });
  const [phone, setPhone] = useState<string | null>(null);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert error={formError} success={saved ? 'common.saved' : null} />
      {phone === null && (
        <div className="flex flex-wrap items-center gap-3 text-sm text-stone-600">
          <p>{t('reveal.locked')}</p>
          <RevealDialog
            run={(reason) => readHouseholdPhone({ householdId, reason })}
            onRevealed={(d) => {
              setPhone(d.phone);
              form.resetField('phone', { defaultValue: d.phone });
            }}
          />
        </div>
      )}
      <DetailsFields
        form={form as unknown as UseFormReturn<DetailsValues>}
        today={today}
        phonePlaceholder={phone === null ? phoneMasked : undefined}
      />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting || phone === null}>
          {form.formState.isSubmitting ? t('common.working') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
