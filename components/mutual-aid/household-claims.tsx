import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import type { CaseState } from '@/lib/workflow/case-workflow';
import { casePaths } from '@/lib/cases/paths';
import { formatFen } from '@/lib/money';

export interface HouseholdClaimLine {
  caseId: number;
  nameZh: string;
  nameEn: string;
  eventOn: string;
  state: CaseState;
  payoutFen: number;
  paidOn: string | null;
  paidFen: number | null;
}

/** The mutual-aid lines of a household's ledger (一户一账): each claim of the worker, and what was paid. */
export async function HouseholdClaims({ lines }: { lines: HouseholdClaimLine[] }) {
  const t = await getTranslations();
  const en = (await getLocale()) === 'en';
  const paid = lines.reduce((s, l) => s + (l.paidFen ?? 0), 0);
  return (
    <Card title={t('mutual.ledgerTitle')}>
      {lines.length === 0 ? (
        <EmptyState>{t('mutual.ledgerNone')}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm" data-testid="household-mutual-total">
            {t('mutual.ledgerPaid', { amount: formatFen(paid) })}
          </p>
          <ul className="divide-y divide-stone-100 text-sm" data-testid="household-mutual">
            {lines.map((l) => (
              <li key={l.caseId} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  <Link className="text-brand-700 underline" href={casePaths.view(l.caseId)}>
                    {en ? l.nameEn : l.nameZh}
                  </Link>{' '}
                  <span className="text-stone-500">{l.eventOn}</span>
                </span>
                <span className="tabular-nums">
                  {formatFen(l.paidFen ?? l.payoutFen)} · {t(`aid.states.${l.state}`)}
                  {l.paidOn ? ` ${l.paidOn}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
