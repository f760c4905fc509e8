import { getTranslations } from 'next-intl/server';
import type { VersionStatus } from '@/db/queries/aid-admin';
import { Badge } from '@/components/ui/card';

const TONE = { inForce: 'good', upcoming: 'info', superseded: 'neutral' } as const;

export async function VersionBadge({ status }: { status: VersionStatus }) {
  const t = await getTranslations('aidAdmin.versionStatus');
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
