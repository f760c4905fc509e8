import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import type { EntryState } from '@/lib/campaigns/rules';
import { formatFen } from '@/lib/money';

export interface HouseholdCampaignLine {
  campaignId: number;
  name: string;
  heldOn: string;
  state: EntryState;
  cashFen: number;
  items: string;
  handedOverOn: string | null;
}

/** The campaign lines of a household's ledger (一户一账): each campaign it was listed in and what it received. */
export async function HouseholdCampaigns({ lines, linked }: { lines: HouseholdCampaignLine[]; linked: boolean }) {
  const t = await getTranslations('campaigns');
  return (
    <Card title={t('ledgerTitle')}>
      {lines.length === 0 ? (
        <EmptyState>{t('ledgerNone')}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm" data-testid="household-campaigns">
          {lines.map((l) => (
            <li key={l.campaignId} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {linked ? (
                  <Link className="text-brand-700 underline" href={`/campaigns/${l.campaignId}`}>
                    {l.name}
                  </Link>
                ) : (
                  l.name
                )}{' '}
                <span className="text-stone-500">{l.heldOn}</span>
              </span>
              <span className="tabular-nums">
                {formatFen(l.cashFen)}
                {l.items ? ` + ${l.items}` : ''} · {t(`entryStates.${l.state}`)}
                {l.handedOverOn ? ` ${l.handedOverOn}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
