'use client';

import { clsx } from 'clsx';
import { useErrorText } from './error-text';
import { useId, type ReactNode } from 'react';

const control =
  'block w-full rounded-md border bg-white px-3 py-2 text-base sm:text-sm min-h-10 disabled:bg-stone-100 aria-[invalid=true]:border-red-600';

/**
 * A labelled control with its error right beside it. `error` is a key of the `errors` catalog
 * (the same key the zod schema and the server use); the text is announced when it appears.
 */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
    className: string;
  }) => ReactNode;
}) {
  const errorText = useErrorText();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': !!error,
        'aria-describedby': describedBy,
        className: clsx(control, 'border-stone-300'),
      })}
      {hint && (
        <p id={hintId} className="text-xs text-stone-500">
          {hint}
        </p>
      )}
      <p id={errorId} aria-live="polite" className="min-h-0 text-sm text-red-700">
        {errorText(error)}
      </p>
    </div>
  );
}
