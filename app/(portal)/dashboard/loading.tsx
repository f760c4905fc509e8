import { getTranslations } from 'next-intl/server';

export default async function Loading() {
  const t = await getTranslations('common');
  return (
    <div role="status" className="flex items-center gap-2 py-10 text-sm text-stone-600">
      <span className="size-4 animate-spin rounded-full border-2 border-stone-300 border-t-brand-700" aria-hidden />
      {t('loading')}
    </div>
  );
}
