import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

/**
 * The administrator's export of a person's data for their request: a plain form post, so the
 * browser saves the answer as a file and the page stays as it is.
 */
export async function OwnDataRequestForm({ userId }: { userId: number }) {
  const t = await getTranslations('ownData');
  return (
    <form method="post" action={`/api/admin/users/${userId}/own-data`} className="space-y-3">
      <p className="text-sm text-stone-600">{t('adminHint')}</p>
      <div className="space-y-1">
        <label htmlFor="own-data-reason" className="block text-sm font-medium text-stone-800">
          {t('reason')}
        </label>
        <textarea
          id="own-data-reason"
          name="reason"
          required
          maxLength={500}
          rows={2}
          className="block min-h-10 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm"
        />
      </div>
      <button type="submit" className={buttonClass('secondary')}>
        {t('produce')}
      </button>
    </form>
  );
}
