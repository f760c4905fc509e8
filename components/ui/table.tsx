import { clsx } from 'clsx';
import type { ComponentProps, ReactNode } from 'react';

/** A table that scrolls sideways on a narrow screen instead of breaking the page. */
export function Table({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full divide-y divide-stone-200 text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope="col"
      className={clsx('whitespace-nowrap bg-stone-50 px-3 py-2 text-left font-medium text-stone-700', className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={clsx('whitespace-nowrap px-3 py-2', className)} {...props} />;
}
