'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { submitClaim, uploadClaimDocument } from '@/lib/mutual-aid/claim-actions';
import type { ClaimDocument } from '@/lib/mutual-aid/rules';

/** One paper of the claim: which it is (the scheme's list first) and the file. */
export function ClaimDocumentUpload({ caseId, purposes }: { caseId: number; purposes: ClaimDocument[] }) {
  const t = useTranslations('mutual');
  const te = useTranslations('errors');
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      ref={ref}
      className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        data.set('caseId', String(caseId));
        start(async () => {
          setError(null);
          const r = await uploadClaimDocument(data as never);
          if (!r.ok) {
            const key = r.fieldErrors?.file?.[0] ?? r.fieldErrors?.purpose?.[0] ?? r.error;
            return setError(te.has(key) ? te(key) : te('invalid'));
          }
          ref.current?.reset();
          router.refresh();
        });
      }}
    >
      <label className="text-sm">
        <span className="block font-medium">{t('paperKind')}</span>
        <select name="purpose" className="mt-1 w-full rounded border border-stone-300 px-2 py-1">
          {purposes.map((p) => (
            <option key={p} value={p}>
              {t(`documents.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">{t('paperFile')}</span>
        <input
          name="file"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          className="mt-1 w-full"
          aria-describedby={error ? `claim-upload-error-${caseId}` : undefined}
          aria-invalid={error ? true : undefined}
        />
      </label>
      <Button type="submit" disabled={pending}>
        {t('upload')}
      </Button>
      <p id={`claim-upload-error-${caseId}`} aria-live="polite" className="text-sm text-red-700 sm:col-span-3">
        {error}
      </p>
    </form>
  );
}

/** Submits the claim (or sends a returned one back); a missing paper is named next to the button. */
export function SubmitClaimButton({
  caseId,
  version,
  resubmit,
}: {
  caseId: number;
  version: number;
  resubmit: boolean;
}) {
  const t = useTranslations('mutual');
  const te = useTranslations('errors');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        disabled={pending}
        aria-describedby={error ? `claim-submit-error-${caseId}` : undefined}
        onClick={() =>
          start(async () => {
            setError(null);
            const r = await submitClaim({ caseId, version });
            if (!r.ok) {
              const key = Object.values(r.fieldErrors ?? {}).find((m) => m?.[0])?.[0] ?? r.error;
              return setError(te.has(key) ? te(key) : te('invalid'));
            }
            router.refresh();
          })
        }
      >
        {resubmit ? t('resubmit') : t('submit')}
      </Button>
      <p id={`claim-submit-error-${caseId}`} aria-live="polite" className="text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
