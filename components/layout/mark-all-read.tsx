'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { markNotificationsRead } from '@/lib/cases/case-actions';
import { Button } from '@/components/ui/button';

export function MarkAllRead() {
  const t = useTranslations('notifications');
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await markNotificationsRead({});
          router.refresh();
        })
      }
    >
      {t('markAllRead')}
    </Button>
  );
}
