'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import { addFollowUp, linkExit, openFile, recordPlacement } from '@/lib/employment/employment-actions';
import { EMPLOYMENT_KINDS, FOLLOW_UP_KINDS, PLACEMENTS } from '@/lib/employment/rules';
import { followUpSchema, openPersonFileSchema, placementSchema } from '@/lib/validation/employment';

/** Opens a graduate's file from a suggested student. */
export function OpenFromStudentButton({ studentId, name }: { studentId: number; name: string }) {
  const t = useTranslations('employment');
  return (
    <ConfirmAction
      label={t('openFromStudent')}
      title={t('openFromStudent')}
      body={t('openFromStudentBody', { name })}
      confirmLabel={t('openFromStudent')}
      input={{ from: 'student' as const, studentId, wishes: '' }}
      run={openFile}
      variant="primary"
    />
  );
}

/** A file opened by hand: a worker's family member or a survivor, by the worker's employee number. */
export function OpenFileForm() {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(openPersonFileSchema, openFile, {
    defaultValues: {
      from: 'person',
      kind: 'family_member',
      employeeNo: '',
      name: '',
      school: '',
      major: '',
      graduationYear: '',
      wishes: '',
    },
    onSuccess: (data) => router.push(`/employment/${data.id}`),
  });
  const errors = form.formState.errors;
  const fe = (k: string) => fieldError(errors, k);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('employment.openByHand')}>
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('employment.kind')} error={fe('kind')}>
          {(p) => (
            <select {...p} {...form.register('kind')}>
              {EMPLOYMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`employment.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('employment.employeeNo')} error={fe('employeeNo')}>
          {(p) => <input {...p} {...form.register('employeeNo')} autoComplete="off" />}
        </Field>
        <Field label={t('employment.name')} error={fe('name')}>
          {(p) => <input {...p} {...form.register('name')} autoComplete="off" />}
        </Field>
        <Field label={t('employment.school')} error={fe('school')}>
          {(p) => <input {...p} {...form.register('school')} autoComplete="off" />}
        </Field>
        <Field label={t('employment.major')} error={fe('major')}>
          {(p) => <input {...p} {...form.register('major')} autoComplete="off" />}
        </Field>
        <Field label={t('employment.graduationYear')} error={fe('graduationYear')}>
          {(p) => <input {...p} {...form.register('graduationYear')} inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field label={t('employment.wishes')} error={fe('wishes')}>
          {(p) => <input {...p} {...form.register('wishes')} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
          {t('employment.openFile')}
        </Button>
      </div>
    </form>
  );
}

/** A follow-up or a referral to an employer. */
export function FollowUpForm({ fileId, today }: { fileId: number; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const empty = { fileId, kind: 'follow_up' as const, on: today, note: '', employer: '' };
  const { form, onSubmit, formError } = useActionForm(followUpSchema, addFollowUp, {
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('employment.addFollowUp')}>
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('employment.followUpKind')} error={fieldError(errors, 'kind')}>
          {(p) => (
            <select {...p} {...form.register('kind')}>
              {FOLLOW_UP_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`employment.followUpKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('employment.on')} error={fieldError(errors, 'on')}>
          {(p) => <input {...p} {...form.register('on')} type="date" max={today} />}
        </Field>
        <Field label={t('employment.note')} error={fieldError(errors, 'note')}>
          {(p) => <input {...p} {...form.register('note')} autoComplete="off" />}
        </Field>
        <Field label={t('employment.employer')} error={fieldError(errors, 'employer')}>
          {(p) => <input {...p} {...form.register('employer')} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('employment.addFollowUp')}
        </Button>
      </div>
    </form>
  );
}

/** The placement: at the mine or elsewhere, on a date, with the employer. */
export function PlacementForm({ fileId, version, today }: { fileId: number; version: number; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(placementSchema, recordPlacement, {
    defaultValues: { fileId, version, outcome: 'placed_mine', placedOn: today, employer: '' },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="grid gap-3"
      aria-label={t('employment.recordPlacement')}
    >
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('employment.outcome')} error={fieldError(errors, 'outcome')}>
          {(p) => (
            <select {...p} {...form.register('outcome')}>
              {PLACEMENTS.map((o) => (
                <option key={o} value={o}>
                  {t(`employment.outcomes.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('employment.placedOn')} error={fieldError(errors, 'placedOn')}>
          {(p) => <input {...p} {...form.register('placedOn')} type="date" max={today} />}
        </Field>
        <Field label={t('employment.employer')} error={fieldError(errors, 'employer')}>
          {(p) => <input {...p} {...form.register('employer')} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
          {t('employment.recordPlacement')}
        </Button>
      </div>
    </form>
  );
}

/** Links the placement to the household's exit from hardship (脱困), asked first. */
export function LinkExitButton({ fileId, version, active }: { fileId: number; version: number; active: boolean }) {
  const t = useTranslations('employment');
  return (
    <ConfirmAction
      label={t('linkExit')}
      title={t('linkExit')}
      body={t(active ? 'linkExitBodyActive' : 'linkExitBodyExited')}
      confirmLabel={t('linkExit')}
      input={{ fileId, version }}
      run={linkExit}
      variant="primary"
    />
  );
}
