'use client';

import { useErrorText } from '@/components/ui/error-text';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { saveStandard } from '@/lib/aid/aid-admin-actions';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, listError, useActionForm } from '@/components/ui/use-action-form';
import { FREQUENCIES } from '@/lib/aid/standards';
import { casePaths } from '@/lib/cases/paths';
import {
  CELL_TYPES,
  standardFormSchema,
  toStandardInput,
  type KindInput,
  type StandardFormValues,
} from '@/lib/validation/aid-admin';

type Form = UseFormReturn<StandardFormValues, unknown, z.output<typeof standardFormSchema>>;

function ListError({ message, id }: { message?: string; id?: string }) {
  const errorText = useErrorText();
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-700">
      {errorText(message)}
    </p>
  );
}

const AMOUNT_FIELDS = { none: [], fixed: ['fixed'], range: ['min', 'max', 'suggested'] } as const;

/** One category of one kind: not covered, a fixed amount, or a range with its suggested amount. */
function CellRow({ form, k, c }: { form: Form; k: number; c: number }) {
  const t = useTranslations();
  const type = useWatch({ control: form.control, name: `kinds.${k}.amounts.${c}.type` });
  const category = form.getValues(`kinds.${k}.amounts.${c}.category`);
  const errors = form.formState.errors;
  const label = category === 'none' ? t('aid.categories.none') : t(`register.categories.${category}`);
  return (
    <div className="grid gap-2 py-3 sm:grid-cols-[minmax(9rem,12rem)_1fr] sm:gap-4">
      <Field label={label}>
        {(p) => (
          <select {...p} {...form.register(`kinds.${k}.amounts.${c}.type`)}>
            {CELL_TYPES.map((ct) => (
              <option key={ct} value={ct}>
                {t(`aidAdmin.cellTypes.${ct}`)}
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
              label={t(`aidAdmin.amountFields.${f}`)}
              error={fieldError(errors, `kinds.${k}.amounts.${c}.${f}`)}
            >
              {(p) => (
                <input
                  {...p}
                  {...form.register(`kinds.${k}.amounts.${c}.${f}`)}
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

/** One kind: whether the version pays it, how often, and its amount per category. */
function KindCard({ form, k }: { form: Form; k: number }) {
  const t = useTranslations();
  const included = useWatch({ control: form.control, name: `kinds.${k}.included` });
  const kind = form.getValues(`kinds.${k}.kind`);
  const cells = form.getValues(`kinds.${k}.amounts`);
  const errors = form.formState.errors;
  const cellsErrorId = `kind-${kind}-cells-error`;
  return (
    <fieldset className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" aria-describedby={cellsErrorId}>
      <legend className="px-1 text-base font-semibold">{t(`aid.kinds.${kind}`)}</legend>
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" {...form.register(`kinds.${k}.included`)} className="size-4" />
        {t('aidAdmin.included')}
      </label>
      {included && (
        <div className="mt-2 space-y-2">
          <div className="max-w-xs">
            <Field label={t('aidAdmin.frequency')} error={fieldError(errors, `kinds.${k}.frequency`)}>
              {(p) => (
                <select {...p} {...form.register(`kinds.${k}.frequency`)}>
                  {FREQUENCIES.map((f) => (
                    <option key={f} value={f}>
                      {t(`aid.frequencies.${f}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <p className="text-xs text-stone-500">{t('aidAdmin.amountsHint')}</p>
          <ListError id={cellsErrorId} message={listError(errors, `kinds.${k}.amounts`)} />
          <div className="divide-y divide-stone-100">
            {cells.map((_, c) => (
              <CellRow key={c} form={form} k={k} c={c} />
            ))}
          </div>
        </div>
      )}
    </fieldset>
  );
}

/**
 * A new version of the standard, prefilled from the one in force. Saving never changes an older
 * version: cases keep the one they were decided under. `carried`: the kinds not edited here
 * (the student fund's), saved into the new version as they were.
 */
export function StandardForm({ defaults, carried }: { defaults: StandardFormValues; carried: KindInput[] }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(
    standardFormSchema,
    (v: StandardFormValues) => saveStandard(toStandardInput(v, carried)),
    {
      defaultValues: defaults,
      onSuccess: ({ id }) => router.push(`${casePaths.standards}/${id}`),
    },
  );
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert error={formError} />
      <div className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-2">
        <Field
          label={t('aidAdmin.versionName')}
          hint={t('aidAdmin.versionNameHint')}
          error={fieldError(errors, 'name')}
        >
          {(p) => <input {...p} {...form.register('name')} autoComplete="off" />}
        </Field>
        <Field
          label={t('aidAdmin.effectiveOn')}
          hint={t('aidAdmin.effectiveOnHint')}
          error={fieldError(errors, 'effectiveOn')}
        >
          {(p) => <input {...p} {...form.register('effectiveOn')} type="date" />}
        </Field>
      </div>
      <ListError message={listError(errors, 'kinds')} />
      {defaults.kinds.map((_, k) => (
        <KindCard key={k} form={form} k={k} />
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('common.working') : t('aidAdmin.saveVersion')}
        </Button>
        <ButtonLink href={casePaths.standards}>{t('common.cancel')}</ButtonLink>
      </div>
    </form>
  );
}
