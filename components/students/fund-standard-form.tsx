'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { saveStandard } from '@/lib/aid/aid-admin-actions';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, listError, useActionForm } from '@/components/ui/use-action-form';
import { FREQUENCIES } from '@/lib/aid/standards';
import { casePaths } from '@/lib/cases/paths';
import { studentPaths } from '@/lib/students/paths';
import {
  FUND_CELL_TYPES,
  fundStandardFormSchema,
  toFundStandardInput,
  type FundStandardValues,
} from '@/lib/students/standard-form';

type Form = UseFormReturn<FundStandardValues, unknown, z.output<typeof fundStandardFormSchema>>;
type Carried = Parameters<typeof toFundStandardInput>[1];

const AMOUNT_FIELDS = { none: [], fixed: ['fixed'], range: ['min', 'max', 'suggested'] } as const;

/** One household category of one stage or tier: not covered, a fixed amount, or a range. */
function CellRow({ form, tb, c }: { form: Form; tb: number; c: number }) {
  const t = useTranslations();
  const type = useWatch({ control: form.control, name: `tables.${tb}.amounts.${c}.type` });
  const category = form.getValues(`tables.${tb}.amounts.${c}.category`);
  const errors = form.formState.errors;
  return (
    <div className="grid gap-2 py-2 sm:grid-cols-[minmax(9rem,12rem)_1fr] sm:gap-4">
      <Field label={category === 'none' ? t('aid.categories.none') : t(`register.categories.${category}`)}>
        {(p) => (
          <select {...p} {...form.register(`tables.${tb}.amounts.${c}.type`)}>
            {FUND_CELL_TYPES.map((ct) => (
              <option key={ct} value={ct}>
                {t(`students.standard.cellTypes.${ct}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {type !== 'none' && (
        <div className="grid grid-cols-3 gap-2">
          {AMOUNT_FIELDS[type].map((f) => (
            <Field
              key={f}
              label={t(`students.standard.fields.${f}`)}
              error={fieldError(errors, `tables.${tb}.amounts.${c}.${f}`)}
            >
              {(p) => (
                <input
                  {...p}
                  {...form.register(`tables.${tb}.amounts.${c}.${f}`)}
                  inputMode="decimal"
                  autoComplete="off"
                />
              )}
            </Field>
          ))}
        </div>
      )}
    </div>
  );
}

/** A stage's or tier's table, folded to one line that says how many categories it covers. */
function Table({ form, tb }: { form: Form; tb: number }) {
  const t = useTranslations('students');
  const { kind, variant } = form.getValues(`tables.${tb}`);
  const amounts = useWatch({ control: form.control, name: `tables.${tb}.amounts` });
  const covered = amounts.filter((c) => c.type !== 'none').length;
  const [openAtFirst] = useState(covered > 0 && covered < amounts.length);
  // A table with an error opens, so the message is never hidden in a folded table.
  const hasError = !!(form.formState.errors.tables as unknown[] | undefined)?.[tb];
  const sameForAll = () => {
    const [first, ...rest] = form.getValues(`tables.${tb}.amounts`);
    rest.forEach((c, i) =>
      form.setValue(`tables.${tb}.amounts.${i + 1}`, { ...first, category: c.category }, { shouldDirty: true }),
    );
  };
  return (
    <details className="rounded-md border border-stone-200 bg-white" open={openAtFirst || hasError}>
      <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-x-3 px-3 py-2">
        <span className="font-medium">{kind === 'student_aid' ? t(`stages.${variant}`) : t(`tiers.${variant}`)}</span>
        <span className="text-sm text-stone-600">{t('standard.covered', { n: covered, of: amounts.length })}</span>
      </summary>
      <div className="border-t border-stone-100 px-3 pb-3">
        <Button variant="ghost" size="sm" className="mt-2" onClick={sameForAll}>
          {t('standard.sameForAll')}
        </Button>
        <div className="divide-y divide-stone-100">
          {amounts.map((_, c) => (
            <CellRow key={c} form={form} tb={tb} c={c} />
          ))}
        </div>
      </div>
    </details>
  );
}

/**
 * A new version of the standard with the fund's amounts — student aid per stage, awards per tier,
 * each by household category — prefilled from the version in force; its hardship kinds (`carried`)
 * go into the new version unchanged.
 */
export function FundStandardForm({ defaults, carried }: { defaults: FundStandardValues; carried: Carried }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(
    fundStandardFormSchema,
    (v: FundStandardValues) => saveStandard(toFundStandardInput(v, carried)),
    {
      defaultValues: defaults,
      onSuccess: ({ id }) => router.push(`${casePaths.standards}/${id}`),
    },
  );
  const errors = form.formState.errors;
  const group = (kind: 'student_aid' | 'student_award', frequency: 'aidFrequency' | 'awardFrequency') => (
    <fieldset className="grid gap-3 rounded-lg border border-stone-200 bg-stone-50 p-4">
      <legend className="px-1 text-base font-semibold">{t(`aid.kinds.${kind}`)}</legend>
      <div className="max-w-xs">
        <Field
          label={t('students.standard.frequency')}
          error={fieldError(errors, frequency)}
          hint={t('students.standard.frequencyHint')}
        >
          {(p) => (
            <select {...p} {...form.register(frequency)}>
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t(`aid.frequencies.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {defaults.tables.map((tb, i) => (tb.kind === kind ? <Table key={i} form={form} tb={i} /> : null))}
    </fieldset>
  );
  const tablesError = listError(errors, 'tables');
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert error={formError} />
      <div className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-2">
        <Field label={t('students.standard.name')} error={fieldError(errors, 'name')}>
          {(p) => <input {...p} {...form.register('name')} autoComplete="off" />}
        </Field>
        <Field
          label={t('students.standard.effectiveOn')}
          error={fieldError(errors, 'effectiveOn')}
          hint={t('students.standard.effectiveOnHint')}
        >
          {(p) => <input {...p} {...form.register('effectiveOn')} type="date" />}
        </Field>
      </div>
      {tablesError && (
        <p className="text-sm text-red-700" aria-live="polite">
          {t(`errors.${tablesError}`)}
        </p>
      )}
      {group('student_aid', 'aidFrequency')}
      {group('student_award', 'awardFrequency')}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('common.working') : t('students.standard.save')}
        </Button>
        <ButtonLink href={studentPaths.list}>{t('common.cancel')}</ButtonLink>
      </div>
    </form>
  );
}
