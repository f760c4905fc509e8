'use client';

import { NextIntlClientProvider } from 'next-intl';
import { useMemo } from 'react';

/**
 * next-intl's client provider, given its messages as one JSON string. Handed over as an object, the
 * catalog's hundreds of strings are serialised one by one into the page's RSC payload and revived
 * one by one for the HTML, on every request; as one string they cost about what their bytes do.
 * ClientMessages (components/layout/client-messages.tsx) is the one way to render it.
 */
export function MessagesProvider({ locale, timeZone, json, children }: { locale: string; timeZone: string; json: string; children: React.ReactNode }) {
  const messages = useMemo(() => JSON.parse(json), [json]);
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messages}>
      {children}
    </NextIntlClientProvider>
  );
}
