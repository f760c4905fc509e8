'use client';

import { useTranslations } from 'next-intl';
import { ButtonLink } from './button';

/**
 * The 403 and 404 pages: a code, a sentence, and the way back. A client component: every page
 * renders the layouts' 403/404 fallbacks whether they are shown or not, and as server-rendered
 * elements they cost each request more than as a client component. Its words are in the root
 * message set, which every page has above its layouts' fallbacks.
 */
export function StatusPage({ code, kind }: { code: 403 | 404; kind: 'forbidden' | 'notFound' }) {
  const t = useTranslations('pages');
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-5xl font-semibold text-stone-500">{code}</p>
      <h1 className="mt-4 text-xl font-semibold">{t(`${kind}Title`)}</h1>
      <p className="mt-2 text-sm text-stone-600">{t(`${kind}Body`)}</p>
      <ButtonLink href="/dashboard" className="mt-6">
        {t('backHome')}
      </ButtonLink>
    </main>
  );
}
