import { _createCache, _createIntlFormatters, createTranslator, useLocale, useMessages, useTimeZone } from 'next-intl';
import type { useTranslations as useTranslationsOfNextIntl } from 'next-intl';
import { useMemo } from 'react';

/*
 * One cache of compiled messages and Intl formatters per process (per tab in the browser), where
 * next-intl's provider makes a new one for every render: on the server that meant parsing every
 * ICU message a page uses and building its Intl formatters again for each request (~0.3 ms of CPU
 * on a leader's dashboard). The entries are keyed by the message text, locale and formats, and
 * bounded by the catalog.
 */
export const sharedIntlCache = _createCache();
const cache = sharedIntlCache;
const formatters = _createIntlFormatters(cache);

/**
 * next-intl's `useTranslations`, drawing on the shared cache. The one way components translate
 * without `await` (server components that can await use `getTranslations`).
 */
export const useTranslations = ((namespace?: string) => {
  const locale = useLocale();
  const messages = useMessages();
  const timeZone = useTimeZone();
  return useMemo(
    () => createTranslator({ locale, messages, namespace, timeZone, _cache: cache, _formatters: formatters }),
    [locale, messages, namespace, timeZone],
  );
}) as typeof useTranslationsOfNextIntl;
