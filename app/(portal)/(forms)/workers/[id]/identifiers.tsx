'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { RevealDialog } from '@/components/ui/reveal-dialog';
import { revealIdentifiers } from '@/lib/people/worker-actions';

/** The worker's ID number and phone, masked; the full ones on "show" with a reason (audited). */
export function Identifiers({
  userId,
  idNumberMasked,
  phoneMasked,
  canReveal,
}: {
  userId: number;
  idNumberMasked: string;
  phoneMasked: string;
  canReveal: boolean;
}) {
  const t = useTranslations();
  const [full, setFull] = useState<{ idNumber: string; phone: string } | null>(null);
  return (
    <>
      <div>
        <dt className="text-stone-500">{t('people.idNumber')}</dt>
        <dd className="font-mono" data-testid="id-number">
          {(full ? full.idNumber : idNumberMasked) || '—'}
        </dd>
      </div>
      <div>
        <dt className="text-stone-500">{t('people.phone')}</dt>
        <dd className="font-mono" data-testid="phone">
          {(full ? full.phone : phoneMasked) || '—'}
        </dd>
      </div>
      {canReveal && (idNumberMasked || phoneMasked) && (
        <div>
          {full ? (
            <p role="status" className="text-xs text-stone-500">
              {t('reveal.shown')}
            </p>
          ) : (
            <RevealDialog run={(reason) => revealIdentifiers({ userId, reason })} onRevealed={setFull} />
          )}
        </div>
      )}
    </>
  );
}
