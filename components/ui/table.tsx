import { clsx } from 'clsx';
import { useId, type ComponentProps, type ReactNode } from 'react';

/**
 * A table that scrolls sideways in its own box on a narrow screen instead of widening the page.
 * The box is a focusable region named by the caption, so a keyboard user can reach it and scroll
 * it with the arrow keys (axe: scrollable-region-focusable), and a shadow at an edge shows that
 * more columns lie that way. It is `relative` so that a visually hidden label inside a cell is
 * placed within the box rather than stretching the page (position: absolute of `sr-only`).
 */
export function Table({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  const captionId = useId();
  return (
    <div
      className="scroll-shadows relative overflow-x-auto rounded-lg border border-stone-200 bg-white"
      {...(caption ? { role: 'region', 'aria-labelledby': captionId, tabIndex: 0 } : {})}
    >
      <table className="min-w-full divide-y divide-stone-200 text-sm">
        {caption && (
          <caption id={captionId} className="sr-only">
            {caption}
          </caption>
        )}
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
