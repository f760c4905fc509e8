import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { messagesFor } from './catalog';
import { LOCALE_COOKIE, resolveLocale } from './locales';
import { TIME_ZONE } from '@/lib/dates';

export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE };
});
