import { getTranslations } from 'next-intl/server';
import type { GridKind } from '@/db/queries/aid-admin';
import { Badge } from '@/components/ui/card';
import { HARDSHIP_KINDS, STANDARD_CATEGORIES, type AmountRule } from '@/lib/aid/standards';
import { formatFen } from '@/lib/money';

type T = Awaited<ReturnType<typeof getTranslations>>;

/** "¥2,000.00", or "¥1,000.00–¥3,000.00 (suggested ¥2,000.00)". */
export function ruleText(t: T, rule: AmountRule): string {
  if (rule.type === 'fixed') return formatFen(rule.fen);
  return t('aidAdmin.rangeText', {
    min: formatFen(rule.minFen),
    max: formatFen(rule.maxFen),
    suggested: formatFen(rule.suggestedFen),
  });
}

const categoryLabel = (t: T, c: string) => (c === 'none' ? t('aid.categories.none') : t(`register.categories.${c}`));

/**
 * A version's amounts: one card per kind (a phone shows them one under another), each category
 * a row. Every hardship kind is shown, a kind the version does not pay saying so; the student
 * kinds (issue 5's) only when the version has rules for them, each stage or tier a group.
 */
export async function StandardGrid({ kinds }: { kinds: GridKind[] }) {
  const t = await getTranslations();
  const byKind = new Map(kinds.map((k) => [k.kind, k]));
  const shown = [
    ...HARDSHIP_KINDS,
    ...kinds.map((k) => k.kind).filter((k) => !(HARDSHIP_KINDS as readonly string[]).includes(k)),
  ];
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {shown.map((kind) => {
        const k = byKind.get(kind);
        const variants = k ? [...new Set(k.cells.map((c) => c.variant))] : [];
        return (
          <section
            key={kind}
            aria-labelledby={`kind-${kind}`}
            className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
          >
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h2 id={`kind-${kind}`} className="text-base font-semibold">
                {t(`aid.kinds.${kind}`)}
              </h2>
              {k ? (
                <Badge tone="info">{t(`aid.frequencies.${k.frequency}`)}</Badge>
              ) : (
                <Badge>{t('aidAdmin.kindNotPaid')}</Badge>
              )}
            </div>
            {variants.map((variant) => (
              <div key={variant}>
                {variant && (
                  <h3 className="mt-2 text-sm font-medium text-stone-700">
                    {t.has(`aidAdmin.variants.${variant}`) ? t(`aidAdmin.variants.${variant}`) : variant}
                  </h3>
                )}
                <dl className="divide-y divide-stone-100 text-sm">
                  {STANDARD_CATEGORIES.map((category) => {
                    const cell = k!.cells.find((c) => c.variant === variant && c.category === category);
                    return (
                      <div key={category} className="flex flex-wrap justify-between gap-x-4 py-1.5">
                        <dt className="text-stone-600">{categoryLabel(t, category)}</dt>
                        <dd className={cell ? 'tabular-nums' : 'text-stone-400'}>
                          {cell ? ruleText(t, cell.rule) : t('aidAdmin.notCovered')}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
