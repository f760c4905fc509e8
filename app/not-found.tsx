import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';

export default async function NotFound() {
  const t = await getTranslations('pages');
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-5xl font-semibold text-stone-300">404</p>
      <h1 className="mt-4 text-xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-sm text-stone-600">{t('notFoundBody')}</p>
      <ButtonLink href="/dashboard" className="mt-6">
        {t('backHome')}
      </ButtonLink>
    </main>
  );
}
