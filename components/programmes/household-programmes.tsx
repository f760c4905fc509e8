import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import type { EmploymentKind, Outcome } from '@/lib/employment/rules';
import { formatFen } from '@/lib/money';
import type { PremiumEntryState } from '@/lib/premiums/rules';
import type { SurvivorStatus } from '@/lib/care/rules';

export interface HouseholdProgrammeLines {
  premiums: {
    year: number;
    name: string;
    relation: string;
    amountFen: number;
    state: PremiumEntryState;
    paidOn: string | null;
  }[];
  jobs: {
    id: number;
    name: string;
    kind: EmploymentKind;
    outcome: Outcome;
    placedOn: string | null;
    employer: string | null;
    exitLinked: boolean;
  }[];
  survivors: { id: number; name: string; relation: string; status: SurvivorStatus; subsidyFen: number }[];
}

/** The programme lines of a household's ledger (一户一账): premiums paid for its members and its members' jobs. */
export async function HouseholdProgrammes({
  lines,
  linkJobs,
  linkSurvivors,
}: {
  lines: HouseholdProgrammeLines;
  linkJobs: boolean;
  linkSurvivors: boolean;
}) {
  const t = await getTranslations();
  return (
    <>
      <Card title={t('premiums.ledger')}>
        {lines.premiums.length === 0 ? (
          <EmptyState>{t('premiums.ledgerEmpty')}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm" data-testid="household-premiums">
            {lines.premiums.map((l) => (
              <li key={`${l.year}-${l.name}`} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {l.year} · {l.name} ({t(`register.relations.${l.relation}`)})
                </span>
                <span className="tabular-nums">
                  {formatFen(l.amountFen)} · {t(`premiums.entryStates.${l.state}`)}
                  {l.paidOn && ` · ${l.paidOn}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('employment.title')}>
        {lines.jobs.length === 0 ? (
          <EmptyState>{t('employment.none')}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm" data-testid="household-jobs">
            {lines.jobs.map((j) => (
              <li key={j.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {linkJobs ? (
                    <Link className="text-brand-700 underline" href={`/employment/${j.id}`}>
                      {j.name}
                    </Link>
                  ) : (
                    j.name
                  )}{' '}
                  · {t(`employment.kinds.${j.kind}`)}
                </span>
                <span>
                  {t(`employment.outcomes.${j.outcome}`)}
                  {j.placedOn && ` · ${j.placedOn} · ${j.employer}`}
                  {j.exitLinked && ` · ${t('employment.exitLinked')}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {lines.survivors.length > 0 && (
        <Card title={t('survivors.ledger')}>
          <ul className="divide-y divide-stone-100 text-sm" data-testid="household-survivors">
            {lines.survivors.map((s) => (
              <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {linkSurvivors ? (
                    <Link className="text-brand-700 underline" href={`/survivors/${s.id}`}>
                      {s.name}
                    </Link>
                  ) : (
                    s.name
                  )}{' '}
                  ({t(`register.relations.${s.relation}`)})
                </span>
                <span>
                  {t(`survivors.statuses.${s.status}`)} · {formatFen(s.subsidyFen)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
