'use client';

import { NextIntlClientProvider } from 'next-intl';
import type { AbstractIntlMessages } from 'next-intl';

/**
 * Parsed catalogs by their JSON. There are only a few (a set per part of the app per locale), and
 * each is the same string on every request: on the server, parsing the forms set's 28 KB again for
 * every page cost more than rendering the form. The cap only guards against a misuse.
 */
const parsed = new Map<string, AbstractIntlMessages>();
const MAX_PARSED = 32;

function messagesOf(json: string): AbstractIntlMessages {
  let messages = parsed.get(json);
  if (!messages) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(json, (messages = JSON.parse(json) as AbstractIntlMessages));
  }
  return messages;
}

/**
 * next-intl's client provider, given its messages as one JSON string. Handed over as an object, the
 * catalog's hundreds of strings are serialised one by one into the page's RSC payload and revived
 * one by one for the HTML, on every request; as one string they cost about what their bytes do.
 * ClientMessages (components/layout/client-messages.tsx) is the one way to render it.
 */
export function MessagesProvider({
  locale,
  timeZone,
  json,
  children,
}: {
  locale: string;
  timeZone: string;
  json: string;
  children: React.ReactNode;
}) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messagesOf(json)}>
      {children}
    </NextIntlClientProvider>
  );
}
