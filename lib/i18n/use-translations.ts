import { _createCache, _createIntlFormatters, createTranslator, useLocale, useMessages, useTimeZone } from 'next-intl';
import type { AbstractIntlMessages, useTranslations as useTranslationsOfNextIntl } from 'next-intl';

/*
 * One cache of compiled messages and Intl formatters per process (per tab in the browser), where
 * next-intl's provider makes a new one for every render: on the server that meant parsing every
 * ICU message a page uses and building its Intl formatters again for each request (~0.3 ms of CPU
 * on a leader's dashboard). The entries are keyed by the message text, locale and formats, and
 * bounded by the catalog.
 */
export const sharedIntlCache = _createCache();
const formatters = _createIntlFormatters(sharedIntlCache);

/**
 * The translators themselves, per catalog object (each catalog is parsed once per process:
 * components/layout/messages-provider.tsx), locale, time zone and namespace. A translator holds no
 * state of its own; building one per component per render was another ~0.15 ms a dashboard.
 */
const translators = new WeakMap<AbstractIntlMessages, Map<string, unknown>>();

function translatorFor(
  locale: string,
  messages: AbstractIntlMessages,
  timeZone: string | undefined,
  namespace: string | undefined,
) {
  let ofCatalog = translators.get(messages);
  if (!ofCatalog) translators.set(messages, (ofCatalog = new Map()));
  const key = `${locale}|${timeZone ?? ''}|${namespace ?? ''}`;
  let translator = ofCatalog.get(key);
  if (!translator) {
    translator = createTranslator({
      locale,
      messages,
      namespace,
      timeZone,
      _cache: sharedIntlCache,
      _formatters: formatters,
    });
    ofCatalog.set(key, translator);
  }
  return translator;
}

/**
 * next-intl's `useTranslations`, drawing on the shared caches. The one way components translate
 * without `await` (server components that can await use `getTranslations`).
 */
export const useTranslations = ((namespace?: string) =>
  translatorFor(useLocale(), useMessages(), useTimeZone(), namespace)) as typeof useTranslationsOfNextIntl;
