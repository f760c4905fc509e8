'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, ButtonLink } from '@/components/ui/button';

/**
 * Shown for any unexpected failure: no stack trace, only a reference the log can be searched for.
 * The error's text never reaches the browser in production, so the page asks the health check
 * whether the database is down, and if so says the service is temporarily unavailable.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('pages');
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    fetch('/api/health', { cache: 'no-store' })
      .then((r) => setUnavailable(r.status === 503))
      .catch(() => setUnavailable(true));
  }, []);
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">{t(unavailable ? 'unavailableTitle' : 'errorTitle')}</h1>
      <p className="mt-2 text-sm text-stone-600" aria-live="polite">
        {t(unavailable ? 'unavailableBody' : 'errorBody')}
      </p>
      {error.digest && <p className="mt-2 font-mono text-xs text-stone-500">{t('errorRef', { ref: error.digest })}</p>}
      <div className="mt-6 flex justify-center gap-2">
        <Button onClick={reset}>{t('retry')}</Button>
        <ButtonLink href="/dashboard">{t('backHome')}</ButtonLink>
      </div>
    </main>
  );
}
