'use client';

import { clsx } from 'clsx';
import Link from 'next/link';
import { useState } from 'react';
import { FLAT_MENU_MAX, groupMenu, type MenuItem } from '@/lib/nav-menu';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Sheet, SheetClose, SheetContent, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import type { HeaderLabels } from './header-bar';

type Labels = Pick<HeaderLabels, 'nav' | 'menu' | 'closeMenu' | 'groups' | 'home'>;

const stripEntry = (active: boolean) =>
  clsx(
    'inline-flex min-h-10 items-center gap-1 border-b-2 px-3 text-sm',
    active ? 'border-brand-700 font-medium text-brand-800' : 'border-transparent text-stone-700 hover:text-stone-900',
  );

/**
 * The desktop's menu strip (lg and up). A short menu is a row of links; a long one (officials,
 * leaders) is a row of the kinds of work, each a link when it holds one section or a menu button
 * when it holds several. The current section's entry is underlined and, in a group, named.
 */
export function NavLinks({ items, current, labels }: { items: MenuItem[]; current: string | null; labels: Labels }) {
  const entries =
    items.length <= FLAT_MENU_MAX ? items.map((item) => ({ group: item.group, items: [item] })) : groupMenu(items);
  return (
    <nav aria-label={labels.nav} className="mx-auto hidden max-w-6xl px-2 lg:block">
      <ul className="flex flex-wrap gap-1">
        {entries.map(({ group, items: inGroup }) => {
          const active = inGroup.find((i) => i.href === current);
          if (inGroup.length === 1) {
            const [item] = inGroup;
            return (
              <li key={item.href}>
                <Link href={item.href} aria-current={active ? 'page' : undefined} className={stripEntry(!!active)}>
                  {item.label}
                </Link>
              </li>
            );
          }
          return (
            <li key={group}>
              <DropdownMenu>
                <DropdownMenuTrigger className={stripEntry(!!active)} data-testid={`nav-group-${group}`}>
                  {labels.groups[group]}
                  {active && (
                    <>
                      <span aria-hidden="true" className="text-stone-500">
                        ›
                      </span>
                      <span>{active.label}</span>
                    </>
                  )}
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current text-stone-600">
                    <path d="M5.5 7.5 10 12l4.5-4.5z" />
                  </svg>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="start">
                  {inGroup.map((item) => (
                    <DropdownMenuItem key={item.href} asChild>
                      <Link
                        href={item.href}
                        aria-current={item.href === current ? 'page' : undefined}
                        className="aria-[current=page]:font-medium aria-[current=page]:text-brand-800"
                      >
                        {item.label}
                      </Link>
                    </DropdownMenuItem>
                  ))}
                </DropdownMenuContent>
              </DropdownMenu>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * Below lg: one button that names the current section and opens the whole menu as a drawer from
 * the left, grouped by the work, the current section marked. Following a link closes it.
 */
export function MainMenuSheet({
  items,
  current,
  labels,
}: {
  items: MenuItem[];
  current: string | null;
  labels: Labels;
}) {
  const [open, setOpen] = useState(false);
  const currentLabel = items.find((i) => i.href === current)?.label;
  const groups = groupMenu(items);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger
        className="flex min-h-10 min-w-0 items-center gap-2 rounded-md px-2 text-sm hover:bg-stone-100 lg:hidden"
        data-testid="menu-button"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 shrink-0 fill-none stroke-current stroke-2">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
        <span className="sr-only">{labels.menu}</span>
        <span aria-hidden={!currentLabel} className="truncate font-medium text-brand-800">
          {currentLabel ?? labels.menu}
        </span>
      </SheetTrigger>
      <SheetContent>
        <div className="flex items-center justify-between border-b border-stone-200 px-4 py-3">
          <SheetTitle asChild>
            <Link href="/dashboard" onClick={() => setOpen(false)}>
              {labels.home}
            </Link>
          </SheetTitle>
          <SheetClose
            aria-label={labels.closeMenu}
            className="inline-flex min-h-10 min-w-10 items-center justify-center rounded-md hover:bg-stone-100"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-none stroke-current stroke-2">
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
          </SheetClose>
        </div>
        <nav aria-label={labels.nav} className="p-2">
          {groups.map(({ group, items: inGroup }) => (
            <section key={group} className="py-1">
              {!(inGroup.length === 1 && group === 'dashboard') && (
                <h2 className="px-3 pb-1 pt-2 text-xs font-medium text-stone-600">{labels.groups[group]}</h2>
              )}
              <ul>
                {inGroup.map((item) => {
                  const active = item.href === current;
                  return (
                    <li key={item.href}>
                      <Link
                        href={item.href}
                        onClick={() => setOpen(false)}
                        aria-current={active ? 'page' : undefined}
                        className={clsx(
                          'flex min-h-10 items-center rounded-md border-l-4 px-3 text-sm',
                          active
                            ? 'border-brand-700 bg-brand-50 font-medium text-brand-800'
                            : 'border-transparent text-stone-800 hover:bg-stone-100',
                        )}
                      >
                        {item.label}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </nav>
      </SheetContent>
    </Sheet>
  );
}
