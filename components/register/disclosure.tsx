import { clsx } from 'clsx';
import type { ReactNode } from 'react';

/** The markup of a Disclosure's summary, shared with LazyDisclosure. */
export function DisclosureSummary({ summary, tone = 'neutral' }: { summary: ReactNode; tone?: 'neutral' | 'danger' }) {
  return (
    <summary
      className={clsx(
        'flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-3 py-2 text-sm font-medium hover:bg-stone-50',
        tone === 'danger' ? 'text-red-800' : 'text-stone-800',
      )}
    >
      {summary}
      <span aria-hidden="true" className="text-stone-400 transition-transform group-open:rotate-180">
        ▾
      </span>
    </summary>
  );
}

export const DISCLOSURE_CLASS = 'group rounded-md border border-stone-200 bg-white';
export const DISCLOSURE_BODY_CLASS = 'border-t border-stone-200 p-3';

/**
 * A titled section that opens on demand (<details>): keeps a page with many forms short on a
 * phone, works by keyboard (Enter/Space on the summary) and without JavaScript.
 */
export function Disclosure({
  summary,
  children,
  open = false,
  tone = 'neutral',
}: {
  summary: ReactNode;
  children: ReactNode;
  open?: boolean;
  tone?: 'neutral' | 'danger';
}) {
  return (
    <details open={open} className={DISCLOSURE_CLASS}>
      <DisclosureSummary summary={summary} tone={tone} />
      <div className={DISCLOSURE_BODY_CLASS}>{children}</div>
    </details>
  );
}
