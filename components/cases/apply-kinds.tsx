'use client';

import { useTranslations } from 'next-intl';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { KindOffer } from '@/db/queries/apply';
import type { AmountRule, StandardCategory } from '@/lib/aid/standards';
import { formatFen } from '@/lib/money';

/** "特困户" / "未建档": the column of the standard a household falls in. */
export function useCategoryLabel() {
  const t = useTranslations();
  return (c: StandardCategory) => (c === 'none' ? t('aid.categories.none') : t(`register.categories.${c}`));
}

/** What the standard would pay: a fixed amount, or a range with the amount it suggests. */
export function AmountText({ rule }: { rule: AmountRule }) {
  const t = useTranslations('apply');
  if (rule.type === 'fixed') return <>{t('amountFixed', { amount: formatFen(rule.fen) })}</>;
  return (
    <>
      {t('amountRange', {
        min: formatFen(rule.minFen),
        max: formatFen(rule.maxFen),
        suggested: formatFen(rule.suggestedFen),
      })}
    </>
  );
}

/** One kind's line under its name: how often, and how much for this household (or why nothing). */
export function OfferText({ offer, category }: { offer: KindOffer; category: StandardCategory }) {
  const t = useTranslations();
  const categoryLabel = useCategoryLabel()(category);
  return (
    <span className="flex flex-col gap-0.5 text-xs">
      {offer.frequency && <span className="text-stone-600">{t(`aid.frequencies.${offer.frequency}`)}</span>}
      {offer.rule ? (
        <span className="font-medium text-stone-800">
          <AmountText rule={offer.rule} />
        </span>
      ) : (
        <span className="font-medium text-amber-800">
          {t(`apply.refusal.${offer.refusal ?? 'kindNotInStandard'}`, { category: categoryLabel })}
        </span>
      )}
    </span>
  );
}

/** The hardship kinds as large radio cards (easy to hit on a phone), each with its amount. */
export function KindPicker({
  offers,
  category,
  field,
  describedBy,
  invalid,
}: {
  offers: KindOffer[];
  category: StandardCategory;
  field: UseFormRegisterReturn;
  describedBy: string;
  invalid: boolean;
}) {
  const t = useTranslations();
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={invalid} className="grid gap-2 sm:grid-cols-2">
      <legend className="sr-only">{t('apply.kind')}</legend>
      {offers.map((o) => (
        <label
          key={o.kind}
          className="flex min-h-14 cursor-pointer items-start gap-3 rounded-md border border-stone-300 bg-white p-3 hover:bg-stone-50 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
        >
          <input type="radio" value={o.kind} {...field} className="mt-1 size-4 shrink-0 accent-brand-700" />
          <span className="flex min-w-0 flex-col gap-1">
            <span className="text-sm font-medium">{t(`aid.kinds.${o.kind}`)}</span>
            <OfferText offer={o} category={category} />
          </span>
        </label>
      ))}
    </fieldset>
  );
}
