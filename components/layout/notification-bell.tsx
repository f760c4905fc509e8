import Link from 'next/link';
import { casePaths } from '@/lib/cases/paths';
import { Tooltip } from '@/components/ui/tooltip';

/**
 * The bell: a link to the notifications with the unread count; `label` says the count too, for a
 * screen reader, and the tooltip for whoever cannot guess the icon. Drawn by the header
 * (components/layout/header-bar.tsx).
 */
export function NotificationBell({ unread, label }: { unread: number; label: string }) {
  return (
    <Tooltip label={label}>
      <Link
        href={casePaths.notifications}
        className="relative inline-flex min-h-10 min-w-10 items-center justify-center rounded-md hover:bg-stone-100 print:hidden"
        aria-label={label}
        data-testid="notification-bell"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5 fill-none stroke-current stroke-2 text-stone-700"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
            data-testid="unread-count"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
    </Tooltip>
  );
}
