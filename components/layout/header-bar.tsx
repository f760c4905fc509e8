'use client';

import Link from 'next/link';
import { logout } from '@/lib/auth/logout-actions';
import { LocaleSwitcher } from './locale-switcher';
import { NavLinks } from './nav-links';
import { NotificationBell } from './notification-bell';

export interface HeaderLabels {
  skipToContent: string;
  home: string;
  nav: string;
  bell: string;
  name: string;
  role: string;
  password: string;
  signOut: string;
}

/** The header's markup, from what AppHeader (components/layout/app-header.tsx) decided. */
export function HeaderBar({
  nav,
  unread,
  labels,
}: {
  nav: { href: string; label: string }[];
  unread: number;
  labels: HeaderLabels;
}) {
  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {labels.skipToContent}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/dashboard" className="mr-auto font-semibold text-brand-800">
          {labels.home}
        </Link>
        <NotificationBell unread={unread} label={labels.bell} />
        <LocaleSwitcher />
        <details className="group relative">
          <summary
            className="flex min-h-10 cursor-pointer list-none items-center gap-1 rounded-md px-2 text-sm hover:bg-stone-100"
            data-testid="user-menu"
          >
            <span>{labels.name}</span>
            <span className="text-stone-500">· {labels.role}</span>
          </summary>
          <div className="absolute right-0 z-20 mt-1 w-48 rounded-md border border-stone-200 bg-white p-1 shadow-lg">
            <Link href="/account/password" className="block rounded px-3 py-2 text-sm hover:bg-stone-100">
              {labels.password}
            </Link>
            <form action={logout}>
              <button type="submit" className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-stone-100">
                {labels.signOut}
              </button>
            </form>
          </div>
        </details>
      </div>
      <NavLinks items={nav} label={labels.nav} />
    </header>
  );
}
