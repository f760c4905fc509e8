'use client';

import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { approveBatch, confirmPremiumPart } from '@/lib/premiums/premium-actions';

type Props =
  | { kind: 'approve'; input: { batchId: number; version: number } }
  | { kind: 'confirm'; input: { batchId: number; unitId: number } };

/** The steps that fix the list — a sub-branch's confirmation and the leader's approval — asked first. */
export function PremiumActionButton(props: Props) {
  const t = useTranslations('premiums');
  if (props.kind === 'approve')
    return (
      <ConfirmAction
        label={t('approve')}
        title={t('approve')}
        body={t('approveBody')}
        confirmLabel={t('approve')}
        input={props.input}
        run={approveBatch}
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
      run={confirmPremiumPart}
      variant="primary"
    />
  );
}
