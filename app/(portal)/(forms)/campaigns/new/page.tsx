import type { Metadata } from 'next';
import { asc, eq } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { CampaignForm } from '@/components/campaigns/campaign-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { orgUnits } from '@/db/schema';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('campaigns'))('new') };
}

/** A leader sets up a campaign; creating it draws the list from the register. */
export default async function NewCampaignPage() {
  await requirePermission('campaigns.manage');
  const t = await getTranslations('campaigns');
  const branches = await (
    await getDb()
  )
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.level, 'branch'))
    .orderBy(asc(orgUnits.code));
  return (
    <>
      <PageHeader title={t('new')} subtitle={t('intro')} />
      <Card>
        <CampaignForm today={todayInChina()} branches={branches} />
      </Card>
    </>
  );
}
