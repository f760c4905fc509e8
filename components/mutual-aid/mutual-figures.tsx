import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, Stat } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { SchemePaid } from '@/db/queries/mutual-aid';
import { formatFen } from '@/lib/money';
import { mutualPaths } from '@/lib/mutual-aid/paths';

export interface MutualYearFigures {
  /** Per scheme; with members enrolled on the mutual-aid page, without on the dashboard (its covered share says it). */
  rows: (SchemePaid & { enrolled?: number })[];
  roster: number;
  covered: number;
}

const share = (n: number, d: number) => (d > 0 ? `${((n * 100) / d).toFixed(1)}%` : '—');

/** The roster's share covered and, per scheme, members enrolled, claims paid (person-times) and money paid. */
export async function MutualSchemeTable({ figures, year }: { figures: MutualYearFigures; year: number }) {
  const t = await getTranslations('mutual');
  const en = (await getLocale()) === 'en';
  const withEnrolled = figures.rows.some((r) => r.enrolled !== undefined);
  return (
    <>
      <p className="mb-2 text-sm" data-testid="roster-covered">
        {t('rosterCovered', {
          covered: figures.covered,
          roster: figures.roster,
          share: share(figures.covered, figures.roster),
        })}
      </p>
      <Table caption={t('figuresTitle', { year })}>
        <thead>
          <tr>
            <Th>{t('scheme')}</Th>
            {withEnrolled && <Th className="text-right">{t('enrolledMembers')}</Th>}
            <Th className="text-right">{t('personTimes')}</Th>
            <Th className="text-right">{t('paidMoney')}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {figures.rows.map((f) => (
            <tr key={f.schemeId}>
              <Td>{en ? f.nameEn : f.nameZh}</Td>
              {withEnrolled && <Td className="text-right tabular-nums">{f.enrolled}</Td>}
              <Td className="text-right tabular-nums">{f.paid}</Td>
              <Td className="text-right tabular-nums" data-testid={`paid-${f.schemeId}`}>
                {formatFen(f.paidFen)}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/**
 * The dashboard's mutual-aid card for the year: what was paid (person-times and money, in all and
 * per scheme), the roster's share covered, and how many seriously ill workers have no medical cover
 * (the list itself is on the mutual-aid page, for their officials to act on).
 */
export async function MutualFiguresCard({
  figures,
  illNotEnrolled,
  year,
}: {
  figures: MutualYearFigures;
  illNotEnrolled: number;
  year: number;
}) {
  const t = await getTranslations('mutual');
  const paid = figures.rows.reduce((n, f) => n + f.paid, 0);
  const paidFen = figures.rows.reduce((n, f) => n + f.paidFen, 0);
  return (
    <Card
      title={t('figuresTitle', { year })}
      actions={
        <Link className="text-sm text-brand-700 underline" href={mutualPaths.home}>
          {t('title')}
        </Link>
      }
      className="mt-4"
    >
      <div className="mb-3 grid gap-3 sm:grid-cols-3" data-testid="mutual-figures">
        <Stat label={t('personTimes')} value={paid} />
        <Stat label={t('paidMoney')} value={formatFen(paidFen)} />
        <Stat
          label={t('illNotEnrolledStat')}
          value={illNotEnrolled}
          hint={illNotEnrolled > 0 ? t('illNotEnrolledHint') : undefined}
        />
      </div>
      <MutualSchemeTable figures={figures} year={year} />
    </Card>
  );
}
