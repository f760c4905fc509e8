'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavGroup } from '@/lib/nav';
import { currentHref, type MenuItem } from '@/lib/nav-menu';
import { AccountMenu } from './account-menu';
import { LocaleSwitcher } from './locale-switcher';
import { MainMenuSheet, NavLinks } from './nav-links';
import { NotificationBell } from './notification-bell';

export interface HeaderLabels {
  skipToContent: string;
  home: string;
  nav: string;
  menu: string;
  closeMenu: string;
  groups: Record<NavGroup, string>;
  bell: string;
  name: string;
  role: string;
  password: string;
  myData: string;
  signOut: string;
}

/**
 * The header's markup, from what AppHeader (components/layout/app-header.tsx) decided. On a desktop
 * (lg and up): the title and the tools, then the menu strip. Below that one row of 56 px: the menu
 * button, which names the current section and opens the menu as a drawer, then the tools.
 */
export function HeaderBar({ nav, unread, labels }: { nav: MenuItem[]; unread: number; labels: HeaderLabels }) {
  const current = currentHref(
    nav.map((n) => n.href),
    usePathname(),
  );
  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {labels.skipToContent}
      </a>
      <div className="mx-auto flex max-w-6xl items-center gap-1 px-2 py-2 sm:gap-2 lg:px-4">
        <MainMenuSheet items={nav} current={current} labels={labels} />
        <Link href="/dashboard" className="hidden font-semibold text-brand-800 lg:inline">
          {labels.home}
        </Link>
        <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
          <NotificationBell unread={unread} label={labels.bell} />
          <LocaleSwitcher />
          <AccountMenu labels={labels} />
        </div>
      </div>
      <NavLinks items={nav} current={current} labels={labels} />
    </header>
  );
}
