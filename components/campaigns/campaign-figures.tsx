import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, Stat } from '@/components/ui/card';
import type { CampaignFigures } from '@/db/queries/campaigns';
import { formatFen } from '@/lib/money';

/** The dashboard's campaign figures for the year: households planned, handed over (and how much), unreachable. */
export async function CampaignFiguresCard({ figures, year }: { figures: CampaignFigures; year: number }) {
  const t = await getTranslations('campaigns');
  return (
    <Card
      title={t('dashboardTitle', { year })}
      actions={
        <Link className="text-sm text-brand-700 underline" href="/campaigns">
          {t('title')}
        </Link>
      }
      className="mt-4"
    >
      <div className="grid gap-3 sm:grid-cols-4" data-testid="campaign-figures">
        <Stat label={t('dashboardCampaigns')} value={figures.campaigns} />
        <Stat label={t('planned')} value={figures.planned} />
        <Stat label={t('delivered')} value={figures.delivered} hint={formatFen(figures.deliveredFen)} />
        <Stat label={t('unreachable')} value={figures.unreachable} />
      </div>
    </Card>
  );
}
