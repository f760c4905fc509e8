'use client';

import { clsx } from 'clsx';
import { Dialog as Primitive } from 'radix-ui';
import type { ComponentProps } from 'react';

/**
 * A panel that slides in from the left edge over the page (Radix's dialog as shadcn/ui's "sheet"):
 * the phone's main menu. Modal, so focus stays in it until it closes (Esc, the close button, a tap
 * outside, or following a link).
 */
export const Sheet = Primitive.Root;
export const SheetTrigger = Primitive.Trigger;
export const SheetClose = Primitive.Close;

export function SheetContent({ className, children, ...props }: ComponentProps<typeof Primitive.Content>) {
  return (
    <Primitive.Portal>
      <Primitive.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <Primitive.Content
        aria-describedby={undefined}
        className={clsx(
          'fixed inset-y-0 left-0 z-50 flex w-[min(20rem,calc(100vw-3rem))] flex-col overflow-y-auto bg-white shadow-xl',
          className,
        )}
        {...props}
      >
        {children}
      </Primitive.Content>
    </Primitive.Portal>
  );
}

export function SheetTitle({ className, ...props }: ComponentProps<typeof Primitive.Title>) {
  return <Primitive.Title className={clsx('font-semibold text-brand-800', className)} {...props} />;
}
