'use client';

import { clsx } from 'clsx';
import { AlertDialog as Primitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { buttonClass } from './button';

/**
 * A modal question before something that cannot be taken back (Radix's alert dialog, styled the
 * way shadcn/ui does): focus moves in and is trapped, Esc and Cancel close it, focus returns to the
 * button that opened it, and the title and description get their own ids through useId, so any
 * number of them can sit on one page.
 */
export const AlertDialog = Primitive.Root;
export const AlertDialogTrigger = Primitive.Trigger;

export function AlertDialogContent({ className, children, ...props }: ComponentProps<typeof Primitive.Content>) {
  return (
    <Primitive.Portal>
      <Primitive.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <Primitive.Content
        className={clsx(
          'fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-3 rounded-lg bg-white p-5 shadow-xl',
          className,
        )}
        {...props}
      >
        {children}
      </Primitive.Content>
    </Primitive.Portal>
  );
}

export function AlertDialogTitle({ className, ...props }: ComponentProps<typeof Primitive.Title>) {
  return <Primitive.Title className={clsx('text-lg font-semibold', className)} {...props} />;
}

export function AlertDialogDescription({ className, ...props }: ComponentProps<typeof Primitive.Description>) {
  return <Primitive.Description className={clsx('text-sm text-stone-700', className)} {...props} />;
}

export function AlertDialogFooter({ className, ...props }: ComponentProps<'div'>) {
  return <div className={clsx('flex flex-wrap justify-end gap-2', className)} {...props} />;
}

export function AlertDialogCancel({ className, ...props }: ComponentProps<typeof Primitive.Cancel>) {
  return <Primitive.Cancel className={buttonClass('secondary', 'md', className)} {...props} />;
}
