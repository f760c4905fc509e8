'use client';

import Link from 'next/link';
import { useRef } from 'react';
import { logout } from '@/lib/auth/logout-actions';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import type { HeaderLabels } from './header-bar';

/**
 * The signed-in person's name, and under it changing the password and signing out. The list opens
 * aligned to the button's right edge and is kept on the screen; on a phone the button shows the
 * name only and the list repeats the role.
 */
export function AccountMenu({
  labels,
}: {
  labels: Pick<HeaderLabels, 'name' | 'role' | 'password' | 'myData' | 'signOut'>;
}) {
  const signOutForm = useRef<HTMLFormElement>(null);
  return (
    <>
      {/* The sign-out form stays in the header: the menu closes (and leaves the page) as its item is
          chosen, so a submit button inside it would be gone before the browser submitted. */}
      <form ref={signOutForm} action={logout} className="hidden" />
      <DropdownMenu>
        <DropdownMenuTrigger
          className="flex min-h-10 max-w-40 items-center gap-1 rounded-md px-2 text-sm hover:bg-stone-100 data-[state=open]:bg-stone-100 sm:max-w-none"
          data-testid="user-menu"
        >
          <span className="truncate">{labels.name}</span>
          <span className="hidden text-stone-600 sm:inline">· {labels.role}</span>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-current text-stone-600">
            <path d="M5.5 7.5 10 12l4.5-4.5z" />
          </svg>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuLabel>
            {labels.name} · {labels.role}
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/account/password">{labels.password}</Link>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <Link href="/account/data">{labels.myData}</Link>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>{labels.signOut}</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
