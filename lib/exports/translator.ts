import { createTranslator } from 'next-intl';
import { messagesFor } from '@/lib/i18n/catalog';
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/locales';
import type { Translate } from './columns';

/** The language of an export's headers: the NEXT_LOCALE cookie, as the pages read it. */
export function translatorFor(request: Request): Translate {
  const cookie = request.headers.get('cookie') ?? '';
  const raw = cookie
    .split(/;\s*/)
    .find((c) => c.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  const locale = resolveLocale(raw && decodeURIComponent(raw));
  const t = createTranslator({ locale, messages: messagesFor(locale) });
  return (key, values) => t(key as never, values as never);
}
