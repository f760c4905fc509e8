'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
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

/**
 * A button that asks before it acts: an alert dialog with the consequence spelled out, then the
 * server action, then a refresh of the page's data. It stays open with the reason when the action
 * is refused.
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
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const confirm = () =>
    startTransition(async () => {
      const result = await run(input);
      if (result.ok) {
        setOpen(false);
        router.refresh();
      } else {
        setError(result.error);
      }
    });

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (next) setError(null);
        setOpen(next);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant={variant} size="sm">
          {label}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>{title}</AlertDialogTitle>
        <AlertDialogDescription>{body}</AlertDialogDescription>
        {error && (
          <p role="status" className="text-sm text-red-700">
            {t.has(`errors.${error}`) ? t(`errors.${error}`) : t('errors.unexpected')}
          </p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel>{t('common.cancel')}</AlertDialogCancel>
          <Button variant={variant} onClick={confirm} disabled={pending}>
            {pending ? t('common.working') : confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
