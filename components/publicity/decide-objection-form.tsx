'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { decideObjection } from '@/lib/cases/case-actions';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { decideObjectionSchema } from '@/lib/validation/cases';

/**
 * Uphold or dismiss an objection, with the required comment. Either button checks the comment,
 * then asks in a dialog that says what follows — upholding sends the case back to the leader's
 * approval step — before anything is sent.
 */
export function DecideObjectionForm({ objectionId, caseLabel }: { objectionId: number; caseLabel: string }) {
  const t = useTranslations();
  const router = useRouter();
  const formId = useId();
  const [asking, setAsking] = useState(false);
  const [uphold, setUphold] = useState(false);
  const { form, onSubmit, formError } = useActionForm(decideObjectionSchema, decideObjection, {
    defaultValues: { objectionId, uphold: false, comment: '' },
    onSuccess: () => router.refresh(),
  });
  const ask = async (choice: boolean) => {
    setUphold(choice);
    form.setValue('uphold', choice);
    if (await form.trigger('comment')) setAsking(true);
  };
  const submitting = form.formState.isSubmitting;
  const action = uphold ? 'uphold_objection' : 'dismiss_objection';
  return (
    <form
      id={formId}
      method="post"
      onSubmit={async (e) => {
        // Only the dialog's confirm button sends; anything else asks first.
        if (!asking) {
          e.preventDefault();
          return;
        }
        await onSubmit(e);
        setAsking(false);
      }}
      noValidate
      className="grid gap-3"
    >
      <FormAlert error={formError} />
      <Field label={t('publicity.decisionComment')} error={fieldError(form.formState.errors, 'comment')}>
        {(p) => <textarea {...p} {...form.register('comment')} rows={2} maxLength={2000} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" onClick={() => ask(true)}>
          {t('publicity.decide.uphold_objection')}
        </Button>
        <Button variant="secondary" onClick={() => ask(false)}>
          {t('publicity.decide.dismiss_objection')}
        </Button>
      </div>
      <AlertDialog open={asking} onOpenChange={setAsking}>
        <AlertDialogContent>
          <AlertDialogTitle>{t(`publicity.confirm.${action}.title`, { case: caseLabel })}</AlertDialogTitle>
          <AlertDialogDescription>{t(`publicity.confirm.${action}.body`)}</AlertDialogDescription>
          <AlertDialogFooter>
            <AlertDialogCancel>{t('common.cancel')}</AlertDialogCancel>
            {/* The dialog is drawn outside the form (in a portal): the button names its form. */}
            <Button type="submit" form={formId} variant={uphold ? 'danger' : 'primary'} disabled={submitting}>
              {submitting ? t('common.working') : t(`publicity.decide.${action}`)}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </form>
  );
}
