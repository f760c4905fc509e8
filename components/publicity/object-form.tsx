'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { objectToCase } from '@/lib/cases/case-actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { objectSchema } from '@/lib/validation/cases';

/** 提出异议: a reason, sent to the officials who decide objections on this case. */
export function ObjectForm({ caseId }: { caseId: number }) {
  const t = useTranslations('publicity');
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(objectSchema, objectToCase, {
    defaultValues: { caseId, reason: '' },
    onSuccess: () => {
      form.reset({ caseId, reason: '' });
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormAlert error={formError} success={saved ? 'publicity.objected' : null} />
      <Field label={t('objectionReason')} hint={t('objectionHint')} error={fieldError(form.formState.errors, 'reason')}>
        {(p) => <textarea {...p} {...form.register('reason')} rows={3} maxLength={2000} />}
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('sending') : t('objectSubmit')}
        </Button>
      </div>
    </form>
  );
}
