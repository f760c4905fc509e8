import { cookies } from 'next/headers';
import { getRequestConfig, type RequestConfig } from 'next-intl/server';
import { messagesFor } from './catalog';
import { LOCALE_COOKIE, resolveLocale } from './locales';
import { sharedIntlCache } from './use-translations';
import { TIME_ZONE } from '@/lib/dates';

export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  // `_cache` (next-intl passes the config on to its translators) lets getTranslations keep the
  // messages it compiles across requests too, as useTranslations does (./use-translations.ts).
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE, _cache: sharedIntlCache } as RequestConfig;
});
