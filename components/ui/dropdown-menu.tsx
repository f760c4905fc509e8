'use client';

import { clsx } from 'clsx';
import { DropdownMenu as Primitive } from 'radix-ui';
import type { ComponentProps } from 'react';

/**
 * A button that opens a list of choices (Radix's dropdown menu, styled the way shadcn/ui does):
 * arrow keys move, typing a letter jumps, Esc closes and returns focus to the button. The list is
 * placed against the button and kept inside the screen (8 px from its edges), so it never opens
 * off the edge of a phone.
 */
export function DropdownMenu(props: ComponentProps<typeof Primitive.Root>) {
  // Not modal: a modal menu hides the rest of the page with aria-hidden while its links stay
  // focusable (axe: aria-hidden-focus); focus still moves into the list and Esc brings it back.
  return <Primitive.Root modal={false} {...props} />;
}
export const DropdownMenuTrigger = Primitive.Trigger;

export function DropdownMenuContent({
  className,
  sideOffset = 4,
  collisionPadding = 8,
  ...props
}: ComponentProps<typeof Primitive.Content>) {
  return (
    <Primitive.Portal>
      <Primitive.Content
        sideOffset={sideOffset}
        collisionPadding={collisionPadding}
        className={clsx(
          'z-50 min-w-48 max-w-[calc(100vw-1rem)] rounded-md border border-stone-200 bg-white p-1 text-sm shadow-lg',
          className,
        )}
        {...props}
      />
    </Primitive.Portal>
  );
}

export const menuItemClass =
  'flex min-h-10 w-full cursor-pointer select-none items-center gap-2 rounded px-3 py-2 text-left outline-none data-[highlighted]:bg-stone-100 data-[disabled]:opacity-60';

export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof Primitive.Item>) {
  return <Primitive.Item className={clsx(menuItemClass, className)} {...props} />;
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof Primitive.Label>) {
  return <Primitive.Label className={clsx('px-3 py-2 text-xs text-stone-600', className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<typeof Primitive.Separator>) {
  return <Primitive.Separator className={clsx('-mx-1 my-1 h-px bg-stone-200', className)} {...props} />;
}
