import { getLocale, getTimeZone } from 'next-intl/server';
import { clientMessagesJson, type ClientMessageSet } from '@/lib/i18n/client-messages';
import { resolveLocale } from '@/lib/i18n/locales';
import { MessagesProvider } from './messages-provider';

/** The messages of one set (lib/i18n/client-messages.ts) for the client components below. */
export async function ClientMessages({ set, children }: { set: ClientMessageSet; children: React.ReactNode }) {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return (
    <MessagesProvider locale={locale} timeZone={timeZone} json={clientMessagesJson(resolveLocale(locale), set)}>
      {children}
    </MessagesProvider>
  );
}
