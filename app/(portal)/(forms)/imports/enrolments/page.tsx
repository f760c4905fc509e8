import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ImportStart } from '@/components/imports/import-start';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { recentJobs } from '@/db/queries/imports';
import { listSchemes } from '@/db/queries/mutual-aid';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { IMPORT_CAPABILITY } from '@/lib/imports/kinds';
import { optionalIdParam } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('importEnrolments') };
}

/**
 * An enrolment list (参保名单) from a spreadsheet: the importer picks the scheme and the year here
 * (the rows do not repeat them), then uploads; the dry run checks each row as the enrol action would.
 */
export default async function ImportEnrolmentsPage({
  searchParams,
}: {
  searchParams: Promise<{ scheme?: string; year?: string }>;
}) {
  const actor = await requirePermission(IMPORT_CAPABILITY.enrolments);
  const sp = await searchParams;
  const db = await getDb();
  const [schemes, jobs, t, en] = await Promise.all([
    listSchemes(db),
    recentJobs(db, actor, 'enrolments'),
    getTranslations('imports'),
    getLocale().then((l) => l === 'en'),
  ]);
  const schemeId = optionalIdParam.parse(sp.scheme);
  const scheme = schemes.find((s) => s.id === schemeId);
  const year = Number(/^\d{4}$/.test(sp.year ?? '') ? sp.year : todayInChina().slice(0, 4));
  const choice = (
    <Card title={t('enrolments.choose')} className="mb-4">
      <form method="get" action="/imports/enrolments" className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          {t('enrolments.scheme')}
          <select
            name="scheme"
            defaultValue={scheme?.id ?? ''}
            className="ml-2 rounded border border-stone-300 px-2 py-1"
            required
          >
            <option value="">—</option>
            {schemes.map((s) => (
              <option key={s.id} value={s.id}>
                {en ? s.nameEn : s.nameZh}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t('enrolments.year')}
          <input
            name="year"
            type="number"
            min={2000}
            max={2100}
            defaultValue={year}
            className="ml-2 w-24 rounded border border-stone-300 px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded border border-stone-300 px-3 py-1 text-sm">
          {t('enrolments.apply')}
        </button>
      </form>
    </Card>
  );
  return (
    <ImportStart
      kind="enrolments"
      jobs={jobs}
      subtitle={
        scheme ? t('enrolments.for', { name: en ? scheme.nameEn : scheme.nameZh, year }) : t('enrolments.intro')
      }
      choice={choice}
      query={scheme ? `?schemeId=${scheme.id}&year=${year}` : undefined}
    />
  );
}
