import { getTranslations } from 'next-intl/server';
import { ButtonLink } from './button';

/** The 403 and 404 pages: a code, a sentence, and the way back. */
export async function StatusPage({ code, kind }: { code: 403 | 404; kind: 'forbidden' | 'notFound' }) {
  const t = await getTranslations('pages');
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-5xl font-semibold text-stone-300">{code}</p>
      <h1 className="mt-4 text-xl font-semibold">{t(`${kind}Title`)}</h1>
      <p className="mt-2 text-sm text-stone-600">{t(`${kind}Body`)}</p>
      <ButtonLink href="/dashboard" className="mt-6">
        {t('backHome')}
      </ButtonLink>
    </main>
  );
}
