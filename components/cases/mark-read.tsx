'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { markNotificationsRead } from '@/lib/cases/case-actions';

/**
 * Opening a case reads its notifications. Done after mount, never during the server render (a
 * GET must not write), once even under React's doubled effects in development; the refresh
 * brings the bell's count down.
 */
export function MarkCaseRead({ caseId }: { caseId: number }) {
  const router = useRouter();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void markNotificationsRead({ caseId }).then((r) => {
      if (r.ok && r.data.read > 0) router.refresh();
    });
  }, [caseId, router]);
  return null;
}
