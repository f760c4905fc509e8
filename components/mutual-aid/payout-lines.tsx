import { getLocale, getTranslations } from 'next-intl/server';
import { formatFen } from '@/lib/money';
import type { PayoutLine } from '@/lib/mutual-aid/payout';

const pct = (bp: number) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;

/** The payout computed line by line: the deductible, each band × its rate (or the fixed items), the cap used and left. */
export async function PayoutLines({ lines, payoutFen }: { lines: PayoutLine[]; payoutFen: number }) {
  const t = await getTranslations('mutual');
  const en = (await getLocale()) === 'en';
  const row = (key: string, label: string, amount: string) => (
    <tr key={key}>
      <td className="py-1 pr-4">{label}</td>
      <td className="py-1 text-right tabular-nums">{amount}</td>
    </tr>
  );
  return (
    <table className="w-full max-w-xl text-sm">
      <caption className="mb-2 text-left font-semibold">{t('computation')}</caption>
      <tbody className="divide-y divide-stone-100">
        {lines.map((l, i) => {
          switch (l.kind) {
            case 'selfPaid':
              return row(`${i}`, t('lineSelfPaid'), formatFen(l.fen));
            case 'deductible':
              return row(`${i}`, t('lineDeductible'), `− ${formatFen(l.fen)}`);
            case 'band':
              return row(
                `${i}`,
                t('lineBand', {
                  from: formatFen(l.fromFen),
                  to: l.toFen === null ? '∞' : formatFen(l.toFen),
                  base: formatFen(l.baseFen),
                  rate: pct(l.rateBp),
                }),
                formatFen(l.fen),
              );
            case 'item':
              return row(`${i}`, t('lineItem', { name: en ? l.en : l.zh, shares: l.shares }), formatFen(l.fen));
            case 'hospitalDays':
              return row(
                `${i}`,
                t('lineHospitalDays', { days: l.days, perDay: formatFen(l.perDayFen), shares: l.shares }),
                formatFen(l.fen),
              );
            case 'subtotal':
              return row(`${i}`, t('lineSubtotal'), formatFen(l.fen));
            case 'cap':
              return row(
                `${i}`,
                t('lineCap', { cap: formatFen(l.capFen), used: formatFen(l.usedFen), left: formatFen(l.leftFen) }),
                l.cutFen > 0 ? `− ${formatFen(l.cutFen)}` : formatFen(0),
              );
          }
        })}
        <tr className="font-semibold">
          <td className="py-1 pr-4">{t('linePayout')}</td>
          <td className="py-1 text-right tabular-nums" data-testid="payout">
            {formatFen(payoutFen)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
