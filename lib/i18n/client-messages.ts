import type { AbstractIntlMessages } from 'next-intl';
import { messagesFor } from './catalog';
import type { Locale } from './locales';

/**
 * The namespaces no client component of the form sections reads (the dashboard's own get theirs
 * from DASHBOARD_CLIENT_MESSAGES). Every page embeds the messages it hands to client components,
 * so leaving these out keeps each response smaller; a client component outside the dashboard that
 * starts using one of them must take it off this list (tests/unit/i18n.test.ts checks that).
 */
export const SERVER_ONLY_NAMESPACES = [
  'app',
  'dashboard',
  'audit',
  'nav',
  'pairings',
  'caseDashboard',
  'dashboardFilters',
] as const;

function formsMessages(all: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(
    Object.entries(all).filter(([ns]) => !(SERVER_ONLY_NAMESPACES as readonly string[]).includes(ns)),
  );
}

/** What client components outside the form sections use: the language switch and the error page. */
export const ROOT_CLIENT_NAMESPACES = ['common', 'pages'] as const;

/**
 * What the dashboard's sections read. They are client components fed with plain figures: sent as
 * data, a table of 20 units costs the server a fraction of what the same table costs as a tree of
 * server-rendered elements (each cell serialised into the page's RSC payload, parsed back and
 * rendered again for the HTML). Dotted paths send one part of a namespace.
 */
export const DASHBOARD_CLIENT_MESSAGES = [
  'common',
  'dashboard',
  'dashboardFilters',
  'caseDashboard',
  'register.categories',
  'register.helperKinds',
  'register.taskStatuses',
  'aid.kinds',
  'aid.caseKinds',
  'aid.steps',
  'aid.states',
] as const;

/** Only the given paths ('ns' or 'ns.group') of a catalog, nested as in the catalog. */
export function pickMessages(all: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: Record<string, AbstractIntlMessages | string> = {};
  for (const p of paths) {
    const [ns, group] = p.split('.', 2);
    const source = all[ns];
    if (source === undefined) continue;
    if (group === undefined || typeof source === 'string') {
      picked[ns] = source;
      continue;
    }
    const part = source[group];
    if (part === undefined) continue;
    const into = (picked[ns] ??= {}) as Record<string, unknown>;
    into[group] = part;
  }
  return picked;
}

/** What each part of the app hands its client components. */
const SETS = {
  /** Every page: the language switch and the error page. */
  root: (all: AbstractIntlMessages) => pickMessages(all, ROOT_CLIENT_NAMESPACES),
  /** The sections with forms. */
  forms: formsMessages,
  dashboard: (all: AbstractIntlMessages) => pickMessages(all, DASHBOARD_CLIENT_MESSAGES),
};
export type ClientMessageSet = keyof typeof SETS;

// The catalogs are fixed for the life of the process, so each set's JSON is made once per locale.
const json = new Map<string, string>();

/** One set of a locale's messages as JSON, made once per process. */
export function clientMessagesJson(locale: Locale, set: ClientMessageSet): string {
  const key = `${locale}|${set}`;
  let text = json.get(key);
  if (text === undefined) {
    text = JSON.stringify(SETS[set](messagesFor(locale)));
    json.set(key, text);
  }
  return text;
}
