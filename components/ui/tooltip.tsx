'use client';

import { clsx } from 'clsx';
import { Tooltip as Primitive } from 'radix-ui';
import type { ComponentProps } from 'react';

/**
 * A short label shown on hover and on keyboard focus (Radix's tooltip): for controls that show an
 * icon only. It repeats the control's accessible name for sighted mouse and keyboard users; it is
 * never the only place a piece of information lives (a touch screen does not show it).
 */
export function Tooltip({
  label,
  children,
  side = 'bottom',
}: {
  label: string;
  children: React.ReactNode;
  side?: ComponentProps<typeof Primitive.Content>['side'];
}) {
  return (
    <Primitive.Provider delayDuration={300}>
      <Primitive.Root>
        <Primitive.Trigger asChild>{children}</Primitive.Trigger>
        <Primitive.Portal>
          <Primitive.Content
            side={side}
            sideOffset={4}
            collisionPadding={8}
            className={clsx('z-50 rounded bg-stone-900 px-2 py-1 text-xs text-white shadow')}
          >
            {label}
          </Primitive.Content>
        </Primitive.Portal>
      </Primitive.Root>
    </Primitive.Provider>
  );
}
