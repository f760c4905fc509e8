'use client';

import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/ui/form-alert';
import { casePaths } from '@/lib/cases/paths';

/** The errors that mean someone else moved the case first: the page as shown is out of date. */
export const STALE = ['conflict', 'caseWrongState', 'caseAlreadyActedOn', 'caseDecidedMeanwhile'];

/**
 * A case form's message: a stale page gets the reason and a link that reloads the case; an error
 * that belongs to no field of the form (over budget) is shown in words instead of "check the
 * marked fields".
 */
export function CaseFormAlert({
  caseId,
  formError,
  orphanError,
  success,
}: {
  caseId: number;
  formError: string | null;
  orphanError?: string;
  success?: string | null;
}) {
  const t = useTranslations();
  if (formError && STALE.includes(formError)) {
    return (
      <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
        {t(`errors.${formError}`)}{' '}
        <a href={casePaths.view(caseId)} className="font-medium underline">
          {t('cases.reload')}
        </a>
      </div>
    );
  }
  return <FormAlert error={orphanError ?? formError} success={success} />;
}
