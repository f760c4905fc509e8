import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { DASHBOARD_CLIENT_MESSAGES, pickMessages } from '@/lib/i18n/client-messages';

/** The messages the dashboard's client sections read, and nothing more of the catalog. */
export async function DashboardMessages({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), DASHBOARD_CLIENT_MESSAGES)}>{children}</NextIntlClientProvider>;
}
