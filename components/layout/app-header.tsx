import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { logout } from '@/app/(portal)/actions';
import type { Actor } from '@/lib/scope';
import { NAV } from '@/lib/nav';
import { LocaleSwitcher } from './locale-switcher';
import { NavLinks } from './nav-links';
import { NotificationBell } from './notification-bell';
import { getDb } from '@/db/client';
import { unreadCount } from '@/db/queries/notifications';

export async function AppHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations();
  const unread = await unreadCount(await getDb(), actor);
  const items = NAV.filter((n) => n.roles.includes(actor.role)).map((n) => ({ href: n.href, label: t(`nav.${n.key}`) }));
  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t('common.skipToContent')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/dashboard" className="mr-auto font-semibold text-brand-800">
          {t('app.title')}
        </Link>
        <NotificationBell unread={unread} />
        <LocaleSwitcher />
        <details className="group relative">
          <summary className="flex min-h-10 cursor-pointer list-none items-center gap-1 rounded-md px-2 text-sm hover:bg-stone-100" data-testid="user-menu">
            <span>{actor.name}</span>
            <span className="text-stone-500">· {t(`roles.${actor.role}`)}</span>
          </summary>
          <div className="absolute right-0 z-20 mt-1 w-48 rounded-md border border-stone-200 bg-white p-1 shadow-lg">
            <Link href="/account/password" className="block rounded px-3 py-2 text-sm hover:bg-stone-100">
              {t('nav.password')}
            </Link>
            <form action={logout}>
              <button type="submit" className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-stone-100">
                {t('nav.signOut')}
              </button>
            </form>
          </div>
        </details>
      </div>
      <NavLinks items={items} label={t('nav.main')} />
    </header>
  );
}
