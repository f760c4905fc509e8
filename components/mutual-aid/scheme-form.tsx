'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useFieldArray, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { addSchemeVersion, createScheme } from '@/lib/mutual-aid/scheme-actions';
import { CLAIM_DOCUMENTS, SCHEME_KINDS, type SchemeKind } from '@/lib/mutual-aid/rules';
import { schemeSchema } from '@/lib/validation/mutual-aid';
import { mutualPaths } from '@/lib/mutual-aid/paths';

export interface SchemeFormDefaults {
  effectiveOn: string;
  contribution: string;
  union: string;
  unit: string;
  member: string;
  maxShares: string;
  termYears: string;
  windowStart: string;
  windowEnd: string;
  waitingDays: string;
  renewalGraceDays: string;
  filingDeadline: string;
  publish: boolean;
  documents: (typeof CLAIM_DOCUMENTS)[number][];
  cap: string;
  deductible: string;
  bands: { upto: string; rate: string }[];
  items: { code: string; zh: string; en: string; amount: string }[];
  hospitalDay: string;
  maxHospitalDays: string;
  minAge: string;
  maxAge: string;
}

/**
 * A leader's scheme form: a new scheme (code, kind, names and its first version) or, with `scheme`,
 * a new version of an existing one effective from its date. Only the kind's own payout fields show.
 */
export function SchemeForm({
  scheme,
  defaults,
}: {
  scheme?: { id: number; kind: SchemeKind; code: string; nameZh: string; nameEn: string };
  defaults: SchemeFormDefaults;
}) {
  const t = useTranslations('mutual');
  const router = useRouter();
  const submit = scheme
    ? (input: Record<string, unknown>) => addSchemeVersion({ ...input, schemeId: scheme.id } as never)
    : (input: Record<string, unknown>) => createScheme(input as never);
  const { form, onSubmit, formError } = useActionForm(schemeSchema, submit as never, {
    defaultValues: {
      code: scheme?.code ?? '',
      kind: scheme?.kind ?? 'medical',
      nameZh: scheme?.nameZh ?? '',
      nameEn: scheme?.nameEn ?? '',
      ...defaults,
    } as never,
    onSuccess: () => router.push(mutualPaths.schemes),
  });
  const errors = form.formState.errors;
  const kind = useWatch({ control: form.control, name: 'kind' }) as SchemeKind;
  const bands = useFieldArray({ control: form.control, name: 'bands' as never });
  const items = useFieldArray({ control: form.control, name: 'items' as never });
  const text = (name: string, label: string, hint?: string, inputMode?: 'decimal' | 'numeric') => (
    <Field label={label} hint={hint} error={fieldError(errors, name)}>
      {(p) => <input {...p} {...form.register(name as never)} inputMode={inputMode} autoComplete="off" />}
    </Field>
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert error={formError} />
      {!scheme && (
        <div className="grid gap-4 sm:grid-cols-2">
          {text('code', t('code'), t('codeHint'))}
          <Field label={t('kind')} error={fieldError(errors, 'kind')}>
            {(p) => (
              <select {...p} {...form.register('kind')}>
                {SCHEME_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('nameZh', t('nameZh'))}
          {text('nameEn', t('nameEn'))}
        </div>
      )}
      <fieldset className="grid gap-4 rounded-md border border-stone-200 p-3 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t('versionRules')}</legend>
        <Field label={t('effectiveOn')} error={fieldError(errors, 'effectiveOn')}>
          {(p) => <input {...p} {...form.register('effectiveOn')} type="date" />}
        </Field>
        {text('contribution', t('contribution'), t('contributionHint'), 'decimal')}
        {text('union', t('splitUnion'), undefined, 'decimal')}
        {text('unit', t('splitUnit'), undefined, 'decimal')}
        {text('member', t('splitMember'), undefined, 'decimal')}
        {text('maxShares', t('maxShares'), undefined, 'numeric')}
        {text('termYears', t('termYears'), undefined, 'numeric')}
        {text('windowStart', t('windowStart'), t('monthDayHint'))}
        {text('windowEnd', t('windowEnd'), t('monthDayHint'))}
        {text('waitingDays', t('waitingDays'), undefined, 'numeric')}
        {text('renewalGraceDays', t('renewalGraceDays'), undefined, 'numeric')}
        {text('filingDeadline', t('filingDeadline'), t('filingDeadlineHint'))}
        {text('cap', t('cap'), t('capHint'), 'decimal')}
        <div className="flex items-center gap-2 sm:col-span-2">
          <input id="scheme-publish" type="checkbox" {...form.register('publish')} className="h-4 w-4" />
          <label htmlFor="scheme-publish" className="text-sm">
            {t('publish')}
          </label>
        </div>
      </fieldset>
      {kind === 'medical' && (
        <fieldset className="grid gap-3 rounded-md border border-stone-200 p-3">
          <legend className="px-1 text-base font-semibold">{t('medicalRule')}</legend>
          {text('deductible', t('deductible'), undefined, 'decimal')}
          <p className="text-sm text-stone-600">{t('bandsHint')}</p>
          <p aria-live="polite" className="text-sm text-red-700">
            {fieldError(errors, 'bands') ? t('bandsProblem') : null}
          </p>
          {bands.fields.map((f, i) => (
            <div key={f.id} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
              {text(`bands.${i}.upto`, t('bandUpto', { n: i + 1 }), undefined, 'decimal')}
              {text(`bands.${i}.rate`, t('bandRate', { n: i + 1 }), undefined, 'decimal')}
              <Button type="button" variant="secondary" onClick={() => bands.remove(i)}>
                {t('remove')}
              </Button>
            </div>
          ))}
          <div>
            <Button type="button" variant="secondary" onClick={() => bands.append({ upto: '', rate: '' } as never)}>
              {t('addBand')}
            </Button>
          </div>
        </fieldset>
      )}
      {kind !== 'medical' && (
        <fieldset className="grid gap-3 rounded-md border border-stone-200 p-3">
          <legend className="px-1 text-base font-semibold">{t(`itemsOf.${kind}`)}</legend>
          <p aria-live="polite" className="text-sm text-red-700">
            {fieldError(errors, 'items') ? t('itemsProblem') : null}
          </p>
          {items.fields.map((f, i) => (
            <div key={f.id} className="grid items-end gap-3 sm:grid-cols-[1fr_2fr_2fr_1fr_auto]">
              {text(`items.${i}.code`, t('itemCode'))}
              {text(`items.${i}.zh`, t('nameZh'))}
              {text(`items.${i}.en`, t('nameEn'))}
              {text(`items.${i}.amount`, t('itemAmount'), undefined, 'decimal')}
              <Button type="button" variant="secondary" onClick={() => items.remove(i)}>
                {t('remove')}
              </Button>
            </div>
          ))}
          <div>
            <Button
              type="button"
              variant="secondary"
              onClick={() => items.append({ code: '', zh: '', en: '', amount: '' } as never)}
            >
              {t('addItem')}
            </Button>
          </div>
          {kind === 'accident' && (
            <div className="grid gap-3 sm:grid-cols-2">
              {text('hospitalDay', t('hospitalDay'), undefined, 'decimal')}
              {text('maxHospitalDays', t('maxHospitalDays'), undefined, 'numeric')}
            </div>
          )}
          {kind === 'women_special' && (
            <div className="grid gap-3 sm:grid-cols-2">
              {text('minAge', t('minAge'), undefined, 'numeric')}
              {text('maxAge', t('maxAge'), undefined, 'numeric')}
            </div>
          )}
        </fieldset>
      )}
      <fieldset className="rounded-md border border-stone-200 p-3">
        <legend className="px-1 text-base font-semibold">{t('requiredDocuments')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {CLAIM_DOCUMENTS.map((d) => (
            <label key={d} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={d} {...form.register('documents')} className="h-4 w-4" />
              {t(`documents.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {scheme ? t('saveVersion') : t('createScheme')}
        </Button>
      </div>
    </form>
  );
}
