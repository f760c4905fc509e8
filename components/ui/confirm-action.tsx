'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/action-result';
import { Button } from './button';

/**
 * A button that asks before it acts: a modal dialog (focus trapped, Esc cancels) with the
 * consequence spelled out, then the server action, then a refresh of the page's data.
 */
export function ConfirmAction<I>({
  label,
  title,
  body,
  confirmLabel,
  input,
  run,
  variant = 'danger',
}: {
  label: string;
  title: string;
  body: string;
  confirmLabel: string;
  input: I;
  run: (input: I) => Promise<ActionResult<unknown>>;
  variant?: 'danger' | 'secondary' | 'primary';
}) {
  const t = useTranslations();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const confirm = () =>
    startTransition(async () => {
      const result = await run(input);
      if (result.ok) {
        dialog.current?.close();
        router.refresh();
      } else {
        setError(result.error);
      }
    });

  return (
    <>
      <Button
        variant={variant}
        size="sm"
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="confirm-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-black/40"
      >
        <div className="space-y-3 p-5">
          <h2 id="confirm-title" className="text-lg font-semibold">
            {title}
          </h2>
          <p className="text-sm text-stone-700">{body}</p>
          {error && (
            <p role="status" className="text-sm text-red-700">
              {t.has(`errors.${error}`) ? t(`errors.${error}`) : t('errors.unexpected')}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t('common.cancel')}
            </Button>
            <Button variant={variant} onClick={confirm} disabled={pending}>
              {pending ? t('common.working') : confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
