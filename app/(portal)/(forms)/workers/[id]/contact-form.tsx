'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { id, optionalPhone } from '@/lib/validation/common';
import { updateContact } from '@/lib/people/worker-actions';

const schema = z.object({ userId: id, phone: optionalPhone });

/** A new phone number; the current one is never sent to the browser unmasked. */
export function ContactForm({ userId }: { userId: number }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useActionForm(schema, updateContact, {
    defaultValues: { userId, phone: '' },
    onSuccess: () => {
      form.reset({ userId, phone: '' });
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert error={formError} success={saved ? 'common.saved' : null} />
      <Field
        label={t('people.newPhone')}
        error={fieldError(form.formState.errors, 'phone')}
        hint={t('workers.phoneHint')}
      >
        {(p) => <input {...p} {...form.register('phone')} inputMode="tel" autoComplete="off" />}
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t('common.save')}
      </Button>
    </form>
  );
}
