'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import type { ImportKind } from '@/db/schema/imports';

/**
 * Choose a file and start its dry run. The file goes up as the request's raw body, so the server
 * reads it as it streams instead of holding a multipart form; the job page shows the report.
 */
/** `query` carries the page's other choices (an enrolment list's scheme and year) to the dry run. */
export function UploadForm({ kind, query = '' }: { kind: ImportKind; query?: string }) {
  const t = useTranslations('imports');
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (!file) return setFieldError('required');
    setFieldError(undefined);
    setBusy(true);
    try {
      const res = await fetch(`/api/imports/upload/${kind}${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
        body: file,
      });
      const body = (await res.json().catch(() => ({}))) as { jobId?: number; error?: string };
      if (!res.ok || !body.jobId) {
        setError(body.error ?? 'unexpected');
        setBusy(false);
        return;
      }
      router.push(`/imports/${body.jobId}`);
    } catch {
      setError('unexpected');
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <Field label={t('file')} hint={t('fileHint')} error={fieldError}>
        {(props) => (
          <input
            {...props}
            type="file"
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <FormAlert error={error} />
      <Button type="submit" disabled={busy}>
        {busy ? t('checking') : t('dryRun')}
      </Button>
    </form>
  );
}
