'use client';

import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { approveCampaign, confirmBranch } from '@/lib/campaigns/campaign-actions';

type Props =
  | { kind: 'approve'; input: { campaignId: number; version: number }; disabled?: boolean }
  | { kind: 'confirm'; input: { campaignId: number; branchId: number }; disabled?: boolean };

/** The two steps that end adjustments — the branch's confirmation and the leader's approval — asked first. */
export function CampaignActionButton(props: Props) {
  const t = useTranslations('campaigns');
  if (props.disabled) return null;
  if (props.kind === 'approve')
    return (
      <ConfirmAction
        label={t('approve')}
        title={t('approve')}
        body={t('approveBody')}
        confirmLabel={t('approve')}
        input={props.input}
        run={approveCampaign}
        variant="primary"
      />
    );
  return (
    <ConfirmAction
      label={t('confirm')}
      title={t('confirm')}
      body={t('confirmBody')}
      confirmLabel={t('confirm')}
      input={props.input}
      run={confirmBranch}
      variant="primary"
    />
  );
}
