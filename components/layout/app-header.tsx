import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/scope';
import { NAV, NAV_GROUPS } from '@/lib/nav';
import { can } from '@/lib/permissions';
import { HeaderBar } from './header-bar';

/**
 * Every signed-in page's header: what it says is decided here, on the server (the actor's
 * sections; the unread count the layout read); HeaderBar draws it. As server-rendered elements the header cost
 * every page several times what the same markup costs drawn from a few strings.
 */
export async function AppHeader({ actor, unread }: { actor: Actor; unread: number }) {
  const t = await getTranslations();
  return (
    <HeaderBar
      nav={NAV.filter((n) => can(actor.role, n.can)).map((n) => ({
        href: n.href,
        label: t(`nav.${n.key}`),
        group: n.group,
      }))}
      unread={unread}
      labels={{
        skipToContent: t('common.skipToContent'),
        home: t('app.title'),
        nav: t('nav.main'),
        menu: t('nav.menu'),
        closeMenu: t('nav.closeMenu'),
        groups: Object.fromEntries(NAV_GROUPS.map((g) => [g, t(`nav.groups.${g}`)])) as Record<
          (typeof NAV_GROUPS)[number],
          string
        >,
        bell: unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell'),
        name: actor.name,
        role: t(`roles.${actor.role}`),
        password: t('nav.password'),
        myData: t('nav.myData'),
        signOut: t('nav.signOut'),
      }}
    />
  );
}
