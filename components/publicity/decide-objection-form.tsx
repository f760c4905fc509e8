'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { decideObjection } from '@/lib/cases/case-actions';
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
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [uphold, setUphold] = useState(false);
  const { form, onSubmit, formError } = useActionForm(decideObjectionSchema, decideObjection, {
    defaultValues: { objectionId, uphold: false, comment: '' },
    onSuccess: () => router.refresh(),
  });
  const ask = async (choice: boolean) => {
    setUphold(choice);
    form.setValue('uphold', choice);
    if (await form.trigger('comment')) dialog.current?.showModal();
  };
  const submitting = form.formState.isSubmitting;
  const action = uphold ? 'uphold_objection' : 'dismiss_objection';
  return (
    <form
      method="post"
      onSubmit={async (e) => {
        // Only the dialog's confirm button sends; anything else asks first.
        if (!dialog.current?.open) {
          e.preventDefault();
          return;
        }
        await onSubmit(e);
        dialog.current?.close();
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
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-black/40"
      >
        <div className="space-y-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {t(`publicity.confirm.${action}.title`, { case: caseLabel })}
          </h2>
          <p className="text-sm text-stone-700">{t(`publicity.confirm.${action}.body`)}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant={uphold ? 'danger' : 'primary'} disabled={submitting}>
              {submitting ? t('common.working') : t(`publicity.decide.${action}`)}
            </Button>
          </div>
        </div>
      </dialog>
    </form>
  );
}
