'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/action-result';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from './alert-dialog';
import { Button } from './button';
import { tooLong } from '@/lib/validation/messages';
import { useErrorText } from './error-text';

const MAX = 200;

/**
 * The one way a full ID number or phone reaches the browser: a "show" button, a modal asking why
 * (required, at most 200 characters), then the server action, which returns the value and records
 * the view and the reason in the audit log in the same transaction. The dialog stays open with the
 * message when the action refuses.
 */
export function RevealDialog<T>({
  run,
  onRevealed,
  label,
}: {
  run: (reason: string) => Promise<ActionResult<T>>;
  onRevealed: (data: T) => void;
  label?: string;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();

  const submit = () => {
    const text = reason.trim();
    if (!text) return setError('required');
    if (text.length > MAX) return setError(tooLong(MAX));
    startTransition(async () => {
      const result = await run(text);
      if (result.ok) {
        setOpen(false);
        setReason('');
        onRevealed(result.data);
      } else {
        setError(result.fieldErrors?.reason?.[0] ?? result.error);
      }
    });
  };

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (next) setError(null);
        setOpen(next);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button type="button" variant="secondary" size="sm">
          {label ?? t('reveal.show')}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>{t('reveal.title')}</AlertDialogTitle>
        <AlertDialogDescription>{t('reveal.body')}</AlertDialogDescription>
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            // The dialog is portalled out of the DOM but not out of React's tree: keep its submit
            // from reaching an edit form it was opened from.
            e.stopPropagation();
            submit();
          }}
        >
          <label htmlFor={id} className="block text-sm font-medium text-stone-800">
            {t('reveal.reason')}
          </label>
          <textarea
            id={id}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={MAX}
            rows={3}
            required
            aria-invalid={!!error}
            aria-describedby={`${id}-hint ${id}-error`}
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm aria-[invalid=true]:border-red-600"
          />
          <p id={`${id}-hint`} className="text-xs text-stone-500">
            {t('reveal.reasonHint')}
          </p>
          <p id={`${id}-error`} aria-live="polite" className="min-h-0 text-sm text-red-700">
            {error ? errorText(error) : null}
          </p>
          <AlertDialogFooter>
            <AlertDialogCancel type="button">{t('common.cancel')}</AlertDialogCancel>
            <Button type="submit" disabled={pending}>
              {pending ? t('common.working') : t('reveal.confirm')}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
