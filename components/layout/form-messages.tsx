import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { clientMessages } from '@/lib/i18n/client-messages';

/**
 * The messages client-side forms need (field errors, labels of every section). Only the sections
 * with forms get them: each page embeds its client messages, and the dashboard, opened by
 * everyone every morning, has no form to translate.
 */
export async function FormMessages({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={clientMessages(await getMessages())}>{children}</NextIntlClientProvider>;
}
