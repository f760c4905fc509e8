import { getLocale, getTranslations } from 'next-intl/server';
import { formatFen } from '@/lib/money';
import type { PayoutRule } from '@/lib/mutual-aid/rules';

const pct = (bp: number) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;

/** A payout rule in a few lines: deductible, bands and cap, or the fixed items and cap. */
export async function RuleSummary({ rule }: { rule: PayoutRule }) {
  const t = await getTranslations('mutual');
  const en = (await getLocale()) === 'en';
  return (
    <ul className="space-y-0.5 text-xs">
      {rule.type === 'medical' ? (
        <>
          <li>{t('ruleDeductible', { amount: formatFen(rule.deductibleFen) })}</li>
          {rule.bands.map((b, i) => (
            <li key={i}>
              {b.uptoFen === null
                ? t('ruleBandOpen', { rate: pct(b.rateBp) })
                : t('ruleBand', { upto: formatFen(b.uptoFen), rate: pct(b.rateBp) })}
            </li>
          ))}
        </>
      ) : (
        rule.items.map((i) => (
          <li key={i.code}>
            {en ? i.en : i.zh}: {formatFen(i.fen)}
          </li>
        ))
      )}
      {rule.type === 'accident' && rule.hospitalDayFen > 0 && (
        <li>{t('ruleHospitalDays', { amount: formatFen(rule.hospitalDayFen), days: rule.maxHospitalDays })}</li>
      )}
      {rule.type === 'women_special' && <li>{t('ruleAges', { min: rule.minAge, max: rule.maxAge })}</li>}
      <li className="font-medium">{t('ruleCap', { amount: formatFen(rule.capFen) })}</li>
    </ul>
  );
}
