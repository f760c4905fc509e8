'use client';

import { useTranslations } from 'next-intl';

/** A form-level message (success or failure); the key comes from the action result. */
export function FormAlert({ error, success }: { error?: string | null; success?: string | null }) {
  const t = useTranslations();
  if (!error && !success) return <div aria-live="polite" />;
  const key = error ? `errors.${error}` : `${success}`;
  const text = t.has(key) ? t(key) : t(error ? 'errors.unexpected' : 'common.saved');
  return (
    <div
      aria-live="polite"
      data-testid={error ? 'form-error' : 'form-success'}
      className={
        error ? 'rounded-md bg-red-50 p-3 text-sm text-red-800' : 'rounded-md bg-green-50 p-3 text-sm text-green-800'
      }
    >
      {text}
    </div>
  );
}
