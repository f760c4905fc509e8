'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { updateTaskStatus } from '@/lib/register/task-actions';
import type { TaskStatus } from '@/db/schema';
import { taskStatusSchema } from '@/lib/validation/register';

/**
 * Moves a task on: open → in progress ("start"), and open or in progress → done with its
 * outcome. Used on the household page and the task list alike.
 */
export function TaskStatusControl({ taskId, status }: { taskId: number; status: TaskStatus }) {
  const t = useTranslations();
  const router = useRouter();
  const [starting, startTransition] = useTransition();
  const [startError, setStartError] = useState<string | null>(null);
  const { form, onSubmit, formError } = useActionForm(taskStatusSchema, updateTaskStatus, {
    defaultValues: { taskId, status: 'done', outcome: '' },
    onSuccess: () => router.refresh(),
  });
  if (status === 'done') return null;

  const start = () =>
    startTransition(async () => {
      setStartError(null);
      const result = await updateTaskStatus({ taskId, status: 'in_progress', outcome: '' });
      if (result.ok) router.refresh();
      else setStartError(result.error);
    });

  return (
    <div className="flex flex-wrap items-start gap-2">
      {status === 'open' && (
        <Button size="sm" variant="secondary" onClick={start} disabled={starting}>
          {starting ? t('common.working') : t('tasks.start')}
        </Button>
      )}
      <details className="group w-full sm:w-auto sm:min-w-72">
        <summary className="inline-flex min-h-10 cursor-pointer list-none items-center rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100">
          {t('tasks.complete')}
        </summary>
        <form method="post" onSubmit={onSubmit} noValidate className="mt-2 grid gap-2">
          <FormAlert error={formError} />
          <Field label={t('tasks.outcome')} error={fieldError(form.formState.errors, 'outcome')}>
            {(p) => <textarea {...p} {...form.register('outcome')} rows={2} />}
          </Field>
          <div>
            <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('common.working') : t('tasks.completeSubmit')}
            </Button>
          </div>
        </form>
      </details>
      {startError && (
        <div className="w-full">
          <FormAlert error={startError} />
        </div>
      )}
    </div>
  );
}
