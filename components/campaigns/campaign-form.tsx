'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, listError, useActionForm } from '@/components/ui/use-action-form';
import { createCampaign } from '@/lib/campaigns/campaign-actions';
import { CATEGORIES } from '@/db/schema/register';
import { OCCASIONS, PERSON_KINDS } from '@/lib/campaigns/rules';
import { campaignSchema } from '@/lib/validation/campaigns';

/**
 * A leader's new campaign: name, occasion, date, budget, the amount per category, what each
 * survivor and lone elderly person receives (if listed) and each branch's quota.
 */
export function CampaignForm({ today, branches }: { today: string; branches: { id: number; name: string }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(campaignSchema, createCampaign, {
    defaultValues: {
      name: '',
      occasion: 'spring_festival',
      heldOn: today,
      budget: '',
      amounts: CATEGORIES.map((category) => ({ category, cash: '', items: '' })),
      persons: PERSON_KINDS.map((kind) => ({ kind, cash: '', items: '' })),
      quotas: branches.map((b) => ({ branchId: b.id, quota: '0' })),
    },
    onSuccess: (data) => router.push(`/campaigns/${data.id}`),
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('campaigns.name')} error={fieldError(errors, 'name')}>
          {(p) => <input {...p} {...form.register('name')} autoComplete="off" />}
        </Field>
        <Field label={t('campaigns.occasion')} error={fieldError(errors, 'occasion')}>
          {(p) => (
            <select {...p} {...form.register('occasion')}>
              {OCCASIONS.map((o) => (
                <option key={o} value={o}>
                  {t(`campaigns.occasions.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('campaigns.heldOn')} error={fieldError(errors, 'heldOn')}>
          {(p) => <input {...p} {...form.register('heldOn')} type="date" />}
        </Field>
        <Field label={t('campaigns.budget')} error={fieldError(errors, 'budget')}>
          {(p) => <input {...p} {...form.register('budget')} inputMode="decimal" autoComplete="off" />}
        </Field>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">{t('campaigns.amounts')}</legend>
        <p className="text-xs text-stone-500">{t('campaigns.amountsHint')}</p>
        <ListError error={listError(errors, 'amounts')} />
        {CATEGORIES.map((category, i) => (
          <fieldset key={category} className="grid gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-2">
            <legend className="px-1 text-sm font-medium">{t(`register.categories.${category}`)}</legend>
            <Field label={t('campaigns.cash')} error={fieldError(errors, `amounts.${i}.cash`)}>
              {(p) => <input {...p} {...form.register(`amounts.${i}.cash`)} inputMode="decimal" autoComplete="off" />}
            </Field>
            <Field label={t('campaigns.items')} error={fieldError(errors, `amounts.${i}.items`)}>
              {(p) => <input {...p} {...form.register(`amounts.${i}.items`)} autoComplete="off" />}
            </Field>
          </fieldset>
        ))}
      </fieldset>
      {PERSON_KINDS.map((kind, i) => (
        <fieldset key={kind} className="grid gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium">{t(`campaigns.personRules.${kind}`)}</legend>
          <p className="text-xs text-stone-500 sm:col-span-2">{t(`campaigns.personRuleHints.${kind}`)}</p>
          <Field label={t('campaigns.cash')} error={fieldError(errors, `persons.${i}.cash`)}>
            {(p) => <input {...p} {...form.register(`persons.${i}.cash`)} inputMode="decimal" autoComplete="off" />}
          </Field>
          <Field label={t('campaigns.items')} error={fieldError(errors, `persons.${i}.items`)}>
            {(p) => <input {...p} {...form.register(`persons.${i}.items`)} autoComplete="off" />}
          </Field>
        </fieldset>
      ))}
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">{t('campaigns.quotas')}</legend>
        <p className="text-xs text-stone-500">{t('campaigns.quotasHint')}</p>
        <ListError error={listError(errors, 'quotas')} />
        <div className="grid gap-3 sm:grid-cols-2">
          {branches.map((b, i) => (
            <Field key={b.id} label={b.name} error={fieldError(errors, `quotas.${i}.quota`)}>
              {(p) => <input {...p} {...form.register(`quotas.${i}.quota`)} inputMode="numeric" autoComplete="off" />}
            </Field>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('campaigns.create')}
        </Button>
      </div>
    </form>
  );
}

function ListError({ error }: { error?: string }) {
  const t = useTranslations('errors');
  return (
    <p aria-live="polite" className="text-sm text-red-700">
      {error ? (t.has(error) ? t(error) : t('invalid')) : null}
    </p>
  );
}
