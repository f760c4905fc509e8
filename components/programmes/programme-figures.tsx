import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, Stat } from '@/components/ui/card';
import type { EmploymentFigures, ExitFigures, ProgrammeFigures } from '@/db/queries/programme-figures';
import { formatFen } from '@/lib/money';

/** Employment figures of a year (people helped, placed, the rate) and exits from hardship per year and why. */
export async function EmploymentFiguresCard({
  figures,
  exits,
  year,
}: {
  figures: EmploymentFigures;
  exits: readonly ExitFigures[];
  year: number;
}) {
  const t = await getTranslations('employment');
  return (
    <Card title={t('figuresTitle', { year })}>
      <div className="grid gap-3 sm:grid-cols-4" data-testid="employment-figures">
        <Stat label={t('helped')} value={figures.helped} />
        <Stat label={t('placed')} value={figures.placed} hint={t('placedAtMine', { n: figures.placedAtMine })} />
        <Stat label={t('rate')} value={`${figures.rate}%`} />
      </div>
      <table className="mt-3 w-full text-sm" data-testid="exit-figures">
        <caption className="text-left font-medium">{t('exitsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col" className="text-left">
              {t('year')}
            </th>
            <th scope="col" className="text-right">
              {t('exitsEmployment')}
            </th>
            <th scope="col" className="text-right">
              {t('exitsOther')}
            </th>
          </tr>
        </thead>
        <tbody>
          {exits.map((e) => (
            <tr key={e.year}>
              <td>{e.year}</td>
              <td className="text-right tabular-nums">{e.employment}</td>
              <td className="text-right tabular-nums">{e.other}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** The dashboard's programme figures for the year: premiums paid, jobs found, exits through a job. */
export async function ProgrammeFiguresCard({ figures, year }: { figures: ProgrammeFigures; year: number }) {
  const t = await getTranslations();
  return (
    <Card
      title={t('programmes.dashboardTitle', { year })}
      actions={
        <span className="flex gap-3 text-sm">
          <Link className="text-brand-700 underline" href="/premiums">
            {t('nav.premiums')}
          </Link>
          <Link className="text-brand-700 underline" href="/employment">
            {t('nav.employment')}
          </Link>
        </span>
      }
      className="mt-4"
    >
      <div className="grid gap-3 sm:grid-cols-4" data-testid="programme-figures">
        <Stat
          label={t('premiums.figurePaid')}
          value={figures.premiums.paid}
          hint={formatFen(figures.premiums.paidFen)}
        />
        <Stat label={t('employment.helped')} value={figures.employment.helped} />
        <Stat
          label={t('employment.placed')}
          value={figures.employment.placed}
          hint={`${t('employment.rate')} ${figures.employment.rate}%`}
        />
        <Stat label={t('employment.exitsEmployment')} value={figures.exits.employment} />
        <Stat
          label={t('survivors.figureSurvivors')}
          value={figures.care.survivors}
          hint={`${t('survivors.figureChecked')} ${figures.care.survivorsChecked} · ${formatFen(figures.care.subsidyFen)}`}
        />
        <Stat label={t('elders.figureElders')} value={figures.care.elders} />
        <Stat
          label={t('elders.figureOverdue')}
          value={
            <Link className="text-brand-700 underline" href="/elders?overdue=1" data-testid="overdue-visits">
              {figures.care.overdueVisits}
            </Link>
          }
        />
        <Stat label={t('elders.figureUnsettled')} value={formatFen(figures.care.unsettledFen)} />
      </div>
    </Card>
  );
}
