import type { AbstractIntlMessages } from 'next-intl';

/**
 * The namespaces only server components use. Every page embeds the messages it hands to client
 * components, so leaving these out keeps each response smaller; a client component that starts
 * using one of them must take it off this list (tests/unit/i18n.test.ts checks that).
 */
export const SERVER_ONLY_NAMESPACES = ['app', 'dashboard', 'audit', 'nav', 'pairings', 'caseDashboard', 'dashboardFilters'] as const;

export function clientMessages(all: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(Object.entries(all).filter(([ns]) => !(SERVER_ONLY_NAMESPACES as readonly string[]).includes(ns)));
}

/** What client components outside the form sections use: the language switch and the error page. */
export const ROOT_CLIENT_NAMESPACES = ['common', 'pages'] as const;

export function pickNamespaces(all: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(Object.entries(all).filter(([ns]) => namespaces.includes(ns)));
}
